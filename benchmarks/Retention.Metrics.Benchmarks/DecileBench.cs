using BenchmarkDotNet.Attributes;
using Retention.Metrics.Benchmarks.Infrastructure;

namespace Retention.Metrics.Benchmarks;

/// <summary>Decile analysis (spend per customer, ranked, NTILE(10)) over a built history, and the full concentration set.</summary>
[BenchConfig]
[BenchmarkCategory("Decile")]
[MemoryDiagnoser]
public class DecileBench
{
    private Purchase[] _purchases = [];
    private PurchaseHistory _history = PurchaseHistory.Empty;
    private DuckDbShop? _duck;
    private decimal[] _expected = [];

    /// <summary>Purchases: 1,000,000 and 10,000,000 by default; see <see cref="Sizes"/> (RM_BENCH_SIZES).</summary>
    [ParamsSource(nameof(SizeValues))]
    public int N { get; set; }

    public static IEnumerable<int> SizeValues => Sizes.All;

    [GlobalSetup]
    public void Setup()
    {
        _purchases = ShopData.Purchases(N);
        _history = ShopData.History(N);
        _expected = DecileVariants.Amounts(Deciles());
    }

    [GlobalSetup(Target = nameof(Linq))]
    public void SetupLinq()
    {
        Setup();
        DecileVariants.AssertEqual(_expected, Linq(), nameof(Linq));
    }

    [GlobalSetup(Target = nameof(DuckDb))]
    public void SetupDuckDb()
    {
        Setup();
        _duck = DuckDbShop.Load(_purchases);
        DecileVariants.AssertEqual(_expected, DuckDb(), nameof(DuckDb));
    }

    [GlobalCleanup]
    public void Cleanup() => _duck?.Dispose();

    [Benchmark(Baseline = true, Description = "LINQ GroupBy + OrderBy")]
    public decimal[] Linq() => DecileVariants.Linq(_purchases, ShopData.AsOf);

    [Benchmark(Description = "Concentration.Rank + Deciles")]
    public DecileResult Deciles() => Concentration.Rank(_history, ShopData.AsOf).Deciles();

    [Benchmark(Description = "Rank + deciles, Pareto, Gini, Lorenz, ABC")]
    public double All()
    {
        SpendRanking ranking = Concentration.Rank(_history, ShopData.AsOf);
        DecileResult deciles = ranking.Deciles();
        return deciles.Rows[0].Share + ranking.TopShare() + ranking.CustomerShareFor() + ranking.Gini
            + ranking.Lorenz(100)[50].RevenueShare + ranking.Abc().Classes[0].Share;
    }

    [Benchmark(Description = "DuckDB NTILE(10)")]
    public decimal[] DuckDb() => DecileVariants.DuckDb(_duck!, ShopData.AsOf);
}
