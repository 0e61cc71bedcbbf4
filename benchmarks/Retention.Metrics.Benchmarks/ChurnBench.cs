using BenchmarkDotNet.Attributes;
using DuckDB.NET.Native;
using Retention.Metrics.Benchmarks.Infrastructure;

namespace Retention.Metrics.Benchmarks;

/// <summary>
/// Monthly logo churn counts (opening, cancellations of opening subscribers, sign-ups) for the 36 months of 2022–2024:
/// a naive LINQ count per month (baseline), <see cref="Churn.LogoChurn"/> over a built ledger, DuckDB SQL and a floor.
/// </summary>
[BenchConfig]
[BenchmarkCategory("Churn")]
[MemoryDiagnoser]
public class ChurnBench
{
    private static readonly DateOnly s_origin = new(2021, 1, 1);
    private static readonly DateOnly s_from = new(2022, 1, 1);
    private static readonly DateOnly s_to = new(2024, 12, 31);

    private Subscription[] _subscriptions = [];
    private SubscriptionLedger _ledger = SubscriptionLedger.Empty;
    private DuckDbShop? _duck;
    private long _expected;

    /// <summary>Subscriptions: 1,000 and 1,000,000, or the counts in RM_BENCH_SIZES when it is set.</summary>
    [ParamsSource(nameof(SizeValues))]
    public int N { get; set; }

    public static IEnumerable<int> SizeValues =>
        Environment.GetEnvironmentVariable(Sizes.EnvironmentVariable) is null ? [1_000, 1_000_000] : Sizes.All;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _subscriptions = new Subscription[N];
        for (int i = 0; i < N; i++)
        {
            int start = random.Next(4 * 365);
            // Exponential lifetimes (mean 180 days) for 70 %; the rest stay open.
            int? end = random.Next(10) < 7 ? start + (int)(-Math.Log(1 - random.NextDouble()) * 180) : null;
            _subscriptions[i] = new Subscription(i, random.Next(N), s_origin.AddDays(start), end is int e ? s_origin.AddDays(e) : null);
        }
        _ledger = SubscriptionLedger.Create(_subscriptions);
        _expected = LogoChurn();
    }

    [GlobalSetup(Target = nameof(Linq))]
    public void SetupLinq()
    {
        Setup();
        Check(Linq(), nameof(Linq));
    }

    [GlobalSetup(Target = nameof(DuckDb))]
    public void SetupDuckDb()
    {
        Setup();
        _duck = DuckDbShop.Open();
        _duck.Execute("CREATE TABLE subscriptions(id INTEGER NOT NULL, start_date DATE NOT NULL, end_date DATE)");
        using (DuckDB.NET.Data.DuckDBAppender appender = _duck.Connection.CreateAppender("subscriptions"))
        {
            foreach (ref readonly Subscription s in _subscriptions.AsSpan())
            {
                var row = appender.CreateRow().AppendValue(s.Id).AppendValue((DuckDBDateOnly)s.Start);
                (s.End is DateOnly end ? row.AppendValue((DuckDBDateOnly)end) : row.AppendNullValue()).EndRow();
            }
        }
        Check(DuckDb(), nameof(DuckDb));
    }

    [GlobalCleanup]
    public void Cleanup() => _duck?.Dispose();

    private void Check(long actual, string name)
    {
        if (actual != _expected) throw new InvalidOperationException($"{name} gave checksum {actual}, expected {_expected}.");
    }

    [Benchmark(Baseline = true, Description = "LINQ count per month")]
    public long Linq()
    {
        long checksum = 0;
        for (DateOnly start = s_from; start <= s_to; start = start.AddMonths(1))
        {
            DateOnly end = start.AddMonths(1).AddDays(-1);
            long opening = _subscriptions.Count(s => s.Start < start && (s.End is null || s.End >= start));
            long cancelled = _subscriptions.Count(s => s.Start < start && s.End >= start && s.End <= end);
            long news = _subscriptions.Count(s => s.Start >= start && s.Start <= end);
            checksum += opening + cancelled + news;
        }
        return checksum;
    }

    [Benchmark(Description = "Churn.LogoChurn")]
    public long LogoChurn()
    {
        LogoChurnSeries series = Churn.LogoChurn(_ledger, s_from, s_to);
        long checksum = 0;
        foreach (LogoChurnPeriod p in series.Periods) checksum += p.Opening + p.OpeningCancelled + p.New;
        return checksum;
    }

    [Benchmark(Description = "DuckDB SQL")]
    public long DuckDb()
    {
        const string Sql = """
            SELECT CAST(sum(opening + cancelled + news) AS BIGINT) FROM (
              SELECT m.month_start,
                     count(*) FILTER (WHERE s.start_date < m.month_start AND (s.end_date IS NULL OR s.end_date >= m.month_start)) AS opening,
                     count(*) FILTER (WHERE s.start_date < m.month_start AND s.end_date >= m.month_start AND s.end_date < m.month_start + INTERVAL 1 MONTH) AS cancelled,
                     count(*) FILTER (WHERE s.start_date >= m.month_start AND s.start_date < m.month_start + INTERVAL 1 MONTH) AS news
              FROM (SELECT CAST(generate_series AS DATE) AS month_start FROM generate_series(DATE '2022-01-01', DATE '2024-12-01', INTERVAL 1 MONTH)) m
              CROSS JOIN subscriptions s
              GROUP BY m.month_start)
            """;
        return Convert.ToInt64(_duck!.QueryRow(Sql)[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The bandwidth floor: one pass reading the ledger's start and end columns (8 bytes per subscription).</summary>
    [Benchmark(Description = "Floor: sum columns")]
    public long Floor()
    {
        int[] starts = _ledger.StartDays, ends = _ledger.EndDays;
        long sum = 0;
        for (int i = 0; i < starts.Length; i++) sum += starts[i] ^ ends[i];
        return sum;
    }
}
