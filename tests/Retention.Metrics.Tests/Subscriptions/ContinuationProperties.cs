using FsCheck.Xunit;
using Retention.Metrics.Tests.Infrastructure;

namespace Retention.Metrics.Tests.Subscriptions;

public class ContinuationProperties
{
    private static DateOnly AsOf(int salt) => RandomSubscriptions.Start.AddDays(salt & 1023);

    [Property(Arbitrary = [typeof(SubscriptionArbitraries)])]
    public bool ContinuationFromFirst_IsNonIncreasingInK(SubscriptionCase c, int salt)
    {
        var r = Continuation.FromShipments(c.Ledger(), AsOf(salt));
        double previous = 1d;
        long previousReceived = r.Subscriptions;
        foreach (var s in r.Steps)
        {
            if (s.ContinuationFromFirst > previous || s.ContinuationFromFirst < 0) return false;
            if (s.Received > previousReceived || s.ReceivedFromFirst.Value > s.ContinuationFromFirst + 1e-12) return false;
            previous = s.ContinuationFromFirst;
            previousReceived = s.Received;
        }
        return true;
    }

    [Property(Arbitrary = [typeof(SubscriptionArbitraries)])]
    public bool CompleteData_ReducesToVendorFormulas(SubscriptionCase c)
    {
        var r = Continuation.FromShipments(c.Ledger(), new DateOnly(2030, 1, 1));
        var closed = Continuation.FromShipments(c.Where(s => s.End is not null).Ledger(), new DateOnly(2030, 1, 1));
        if (!closed.IsComplete) return false;
        foreach (var s in closed.Steps)
            if (Math.Abs(s.ContinuationFromFirst - s.ReceivedFromFirst.Value) > 1e-12) return false;
        return Math.Abs(closed.MeanShipments - closed.ShipmentsPerSubscription) <= 1e-9 * Math.Max(1, closed.MeanShipments)
            && r.Subscriptions >= closed.Subscriptions;
    }

    [Property(Arbitrary = [typeof(SubscriptionArbitraries)])]
    public bool DisjointSplit_CombinesToWhole(SubscriptionCase c, int salt)
    {
        int m = (salt & 3) + 2;
        var asOf = AsOf(salt >> 2);
        var whole = Continuation.FromShipments(c.Ledger(), asOf);
        var parts = ContinuationResult.Combine(
            Continuation.FromShipments(c.Where(s => s.Id % m == 0).Ledger(), asOf),
            Continuation.FromShipments(c.Where(s => s.Id % m != 0).Ledger(), asOf));
        return whole.Steps.SequenceEqual(parts.Steps) && whole.Subscriptions == parts.Subscriptions
            && whole.WithoutShipment == parts.WithoutShipment && whole.Open == parts.Open
            && whole.TotalShipments == parts.TotalShipments && whole.MeanShipments == parts.MeanShipments;
    }
}
