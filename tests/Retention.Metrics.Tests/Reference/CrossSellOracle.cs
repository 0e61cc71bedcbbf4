namespace Retention.Metrics.Tests.Reference;

/// <summary>Naive LINQ versions of the cross-sell and upgrade metrics.</summary>
public static class CrossSellOracle
{
    /// <summary>Seeded random order lines: skewed product popularity, several lines per basket, repeat baskets, shuffled.</summary>
    public static OrderLine[] RandomLines(int seed, int customers, int products, int days = 300)
    {
        var random = new Random(seed);
        var list = new List<OrderLine>();
        var start = new DateOnly(2024, 1, 1);
        for (int c = 0; c < customers; c++)
        {
            int baskets = 1 + (random.Next(3) == 0 ? random.Next(6) : 0);
            int first = random.Next(days);
            for (int b = 0; b < baskets; b++)
            {
                int day = b == 0 ? first : first + random.Next(days - first);
                int size = 1 + random.Next(4);
                for (int k = 0; k < size; k++)
                {
                    int product = (int)Math.Min(products - 1, -Math.Log(1 - random.NextDouble()) * products / 4);
                    list.Add(new OrderLine(c, start.AddDays(day), product, random.Next(100) * 10m));
                }
            }
        }
        for (int i = list.Count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list.ToArray();
    }

    public static long[] DistinctProducts(OrderLine[] lines, DateOnly from, DateOnly to, int max)
    {
        var counts = new long[max + 1];
        foreach (var g in lines.Where(l => l.Date >= from && l.Date <= to).GroupBy(l => l.Customer))
            counts[Math.Min(max, g.Select(l => l.Product).Distinct().Count())]++;
        return counts;
    }

    public static (long N, Dictionary<int, long> ProductCounts, Dictionary<(int, int), long> PairCounts) Pairs(
        OrderLine[] lines, DateOnly from, DateOnly to, bool byBasket)
    {
        var transactions = lines.Where(l => l.Date >= from && l.Date <= to)
            .GroupBy(l => byBasket ? (l.Customer, l.Date.DayNumber) : (l.Customer, 0))
            .Select(g => g.Select(l => l.Product).Distinct().OrderBy(p => p).ToArray()).ToList();
        var productCounts = transactions.SelectMany(t => t).GroupBy(p => p).ToDictionary(g => g.Key, g => (long)g.Count());
        var pairCounts = transactions.SelectMany(t => t.SelectMany((a, i) => t.Skip(i + 1).Select(b => (a, b))))
            .GroupBy(p => p).ToDictionary(g => g.Key, g => (long)g.Count());
        return (transactions.Count, productCounts, pairCounts);
    }

    public static (long Customers, long Eligible, long Upgraded, long CensoredUpgraded) Upgrade(OrderLine[] lines, DateOnly asOf, int[] a, int[] b, int window)
    {
        long customers = 0, eligible = 0, upgraded = 0, censored = 0;
        foreach (var g in lines.Where(l => l.Date <= asOf).GroupBy(l => l.Customer))
        {
            DateOnly first = g.Min(l => l.Date);
            if (!g.Any(l => l.Date == first && a.Contains(l.Product))) continue;
            customers++;
            bool up = g.Any(l => l.Date > first && l.Date.DayNumber - first.DayNumber <= window && b.Contains(l.Product));
            if (first.AddDays(window) <= asOf) { eligible++; if (up) upgraded++; }
            else if (up) censored++;
        }
        return (customers, eligible, upgraded, censored);
    }
}
