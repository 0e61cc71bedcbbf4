using Retention.Metrics.Tests.Reference;

namespace Retention.Metrics.Tests.CrossSell;

public class CrossSellOracleTests
{
    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (int seed = 0; seed < 20; seed++) data.Add(seed);
        return data;
    }

    private static readonly DateOnly From = new(2024, 2, 1);
    private static readonly DateOnly To = new(2024, 8, 31);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void DistinctProducts_AgreesWithOracle(int seed)
    {
        var raw = CrossSellOracle.RandomLines(seed, seed * 7, 3 + seed);
        var lines = OrderLines.Create(raw);
        if (!lines.IsEmpty && To < lines.FirstDate) return;
        Assert.Equal(CrossSellOracle.DistinctProducts(raw, From, To, 4), Metrics.CrossSell.DistinctProducts(lines, From, To, 4).CustomersByProducts.ToArray());
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TopPairs_AgreesWithOracle(int seed)
    {
        var raw = CrossSellOracle.RandomLines(seed, seed * 7, 3 + seed);
        var lines = OrderLines.Create(raw);
        if (!lines.IsEmpty && To < lines.FirstDate) return;
        foreach (bool byBasket in new[] { false, true })
        {
            var (n, productCounts, pairCounts) = CrossSellOracle.Pairs(raw, From, To, byBasket);
            var expected = pairCounts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Item1).ThenBy(kv => kv.Key.Item2).Take(5)
                .Select(kv => new ProductPair(kv.Key.Item1, kv.Key.Item2, productCounts[kv.Key.Item1], productCounts[kv.Key.Item2], kv.Value, n)).ToList();
            var actual = Metrics.CrossSell.TopPairs(lines, From, To, 5, byBasket ? CoPurchaseLevel.Basket : CoPurchaseLevel.Customer);
            Assert.Equal(n, actual.Transactions);
            Assert.Equal(expected, actual.Pairs);
            // Pruning by product count keeps exactly the pairs whose two products are frequent enough.
            var pruned = Metrics.CrossSell.TopPairs(lines, From, To, 1000, byBasket ? CoPurchaseLevel.Basket : CoPurchaseLevel.Customer, minProductCount: 3);
            Assert.Equal(pairCounts.Count(kv => productCounts[kv.Key.Item1] >= 3 && productCounts[kv.Key.Item2] >= 3), pruned.Pairs.Count);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void UpgradeRate_AgreesWithOracle(int seed)
    {
        var raw = CrossSellOracle.RandomLines(seed, seed * 7, 3 + seed);
        var lines = OrderLines.Create(raw);
        if (!lines.IsEmpty && To < lines.FirstDate) return;
        foreach (int window in new[] { 1, 30, 90 })
        {
            var e = CrossSellOracle.Upgrade(raw, To, [0], [1, 2], window);
            Assert.Equal(new UpgradeResult(e.Customers, e.Eligible, e.Upgraded, e.CensoredUpgraded), Metrics.Repeat.UpgradeRate(lines, To, [0], [1, 2], window));
        }
    }
}
