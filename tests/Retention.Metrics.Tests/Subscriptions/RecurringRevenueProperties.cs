using FsCheck.Xunit;
using Retention.Metrics.Tests.Infrastructure;

namespace Retention.Metrics.Tests.Subscriptions;

public class RecurringRevenueProperties
{
    private static readonly DateOnly From = new(2023, 1, 1);
    private static readonly DateOnly To = new(2025, 3, 31);

    [Property(Arbitrary = [typeof(SubscriptionArbitraries)])]
    public bool Movements_ReconcileWithTheChangeInMrr(SubscriptionCase c)
    {
        var s = RecurringRevenue.Movements(c.Ledger(), From, To);
        for (int i = 0; i < s.Count; i++)
        {
            var p = s[i];
            if (p.EndingMrr - p.StartingMrr != p.NetNewMrr) return false;
            if (i + 1 < s.Count && p.EndingMrr != s[i + 1].StartingMrr) return false;
            if (p.New < 0 || p.Expansion < 0 || p.Contraction < 0 || p.Churned < 0 || p.Reactivation < 0) return false;
            if (p.Contraction + p.Churned > p.StartingMrr) return false;
        }
        return true;
    }

    [Property(Arbitrary = [typeof(SubscriptionArbitraries)])]
    public bool NetRetention_IsAtLeastGrossRetention_AndGrossAtMostOne(SubscriptionCase c)
    {
        foreach (var p in RecurringRevenue.Movements(c.Ledger(), From, To, PeriodUnit.Quarter).Periods)
        {
            if (p.NetRevenueRetention < p.GrossRevenueRetention) return false;
            if (p.GrossRevenueRetention > 1 || p.GrossRevenueRetention < 0) return false;
            if (p.GrossRevenueChurn < 0 || p.GrossRevenueChurn > 1) return false;
            if (p.QuickRatio is double q && q < 0) return false;
        }
        return true;
    }

    [Property(Arbitrary = [typeof(SubscriptionArbitraries)])]
    public bool Movements_DisjointCustomers_CombineToWhole(SubscriptionCase c, int salt)
    {
        int m = (salt & 3) + 2;
        var whole = RecurringRevenue.Movements(c.Ledger(), From, To);
        var parts = MrrSeries.Combine(
            RecurringRevenue.Movements(c.Where(s => s.Customer % m == 0).Ledger(), From, To),
            RecurringRevenue.Movements(c.Where(s => s.Customer % m != 0).Ledger(), From, To));
        return whole.Periods.SequenceEqual(parts.Periods);
    }
}
