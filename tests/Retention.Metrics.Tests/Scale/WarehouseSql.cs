using System.Data.Common;
using DuckDB.NET.Data;
using Retention.Metrics.ReadmeExample;
using Retention.Metrics.Tests.Infrastructure;

namespace Retention.Metrics.Tests.Scale;

/// <summary>Runs a documented warehouse query (docs/sql/*.sql) in DuckDB over CDNOW rows loaded as the query's input table.</summary>
internal static class WarehouseSql
{
    /// <summary>Loads <c>purchases(customer, day, amount)</c>, runs the file with <c>{{as_of}}</c> filled in, and maps every row.</summary>
    internal static T[] Run<T>(string sqlFile, IEnumerable<TestData.CdnowRow> rows, DateOnly asOf, Func<DbDataReader, T> map)
    {
        string sql = File.ReadAllText(ReadmeTests.FindUp(Path.Combine("docs", "sql", sqlFile)))
            .Replace("{{as_of}}", asOf.ToString("yyyy-MM-dd"), StringComparison.Ordinal);
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "SET threads = 2; CREATE TABLE purchases(customer INTEGER, day DATE, amount DECIMAL(18, 2))";
            create.ExecuteNonQuery();
        }
        using (var appender = connection.CreateAppender("purchases"))
        {
            foreach (var r in rows)
                appender.CreateRow().AppendValue(r.CustomerId).AppendValue(r.Date.ToDateTime(TimeOnly.MinValue)).AppendValue(r.Dollars).EndRow();
        }
        using var query = connection.CreateCommand();
        query.CommandText = sql;
        using var reader = query.ExecuteReader();
        var result = new List<T>();
        while (reader.Read()) result.Add(map(reader));
        return result.ToArray();
    }
}
