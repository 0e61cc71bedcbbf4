namespace Retention.Metrics.Benchmarks.Infrastructure;

/// <summary>The sample shop of each size, generated once per process and shared by every benchmark in it.</summary>
public static class ShopData
{
    private static readonly Dictionary<int, Purchase[]> s_purchases = [];
    private static readonly Dictionary<int, PurchaseHistory> s_histories = [];
    private static readonly Lock s_lock = new();

    /// <summary>The observation end: the last day of the sample, so every purchase counts.</summary>
    public static DateOnly AsOf { get; } = SampleShop.DefaultStart.AddYears(SampleShop.Years).AddDays(-1);

    /// <summary>The sample's purchases (seed 42), in date order as a shop exports them.</summary>
    public static Purchase[] Purchases(int n)
    {
        lock (s_lock)
        {
            if (!s_purchases.TryGetValue(n, out Purchase[]? purchases))
            {
                purchases = SampleShop.Generate(n);
                s_purchases[n] = purchases;
            }
            return purchases;
        }
    }

    /// <summary>The history built from <see cref="Purchases"/>.</summary>
    public static PurchaseHistory History(int n)
    {
        Purchase[] purchases = Purchases(n);
        lock (s_lock)
        {
            if (!s_histories.TryGetValue(n, out PurchaseHistory? history))
            {
                history = PurchaseHistory.Create(purchases);
                s_histories[n] = history;
            }
            return history;
        }
    }
}
