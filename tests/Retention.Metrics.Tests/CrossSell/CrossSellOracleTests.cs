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
    public void DistinctProducts_AnyDegreeOfParallelism_EqualsOneThread(int seed)
    {
        var raw = CrossSellOracle.RandomLines(seed, seed * 7, 3 + seed);
        var lines = OrderLines.Create(raw);
        if (!lines.IsEmpty && To < lines.FirstDate) return;
        long[] one = Metrics.CrossSell.DistinctProducts(lines, From, To, 4).CustomersByProducts.ToArray();
        foreach (int degree in new[] { 2, 3, 16 })
            Assert.Equal(one, Metrics.CrossSell.DistinctProducts(lines, From, To, 4, degree).CustomersByProducts.ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void DistinctProducts_DegreeBelowOne_Throws(int degree)
    {
        var lines = OrderLines.Create([new OrderLine(0, From, 1, 5m)]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Metrics.CrossSell.DistinctProducts(lines, From, To, 4, degree));
        Assert.Equal("degreeOfParallelism", e.ParamName);
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
    [InlineData(1, false)] // 3,000 kept products: more pairs than the dense triangle holds, so the hash map counts them
    [InlineData(1, true)]
    [InlineData(40, false)] // pruned to fewer than 2,897 products: the dense triangle
    [InlineData(40, true)]
    public void TopPairs_LargeCatalogue_AgreesWithOracle(int minProductCount, bool byBasket)
    {
        var random = new Random(5);
        var raw = new List<OrderLine>();
        for (int c = 0; c < 600; c++)
        {
            for (int k = 0; k < 40; k++)
            {
                // Skewed: low product numbers are popular, so pruning keeps a prefix-like set of products.
                int product = (int)(3_000 * Math.Pow(random.NextDouble(), 2)) % 3_000;
                raw.Add(new OrderLine(c, From.AddDays(random.Next(3)), product, 1m));
            }
        }
        for (int p = 0; p < 3_000; p++) raw.Add(new OrderLine(600 + p % 7, From, p, 1m)); // every product bought at least once
        OrderLine[] all = raw.ToArray();
        var (n, productCounts, pairCounts) = CrossSellOracle.Pairs(all, From, To, byBasket);
        int kept = productCounts.Count(kv => kv.Value >= minProductCount);
        Assert.True(minProductCount == 1 ? (long)kept * (kept - 1) / 2 > Metrics.CrossSell.DensePairBudget
            : (long)kept * (kept - 1) / 2 <= Metrics.CrossSell.DensePairBudget);
        var expected = pairCounts.Where(kv => productCounts[kv.Key.Item1] >= minProductCount && productCounts[kv.Key.Item2] >= minProductCount)
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Item1).ThenBy(kv => kv.Key.Item2).Take(50)
            .Select(kv => new ProductPair(kv.Key.Item1, kv.Key.Item2, productCounts[kv.Key.Item1], productCounts[kv.Key.Item2], kv.Value, n)).ToList();
        var actual = Metrics.CrossSell.TopPairs(OrderLines.Create(all), From, To, 50, byBasket ? CoPurchaseLevel.Basket : CoPurchaseLevel.Customer, minProductCount);
        Assert.Equal(n, actual.Transactions);
        Assert.Equal(expected, actual.Pairs);
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
