namespace Retention.Metrics.Tests.Reference;

/// <summary>Naive LINQ versions of the practical LTV functions, written straight from the definitions.</summary>
internal static class LifetimeOracle
{
    public static (long Customers, long Orders, decimal Revenue) Historical(Purchase[] purchases, DateOnly asOf)
    {
        var acquired = purchases.GroupBy(p => p.Customer).Where(g => g.Min(p => p.Date) <= asOf).ToList();
        var counted = acquired.SelectMany(g => g).Where(p => p.Date <= asOf).ToList();
        return (acquired.Count, counted.Count, counted.Sum(p => p.Amount));
    }

    public static (long Customers, long Orders, decimal Revenue) AnnualPeriod(Purchase[] purchases, DateOnly asOf, int months)
    {
        DateOnly from = asOf.AddMonths(-months);
        var inWindow = purchases.Where(p => p.Date > from && p.Date <= asOf).ToList();
        return (inWindow.Select(p => p.Customer).Distinct().Count(), inWindow.Count, inWindow.Sum(p => p.Amount));
    }

    /// <summary>Per (cohort month start, horizon): size, orders and revenue in [first, first + h months) up to asOf.</summary>
    public static Dictionary<(DateOnly Month, int Horizon), (long Size, long Orders, decimal Revenue)> ByCohort(Purchase[] purchases, DateOnly asOf, int[] horizons)
    {
        var result = new Dictionary<(DateOnly, int), (long, long, decimal)>();
        foreach (var customer in purchases.GroupBy(p => p.Customer))
        {
            DateOnly first = customer.Min(p => p.Date);
            if (first > asOf) continue;
            var month = new DateOnly(first.Year, first.Month, 1);
            foreach (int h in horizons)
            {
                DateOnly end = first.AddMonths(h);
                var within = customer.Where(p => p.Date < end && p.Date <= asOf).ToList();
                var old = result.GetValueOrDefault((month, h));
                result[(month, h)] = (old.Item1 + 1, old.Item2 + within.Count, old.Item3 + within.Sum(p => p.Amount));
            }
        }
        return result;
    }
}
