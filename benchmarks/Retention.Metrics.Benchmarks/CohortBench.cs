using System.Globalization;
using BenchmarkDotNet.Attributes;
using DuckDB.NET.Data;
using Retention.Metrics.Benchmarks.Infrastructure;

namespace Retention.Metrics.Benchmarks;

/// <summary>Monthly cohort matrix ("on" retention: active customers, orders and revenue per cohort month and month index) over a built history.</summary>
[BenchConfig]
[BenchmarkCategory("Cohorts")]
[MemoryDiagnoser]
public class CohortBench : ShopBench
{
    private static readonly CohortOptions s_onOrAfter = new() { Retention = CohortRetention.OnOrAfter };

    private CohortFingerprint _expected;

    [GlobalSetup]
    public void Setup()
    {
        LoadShop();
        _expected = CohortFingerprint.From(Cohorts.Compute(History, ShopData.AsOf));
    }

    [GlobalSetup(Target = nameof(ComputeParallel))]
    public void SetupParallel()
    {
        Setup();
        CohortFingerprint.AssertEqual(_expected, CohortFingerprint.From(ComputeParallel()), nameof(ComputeParallel));
    }

    [GlobalSetup(Target = nameof(Linq))]
    public void SetupLinq()
    {
        Setup();
        CohortFingerprint.AssertEqual(_expected, Linq(), nameof(Linq));
    }

    [GlobalSetup(Target = nameof(DuckDb))]
    public void SetupDuckDb()
    {
        Setup();
        LoadDuck();
        CohortFingerprint.AssertEqual(_expected, DuckDb(), nameof(DuckDb));
    }

    [Benchmark(Baseline = true, Description = "LINQ GroupBy")]
    public CohortFingerprint Linq() => CohortVariants.Linq(Purchases, ShopData.AsOf);

    [Benchmark(Description = "Cohorts.Compute (on)")]
    public CohortTable Compute() => Cohorts.Compute(History, ShopData.AsOf);

    [Benchmark(Description = "Cohorts.Compute (on), 2 threads")]
    public CohortTable ComputeParallel() => Cohorts.Compute(History, ShopData.AsOf, null, degreeOfParallelism: 2);

    [Benchmark(Description = "Cohorts.Compute (on or after)")]
    public CohortTable ComputeOnOrAfter() => Cohorts.Compute(History, ShopData.AsOf, s_onOrAfter);

    [Benchmark(Description = "DuckDB SQL")]
    public CohortFingerprint DuckDb() => CohortVariants.DuckDb(Duck!, ShopData.AsOf);

    /// <summary>The bandwidth floor: one pass reading both columns of the history (12 bytes per purchase).</summary>
    [Benchmark(Description = "Floor: sum columns")]
    public long Floor() => BandwidthFloor.SumColumns(History);
}

/// <summary>A monthly cohort matrix reduced to figures every variant can produce: cells, Σ active, Σ active weighted by position, Σ orders, Σ revenue.</summary>
/// <remarks>The position weight <c>1 + 1000·cohort + k</c> (cohort counted in months from the sample's first month) makes a
/// count in the wrong cell change the fingerprint.</remarks>
public readonly record struct CohortFingerprint(long Cells, long Active, long WeightedActive, long Orders, decimal Revenue)
{
    private static readonly int s_firstMonth = MonthOrdinal(SampleShop.DefaultStart);

    public static int MonthOrdinal(DateOnly date) => (date.Year * 12) + date.Month - 1;

    public static CohortFingerprint From(CohortTable table)
    {
        long cells = 0, active = 0, weighted = 0, orders = 0;
        decimal revenue = 0;
        int offset = MonthOrdinal(table.CohortStarts.Length == 0 ? SampleShop.DefaultStart : table.CohortStarts[0]) - s_firstMonth;
        for (int r = 0; r < table.CohortCount; r++)
        {
            ReadOnlySpan<long> a = table.ActiveRow(r), o = table.OrdersRow(r);
            for (int k = 0; k < table.PeriodCount; k++)
            {
                if (o[k] == 0) continue;
                cells++;
                active += a[k];
                weighted += a[k] * (1 + (1000L * (r + offset)) + k);
                orders += o[k];
                revenue += table.Revenue(r, k);
            }
        }
        return new CohortFingerprint(cells, active, weighted, orders, revenue);
    }

    /// <summary>Adds one non-empty cell, its cohort given as an absolute month ordinal.</summary>
    public CohortFingerprint Add(int cohortMonth, int k, long active, long orders, decimal revenue) => new(
        Cells + 1,
        Active + active,
        WeightedActive + (active * (1 + (1000L * (cohortMonth - s_firstMonth)) + k)),
        Orders + orders,
        Revenue + revenue);

    /// <summary>Throws unless every variant agrees: a benchmark of a wrong answer is worthless.</summary>
    public static void AssertEqual(CohortFingerprint expected, CohortFingerprint actual, string variant)
    {
        if (expected != actual) throw new InvalidOperationException($"{variant} disagrees: expected {expected}, got {actual}.");
    }
}

/// <summary>The monthly cohort matrix computed the ways a user could compute it instead of with the library.</summary>
public static class CohortVariants
{
    /// <summary>What a .NET developer writes by hand: group by customer, find the first month, group each customer's purchases
    /// by month index, then group those by (cohort, index).</summary>
    public static CohortFingerprint Linq(Purchase[] purchases, DateOnly asOf)
    {
        var cells = purchases
            .Where(p => p.Date <= asOf)
            .GroupBy(p => p.Customer)
            .SelectMany(g =>
            {
                int cohort = CohortFingerprint.MonthOrdinal(g.Min(p => p.Date));
                return g.GroupBy(p => CohortFingerprint.MonthOrdinal(p.Date) - cohort)
                    .Select(m => (Cohort: cohort, K: m.Key, Orders: (long)m.Count(), Revenue: m.Sum(p => p.Amount)));
            })
            .GroupBy(x => (x.Cohort, x.K))
            .Select(g => (g.Key.Cohort, g.Key.K, Active: (long)g.Count(), Orders: g.Sum(x => x.Orders), Revenue: g.Sum(x => x.Revenue)))
            .ToList();
        var fingerprint = default(CohortFingerprint);
        foreach (var c in cells) fingerprint = fingerprint.Add(c.Cohort, c.K, c.Active, c.Orders, c.Revenue);
        return fingerprint;
    }

    /// <summary>The same matrix in SQL: first purchase per customer, one row per (customer, month index), then per cell.</summary>
    public static string Sql(DateOnly asOf) => string.Create(CultureInfo.InvariantCulture, $"""
        WITH seen AS (
            SELECT customer, day, amount FROM purchases WHERE day <= DATE '{asOf:yyyy-MM-dd}'),
        firsts AS (
            SELECT customer, year(min(day)) * 12 + month(min(day)) - 1 AS cohort FROM seen GROUP BY customer),
        per_customer AS (
            SELECT f.cohort, year(s.day) * 12 + month(s.day) - 1 - f.cohort AS k, count(*) AS orders, sum(s.amount) AS revenue
            FROM seen s JOIN firsts f USING (customer)
            GROUP BY s.customer, f.cohort, k)
        SELECT cohort, k, count(*) AS active, sum(orders)::BIGINT AS orders, sum(revenue) AS revenue
        FROM per_customer
        GROUP BY cohort, k
        """);

    public static CohortFingerprint DuckDb(DuckDbShop shop, DateOnly asOf)
    {
        using DuckDBCommand command = shop.Connection.CreateCommand();
        command.CommandText = Sql(asOf);
        using DuckDBDataReader reader = command.ExecuteReader();
        var fingerprint = default(CohortFingerprint);
        while (reader.Read())
        {
            fingerprint = fingerprint.Add(
                Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture),
                Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture),
                Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture),
                Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture),
                reader.GetDecimal(4));
        }
        return fingerprint;
    }
}
