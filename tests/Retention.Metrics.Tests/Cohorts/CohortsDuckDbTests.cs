using DuckDB.NET.Data;
using Retention.Metrics.Tests.Infrastructure;

namespace Retention.Metrics.Tests.Cohorts;

/// <summary>The monthly cohort matrix of the CDNOW sample against the same matrix in DuckDB SQL.</summary>
public class CohortsDuckDbTests
{
    private const string Cells = """
        WITH firsts AS (SELECT customer, min(d) AS first FROM orders GROUP BY customer),
        seen AS (
            SELECT o.customer, o.amount, f.first,
                   (year(o.d) - year(f.first)) * 12 + month(o.d) - month(f.first) AS k
            FROM orders o JOIN firsts f USING (customer)
            WHERE o.d <= $asof AND f.first <= $asof)
        SELECT CAST(date_trunc('month', first) AS DATE) AS cohort, k,
               count(DISTINCT customer) AS active, count(*) AS orders, sum(amount) AS revenue
        FROM seen GROUP BY ALL ORDER BY ALL
        """;

    private const string OnOrAfter = """
        WITH firsts AS (SELECT customer, min(d) AS first FROM orders GROUP BY customer),
        last AS (
            SELECT o.customer, f.first, max((year(o.d) - year(f.first)) * 12 + month(o.d) - month(f.first)) AS last_k
            FROM orders o JOIN firsts f USING (customer)
            WHERE o.d <= $asof AND f.first <= $asof
            GROUP BY ALL)
        SELECT CAST(date_trunc('month', first) AS DATE) AS cohort, g.k, count(*) AS active
        FROM last, range(0, 40) g(k) WHERE last_k >= g.k
        GROUP BY ALL ORDER BY ALL
        """;

    private const string Sizes = """
        SELECT CAST(date_trunc('month', min(d)) AS DATE) AS cohort, customer FROM orders GROUP BY customer HAVING min(d) <= $asof
        """;

    [Theory]
    [InlineData(1998, 6, 30)]
    [InlineData(1997, 9, 15)] // mid-month asOf: the last column is partial
    public void Compute_CdnowSampleMonthly_EqualsDuckDbSql(int year, int month, int day)
    {
        var asOf = new DateOnly(year, month, day);
        var rows = TestData.CdnowSample;
        var history = TestData.History(rows);
        var on = Metrics.Cohorts.Compute(history, asOf);
        var after = Metrics.Cohorts.Compute(history, asOf, new CohortOptions { Retention = CohortRetention.OnOrAfter });

        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE orders (customer INTEGER, d DATE, amount DECIMAL(18, 2))";
            create.ExecuteNonQuery();
        }
        using (var appender = connection.CreateAppender("orders"))
        {
            foreach (var r in rows) appender.CreateRow().AppendValue(r.CustomerId).AppendValue(r.Date).AppendValue(r.Dollars).EndRow();
        }

        var sizes = new Dictionary<DateOnly, long>();
        foreach (var (cohort, _) in Query(connection, Sizes, asOf, x => (x.GetFieldValue<DateOnly>(0), x.GetInt32(1))))
            sizes[cohort] = sizes.GetValueOrDefault(cohort) + 1;
        int matched = 0;
        for (int r = 0; r < on.CohortCount; r++) Assert.Equal(sizes.GetValueOrDefault(on.CohortStarts[r]), on.CohortSizes[r]);

        var sqlCells = Query(connection, Cells, asOf, x => (Cohort: x.GetFieldValue<DateOnly>(0), K: (int)x.GetInt64(1), Active: x.GetInt64(2), Orders: x.GetInt64(3), Revenue: x.GetDecimal(4)));
        var byCell = sqlCells.ToDictionary(c => (c.Cohort, c.K));
        var afterCells = Query(connection, OnOrAfter, asOf, x => (Cohort: x.GetFieldValue<DateOnly>(0), K: (int)x.GetInt64(1), Active: x.GetInt64(2)))
            .ToDictionary(c => (c.Cohort, c.K), c => c.Active);
        for (int r = 0; r < on.CohortCount; r++)
        {
            for (int k = 0; k < on.PeriodCount; k++)
            {
                var key = (on.CohortStarts[r], k);
                if (byCell.TryGetValue(key, out var cell))
                {
                    Assert.Equal(cell.Active, on.Active(r, k));
                    Assert.Equal(cell.Orders, on.Orders(r, k));
                    Assert.Equal(cell.Revenue, on.Revenue(r, k));
                    matched++;
                }
                else
                {
                    Assert.Equal((0L, 0L, 0m), (on.Active(r, k), on.Orders(r, k), on.Revenue(r, k)));
                }
                Assert.Equal(afterCells.GetValueOrDefault(key), after.Active(r, k));
            }
        }
        // Every SQL cell found its place in the table.
        Assert.Equal(sqlCells.Count, matched);
    }

    private static List<T> Query<T>(DuckDBConnection connection, string sql, DateOnly asOf, Func<System.Data.Common.DbDataReader, T> read)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add(new DuckDBParameter("asof", asOf));
        using var reader = command.ExecuteReader();
        var list = new List<T>();
        while (reader.Read()) list.Add(read(reader));
        return list;
    }
}
