using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace Retention.Metrics.Benchmarks.Infrastructure;

/// <summary>The same purchases in an in-memory DuckDB table, the strongest general-purpose engine a user could pick instead.</summary>
/// <remarks>
/// <para>Table <c>purchases(customer INTEGER, day DATE, amount DECIMAL(18,2))</c>. DECIMAL(18,2) rather than DOUBLE: it is
/// exact, like the library's sums, and DuckDB stores it as a 64-bit integer of cents, the same 8 bytes per amount as the
/// history's <see cref="PurchaseHistory.AmountUnits"/>; DOUBLE would be a float comparison against exact money. The sample
/// has at most two decimals, so DECIMAL(18,2) holds every amount exactly.</para>
/// <para>Order lines, for cross-sell, go into <c>lines(customer INTEGER, day DATE, product INTEGER, amount DECIMAL(18,2))</c>
/// (<see cref="LoadLines"/>).</para>
/// <para>Loaded with the appender API (columnar chunks, no SQL per row). <c>SET threads = 2</c>: the machine has two cores.</para>
/// </remarks>
public sealed class DuckDbShop : IDisposable
{
    private DuckDbShop(DuckDBConnection connection) => Connection = connection;

    public DuckDBConnection Connection { get; }

    /// <summary>Opens an in-memory database with two threads.</summary>
    public static DuckDbShop Open()
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        var shop = new DuckDbShop(connection);
        shop.Execute("SET threads = 2");
        return shop;
    }

    /// <summary>Opens a database and loads <paramref name="purchases"/> into table <c>purchases</c>.</summary>
    public static DuckDbShop Load(ReadOnlySpan<Purchase> purchases)
    {
        DuckDbShop shop = Open();
        shop.Append(purchases);
        return shop;
    }

    /// <summary>Creates table <c>purchases</c> and appends the purchases.</summary>
    public void Append(ReadOnlySpan<Purchase> purchases)
    {
        Execute("CREATE TABLE purchases(customer INTEGER NOT NULL, day DATE NOT NULL, amount DECIMAL(18,2) NOT NULL)");
        using DuckDB.NET.Data.DuckDBAppender appender = Connection.CreateAppender("purchases");
        foreach (ref readonly Purchase p in purchases)
        {
            appender.CreateRow()
                .AppendValue(p.Customer)
                .AppendValue((DuckDBDateOnly)p.Date)
                .AppendValue(p.Amount)
                .EndRow();
        }
    }

    /// <summary>Opens a database and loads <paramref name="lines"/> into table <c>lines</c>.</summary>
    public static DuckDbShop LoadLines(ReadOnlySpan<OrderLine> lines)
    {
        DuckDbShop shop = Open();
        shop.AppendLines(lines);
        return shop;
    }

    /// <summary>Creates table <c>lines</c> and appends the order lines.</summary>
    public void AppendLines(ReadOnlySpan<OrderLine> lines)
    {
        Execute("CREATE TABLE lines(customer INTEGER NOT NULL, day DATE NOT NULL, product INTEGER NOT NULL, amount DECIMAL(18,2) NOT NULL)");
        using DuckDB.NET.Data.DuckDBAppender appender = Connection.CreateAppender("lines");
        foreach (ref readonly OrderLine line in lines)
        {
            appender.CreateRow()
                .AppendValue(line.Customer)
                .AppendValue((DuckDBDateOnly)line.Date)
                .AppendValue(line.Product)
                .AppendValue(line.Amount)
                .EndRow();
        }
    }

    public int Execute(string sql)
    {
        using DuckDBCommand command = Connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    /// <summary>Runs a query returning one row and hands back its values.</summary>
    public object[] QueryRow(string sql)
    {
        using DuckDBCommand command = Connection.CreateCommand();
        command.CommandText = sql;
        using DuckDBDataReader reader = command.ExecuteReader();
        if (!reader.Read()) throw new InvalidOperationException("The query returned no row.");
        var values = new object[reader.FieldCount];
        reader.GetValues(values);
        return values;
    }

    /// <summary>Runs a query and hands back the values of every row.</summary>
    public List<object[]> QueryRows(string sql)
    {
        using DuckDBCommand command = Connection.CreateCommand();
        command.CommandText = sql;
        using DuckDBDataReader reader = command.ExecuteReader();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(values);
        }
        return rows;
    }

    public void Dispose() => Connection.Dispose();
}
