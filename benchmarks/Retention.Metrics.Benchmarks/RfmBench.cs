using BenchmarkDotNet.Attributes;
using Retention.Metrics.Benchmarks.Infrastructure;

namespace Retention.Metrics.Benchmarks;

/// <summary>RFM scores and the standard segments over a built history: the rfm-package quintile rule and equal-count bins.</summary>
[BenchConfig]
[BenchmarkCategory("Rfm")]
[MemoryDiagnoser]
public class RfmBench : ShopBench
{
    private static readonly RfmOptions s_equalCount = new()
    {
        RecencyScale = RfmScale.EqualCount(),
        FrequencyScale = RfmScale.EqualCount(),
        MonetaryScale = RfmScale.EqualCount(),
    };

    private CustomerSummary[] _summaries = [];
    private RfmChecksum _quantiles;
    private RfmChecksum _equalCount;

    [GlobalSetup]
    public void Setup()
    {
        LoadShop();
        _summaries = Summaries.Compute(History, ShopData.AsOf);
        _quantiles = RfmChecksum.From(Rfm.Compute(History, ShopData.AsOf));
        _equalCount = RfmChecksum.From(Rfm.Compute(History, ShopData.AsOf, s_equalCount));
    }

    [GlobalSetup(Target = nameof(Linq))]
    public void SetupLinq()
    {
        Setup();
        RfmChecksum.AssertEqual(_quantiles, Linq(), nameof(Linq));
    }

    [GlobalSetup(Targets = [nameof(DuckDbQuantiles), nameof(DuckDbRank)])]
    public void SetupDuckDb()
    {
        Setup();
        LoadDuck();
        RfmChecksum.AssertEqual(_quantiles, DuckDbQuantiles(), nameof(DuckDbQuantiles));
        RfmChecksum.AssertEqual(_equalCount, DuckDbRank(), nameof(DuckDbRank));
    }

    [GlobalSetup(Target = nameof(FromSummaries))]
    public void SetupFromSummaries()
    {
        Setup();
        RfmChecksum.AssertEqual(_quantiles, RfmChecksum.From(Rfm.Compute(_summaries)), nameof(FromSummaries));
    }

    [Benchmark(Baseline = true, Description = "LINQ GroupBy + OrderBy quantiles")]
    public RfmChecksum Linq() => RfmVariants.Linq(Purchases, ShopData.AsOf);

    [Benchmark(Description = "Rfm.Compute(history) quintiles")]
    public RfmResult Quantiles() => Rfm.Compute(History, ShopData.AsOf);

    [Benchmark(Description = "Rfm.Compute(summaries) quintiles")]
    public RfmResult FromSummaries() => Rfm.Compute(_summaries);

    [Benchmark(Description = "Rfm.Compute(history) equal-count")]
    public RfmResult EqualCount() => Rfm.Compute(History, ShopData.AsOf, s_equalCount);

    [Benchmark(Description = "DuckDB quantile_cont")]
    public RfmChecksum DuckDbQuantiles() => RfmChecksum.From(Duck!.QueryRow(RfmVariants.QuantileSql(ShopData.AsOf)));

    [Benchmark(Description = "DuckDB RANK() window")]
    public RfmChecksum DuckDbRank() => RfmChecksum.From(Duck!.QueryRow(RfmVariants.RankSql(ShopData.AsOf)));
}
