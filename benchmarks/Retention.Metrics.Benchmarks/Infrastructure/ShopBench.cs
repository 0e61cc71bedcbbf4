using BenchmarkDotNet.Attributes;

namespace Retention.Metrics.Benchmarks.Infrastructure;

/// <summary>
/// The data every benchmark over the sample shop needs: the purchases (export order), the built history, and the same
/// purchases in DuckDB, at the sizes of <see cref="Sizes"/> (RM_BENCH_SIZES); for cross-sell, the purchases' order lines
/// (<see cref="ShopLines"/>) and the same lines in DuckDB.
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

    /// <summary>The order lines of <see cref="Purchases"/> (see <see cref="ShopLines"/>); empty until <see cref="LoadLines"/>.</summary>
    protected OrderLine[] Lines { get; private set; } = [];

    /// <summary>The order lines built from <see cref="Lines"/>; empty until <see cref="LoadLines"/>.</summary>
    protected OrderLines OrderLines { get; private set; } = OrderLines.Empty;

    /// <summary>Loads the purchases and the history of size <see cref="N"/> (cached per size by <see cref="ShopData"/>).</summary>
    protected void LoadShop()
    {
        Purchases = ShopData.Purchases(N);
        History = ShopData.History(N);
    }

    /// <summary>Loads the purchases into an in-memory DuckDB table; call after <see cref="LoadShop"/>.</summary>
    protected void LoadDuck() => Duck = DuckDbShop.Load(Purchases);

    /// <summary>Loads the order lines of size <see cref="N"/> (cached per size by <see cref="ShopLines"/>).</summary>
    protected void LoadLines()
    {
        Lines = ShopLines.Lines(N);
        OrderLines = ShopLines.OrderLines(N);
    }

    /// <summary>Loads the order lines into an in-memory DuckDB table <c>lines</c>; call after <see cref="LoadLines"/>.</summary>
    protected void LoadDuckLines() => Duck = DuckDbShop.LoadLines(Lines);

    [GlobalCleanup]
    public void Cleanup() => Duck?.Dispose();
}
