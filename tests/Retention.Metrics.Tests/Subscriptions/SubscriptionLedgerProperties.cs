using FsCheck.Xunit;
using Retention.Metrics.Tests.Infrastructure;

namespace Retention.Metrics.Tests.Subscriptions;

public class SubscriptionLedgerProperties
{
    [Property(Arbitrary = [typeof(SubscriptionArbitraries)])]
    public bool Create_PermutedInput_GivesTheSameLedger(SubscriptionCase c, int seed)
    {
        var random = new Random(seed);
        var subs = (Subscription[])c.Subscriptions.Clone();
        var plans = (PlanChange[])c.PlanChanges.Clone();
        var ships = (Shipment[])c.Shipments.Clone();
        RandomHistories.Shuffle(random, subs);
        RandomHistories.Shuffle(random, plans);
        RandomHistories.Shuffle(random, ships);
        var a = c.Ledger();
        var b = SubscriptionLedger.Create(subs, plans, ships);
        for (int i = 0; i < a.Count; i++) if (a[i] != b[i]) return false;
        // Same-day shipments may swap amounts, so compare days per subscription and amount totals.
        return a.SubscriptionIds.SequenceEqual(b.SubscriptionIds) && a.CustomerCount == b.CustomerCount
            && a.PlanDays.AsSpan().SequenceEqual(b.PlanDays) && a.PlanAmounts.AsSpan().SequenceEqual(b.PlanAmounts)
            && a.ShipmentStarts.AsSpan().SequenceEqual(b.ShipmentStarts) && a.ShipmentDays.AsSpan().SequenceEqual(b.ShipmentDays)
            && a.ShipmentAmounts.Sum() == b.ShipmentAmounts.Sum();
    }

    [Property(Arbitrary = [typeof(SubscriptionArbitraries)])]
    public bool AmountAt_MatchesTheLatestPlanChange(SubscriptionCase c, int salt)
    {
        var ledger = c.Ledger();
        var day = RandomSubscriptions.Start.AddDays(salt & 1023);
        for (int p = 0; p < ledger.Count; p++)
        {
            if (ledger.AmountAt(p, day.DayNumber) != Reference.SubscriptionOracle.AmountAt(c, ledger[p], day)) return false;
        }
        return true;
    }
}
