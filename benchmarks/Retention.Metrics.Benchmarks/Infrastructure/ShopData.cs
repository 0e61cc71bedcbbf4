namespace Retention.Metrics.Benchmarks.Infrastructure;

/// <summary>The sample shop of each size, generated once per process and shared by every benchmark in it.</summary>
public static class ShopData
{
    private static readonly SizeCache<Purchase[]> s_purchases = new(n => SampleShop.Generate(n));
    private static readonly SizeCache<PurchaseHistory> s_histories = new(n => PurchaseHistory.Create(Purchases(n)));

    /// <summary>The observation end: the last day of the sample, so every purchase counts.</summary>
    public static DateOnly AsOf { get; } = SampleShop.DefaultStart.AddYears(SampleShop.Years).AddDays(-1);

    /// <summary>The sample's purchases (seed 42), in date order as a shop exports them.</summary>
    public static Purchase[] Purchases(int n) => s_purchases.Get(n);

    /// <summary>The history built from <see cref="Purchases"/>.</summary>
    public static PurchaseHistory History(int n) => s_histories.Get(n);
}
