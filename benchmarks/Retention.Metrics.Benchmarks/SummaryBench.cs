using BenchmarkDotNet.Attributes;
using Retention.Metrics.Benchmarks.Infrastructure;

namespace Retention.Metrics.Benchmarks;

/// <summary>Customer summary (first, last, orders, purchase days, total, repeat spend) over an already built history.</summary>
[BenchConfig]
[BenchmarkCategory("Summary")]
[MemoryDiagnoser]
public class SummaryBench
{
    private Purchase[] _purchases = [];
    private PurchaseHistory _history = PurchaseHistory.Empty;
    private CustomerSummary[] _destination = [];
    private DuckDbShop? _duck;
    private ShopTotals _expected;

    /// <summary>Purchases: 1,000,000 and 10,000,000 by default; see <see cref="Sizes"/> (RM_BENCH_SIZES).</summary>
    [ParamsSource(nameof(SizeValues))]
    public int N { get; set; }

    public static IEnumerable<int> SizeValues => Sizes.All;

    [GlobalSetup]
    public void Setup()
    {
        _purchases = ShopData.Purchases(N);
        _history = ShopData.History(N);
        _destination = new CustomerSummary[_history.CustomerCount];
        _expected = ShopTotals.From(Summaries.Totals(_history, ShopData.AsOf));
    }

    [GlobalSetup(Target = nameof(Linq))]
    public void SetupLinq()
    {
        Setup();
        ShopTotals.AssertEqual(_expected, Linq(), nameof(Linq));
    }

    [GlobalSetup(Target = nameof(DuckDb))]
    public void SetupDuckDb()
    {
        Setup();
        _duck = DuckDbShop.Load(_purchases);
        ShopTotals.AssertEqual(_expected, DuckDb(), nameof(DuckDb));
    }

    [GlobalSetup(Target = nameof(Compute))]
    public void SetupCompute()
    {
        Setup();
        if (Compute() != _history.CustomerCount) throw new InvalidOperationException("Compute wrote too few summaries.");
    }

    [GlobalCleanup]
    public void Cleanup() => _duck?.Dispose();

    [Benchmark(Baseline = true, Description = "LINQ GroupBy")]
    public ShopTotals Linq() => SummaryVariants.Linq(_purchases, ShopData.AsOf);

    [Benchmark(Description = "Summaries.Totals")]
    public SummaryTotals Totals() => Summaries.Totals(_history, ShopData.AsOf);

    [Benchmark(Description = "Summaries.Compute(span)")]
    public int Compute() => Summaries.Compute(_history, ShopData.AsOf, _destination);

    [Benchmark(Description = "DuckDB SQL")]
    public ShopTotals DuckDb() => SummaryVariants.DuckDb(_duck!, ShopData.AsOf);

    /// <summary>The bandwidth floor: one pass reading both columns of the history (12 bytes per purchase).</summary>
    [Benchmark(Description = "Floor: sum columns")]
    public long Floor() => BandwidthFloor.SumColumns(_history);
}
