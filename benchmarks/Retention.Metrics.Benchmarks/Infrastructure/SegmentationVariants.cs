using System.Globalization;
using DuckDB.NET.Data;

namespace Retention.Metrics.Benchmarks.Infrastructure;

/// <summary>What every RFM variant reduces its scores to: customers, Σ cell codes (100·R + 10·F + M) and Champions (R, F, M ≥ 4).</summary>
public readonly record struct RfmChecksum(long Customers, long CellSum, long Champions)
{
    public static RfmChecksum From(RfmResult result)
    {
        long cells = 0;
        foreach (ref readonly RfmCustomer c in result.Customers) cells += c.Cell;
        return new RfmChecksum(result.Customers.Length, cells, result.Segments[0].Customers.Numerator);
    }

    public static RfmChecksum From(object[] row) => new(
        Convert.ToInt64(row[0], CultureInfo.InvariantCulture),
        Convert.ToInt64(row[1], CultureInfo.InvariantCulture),
        Convert.ToInt64(row[2], CultureInfo.InvariantCulture));

    public static void AssertEqual(RfmChecksum expected, RfmChecksum actual, string variant)
    {
        if (expected != actual) throw new InvalidOperationException($"{variant} disagrees: expected {expected}, got {actual}.");
    }
}

/// <summary>RFM computed the ways a user could compute it instead of with the library.</summary>
public static class RfmVariants
{
    /// <summary>By hand: group by customer, then the rfm-package quintile rule with OrderBy for the quantiles.</summary>
    public static RfmChecksum Linq(Purchase[] purchases, DateOnly asOf)
    {
        var rows = purchases
            .Where(p => p.Date <= asOf)
            .GroupBy(p => p.Customer)
            .Select(g => new
            {
                R = (double)(asOf.DayNumber - g.Max(p => p.Date).DayNumber),
                F = (double)g.Count(),
                M = (double)g.Sum(p => p.Amount),
            })
            .ToList();
        double[] rc = Cuts(rows.Select(r => r.R)), fc = Cuts(rows.Select(r => r.F)), mc = Cuts(rows.Select(r => r.M));
        var scores = rows.Select(r => new { R = 6 - Bin(r.R, rc), F = Bin(r.F, fc), M = Bin(r.M, mc) }).ToList();
        return new RfmChecksum(
            scores.Count,
            scores.Sum(s => (long)(s.R * 100 + s.F * 10 + s.M)),
            scores.Count(s => s.R >= 4 && s.F >= 4 && s.M >= 4));
    }

    private static double[] Cuts(IEnumerable<double> values)
    {
        double[] s = values.OrderBy(v => v).ToArray();
        return Enumerable.Range(1, 4).Select(j =>
        {
            double index = 1 + (s.Length - 1) * (j * (1d / 5));
            int lo = (int)Math.Floor(index), hi = (int)Math.Ceiling(index);
            double h = index - lo;
            double q = index > lo && s[hi - 1] != s[lo - 1] ? (1 - h) * s[lo - 1] + h * s[hi - 1] : s[lo - 1];
            return q + 1;
        }).ToArray();
    }

    private static int Bin(double v, double[] cuts) => 1 + cuts.Count(c => c <= v);

    private const string PerCustomer = """
        c AS (
            SELECT customer, (DATE '{0:yyyy-MM-dd}' - max(day))::DOUBLE AS r, count(*)::DOUBLE AS f, sum(amount)::DOUBLE AS m
            FROM purchases
            WHERE day <= DATE '{0:yyyy-MM-dd}'
            GROUP BY customer)
        """;

    /// <summary>The package rule in SQL: type-7 quantiles (<c>quantile_cont</c>) + 1 as cut-points.</summary>
    public static string QuantileSql(DateOnly asOf) => string.Format(CultureInfo.InvariantCulture, "WITH " + PerCustomer + """
        ,
        q AS (
            SELECT quantile_cont(r, [0.2, 0.4, 0.6, 0.8]) AS rq, quantile_cont(f, [0.2, 0.4, 0.6, 0.8]) AS fq,
                   quantile_cont(m, [0.2, 0.4, 0.6, 0.8]) AS mq
            FROM c),
        s AS (
            SELECT 5 - ((r >= rq[1] + 1)::INT + (r >= rq[2] + 1)::INT + (r >= rq[3] + 1)::INT + (r >= rq[4] + 1)::INT) AS rs,
                   1 + (f >= fq[1] + 1)::INT + (f >= fq[2] + 1)::INT + (f >= fq[3] + 1)::INT + (f >= fq[4] + 1)::INT AS fs,
                   1 + (m >= mq[1] + 1)::INT + (m >= mq[2] + 1)::INT + (m >= mq[3] + 1)::INT + (m >= mq[4] + 1)::INT AS ms
            FROM c, q)
        SELECT count(*), sum(rs * 100 + fs * 10 + ms)::BIGINT, count(*) FILTER (WHERE rs >= 4 AND fs >= 4 AND ms >= 4)
        FROM s
        """, asOf);

    /// <summary>Equal-count bins with window functions: <c>(RANK() − 1)·5 // n + 1</c>, RANK() counting strictly worse customers.</summary>
    public static string RankSql(DateOnly asOf) => string.Format(CultureInfo.InvariantCulture, "WITH " + PerCustomer + """
        ,
        s AS (
            SELECT ((rank() OVER (ORDER BY r DESC) - 1) * 5) // (count(*) OVER ()) + 1 AS rs,
                   ((rank() OVER (ORDER BY f) - 1) * 5) // (count(*) OVER ()) + 1 AS fs,
                   ((rank() OVER (ORDER BY m) - 1) * 5) // (count(*) OVER ()) + 1 AS ms
            FROM c)
        SELECT count(*), sum(rs * 100 + fs * 10 + ms)::BIGINT, count(*) FILTER (WHERE rs >= 4 AND fs >= 4 AND ms >= 4)
        FROM s
        """, asOf);
}

/// <summary>Decile spend computed the ways a user could compute it instead of with the library.</summary>
public static class DecileVariants
{
    public static decimal[] Amounts(DecileResult result)
    {
        var amounts = new decimal[result.Rows.Length];
        for (int i = 0; i < amounts.Length; i++) amounts[i] = result.Rows[i].Amount;
        return amounts;
    }

    /// <summary>By hand: spend per customer with GroupBy, OrderByDescending + ThenBy, NTILE(10) group sizes.</summary>
    public static decimal[] Linq(Purchase[] purchases, DateOnly asOf)
    {
        var ranked = purchases
            .Where(p => p.Date <= asOf)
            .GroupBy(p => p.Customer)
            .Select(g => new { Customer = g.Key, Spend = g.Sum(p => p.Amount) })
            .OrderByDescending(x => x.Spend)
            .ThenBy(x => x.Customer)
            .ToArray();
        int n = ranked.Length, size = n / 10, extra = n % 10;
        return Enumerable.Range(0, 10)
            .Select(g => ranked.Skip(g * size + Math.Min(g, extra)).Take(size + (g < extra ? 1 : 0)).Sum(x => x.Spend))
            .ToArray();
    }

    public static string Sql(DateOnly asOf) => string.Create(CultureInfo.InvariantCulture, $"""
        WITH c AS (
            SELECT customer, sum(amount) AS spend FROM purchases WHERE day <= DATE '{asOf:yyyy-MM-dd}' GROUP BY customer),
        d AS (
            SELECT ntile(10) OVER (ORDER BY spend DESC, customer) AS decile, spend FROM c)
        SELECT decile, sum(spend) FROM d GROUP BY decile ORDER BY decile
        """);

    public static decimal[] DuckDb(DuckDbShop shop, DateOnly asOf)
    {
        var amounts = new decimal[10];
        using DuckDBCommand command = shop.Connection.CreateCommand();
        command.CommandText = Sql(asOf);
        using DuckDBDataReader reader = command.ExecuteReader();
        while (reader.Read())
            amounts[Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture) - 1] = Convert.ToDecimal(reader.GetValue(1), CultureInfo.InvariantCulture);
        return amounts;
    }

    public static void AssertEqual(decimal[] expected, decimal[] actual, string variant)
    {
        if (!expected.AsSpan().SequenceEqual(actual))
            throw new InvalidOperationException($"{variant} disagrees: expected {string.Join(", ", expected)}, got {string.Join(", ", actual)}.");
    }
}
