namespace Retention.Metrics.Tests.Repeat;

/// <summary>The small hand-worked shop used by the repeat tests (docs/metrics/*.md use the same numbers).</summary>
public static class RepeatExamples
{
    public static readonly DateOnly AsOf = new(2024, 3, 31);

    /// <summary>
    /// C0: 2024-01-05 100 and 50 (two orders, one day), 2024-02-10 200.
    /// C1: 2024-01-20 80.
    /// C2: 2024-02-01 60, 2024-02-15 40, 2024-03-01 30.
    /// C3: 2024-03-31 10.
    /// C4: 2024-03-05 20 and 25 (two orders, one day).
    /// </summary>
    public static Purchase[] Shop =>
    [
        new(0, new(2024, 1, 5), 100m), new(0, new(2024, 1, 5), 50m), new(0, new(2024, 2, 10), 200m),
        new(1, new(2024, 1, 20), 80m),
        new(2, new(2024, 2, 1), 60m), new(2, new(2024, 2, 15), 40m), new(2, new(2024, 3, 1), 30m),
        new(3, new(2024, 3, 31), 10m),
        new(4, new(2024, 3, 5), 20m), new(4, new(2024, 3, 5), 25m),
    ];

    public static PurchaseHistory ShopHistory => PurchaseHistory.Create(Shop);

    /// <summary>
    /// D0: 2023-01-10 500, 2023-06-01 500. D1: 2023-03-01 100, 2024-01-15 50. D2: 2023-12-01 300. D3: 2023-02-01 2000. D4: 2024-02-29 20.
    /// </summary>
    public static Purchase[] Dormant =>
    [
        new(0, new(2023, 1, 10), 500m), new(0, new(2023, 6, 1), 500m),
        new(1, new(2023, 3, 1), 100m), new(1, new(2024, 1, 15), 50m),
        new(2, new(2023, 12, 1), 300m),
        new(3, new(2023, 2, 1), 2000m),
        new(4, new(2024, 2, 29), 20m),
    ];

    public static PurchaseHistory DormantHistory => PurchaseHistory.Create(Dormant);
}
