using BenchmarkDotNet.Attributes;

namespace Retention.Metrics.Benchmarks.Infrastructure;

/// <summary>
/// The data every benchmark over the sample shop needs: the purchases (export order), the built history, and the same
/// purchases in DuckDB, at the sizes of <see cref="Sizes"/> (RM_BENCH_SIZES).
/// </summary>
public abstract class ShopBench
{
    /// <summary>Purchases: 1,000,000 and 10,000,000 by default; see <see cref="Sizes"/> (RM_BENCH_SIZES).</summary>
    [ParamsSource(nameof(SizeValues))]
    public int N { get; set; }

    public static IEnumerable<int> SizeValues => Sizes.All;

    protected Purchase[] Purchases { get; private set; } = [];

    protected PurchaseHistory History { get; private set; } = PurchaseHistory.Empty;

    protected DuckDbShop? Duck { get; private set; }

    /// <summary>Loads the purchases and the history of size <see cref="N"/> (cached per size by <see cref="ShopData"/>).</summary>
    protected void LoadShop()
    {
        Purchases = ShopData.Purchases(N);
        History = ShopData.History(N);
    }

    /// <summary>Loads the purchases into an in-memory DuckDB table; call after <see cref="LoadShop"/>.</summary>
    protected void LoadDuck() => Duck = DuckDbShop.Load(Purchases);

    [GlobalCleanup]
    public void Cleanup() => Duck?.Dispose();
}
