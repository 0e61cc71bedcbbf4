namespace Retention.Metrics.Tests.CrossSell;

public class CrossSellTests
{
    private static readonly DateOnly From = new(2024, 1, 1);

    // Distinct products: C0 {0,1,2} 3, C1 {0} 1, C2 {0,1,3} 3, C3 {2,3} 2 (shampoo twice counts once), C4 {0,1} 2.
    // ≥2: 4/5, ≥3: 2/5, mean (1 + 2·2 + 3·2) / 5 = 2.2.
    [Fact]
    public void DistinctProducts_HandWorked()
    {
        var breadth = Metrics.CrossSell.DistinctProducts(CrossSellExamples.Build(), From, CrossSellExamples.AsOf, 3);
        Assert.Equal(5, breadth.Customers);
        Assert.Equal([0L, 1, 2, 2], breadth.CustomersByProducts.ToArray());
        Assert.Equal(new Rate(4, 5), breadth.AtLeast(2));
        Assert.Equal(new Rate(2, 5), breadth.AtLeast(3));
        Assert.Equal(2.2, breadth.MeanProducts, 1e-12);
    }

    // From 01-16 C2's 01-15 basket is outside: C2 {3} 1, C1 not a buyer. From 01-15 it is inside (inclusive): C2 has 3 products.
    [Fact]
    public void DistinctProducts_WindowStartInclusive()
    {
        var lines = CrossSellExamples.Build();
        var late = Metrics.CrossSell.DistinctProducts(lines, new(2024, 1, 16), CrossSellExamples.AsOf, 3);
        Assert.Equal(4, late.Customers);
        Assert.Equal([0L, 1, 3, 0], late.CustomersByProducts.ToArray());
        var onBoundary = Metrics.CrossSell.DistinctProducts(lines, new(2024, 1, 15), CrossSellExamples.AsOf, 3);
        Assert.Equal([0L, 0, 3, 1], onBoundary.CustomersByProducts.ToArray()); // C0 {1,2}, C2 {0,1,3}, C3 {2,3}, C4 {0,1}
    }

    // A product bought before and after the window does not count; bought both outside and inside, it counts once. Customer 7
    // buys only outside the window and is not a buyer; customer 9's line is on the window's last day (inclusive).
    [Fact]
    public void DistinctProducts_LinesOutsideTheWindow_DoNotCount()
    {
        DateOnly a = new(2024, 2, 1), b = new(2024, 2, 29);
        var lines = OrderLines.Create(
        [
            new OrderLine(5, a.AddDays(-1), 1, 10m), new OrderLine(5, a, 1, 10m), new OrderLine(5, b.AddDays(1), 2, 10m),
            new OrderLine(5, b.AddDays(2), 3, 10m),
            new OrderLine(7, a.AddDays(-3), 1, 10m), new OrderLine(7, b.AddDays(3), 2, 10m),
            new OrderLine(9, a.AddDays(-2), 4, 10m), new OrderLine(9, b, 2, 10m), new OrderLine(9, b, 4, 10m),
        ]);
        foreach (int degree in new[] { 1, 2, 3 })
        {
            var breadth = Metrics.CrossSell.DistinctProducts(lines, a, b, 3, degree);
            Assert.Equal(2, breadth.Customers);
            Assert.Equal([0L, 1, 1, 0], breadth.CustomersByProducts.ToArray()); // 5: {1}; 9: {2, 4}
        }
    }

    // Customer level, N = 5. Product counts: trial 4, main 3, shampoo 2, conditioner 2. Pair counts: (0,1) 3 (C0, C2, C4), every other pair 1.
    // Top 3: (0,1), then ties by index: (0,2), (0,3). (0,1): support 3/5, confidence 3/4 and 3/3, lift 3·5/(4·3) = 1.25.
    [Fact]
    public void TopPairs_CustomerLevel_HandWorked()
    {
        var result = Metrics.CrossSell.TopPairs(CrossSellExamples.Build(), From, CrossSellExamples.AsOf, 3);
        Assert.Equal(5, result.Transactions);
        Assert.Equal([(0, 1), (0, 2), (0, 3)], result.Pairs.Select(p => (p.ProductA, p.ProductB)));
        var top = result.Pairs[0];
        Assert.Equal(new ProductPair(0, 1, 4, 3, 3, 5), top);
        Assert.Equal(new Rate(3, 5), top.Support);
        Assert.Equal(new Rate(3, 4), top.ConfidenceAToB);
        Assert.Equal(new Rate(3, 3), top.ConfidenceBToA);
        Assert.Equal(1.25, top.Lift, 1e-12);
    }

    // Basket level: 8 baskets; only C0 01-20 {1,2}, C2 01-15 {0,1} and C3 02-01 {2,3} hold two products → three pairs of count 1.
    [Fact]
    public void TopPairs_BasketLevel_HandWorked()
    {
        var result = Metrics.CrossSell.TopPairs(CrossSellExamples.Build(), From, CrossSellExamples.AsOf, 10, CoPurchaseLevel.Basket);
        Assert.Equal(8, result.Transactions);
        Assert.Equal([(0, 1), (1, 2), (2, 3)], result.Pairs.Select(p => (p.ProductA, p.ProductB)));
        Assert.Equal(new ProductPair(0, 1, 4, 3, 1, 8), result.Pairs[0]);
    }

    // Pruning: with minProductCount 3 only trial (4) and main (3) remain → one pair.
    [Fact]
    public void TopPairs_MinProductCount_Prunes()
    {
        var result = Metrics.CrossSell.TopPairs(CrossSellExamples.Build(), From, CrossSellExamples.AsOf, 10, minProductCount: 3);
        Assert.Equal(new ProductPair(0, 1, 4, 3, 3, 5), Assert.Single(result.Pairs));
    }

    [Fact]
    public void CrossSell_EmptyAndErrors()
    {
        Assert.Equal(0, Metrics.CrossSell.DistinctProducts(OrderLines.Empty, From, CrossSellExamples.AsOf).Customers);
        Assert.Empty(Metrics.CrossSell.TopPairs(OrderLines.Empty, From, CrossSellExamples.AsOf, 5).Pairs);
        var lines = CrossSellExamples.Build();
        Assert.Equal("to", Assert.Throws<ArgumentOutOfRangeException>(() => Metrics.CrossSell.DistinctProducts(lines, new(2023, 1, 1), new(2024, 1, 4))).ParamName);
        Assert.Equal("from", Assert.Throws<ArgumentOutOfRangeException>(() => Metrics.CrossSell.DistinctProducts(lines, new(2024, 4, 1), CrossSellExamples.AsOf)).ParamName);
        Assert.Equal("maxProducts", Assert.Throws<ArgumentOutOfRangeException>(() => Metrics.CrossSell.DistinctProducts(lines, From, CrossSellExamples.AsOf, 1)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => Metrics.CrossSell.TopPairs(lines, From, CrossSellExamples.AsOf, 0)).ParamName);
        Assert.Equal("minProductCount", Assert.Throws<ArgumentOutOfRangeException>(() => Metrics.CrossSell.TopPairs(lines, From, CrossSellExamples.AsOf, 1, minProductCount: 0)).ParamName);
        Assert.Equal("level", Assert.Throws<ArgumentOutOfRangeException>(() => Metrics.CrossSell.TopPairs(lines, From, CrossSellExamples.AsOf, 1, (CoPurchaseLevel)5)).ParamName);
    }
}
