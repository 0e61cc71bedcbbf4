using Retention.Metrics.Tests.Infrastructure;
using Retention.Metrics.Tests.Reference;

namespace Retention.Metrics.Tests.Subscriptions;

public class ContinuationTests
{
    private static readonly DateOnly Jan1 = new(2024, 1, 1);

    /// <summary>Subscriptions started on Jan 1 with monthly shipments; <paramref name="groups"/> = (how many, shipments each, cancelled?).</summary>
    private static SubscriptionLedger Build(params (int Count, int Shipments, bool Cancelled)[] groups)
    {
        var subs = new List<Subscription>();
        var ships = new List<Shipment>();
        int id = 0;
        foreach (var (count, shipments, cancelled) in groups)
        {
            for (int i = 0; i < count; i++, id++)
            {
                subs.Add(new Subscription(id, id, Jan1, cancelled ? Jan1.AddMonths(Math.Max(shipments, 1)).AddDays(-1) : null));
                for (int k = 0; k < shipments; k++) ships.Add(new Shipment(id, Jan1.AddMonths(k), k == 0 ? 500m : 3980m));
            }
        }
        return SubscriptionLedger.Create(subs.ToArray(), [], ships.ToArray());
    }

    [Fact]
    public void FromShipments_TsuhaninfoExample_HandWorked()
    {
        // tsuhaninfo.com/repeat: 100 receive shipment 1, 60 shipment 2, 30 shipment 3, all cancelled by the as-of date.
        // C2 = 60/100 = 60 %, C3 = 30/100 = 30 %, step retention at 3 (残存率) = 30/60 = 50 %, step cancellation at 2 = 40/100.
        // Mean shipments = 1 + 0.6 + 0.3 = 1.9 = (40·1 + 30·2 + 30·3) / 100 = 190 / 100.
        var r = Continuation.FromShipments(Build((40, 1, true), (30, 2, true), (30, 3, true)), new DateOnly(2025, 1, 1));
        Assert.Equal(3, r.MaxShipments);
        Assert.True(r.IsComplete);
        Assert.Equal(100, r.Subscriptions);
        Assert.Equal(190, r.TotalShipments);
        Assert.Equal(new Rate(60, 100), r[2].ReceivedFromFirst);
        Assert.Equal(0.6, r[2].ContinuationFromFirst, 15);
        Assert.Equal(0.3, r[3].ContinuationFromFirst, 15);
        Assert.Equal(new Rate(30, 60), r[3].StepRetention);
        Assert.Equal(new Rate(40, 100), r[2].StepCancellation);
        Assert.Equal(new Rate(30, 60), r[3].StepCancellation);
        Assert.Equal(new Rate(100, 100), r[1].StepRetention);
        Assert.Equal(1.9, r.MeanShipments, 14);
        Assert.Equal(1.9, r.ShipmentsPerSubscription, 15);
        // うちでのこづち: cancelled at shipment n = reached n − reached n + 1: 100 − 60 = 40, 60 − 30 = 30, 30 − 0 = 30.
        Assert.Equal([40L, 30L, 30L], r.Steps.ToArray().Select(s => s.CancelledAfter));
    }

    [Fact]
    public void FromShipments_Censored_HandWorked()
    {
        // 4 cancelled after 1 shipment, 2 cancelled after 2, 2 open with 2, 1 cancelled after 3, 1 open with 3.
        // R(1) = 10, R(2) = 6, R(3) = 2; open with exactly k: Z(1) = 0, Z(2) = 2, Z(3) = 1.
        // Step 2: at risk R(1) − Z(1) = 10, s(2) = 6/10. Step 3: at risk R(2) − Z(2) = 6 − 2 = 4 (the two open subscriptions
        // with 2 shipments have not yet had the chance to reach 3), s(3) = 2/4.
        // C(2) = 0.6, C(3) = 0.6 · 0.5 = 0.3; mean = 1 + 0.6 + 0.3 = 1.9.
        // The plain ratio R(3)/R(1) = 2/10 = 0.2 and 定期受注総数 ÷ 定期件数 = (4 + 4 + 4 + 3 + 3) / 10 = 1.8 both understate.
        var ledger = Build((4, 1, true), (2, 2, true), (2, 2, false), (1, 3, true), (1, 3, false));
        var r = Continuation.FromShipments(ledger, new DateOnly(2024, 6, 30));
        Assert.False(r.IsComplete);
        Assert.Equal(3, r.Open);
        Assert.Equal(new ContinuationStep(1, 10, 10, 4, 0, 10, 1d), r[1]);
        Assert.Equal(new Rate(6, 10), r[2].StepRetention);
        Assert.Equal((2L, 2L), (r[2].CancelledAfter, r[2].Censored));
        Assert.Equal(new Rate(2, 4), r[3].StepRetention);
        Assert.Equal(new Rate(2, 4), r[3].StepCancellation);
        Assert.Equal(0.3, r[3].ContinuationFromFirst, 15);
        Assert.Equal(new Rate(2, 10), r[3].ReceivedFromFirst);
        Assert.Equal(1.9, r.MeanShipments, 14);
        Assert.Equal(1.8, r.ShipmentsPerSubscription, 15);
    }

    [Fact]
    public void FromShipments_AsOfIsInclusive_AndLaterShipmentsIgnored()
    {
        // Shipments on Jan 1, Feb 1, Mar 1; cancelled on Mar 31.
        var ledger = Build((1, 3, true));
        var onFeb1 = Continuation.FromShipments(ledger, new DateOnly(2024, 2, 1));
        Assert.Equal(2, onFeb1.MaxShipments); // the Feb 1 shipment counts, Mar 1 not yet
        Assert.Equal(1, onFeb1.Open);         // not cancelled by Feb 1: censored after 2
        Assert.Equal(1, Continuation.FromShipments(ledger, new DateOnly(2024, 1, 31)).MaxShipments);
        var onEnd = Continuation.FromShipments(ledger, new DateOnly(2024, 3, 31));
        Assert.True(onEnd.IsComplete);        // cancelled on the as-of date: complete
        Assert.Equal(0, Continuation.FromShipments(ledger, new DateOnly(2023, 12, 31)).Subscriptions);
    }

    [Fact]
    public void FromShipments_SubscriptionsWithoutShipment_AreLeftOut()
    {
        var ledger = SubscriptionLedger.Create(
            [new Subscription(0, 0, Jan1, null), new Subscription(1, 1, Jan1, Jan1.AddDays(3)), new Subscription(2, 2, Jan1.AddDays(40), null)],
            [], [new Shipment(0, Jan1, 1m), new Shipment(2, Jan1.AddDays(40), 1m)]);
        var r = Continuation.FromShipments(ledger, Jan1.AddDays(20));
        Assert.Equal(1, r.Subscriptions);
        Assert.Equal(1, r.WithoutShipment); // #1; #2 starts after the as-of date
    }

    [Fact]
    public void FromShipments_Empty_NoSteps()
    {
        var r = Continuation.FromShipments(SubscriptionLedger.Empty, Jan1);
        Assert.Equal(0, r.MaxShipments);
        Assert.Equal(0, r.Subscriptions);
        Assert.Equal(0d, r.MeanShipments);
        Assert.Equal(0d, r.ShipmentsPerSubscription);
        Assert.True(r.Steps.IsEmpty);
        Assert.Equal("shipment", Assert.Throws<ArgumentOutOfRangeException>(() => r[1]).ParamName);
    }

    [Fact]
    public void FromShipments_OneSubscription()
    {
        var r = Continuation.FromShipments(Build((1, 4, false)), new DateOnly(2024, 12, 31));
        Assert.Equal(4, r.MaxShipments);
        Assert.All(r.Steps.ToArray(), s => Assert.Equal(1d, s.ContinuationFromFirst));
        Assert.Equal(4d, r.MeanShipments);
    }

    [Fact]
    public void FromShipments_SeededLedgers_MatchOracle()
    {
        for (int seed = 0; seed < 20; seed++)
        {
            var c = RandomSubscriptions.Create(seed, seed * 13);
            var asOf = RandomSubscriptions.Start.AddDays(100 + seed * 41);
            var r = Continuation.FromShipments(c.Ledger(), asOf);
            var expected = SubscriptionOracle.Continuation(c, asOf);
            Assert.Equal(expected.Count, r.MaxShipments);
            for (int k = 1; k <= expected.Count; k++)
            {
                Assert.Equal((expected[k - 1].Received, expected[k - 1].AtRisk), (r[k].Received, r[k].AtRisk));
                Assert.Equal(expected[k - 1].Continuation, r[k].ContinuationFromFirst, 1e-12);
            }
        }
    }

    [Fact]
    public void FromShipments_Cohort_KeepsSubscriptionsStartedInTheWindow()
    {
        // January cohort: #0 (3 shipments, open) and #1 (1 shipment, cancelled); #2 starts on Feb 1, outside [Jan 1, Jan 31].
        var ledger = SubscriptionLedger.Create(
            [new Subscription(0, 0, Jan1, null), new Subscription(1, 1, new DateOnly(2024, 1, 31), new DateOnly(2024, 2, 15)), new Subscription(2, 2, new DateOnly(2024, 2, 1), null)],
            [],
            [new Shipment(0, Jan1, 1m), new Shipment(0, Jan1.AddMonths(1), 1m), new Shipment(0, Jan1.AddMonths(2), 1m),
             new Shipment(1, new DateOnly(2024, 1, 31), 1m), new Shipment(2, new DateOnly(2024, 2, 1), 1m)]);
        var asOf = new DateOnly(2024, 6, 30);
        var january = Continuation.FromShipments(ledger, asOf, Jan1, new DateOnly(2024, 1, 31));
        Assert.Equal(2, january.Subscriptions);
        Assert.Equal(new Rate(1, 2), january[2].StepRetention);
        Assert.Equal(3, Continuation.FromShipments(ledger, asOf).Subscriptions);
        Assert.Equal(1, Continuation.FromShipments(ledger, asOf, startedFrom: new DateOnly(2024, 2, 1)).Subscriptions);
        Assert.Equal(1, Continuation.FromShipments(ledger, asOf, startedTo: new DateOnly(2024, 1, 30)).Subscriptions);
        Assert.Equal("startedTo", Assert.Throws<ArgumentOutOfRangeException>(() => Continuation.FromShipments(ledger, asOf, Jan1, Jan1.AddDays(-1))).ParamName);
    }

    [Fact]
    public void FromShipments_EveryLength_MatchesOracle()
    {
        for (int n = 0; n <= 256; n += 8)
        {
            var c = RandomSubscriptions.Create(1000 + n, n);
            var asOf = RandomSubscriptions.Start.AddDays(300 + n);
            var r = Continuation.FromShipments(c.Ledger(), asOf);
            var expected = SubscriptionOracle.Continuation(c, asOf);
            Assert.Equal(expected.Select(e => (e.K, e.Received, e.AtRisk)), r.Steps.ToArray().Select(s => (s.Shipment, s.Received, s.AtRisk)));
        }
    }

    [Fact]
    public void Errors_NameTheParameter()
    {
        Assert.Equal("ledger", Assert.Throws<ArgumentNullException>(() => Continuation.FromShipments(null!, Jan1)).ParamName);
        var a = Continuation.FromShipments(SubscriptionLedger.Empty, Jan1);
        var b = Continuation.FromShipments(SubscriptionLedger.Empty, Jan1.AddDays(1));
        Assert.Equal("right", Assert.Throws<ArgumentException>(() => ContinuationResult.Combine(a, b)).ParamName);
    }
}
