namespace Retention.Metrics.Tests.Infrastructure;

/// <summary>Seeded random purchase sets for oracle comparisons: skewed like a real shop (most customers buy once).</summary>
public static class RandomHistories
{
    public static readonly DateOnly Start = new(2023, 1, 1);

    /// <summary>
    /// Generates purchases: <paramref name="customers"/> customers over <paramref name="days"/> days from <see cref="Start"/>,
    /// about half buying once and a tail buying often, amounts with 0–2 decimals (some zero), same-day repeats included,
    /// in shuffled order. Customer indexes are dense 0..customers−1 but some indexes may end up with no purchase.
    /// </summary>
    public static Purchase[] Purchases(int seed, int customers, int days = 3 * 365, bool withZeroAmounts = true)
    {
        var random = new Random(seed);
        var list = new List<Purchase>();
        for (int c = 0; c < customers; c++)
        {
            if (random.Next(20) == 0) continue; // an index without purchases
            int orders = random.Next(10) < 5 ? 1 : 1 + (int)Math.Min(60, -Math.Log(1 - random.NextDouble()) * 4);
            int first = random.Next(days);
            for (int k = 0; k < orders; k++)
            {
                int day = k == 0 ? first : Math.Min(days - 1, first + random.Next(Math.Max(1, days - first)));
                if (k > 0 && random.Next(8) == 0) day = first; // same-day repeat
                decimal amount = withZeroAmounts && random.Next(30) == 0 ? 0m : Math.Round((decimal)(random.NextDouble() * random.NextDouble() * 20000), random.Next(3));
                list.Add(new Purchase(c, Start.AddDays(day), amount));
            }
        }
        Shuffle(random, list);
        return list.ToArray();
    }

    public static void Shuffle<T>(Random random, IList<T> list)
    {
        for (int i = list.Count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
