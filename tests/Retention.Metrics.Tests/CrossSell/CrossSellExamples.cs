namespace Retention.Metrics.Tests.CrossSell;

/// <summary>Hand-worked order lines. Products: 0 trial, 1 main product, 2 shampoo, 3 conditioner.</summary>
public static class CrossSellExamples
{
    public static readonly DateOnly AsOf = new(2024, 3, 31);

    /// <summary>
    /// C0: 01-05 trial; 01-20 main + shampoo. C1: 01-10 trial. C2: 01-15 trial + main (one day); 03-01 conditioner.
    /// C3: 02-01 shampoo, conditioner, shampoo again. C4: 03-20 trial; 03-25 main.
    /// </summary>
    public static OrderLine[] Lines =>
    [
        new(0, new(2024, 1, 5), 0, 500m), new(0, new(2024, 1, 20), 1, 3000m), new(0, new(2024, 1, 20), 2, 100m),
        new(1, new(2024, 1, 10), 0, 500m),
        new(2, new(2024, 1, 15), 0, 500m), new(2, new(2024, 1, 15), 1, 3000m), new(2, new(2024, 3, 1), 3, 200m),
        new(3, new(2024, 2, 1), 2, 100m), new(3, new(2024, 2, 1), 3, 200m), new(3, new(2024, 2, 1), 2, 100m),
        new(4, new(2024, 3, 20), 0, 500m), new(4, new(2024, 3, 25), 1, 3000m),
    ];

    public static OrderLines Build() => OrderLines.Create(Lines);
}
