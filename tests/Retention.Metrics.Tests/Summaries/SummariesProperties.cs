using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Retention.Metrics.Tests.Infrastructure;

namespace Retention.Metrics.Tests.Summaries;

public class SummariesProperties
{
    private static DateOnly AsOf(Purchase[] purchases, int offset) =>
        purchases.Max(p => p.Date).AddDays(offset % 30 - 15) is var d && d < purchases.Min(p => p.Date) ? purchases.Min(p => p.Date) : purchases.Max(p => p.Date).AddDays(offset % 30 - 15);

    [Property(Arbitrary = [typeof(RetentionArbitraries)])]
    public bool Compute_PermutedInput_GivesTheSameSummaries(Purchase[] purchases, int seed, NonNegativeInt offset)
    {
        if (purchases.Length == 0) return true;
        var asOf = AsOf(purchases, offset.Get);
        var shuffled = (Purchase[])purchases.Clone();
        RandomHistories.Shuffle(new Random(seed), shuffled);
        return Metrics.Summaries.Compute(PurchaseHistory.Create(purchases), asOf)
            .SequenceEqual(Metrics.Summaries.Compute(PurchaseHistory.Create(shuffled), asOf));
    }

    [Property(Arbitrary = [typeof(RetentionArbitraries)])]
    public bool Totals_OfCustomerSplit_CombineToTheWhole(Purchase[] purchases, PositiveInt modulus, NonNegativeInt offset)
    {
        if (purchases.Length == 0) return true;
        var asOf = AsOf(purchases, offset.Get);
        int m = modulus.Get % 4 + 2;
        var left = purchases.Where(p => p.Customer % m == 0).ToArray();
        var right = purchases.Where(p => p.Customer % m != 0).ToArray();
        var whole = Metrics.Summaries.Totals(PurchaseHistory.Create(purchases), asOf);
        var parts = SummaryTotals.Combine(TotalsOrEmpty(left, asOf), TotalsOrEmpty(right, asOf));
        var concatenated = SummariesOrEmpty(left, asOf).Concat(SummariesOrEmpty(right, asOf)).OrderBy(s => s.Customer);
        return whole == parts && concatenated.SequenceEqual(Metrics.Summaries.Compute(PurchaseHistory.Create(purchases), asOf));
    }

    private static SummaryTotals TotalsOrEmpty(Purchase[] purchases, DateOnly asOf)
    {
        var h = PurchaseHistory.Create(purchases);
        return h.IsEmpty || asOf < h.FirstDate ? default : Metrics.Summaries.Totals(h, asOf);
    }

    private static CustomerSummary[] SummariesOrEmpty(Purchase[] purchases, DateOnly asOf)
    {
        var h = PurchaseHistory.Create(purchases);
        return h.IsEmpty || asOf < h.FirstDate ? [] : Metrics.Summaries.Compute(h, asOf);
    }

    [Property(Arbitrary = [typeof(RetentionArbitraries)])]
    public bool Compute_Invariants_Hold(Purchase[] purchases, NonNegativeInt offset)
    {
        if (purchases.Length == 0) return true;
        var asOf = AsOf(purchases, offset.Get);
        foreach (var s in Metrics.Summaries.Compute(PurchaseHistory.Create(purchases), asOf))
        {
            if (s.Frequency > s.Orders - 1) return false;
            if (s.Frequency < 0 || s.RecencyDays < 0 || s.RecencyDays > s.AgeDays) return false;
            if (s.RepeatAmount > s.TotalAmount || s.RepeatAmount < 0) return false;
            if (s.Frequency == 0 && s.RepeatAmount != 0) return false;
        }
        return true;
    }

    [Property(Arbitrary = [typeof(RetentionArbitraries)])]
    public bool Totals_ExtraPurchase_NeverLowersRepeatCustomers(Purchase[] purchases, NonNegativeInt which, PositiveInt days)
    {
        if (purchases.Length == 0) return true;
        var extra = purchases[which.Get % purchases.Length] with { Date = purchases[which.Get % purchases.Length].Date.AddDays(days.Get % 90) };
        var asOf = purchases.Concat([extra]).Max(p => p.Date);
        var before = Metrics.Summaries.Totals(PurchaseHistory.Create(purchases), asOf);
        var after = Metrics.Summaries.Totals(PurchaseHistory.Create([.. purchases, extra]), asOf);
        return after.RepeatCustomers >= before.RepeatCustomers && after.Customers == before.Customers
            && after.RepeatCustomerRate.Value >= before.RepeatCustomerRate.Value;
    }
}
