using BenchmarkDotNet.Attributes;
using Retention.Metrics.Benchmarks.Infrastructure;

namespace Retention.Metrics.Benchmarks;

/// <summary>RFM scores and the standard segments over a built history: the rfm-package quintile rule and equal-count bins.</summary>
[BenchConfig]
[BenchmarkCategory("Rfm")]
[MemoryDiagnoser]
public class RfmBench
{
    private static readonly RfmOptions s_equalCount = new()
    {
        RecencyScale = RfmScale.EqualCount(),
        FrequencyScale = RfmScale.EqualCount(),
        MonetaryScale = RfmScale.EqualCount(),
    };

    private Purchase[] _purchases = [];
    private PurchaseHistory _history = PurchaseHistory.Empty;
    private CustomerSummary[] _summaries = [];
    private DuckDbShop? _duck;
    private RfmChecksum _quantiles;
    private RfmChecksum _equalCount;

    /// <summary>Purchases: 1,000,000 and 10,000,000 by default; see <see cref="Sizes"/> (RM_BENCH_SIZES).</summary>
    [ParamsSource(nameof(SizeValues))]
    public int N { get; set; }

    public static IEnumerable<int> SizeValues => Sizes.All;

    [GlobalSetup]
    public void Setup()
    {
        _purchases = ShopData.Purchases(N);
        _history = ShopData.History(N);
        _summaries = Summaries.Compute(_history, ShopData.AsOf);
        _quantiles = RfmChecksum.From(Rfm.Compute(_history, ShopData.AsOf));
        _equalCount = RfmChecksum.From(Rfm.Compute(_history, ShopData.AsOf, s_equalCount));
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
        _duck = DuckDbShop.Load(_purchases);
        RfmChecksum.AssertEqual(_quantiles, DuckDbQuantiles(), nameof(DuckDbQuantiles));
        RfmChecksum.AssertEqual(_equalCount, DuckDbRank(), nameof(DuckDbRank));
    }

    [GlobalSetup(Target = nameof(FromSummaries))]
    public void SetupFromSummaries()
    {
        Setup();
        RfmChecksum.AssertEqual(_quantiles, RfmChecksum.From(Rfm.Compute(_summaries)), nameof(FromSummaries));
    }

    [GlobalCleanup]
    public void Cleanup() => _duck?.Dispose();

    [Benchmark(Baseline = true, Description = "LINQ GroupBy + OrderBy quantiles")]
    public RfmChecksum Linq() => RfmVariants.Linq(_purchases, ShopData.AsOf);

    [Benchmark(Description = "Rfm.Compute(history) quintiles")]
    public RfmResult Quantiles() => Rfm.Compute(_history, ShopData.AsOf);

    [Benchmark(Description = "Rfm.Compute(summaries) quintiles")]
    public RfmResult FromSummaries() => Rfm.Compute(_summaries);

    [Benchmark(Description = "Rfm.Compute(history) equal-count")]
    public RfmResult EqualCount() => Rfm.Compute(_history, ShopData.AsOf, s_equalCount);

    [Benchmark(Description = "DuckDB quantile_cont")]
    public RfmChecksum DuckDbQuantiles() => RfmChecksum.From(_duck!.QueryRow(RfmVariants.QuantileSql(ShopData.AsOf)));

    [Benchmark(Description = "DuckDB RANK() window")]
    public RfmChecksum DuckDbRank() => RfmChecksum.From(_duck!.QueryRow(RfmVariants.RankSql(ShopData.AsOf)));
}
