using Retention.Metrics.Numerics;

namespace Retention.Metrics.Benchmarks.Infrastructure;

/// <summary>Order lines for the sample shop's purchases, generated once per process and shared by every benchmark in it.</summary>
/// <remarks>
/// <para>The sample shop generates purchases only; cross-sell needs products. Each purchase becomes 1 line (50 %), 2 lines (30 %)
/// or 3 lines (20 %) of distinct products, all with the purchase's customer and date; the purchase amount is split over its lines in
/// whole cents (the first line takes the remainder), so the lines of a purchase add up to it exactly.</para>
/// <para>Products come from a Zipf-like catalogue of <see cref="Products"/> products: the product of popularity rank r (0-based) is drawn
/// with weight ⌊10⁹ / (r + 1)⌋ (exponent 1), and ranks are mapped to product indexes by a seeded shuffle, so the most popular products
/// are not simply the lowest indexes. Everything is integer arithmetic on a SplitMix64 stream (seed <see cref="Seed"/>), so the lines
/// depend only on the purchases and the seed, on every platform.</para>
/// </remarks>
public static class ShopLines
{
    /// <summary>The catalogue size.</summary>
    public const int Products = 2_000;

    /// <summary>The seed of the line generator.</summary>
    public const int Seed = 42;

    private static readonly SizeCache<OrderLine[]> s_lines = new(n => Generate(ShopData.Purchases(n)));
    private static readonly SizeCache<OrderLines> s_orderLines = new(n => Retention.Metrics.OrderLines.Create(Lines(n)));

    /// <summary>The lines of <see cref="ShopData.Purchases"/> of size <paramref name="n"/>, in the purchases' (date) order.</summary>
    public static OrderLine[] Lines(int n) => s_lines.Get(n);

    /// <summary>The <see cref="OrderLines"/> built from <see cref="Lines"/>.</summary>
    public static OrderLines OrderLines(int n) => s_orderLines.Get(n);

    /// <summary>Generates the lines of <paramref name="purchases"/>: 1–3 distinct products each, from the Zipf-like catalogue.</summary>
    public static OrderLine[] Generate(ReadOnlySpan<Purchase> purchases, int seed = Seed)
    {
        var random = new SplitMix64((ulong)(uint)seed);

        // Popularity: cumulative integer weights by rank, and a seeded shuffle from rank to product index.
        var cumulative = new long[Products];
        long total = 0;
        for (int r = 0; r < Products; r++)
        {
            total += 1_000_000_000L / (r + 1);
            cumulative[r] = total;
        }
        var productOfRank = new int[Products];
        for (int r = 0; r < Products; r++) productOfRank[r] = r;
        for (int r = Products - 1; r > 0; r--)
        {
            int j = random.NextInt(r + 1);
            (productOfRank[r], productOfRank[j]) = (productOfRank[j], productOfRank[r]);
        }

        var lines = new List<OrderLine>(purchases.Length * 17 / 10);
        Span<int> chosen = stackalloc int[3];
        foreach (ref readonly Purchase p in purchases)
        {
            int roll = random.NextInt(10);
            int count = roll < 5 ? 1 : roll < 8 ? 2 : 3;
            for (int k = 0; k < count; k++)
            {
                int product;
                do
                {
                    product = productOfRank[Rank(cumulative, NextLong(ref random, total))];
                }
                while (chosen[..k].Contains(product));
                chosen[k] = product;
            }
            long cents = decimal.ToInt64(p.Amount * 100m);
            long share = cents / count;
            for (int k = 0; k < count; k++)
            {
                long lineCents = k == 0 ? cents - (share * (count - 1)) : share;
                lines.Add(new OrderLine(p.Customer, p.Date, chosen[k], lineCents / 100m));
            }
        }
        return [.. lines];
    }

    /// <summary>The first rank whose cumulative weight exceeds <paramref name="u"/>.</summary>
    private static int Rank(long[] cumulative, long u)
    {
        int lo = 0, hi = cumulative.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    /// <summary>A value in <c>[0, bound)</c>, by multiply-shift (bias at most bound / 2⁶⁴).</summary>
    private static long NextLong(ref SplitMix64 random, long bound) => (long)Math.BigMul(random.Next(), (ulong)bound, out _);
}
