using BenchmarkDotNet.Attributes;
using Retention.Metrics.Benchmarks.Infrastructure;

namespace Retention.Metrics.Benchmarks;

/// <summary>End to end: from purchases in export order to the customer-summary totals (build + summary).</summary>
[BenchConfig]
[BenchmarkCategory("EndToEnd")]
[MemoryDiagnoser]
public class EndToEndBench
{
    private Purchase[] _purchases = [];
    private ShopTotals _expected;

    [ParamsSource(nameof(SizeValues))]
    public int N { get; set; }

    public static IEnumerable<int> SizeValues => Sizes.All;

    [GlobalSetup]
    public void Setup()
    {
        _purchases = ShopData.Purchases(N);
        _expected = ShopTotals.From(Library());
    }

    [GlobalSetup(Target = nameof(DuckDb))]
    public void SetupDuckDb()
    {
        Setup();
        ShopTotals.AssertEqual(_expected, DuckDb(), nameof(DuckDb));
    }

    [GlobalSetup(Target = nameof(LibraryParallel))]
    public void SetupParallel()
    {
        Setup();
        ShopTotals.AssertEqual(_expected, ShopTotals.From(LibraryParallel()), nameof(LibraryParallel));
    }

    [GlobalSetup(Target = nameof(Linq))]
    public void SetupLinq()
    {
        Setup();
        ShopTotals.AssertEqual(_expected, Linq(), nameof(Linq));
    }

    /// <summary>LINQ groups and summarizes in one query: its build and summary are the same step.</summary>
    [Benchmark(Baseline = true, Description = "LINQ GroupBy summary")]
    public ShopTotals Linq() => SummaryVariants.Linq(_purchases, ShopData.AsOf);

    [Benchmark(Description = "Create + Summaries.Totals")]
    public SummaryTotals Library() => Summaries.Totals(PurchaseHistory.Create(_purchases), ShopData.AsOf);

    [Benchmark(Description = "Create + Summaries.Totals, 2 threads")]
    public SummaryTotals LibraryParallel() =>
        Summaries.Totals(PurchaseHistory.Create(_purchases, s_twoThreads), ShopData.AsOf, degreeOfParallelism: 2);

    private static readonly PurchaseHistoryOptions s_twoThreads = new() { DegreeOfParallelism = 2 };

    [Benchmark(Description = "DuckDB load + SQL")]
    public ShopTotals DuckDb()
    {
        using DuckDbShop shop = DuckDbShop.Load(_purchases);
        return SummaryVariants.DuckDb(shop, ShopData.AsOf);
    }
}
