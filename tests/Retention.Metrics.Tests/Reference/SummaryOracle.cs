namespace Retention.Metrics.Tests.Reference;

/// <summary>The naive LINQ summary a .NET developer writes by hand: the oracle for <see cref="Metrics.Summaries"/>.</summary>
public static class SummaryOracle
{
    public sealed record Row(int Customer, DateOnly First, DateOnly Last, int Orders, int PurchaseDays, decimal Total, decimal Repeat, int AgeDays);

    public static Row[] Compute(IEnumerable<Purchase> purchases, DateOnly asOf) =>
        purchases
            .Where(p => p.Date <= asOf)
            .GroupBy(p => p.Customer)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var first = g.Min(p => p.Date);
                return new Row(
                    g.Key,
                    first,
                    g.Max(p => p.Date),
                    g.Count(),
                    g.Select(p => p.Date).Distinct().Count(),
                    g.Sum(p => p.Amount),
                    g.Where(p => p.Date != first).Sum(p => p.Amount),
                    asOf.DayNumber - first.DayNumber);
            })
            .ToArray();
}
