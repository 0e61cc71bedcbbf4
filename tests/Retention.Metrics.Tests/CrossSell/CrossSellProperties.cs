using FsCheck;
using FsCheck.Xunit;
using Retention.Metrics.Tests.Reference;

namespace Retention.Metrics.Tests.CrossSell;

public class CrossSellProperties
{
    private static readonly DateOnly From = new(2024, 1, 1);
    private static readonly DateOnly To = new(2025, 6, 30);

    [Property]
    public void Combine_OverDisjointCustomers_EqualsWhole(PositiveInt seed, int salt)
    {
        var raw = CrossSellOracle.RandomLines(seed.Get, 1 + seed.Get % 40, 2 + seed.Get % 9);
        bool Left(OrderLine l) => ((l.Customer ^ salt) & 1) == 0;
        var whole = OrderLines.Create(raw);
        var left = OrderLines.Create(raw.Where(Left).ToArray());
        var right = OrderLines.Create(raw.Where(l => !Left(l)).ToArray());
        Assert.Equal(Metrics.CrossSell.DistinctProducts(whole, From, To, 3).CustomersByProducts.ToArray(),
            ProductBreadth.Combine(Metrics.CrossSell.DistinctProducts(left, From, To, 3), Metrics.CrossSell.DistinctProducts(right, From, To, 3))
                .CustomersByProducts.ToArray());
        Assert.Equal(Metrics.Repeat.UpgradeRate(whole, To, [0], [1], 45),
            UpgradeResult.Combine(Metrics.Repeat.UpgradeRate(left, To, [0], [1], 45), Metrics.Repeat.UpgradeRate(right, To, [0], [1], 45)));
    }

    [Property]
    public void Rates_AreBetweenZeroAndOne_AndLiftIsConsistent(PositiveInt seed)
    {
        var lines = OrderLines.Create(CrossSellOracle.RandomLines(seed.Get, 1 + seed.Get % 50, 2 + seed.Get % 12));
        var breadth = Metrics.CrossSell.DistinctProducts(lines, From, To, 5);
        for (int n = 1; n <= 5; n++) Assert.InRange(breadth.AtLeast(n).Value, 0d, 1d);
        for (int n = 2; n <= 5; n++) Assert.True(breadth.AtLeast(n).Numerator <= breadth.AtLeast(n - 1).Numerator);
        foreach (var pair in Metrics.CrossSell.TopPairs(lines, From, To, 20).Pairs)
        {
            Assert.InRange(pair.Support.Value, 0d, 1d);
            Assert.InRange(pair.ConfidenceAToB.Value, 0d, 1d);
            Assert.True(pair.ProductA < pair.ProductB);
            Assert.Equal(pair.ConfidenceAToB.Value / ((double)pair.CountB / pair.Transactions), pair.Lift, 1e-9);
        }
    }

    [Property]
    public void Results_AreInvariantUnderPermutation(PositiveInt seed, int shuffleSeed)
    {
        var raw = CrossSellOracle.RandomLines(seed.Get, 1 + seed.Get % 30, 2 + seed.Get % 7);
        var shuffled = raw.ToList();
        Infrastructure.RandomHistories.Shuffle(new Random(shuffleSeed), shuffled);
        var a = OrderLines.Create(raw);
        var b = OrderLines.Create(shuffled.ToArray());
        Assert.Equal(a.Products.ToArray(), b.Products.ToArray());
        Assert.Equal(a.AmountUnits.ToArray(), b.AmountUnits.ToArray());
        Assert.Equal(Metrics.CrossSell.TopPairs(a, From, To, 5).Pairs, Metrics.CrossSell.TopPairs(b, From, To, 5).Pairs);
    }
}
