using FsCheck.Xunit;

namespace Retention.Metrics.Tests.CrossSell;

/// <summary>The pair map's keys: <c>(A &lt;&lt; 32) | B</c> mixed so that their hash codes spread (a long hashes as low ^ high, which
/// for the raw key is A ^ B), and unmixed exactly.</summary>
public class PairKeyTests
{
    [Property]
    public bool MixThenUnmix_GivesThePairBack(int a, int b)
    {
        ulong key = ((ulong)(uint)a << 32) | (uint)b;
        return Metrics.CrossSell.UnmixPair(Metrics.CrossSell.MixPair(key)) == (long)key;
    }

    [Fact]
    public void PairsOfALargeCatalogue_GetAlmostAllDistinctHashCodes()
    {
        // 2,000 products: 1,999,000 pairs. Raw keys would share 2,047 hash codes (A ^ B < 2,048), so a catalogue of this size
        // would turn the map into long collision chains; mixed keys should collide about as rarely as random codes.
        var raw = new HashSet<int>();
        var mixed = new HashSet<int>();
        for (ulong a = 0; a < 2_000; a++)
        {
            for (ulong b = a + 1; b < 2_000; b++)
            {
                ulong key = (a << 32) | b;
                raw.Add(((long)key).GetHashCode());
                mixed.Add(Metrics.CrossSell.MixPair(key).GetHashCode());
            }
        }
        Assert.Equal(2_047, raw.Count); // A ^ B is 1 .. 2,047 for A < B < 2,048
        Assert.True(mixed.Count > 1_990_000, $"{mixed.Count} distinct hash codes for 1,999,000 pairs");
    }

    [Fact]
    public void TopPairs_BroadCustomers_CountsEveryPair()
    {
        // 400 customers each buying the same 60 products: every one of the 1,770 pairs is bought by all 400.
        var lines = new List<OrderLine>();
        var day = new DateOnly(2025, 1, 1);
        for (int c = 0; c < 400; c++)
            for (int p = 0; p < 60; p++) lines.Add(new OrderLine(c, day, (p * 37 + c) % 60, 1m));
        ProductPairs top = Metrics.CrossSell.TopPairs(OrderLines.Create(lines.ToArray()), day, day, 5);
        Assert.Equal(400, top.Transactions);
        Assert.Equal(new[] { (0, 1), (0, 2), (0, 3), (0, 4), (0, 5) }, top.Pairs.Select(p => (p.ProductA, p.ProductB)).ToArray());
        Assert.All(top.Pairs, p => Assert.Equal(400, p.CountBoth));
    }
}
