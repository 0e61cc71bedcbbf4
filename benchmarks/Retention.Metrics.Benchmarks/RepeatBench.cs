using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Retention.Metrics.Benchmarks.Infrastructure;

namespace Retention.Metrics.Benchmarks;

/// <summary>Repeat and dormancy metrics over an already built history, each beside a LINQ baseline, DuckDB SQL and the bandwidth floor.</summary>
/// <remarks>One category per metric, each with its own LINQ baseline. Every variant is checked against the library in <c>[GlobalSetup]</c>.</remarks>
[BenchConfig]
[BenchmarkCategory("Repeat")]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[MemoryDiagnoser]
public class RepeatBench : ShopBench
{
    private const int F2Window = 90;
    private const int DormancyDays = 180;
    private const int LadderDepth = 5;

    private static DateOnly AsOf => ShopData.AsOf;

    private static DateOnly From => SampleShop.DefaultStart;

    // Period retention from the previous quarter (A) to the quarter ending on the observation end (B): 2025 Q3 → Q4 in the sample.
    private static DateOnly BFrom => new(AsOf.Year, (((AsOf.Month - 1) / 3) * 3) + 1, 1);

    private static DateOnly BTo => AsOf;

    private static DateOnly AFrom => BFrom.AddMonths(-3);

    private static DateOnly ATo => BFrom.AddDays(-1);

    [GlobalSetup]
    public void Setup()
    {
        LoadShop();
    }

    // Each baseline and SQL case checks its own answer against the library before it is measured: a fast wrong answer is
    // worthless. One setup per case, so that a case's process runs only its own check.
    [GlobalSetup(Target = nameof(MultiPurchaseShareLinq))]
    public void SetupMultiPurchaseShareLinq()
    {
        Setup();
        Check("MultiPurchaseShare LINQ", Checksum(MultiPurchaseShare()), MultiPurchaseShareLinq());
    }

    [GlobalSetup(Target = nameof(MultiPurchaseShareSql))]
    public void SetupMultiPurchaseShareSql()
    {
        Setup();
        LoadDuck();
        Check("MultiPurchaseShare SQL", Checksum(MultiPurchaseShare()), MultiPurchaseShareSql());
    }

    [GlobalSetup(Target = nameof(PeriodSeriesLinq))]
    public void SetupPeriodSeriesLinq()
    {
        Setup();
        Check("PeriodSeries LINQ", Checksum(PeriodSeries()), PeriodSeriesLinq());
    }

    [GlobalSetup(Target = nameof(PeriodSeriesSql))]
    public void SetupPeriodSeriesSql()
    {
        Setup();
        LoadDuck();
        Check("PeriodSeries SQL", Checksum(PeriodSeries()), PeriodSeriesSql());
    }

    [GlobalSetup(Target = nameof(F2ConversionLinq))]
    public void SetupF2ConversionLinq()
    {
        Setup();
        Check("F2Conversion LINQ", Checksum(F2Conversion()), F2ConversionLinq());
    }

    [GlobalSetup(Target = nameof(F2ConversionSql))]
    public void SetupF2ConversionSql()
    {
        Setup();
        LoadDuck();
        Check("F2Conversion SQL", Checksum(F2Conversion()), F2ConversionSql());
    }

    [GlobalSetup(Target = nameof(DormancyLinq))]
    public void SetupDormancyLinq()
    {
        Setup();
        Check("Dormancy LINQ", Checksum(DormancyClassify()), DormancyLinq());
    }

    [GlobalSetup(Target = nameof(DormancySql))]
    public void SetupDormancySql()
    {
        Setup();
        LoadDuck();
        Check("Dormancy SQL", Checksum(DormancyClassify()), DormancySql());
    }

    [GlobalSetup(Target = nameof(FrequencyLadderLinq))]
    public void SetupFrequencyLadderLinq()
    {
        Setup();
        Check("FrequencyLadder LINQ", Checksum(FrequencyLadder()), FrequencyLadderLinq());
    }

    [GlobalSetup(Target = nameof(FrequencyLadderSql))]
    public void SetupFrequencyLadderSql()
    {
        Setup();
        LoadDuck();
        Check("FrequencyLadder SQL", Checksum(FrequencyLadder()), FrequencyLadderSql());
    }

    [GlobalSetup(Target = nameof(TimeToNextPurchaseLinq))]
    public void SetupTimeToNextPurchaseLinq()
    {
        Setup();
        GapSummary.Check("TimeToNextPurchase LINQ", GapSummary.From(TimeToNextPurchase()), TimeToNextPurchaseLinq());
    }

    [GlobalSetup(Target = nameof(TimeToNextPurchaseSql))]
    public void SetupTimeToNextPurchaseSql()
    {
        Setup();
        LoadDuck();
        GapSummary.Check("TimeToNextPurchase SQL", GapSummary.From(TimeToNextPurchase()), TimeToNextPurchaseSql());
    }

    [GlobalSetup(Target = nameof(PeriodRetentionLinq))]
    public void SetupPeriodRetentionLinq()
    {
        Setup();
        Check("PeriodRetention LINQ", PeriodRetention(), PeriodRetentionLinq());
    }

    [GlobalSetup(Target = nameof(PeriodRetentionSql))]
    public void SetupPeriodRetentionSql()
    {
        Setup();
        LoadDuck();
        Check("PeriodRetention SQL", PeriodRetention(), PeriodRetentionSql());
    }

    // The two-thread series must equal the one-thread series period by period, every field.
    [GlobalSetup(Target = nameof(PeriodSeriesParallel))]
    public void SetupParallel()
    {
        Setup();
        CheckEqual("PeriodSeries, 2 threads", PeriodSeries(), PeriodSeriesParallel());
    }

    // ---- 2回以上購入者比率 (customers with ≥ 2 purchase days) ----

    [Benchmark(Baseline = true, Description = "LINQ GroupBy"), BenchmarkCategory("MultiPurchaseShare")]
    public (long, long) MultiPurchaseShareLinq()
    {
        var days = Purchases.Where(p => p.Date <= AsOf).GroupBy(p => p.Customer).Select(g => g.Select(p => p.Date).Distinct().Count()).ToList();
        return (days.Count(d => d >= 2), days.Count);
    }

    [Benchmark(Description = "Repeat.MultiPurchaseShare"), BenchmarkCategory("MultiPurchaseShare")]
    public Rate MultiPurchaseShare() => Repeat.MultiPurchaseShare(History, AsOf);

    [Benchmark(Description = "DuckDB SQL"), BenchmarkCategory("MultiPurchaseShare")]
    public (long, long) MultiPurchaseShareSql() => Pair(Duck!.QueryRow(string.Create(CultureInfo.InvariantCulture, $"""
        SELECT count(*) FILTER (WHERE d >= 2), count(*)
        FROM (SELECT customer, count(DISTINCT day) AS d FROM purchases WHERE day <= DATE '{AsOf:yyyy-MM-dd}' GROUP BY customer)
        """)));

    [Benchmark(Description = "Floor: sum columns"), BenchmarkCategory("MultiPurchaseShare")]
    public long MultiPurchaseShareFloor() => Floor();

    // ---- Monthly series: repeat buyers and buyers per month (cumulative リピート率, リピーター率) ----

    [Benchmark(Baseline = true, Description = "LINQ GroupBy"), BenchmarkCategory("PeriodSeries")]
    public (long, long) PeriodSeriesLinq()
    {
        var first = Purchases.Where(p => p.Date <= AsOf).GroupBy(p => p.Customer).ToDictionary(g => g.Key, g => g.Min(p => p.Date));
        var months = Purchases.Where(p => p.Date <= AsOf)
            .GroupBy(p => (p.Date.Year, p.Date.Month))
            .Select(g => (Buyers: (long)g.Select(p => p.Customer).Distinct().Count(),
                          Repeat: (long)g.Where(p => p.Date != first[p.Customer]).Select(p => p.Customer).Distinct().Count()))
            .ToList();
        return (months.Sum(m => m.Repeat), months.Sum(m => m.Buyers));
    }

    [Benchmark(Description = "Repeat.PeriodSeries"), BenchmarkCategory("PeriodSeries")]
    public RepeatSeries PeriodSeries() => Repeat.PeriodSeries(History, From, AsOf, PeriodUnit.Month);

    [Benchmark(Description = "Repeat.PeriodSeries, 2 threads"), BenchmarkCategory("PeriodSeries")]
    public RepeatSeries PeriodSeriesParallel() => Repeat.PeriodSeries(History, From, AsOf, PeriodUnit.Month, degreeOfParallelism: 2);

    [Benchmark(Description = "DuckDB SQL"), BenchmarkCategory("PeriodSeries")]
    public (long, long) PeriodSeriesSql() => Pair(Duck!.QueryRow(string.Create(CultureInfo.InvariantCulture, $"""
        WITH p AS (SELECT customer, day, min(day) OVER (PARTITION BY customer) AS first FROM purchases WHERE day <= DATE '{AsOf:yyyy-MM-dd}'),
        m AS (SELECT date_trunc('month', day) AS month, count(DISTINCT customer) AS buyers,
                     count(DISTINCT customer) FILTER (WHERE day <> first) AS repeat_buyers
              FROM p GROUP BY 1)
        SELECT sum(repeat_buyers)::BIGINT, sum(buyers)::BIGINT FROM m
        """)));

    [Benchmark(Description = "Floor: sum columns"), BenchmarkCategory("PeriodSeries")]
    public long PeriodSeriesFloor() => Floor();

    // ---- F2転換率 within 90 days, censored ----

    [Benchmark(Baseline = true, Description = "LINQ GroupBy"), BenchmarkCategory("F2Conversion")]
    public (long, long) F2ConversionLinq()
    {
        var customers = Purchases.Where(p => p.Date <= AsOf).GroupBy(p => p.Customer).Select(g =>
        {
            var days = g.Select(p => p.Date.DayNumber).Distinct().OrderBy(d => d).Take(2).ToArray();
            return (First: days[0], Second: days.Length > 1 ? days[1] : int.MaxValue);
        }).Where(c => c.First + F2Window <= AsOf.DayNumber).ToList();
        return (customers.Count(c => c.Second - c.First <= F2Window), customers.Count);
    }

    [Benchmark(Description = "Repeat.F2Conversion"), BenchmarkCategory("F2Conversion")]
    public ConversionResult F2Conversion() => Repeat.F2Conversion(History, AsOf, F2Window);

    [Benchmark(Description = "DuckDB SQL"), BenchmarkCategory("F2Conversion")]
    public (long, long) F2ConversionSql() => Pair(Duck!.QueryRow(string.Create(CultureInfo.InvariantCulture, $"""
        WITH d AS (SELECT DISTINCT customer, day FROM purchases WHERE day <= DATE '{AsOf:yyyy-MM-dd}'),
        r AS (SELECT customer, day, row_number() OVER (PARTITION BY customer ORDER BY day) AS k FROM d),
        f AS (SELECT customer, min(day) FILTER (WHERE k = 1) AS first, min(day) FILTER (WHERE k = 2) AS second
              FROM r WHERE k <= 2 GROUP BY customer)
        SELECT count(*) FILTER (WHERE second IS NOT NULL AND second - first <= {F2Window}), count(*)
        FROM f WHERE first + {F2Window} <= DATE '{AsOf:yyyy-MM-dd}'
        """)));

    [Benchmark(Description = "Floor: sum columns"), BenchmarkCategory("F2Conversion")]
    public long F2ConversionFloor() => Floor();

    // ---- 休眠 (dormant at 180 days) ----

    [Benchmark(Baseline = true, Description = "LINQ GroupBy"), BenchmarkCategory("Dormancy")]
    public (long, long) DormancyLinq()
    {
        var last = Purchases.Where(p => p.Date <= AsOf).GroupBy(p => p.Customer).Select(g => g.Max(p => p.Date.DayNumber)).ToList();
        return (last.Count(d => AsOf.DayNumber - d >= DormancyDays), last.Count);
    }

    [Benchmark(Description = "Dormancy.Classify"), BenchmarkCategory("Dormancy")]
    public DormancyStatus DormancyClassify() => Metrics.Dormancy.Classify(History, AsOf, DormancyDays);

    [Benchmark(Description = "DuckDB SQL"), BenchmarkCategory("Dormancy")]
    public (long, long) DormancySql() => Pair(Duck!.QueryRow(string.Create(CultureInfo.InvariantCulture, $"""
        SELECT count(*) FILTER (WHERE DATE '{AsOf:yyyy-MM-dd}' - last >= {DormancyDays}), count(*)
        FROM (SELECT customer, max(day) AS last FROM purchases WHERE day <= DATE '{AsOf:yyyy-MM-dd}' GROUP BY customer)
        """)));

    [Benchmark(Description = "Floor: sum columns"), BenchmarkCategory("Dormancy")]
    public long DormancyFloor() => Floor();

    // ---- Fn ladder (F1 … F5: customers with ≥ n purchase days, lifetime form) ----

    [Benchmark(Baseline = true, Description = "LINQ GroupBy"), BenchmarkCategory("FrequencyLadder")]
    public long[] FrequencyLadderLinq()
    {
        var days = Purchases.Where(p => p.Date <= AsOf).GroupBy(p => p.Customer).Select(g => g.Select(p => p.Date).Distinct().Count()).ToList();
        return [.. Enumerable.Range(1, LadderDepth).Select(n => (long)days.Count(d => d >= n))];
    }

    [Benchmark(Description = "Repeat.FrequencyLadder"), BenchmarkCategory("FrequencyLadder")]
    public FrequencyLadder FrequencyLadder() => Repeat.FrequencyLadder(History, AsOf, LadderDepth);

    [Benchmark(Description = "DuckDB SQL"), BenchmarkCategory("FrequencyLadder")]
    public long[] FrequencyLadderSql() => Longs(Duck!.QueryRow(string.Create(CultureInfo.InvariantCulture, $"""
        SELECT {string.Join(", ", Enumerable.Range(1, LadderDepth).Select(n => $"count(*) FILTER (WHERE d >= {n})"))}
        FROM (SELECT customer, count(DISTINCT day) AS d FROM purchases WHERE day <= DATE '{AsOf:yyyy-MM-dd}' GROUP BY customer)
        """)));

    [Benchmark(Description = "Floor: sum columns"), BenchmarkCategory("FrequencyLadder")]
    public long FrequencyLadderFloor() => Floor();

    // ---- 転換日数: days from the first to the second purchase day (count, mean, median, buckets) ----

    [Benchmark(Baseline = true, Description = "LINQ GroupBy"), BenchmarkCategory("TimeToNextPurchase")]
    public GapSummary TimeToNextPurchaseLinq()
    {
        int[] gaps = [.. Purchases.Where(p => p.Date <= AsOf).GroupBy(p => p.Customer)
            .Select(g => g.Select(p => p.Date.DayNumber).Distinct().OrderBy(d => d).Take(2).ToArray())
            .Where(d => d.Length == 2)
            .Select(d => d[1] - d[0])
            .OrderBy(gap => gap)];
        int[] bounds = [.. IntervalDistribution.DefaultBucketBounds];
        long[] buckets = [.. bounds.Select((b, i) => (long)gaps.Count(gap => gap <= b && (i == 0 || gap > bounds[i - 1]))),
            gaps.Count(gap => gap > bounds[^1])];
        if (gaps.Length == 0) return new GapSummary(0, 0d, 0d, buckets);
        double h = (gaps.Length - 1) * 0.5;
        int lower = (int)Math.Floor(h);
        double median = lower + 1 < gaps.Length ? gaps[lower] + ((h - lower) * (gaps[lower + 1] - gaps[lower])) : gaps[lower];
        return new GapSummary(gaps.Length, gaps.Average(), median, buckets);
    }

    [Benchmark(Description = "Repeat.TimeToNextPurchase"), BenchmarkCategory("TimeToNextPurchase")]
    public IntervalDistribution TimeToNextPurchase() => Repeat.TimeToNextPurchase(History, AsOf);

    // quantile_cont interpolates between order statistics like the library's type-7 quantile.
    [Benchmark(Description = "DuckDB SQL"), BenchmarkCategory("TimeToNextPurchase")]
    public GapSummary TimeToNextPurchaseSql()
    {
        object[] row = Duck!.QueryRow(string.Create(CultureInfo.InvariantCulture, $"""
            WITH d AS (SELECT DISTINCT customer, day FROM purchases WHERE day <= DATE '{AsOf:yyyy-MM-dd}'),
            r AS (SELECT customer, day, row_number() OVER (PARTITION BY customer ORDER BY day) AS k FROM d),
            g AS (SELECT max(day) - min(day) AS gap FROM r WHERE k <= 2 GROUP BY customer HAVING count(*) = 2)
            SELECT count(*), coalesce(avg(gap), 0), coalesce(quantile_cont(gap, 0.5), 0), {GapSummary.BucketColumns("gap")}
            FROM g
            """));
        return new GapSummary(
            Convert.ToInt64(row[0], CultureInfo.InvariantCulture),
            Convert.ToDouble(row[1], CultureInfo.InvariantCulture),
            Convert.ToDouble(row[2], CultureInfo.InvariantCulture),
            Longs(row[3..]));
    }

    [Benchmark(Description = "Floor: sum columns"), BenchmarkCategory("TimeToNextPurchase")]
    public long TimeToNextPurchaseFloor() => Floor();

    // ---- 顧客維持率: A's buyers who bought again in B, all, new (first-ever purchase in A) and existing ----

    [Benchmark(Baseline = true, Description = "LINQ GroupBy"), BenchmarkCategory("PeriodRetention")]
    public PeriodRetentionResult PeriodRetentionLinq()
    {
        var buyers = Purchases.GroupBy(p => p.Customer)
            .Select(g => (First: g.Min(p => p.Date),
                          InA: g.Any(p => p.Date >= AFrom && p.Date <= ATo),
                          InB: g.Any(p => p.Date >= BFrom && p.Date <= BTo)))
            .Where(c => c.InA)
            .ToList();
        return new PeriodRetentionResult(buyers.Count, buyers.Count(c => c.First >= AFrom), buyers.Count(c => c.InB),
            buyers.Count(c => c.InB && c.First >= AFrom));
    }

    [Benchmark(Description = "Repeat.PeriodRetention"), BenchmarkCategory("PeriodRetention")]
    public PeriodRetentionResult PeriodRetention() => Repeat.PeriodRetention(History, AFrom, ATo, BFrom, BTo);

    [Benchmark(Description = "DuckDB SQL"), BenchmarkCategory("PeriodRetention")]
    public PeriodRetentionResult PeriodRetentionSql()
    {
        long[] counts = Longs(Duck!.QueryRow(string.Create(CultureInfo.InvariantCulture, $"""
            SELECT count(*), count(*) FILTER (WHERE first >= DATE '{AFrom:yyyy-MM-dd}'),
                   count(*) FILTER (WHERE in_b), count(*) FILTER (WHERE in_b AND first >= DATE '{AFrom:yyyy-MM-dd}')
            FROM (SELECT customer, min(day) AS first,
                         bool_or(day BETWEEN DATE '{AFrom:yyyy-MM-dd}' AND DATE '{ATo:yyyy-MM-dd}') AS in_a,
                         bool_or(day BETWEEN DATE '{BFrom:yyyy-MM-dd}' AND DATE '{BTo:yyyy-MM-dd}') AS in_b
                  FROM purchases GROUP BY customer)
            WHERE in_a
            """)));
        return new PeriodRetentionResult(counts[0], counts[1], counts[2], counts[3]);
    }

    [Benchmark(Description = "Floor: sum columns"), BenchmarkCategory("PeriodRetention")]
    public long PeriodRetentionFloor() => Floor();

    private long Floor() => BandwidthFloor.SumColumns(History);

    private static (long, long) Pair(object[] row) =>
        (Convert.ToInt64(row[0], CultureInfo.InvariantCulture), Convert.ToInt64(row[1], CultureInfo.InvariantCulture));

    private static long[] Longs(object[] row) => [.. row.Select(v => Convert.ToInt64(v, CultureInfo.InvariantCulture))];

    private static (long, long) Checksum(Rate rate) => (rate.Numerator, rate.Denominator);

    private static (long, long) Checksum(DormancyStatus status) => (status.Dormant, status.Customers);

    private static (long, long) Checksum(ConversionResult result) => (result.Total.Converted, result.Total.Eligible);

    private static (long, long) Checksum(RepeatSeries series)
    {
        long repeat = 0, buyers = 0;
        for (int i = 0; i < series.Count; i++)
        {
            repeat += series[i].RepeatBuyers;
            buyers += series[i].Buyers;
        }
        return (repeat, buyers);
    }

    private static void Check(string variant, (long, long) expected, (long, long) actual)
    {
        if (actual != expected) throw new InvalidOperationException($"{variant} disagrees: expected {expected}, got {actual}.");
    }

    /// <summary>The ladder's counts AtLeast(1) … AtLeast(k); the lifetime form censors nobody, so a censored customer is an error.</summary>
    private static long[] Checksum(FrequencyLadder ladder)
    {
        if (ladder.Censored != 0) throw new InvalidOperationException($"The lifetime ladder censored {ladder.Censored} customers.");
        var counts = new long[ladder.MaxPurchases];
        for (int n = 1; n <= ladder.MaxPurchases; n++) counts[n - 1] = ladder.AtLeast(n);
        return counts;
    }

    private static void Check(string variant, PeriodRetentionResult expected, PeriodRetentionResult actual)
    {
        if (actual != expected) throw new InvalidOperationException($"{variant} disagrees: expected {expected}, got {actual}.");
    }

    private static void Check(string variant, long[] expected, long[] actual)
    {
        if (!actual.AsSpan().SequenceEqual(expected))
            throw new InvalidOperationException($"{variant} disagrees: expected [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}].");
    }

    private static void CheckEqual(string variant, RepeatSeries expected, RepeatSeries actual)
    {
        if (actual.Count != expected.Count || actual.AcquiredBefore != expected.AcquiredBefore)
        {
            throw new InvalidOperationException(
                $"{variant} disagrees: expected {expected.Count} periods and {expected.AcquiredBefore} acquired before, got {actual.Count} and {actual.AcquiredBefore}.");
        }
        for (int i = 0; i < expected.Count; i++)
        {
            if (actual[i] != expected[i])
                throw new InvalidOperationException($"{variant} disagrees in period {i}: expected {expected[i]}, got {actual[i]}.");
        }
    }
}

/// <summary>A distribution of gaps in days reduced to what a report shows: count, mean, median and the counts of
/// <see cref="IntervalDistribution.DefaultBucketBounds"/> (same day, ≤ 10, ≤ 30, ≤ 60, then every 30 days to ≤ 360, above 360).</summary>
public sealed record GapSummary(long Count, double MeanDays, double MedianDays, long[] Buckets)
{
    public static GapSummary From(IntervalDistribution distribution)
    {
        var buckets = new long[IntervalDistribution.DefaultBucketBounds.Length + 1];
        distribution.CountBuckets(IntervalDistribution.DefaultBucketBounds, buckets);
        return new GapSummary(distribution.Count, distribution.MeanDays, distribution.MedianDays, buckets);
    }

    /// <summary>SQL columns counting <paramref name="column"/> in the default buckets: <c>[0, b₀], (b₀, b₁], …, (b_last, ∞)</c>.</summary>
    public static string BucketColumns(string column)
    {
        ReadOnlySpan<int> bounds = IntervalDistribution.DefaultBucketBounds;
        var columns = new List<string>(bounds.Length + 1);
        for (int i = 0; i < bounds.Length; i++)
        {
            columns.Add(i == 0
                ? string.Create(CultureInfo.InvariantCulture, $"count(*) FILTER (WHERE {column} <= {bounds[i]})")
                : string.Create(CultureInfo.InvariantCulture, $"count(*) FILTER (WHERE {column} > {bounds[i - 1]} AND {column} <= {bounds[i]})"));
        }
        columns.Add(string.Create(CultureInfo.InvariantCulture, $"count(*) FILTER (WHERE {column} > {bounds[^1]})"));
        return string.Join(", ", columns);
    }

    /// <summary>Throws unless the counts agree exactly and the mean and median to a relative 1e-12 (they are computed in double by
    /// the baselines, from an exact decimal sum by the library).</summary>
    public static void Check(string variant, GapSummary expected, GapSummary actual)
    {
        if (actual.Count != expected.Count || !Close(actual.MeanDays, expected.MeanDays) || !Close(actual.MedianDays, expected.MedianDays)
            || !actual.Buckets.AsSpan().SequenceEqual(expected.Buckets))
        {
            throw new InvalidOperationException($"{variant} disagrees: expected {expected}, got {actual}.");
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"count {Count}, mean {MeanDays:R} days, median {MedianDays:R} days, buckets [{string.Join(", ", Buckets)}]");

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-12 * Math.Max(1d, Math.Max(Math.Abs(a), Math.Abs(b)));
}
