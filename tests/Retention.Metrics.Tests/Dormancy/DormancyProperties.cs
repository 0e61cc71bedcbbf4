using FsCheck;
using FsCheck.Xunit;
using Retention.Metrics.Tests.Infrastructure;

namespace Retention.Metrics.Tests.Dormancy;

public class DormancyProperties
{
    private static DateOnly AsOfFor(Purchase[] purchases) => purchases.Length == 0 ? RandomHistories.Start : purchases.Max(p => p.Date);

    [Property(Arbitrary = [typeof(RetentionArbitraries)])]
    public void Rates_AreBetweenZeroAndOne_AndCountsAddUp(Purchase[] purchases, PositiveInt threshold)
    {
        var h = PurchaseHistory.Create(purchases);
        DateOnly asOf = AsOfFor(purchases);
        int n = 1 + threshold.Get % 400;
        var status = Metrics.Dormancy.Classify(h, asOf, n);
        Assert.Equal(status.Customers, status.Active + status.Dormant);
        Assert.InRange(status.DormantRate.Value, 0d, 1d);
        DateOnly t0 = h.IsEmpty ? asOf : DateOnly.FromDayNumber(Math.Max(h.FirstDate.DayNumber, asOf.DayNumber - 200));
        var t = Metrics.Dormancy.Transition(h, t0, asOf, n);
        Assert.InRange(t.Retention.Value, 0d, 1d);
        Assert.InRange(t.Reactivation.Value, 0d, 1d);
        Assert.Equal(Metrics.Dormancy.Classify(h, t0, n).Customers + t.NewCustomers, status.Customers);
    }

    // A larger threshold never makes more customers dormant.
    [Property(Arbitrary = [typeof(RetentionArbitraries)])]
    public void Dormant_IsNonIncreasingInThreshold(Purchase[] purchases, PositiveInt threshold)
    {
        var h = PurchaseHistory.Create(purchases);
        DateOnly asOf = AsOfFor(purchases);
        int n = 1 + threshold.Get % 400;
        Assert.True(Metrics.Dormancy.Classify(h, asOf, n + 1).Dormant <= Metrics.Dormancy.Classify(h, asOf, n).Dormant);
    }

    [Property(Arbitrary = [typeof(RetentionArbitraries)])]
    public void Combine_OverDisjointCustomers_EqualsWhole(Purchase[] purchases, int salt)
    {
        DateOnly asOf = AsOfFor(purchases);
        bool Left(Purchase p) => ((p.Customer ^ salt) & 1) == 0;
        var whole = PurchaseHistory.Create(purchases);
        var left = PurchaseHistory.Create(purchases.Where(Left).ToArray());
        var right = PurchaseHistory.Create(purchases.Where(p => !Left(p)).ToArray());
        Assert.Equal(Metrics.Dormancy.Classify(whole, asOf, 90),
            DormancyStatus.Combine(Metrics.Dormancy.Classify(left, asOf, 90), Metrics.Dormancy.Classify(right, asOf, 90)));
        // Transition needs t0 on or after each part's first purchase.
        DateOnly t0 = DateOnly.FromDayNumber(Math.Max(Math.Max(left.IsEmpty ? 0 : left.FirstDate.DayNumber, right.IsEmpty ? 0 : right.FirstDate.DayNumber),
            asOf.DayNumber - 150));
        if (t0 > asOf) return;
        Assert.Equal(Metrics.Dormancy.Transition(whole, t0, asOf, 90),
            DormancyTransition.Combine(Metrics.Dormancy.Transition(left, t0, asOf, 90), Metrics.Dormancy.Transition(right, t0, asOf, 90)));
    }

    [Property(Arbitrary = [typeof(RetentionArbitraries)])]
    public void HighValueDormant_IsASubsetOfDormantCustomers(Purchase[] purchases)
    {
        var h = PurchaseHistory.Create(purchases);
        DateOnly asOf = AsOfFor(purchases);
        var dormant = Metrics.Dormancy.DormantCustomers(h, asOf, 60).Select(s => s.Customer).ToHashSet();
        var high = Metrics.Dormancy.HighValueDormant(h, asOf, 60, 0.3);
        Assert.All(high, s => Assert.Contains(s.Customer, dormant));
        Assert.Equal(Metrics.Dormancy.Classify(h, asOf, 60).Dormant, dormant.Count);
    }
}
