using BenchmarkDotNet.Attributes;
using Retention.Metrics.Benchmarks.Infrastructure;

namespace Retention.Metrics.Benchmarks;

/// <summary>Decile analysis (spend per customer, ranked, NTILE(10)) over a built history, and the full concentration set.</summary>
[BenchConfig]
[BenchmarkCategory("Decile")]
[MemoryDiagnoser]
public class DecileBench : ShopBench
{
    private decimal[] _expected = [];

    [GlobalSetup]
    public void Setup()
    {
        LoadShop();
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
        LoadDuck();
        DecileVariants.AssertEqual(_expected, DuckDb(), nameof(DuckDb));
    }

    [Benchmark(Baseline = true, Description = "LINQ GroupBy + OrderBy")]
    public decimal[] Linq() => DecileVariants.Linq(Purchases, ShopData.AsOf);

    [Benchmark(Description = "Concentration.Rank + Deciles")]
    public DecileResult Deciles() => Concentration.Rank(History, ShopData.AsOf).Deciles();

    [Benchmark(Description = "Rank + deciles, Pareto, Gini, Lorenz, ABC")]
    public double All()
    {
        SpendRanking ranking = Concentration.Rank(History, ShopData.AsOf);
        DecileResult deciles = ranking.Deciles();
        return deciles.Rows[0].Share + ranking.TopShare() + ranking.CustomerShareFor() + ranking.Gini
            + ranking.Lorenz(100)[50].RevenueShare + ranking.Abc().Classes[0].Share;
    }

    [Benchmark(Description = "DuckDB NTILE(10)")]
    public decimal[] DuckDb() => DecileVariants.DuckDb(Duck!, ShopData.AsOf);
}
