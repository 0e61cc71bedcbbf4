using BenchmarkDotNet.Attributes;

namespace Retention.Metrics.Benchmarks;

/// <summary>Monthly logo churn over three years: the one-pass series against a naive LINQ count per period.</summary>
[MemoryDiagnoser]
public class ChurnBench
{
    private static readonly DateOnly s_origin = new(2021, 1, 1);
    private static readonly DateOnly s_from = new(2022, 1, 1);
    private static readonly DateOnly s_to = new(2024, 12, 31);

    private Subscription[] _subscriptions = [];
    private SubscriptionLedger _ledger = SubscriptionLedger.Empty;

    [Params(1_000, 1_000_000)]
    public int Subscriptions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _subscriptions = new Subscription[Subscriptions];
        for (int i = 0; i < Subscriptions; i++)
        {
            int start = random.Next(4 * 365);
            // Geometric-like lifetimes: most cancel within months, a tail stays open.
            int? end = random.Next(10) < 7 ? start + (int)(-Math.Log(1 - random.NextDouble()) * 180) : null;
            _subscriptions[i] = new Subscription(i, random.Next(Subscriptions), s_origin.AddDays(start), end is int e ? s_origin.AddDays(e) : null);
        }
        _ledger = SubscriptionLedger.Create(_subscriptions);
    }

    [Benchmark(Baseline = true)]
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

    [Benchmark]
    public long LogoChurn()
    {
        var series = Churn.LogoChurn(_ledger, s_from, s_to);
        long checksum = 0;
        foreach (var p in series.Periods) checksum += p.Opening + p.OpeningCancelled + p.New;
        return checksum;
    }
}
