using BenchmarkDotNet.Attributes;
using Retention.Metrics.Benchmarks.Infrastructure;

namespace Retention.Metrics.Benchmarks;

/// <summary>Customer summary (first, last, orders, purchase days, total, repeat spend) over an already built history.</summary>
[BenchConfig]
[BenchmarkCategory("Summary")]
[MemoryDiagnoser]
public class SummaryBench : ShopBench
{
    private CustomerSummary[] _destination = [];
    private ShopTotals _expected;

    [GlobalSetup]
    public void Setup()
    {
        LoadShop();
        _destination = new CustomerSummary[History.CustomerCount];
        _expected = ShopTotals.From(Summaries.Totals(History, ShopData.AsOf));
    }

    [GlobalSetup(Target = nameof(TotalsParallel))]
    public void SetupParallel()
    {
        Setup();
        ShopTotals.AssertEqual(_expected, ShopTotals.From(TotalsParallel()), nameof(TotalsParallel));
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
        LoadDuck();
        ShopTotals.AssertEqual(_expected, DuckDb(), nameof(DuckDb));
    }

    [GlobalSetup(Target = nameof(Compute))]
    public void SetupCompute()
    {
        Setup();
        if (Compute() != History.CustomerCount) throw new InvalidOperationException("Compute wrote too few summaries.");
    }

    [Benchmark(Baseline = true, Description = "LINQ GroupBy")]
    public ShopTotals Linq() => SummaryVariants.Linq(Purchases, ShopData.AsOf);

    [Benchmark(Description = "Summaries.Totals")]
    public SummaryTotals Totals() => Summaries.Totals(History, ShopData.AsOf);

    [Benchmark(Description = "Summaries.Totals, 2 threads")]
    public SummaryTotals TotalsParallel() => Summaries.Totals(History, ShopData.AsOf, degreeOfParallelism: 2);

    [Benchmark(Description = "Summaries.Compute(span)")]
    public int Compute() => Summaries.Compute(History, ShopData.AsOf, _destination);

    [Benchmark(Description = "DuckDB SQL")]
    public ShopTotals DuckDb() => SummaryVariants.DuckDb(Duck!, ShopData.AsOf);

    /// <summary>The bandwidth floor: one pass reading both columns of the history (12 bytes per purchase).</summary>
    [Benchmark(Description = "Floor: sum columns")]
    public long Floor() => BandwidthFloor.SumColumns(History);
}
