namespace Retention.Metrics.Tests.Subscriptions;

public class SubscriptionLedgerTests
{
    private static readonly DateOnly Jan1 = new(2024, 1, 1);

    [Fact]
    public void Create_Empty_IsEmpty()
    {
        var ledger = SubscriptionLedger.Create([]);
        Assert.True(ledger.IsEmpty);
        Assert.Equal(0, ledger.Count);
        Assert.Equal(0, ledger.CustomerCount);
        Assert.False(ledger.HasPlans);
        Assert.Same(SubscriptionLedger.Empty, ledger);
    }

    [Fact]
    public void Create_SortsById_AndKeepsRecords()
    {
        var ledger = SubscriptionLedger.Create(
            [new Subscription(7, 2, Jan1, null), new Subscription(3, 2, Jan1.AddDays(5), Jan1.AddDays(40)), new Subscription(5, 9, Jan1, Jan1)],
            [new PlanChange(3, Jan1.AddDays(5), 10m), new PlanChange(7, Jan1, 20m), new PlanChange(5, Jan1, 0m), new PlanChange(3, Jan1.AddDays(40), 15m)],
            [new Shipment(7, Jan1.AddDays(30), 1m), new Shipment(7, Jan1, 2m)]);
        Assert.Equal([3, 5, 7], ledger.SubscriptionIds.ToArray());
        Assert.Equal(new Subscription(3, 2, Jan1.AddDays(5), Jan1.AddDays(40)), ledger[0]);
        Assert.Equal(new Subscription(7, 2, Jan1, null), ledger[2]);
        Assert.Equal(2, ledger.CustomerCount);
        Assert.Equal(4, ledger.PlanChangeCount);
        Assert.Equal(2, ledger.ShipmentCount);
        Assert.True(ledger.HasPlans);
        Assert.Equal(1, ledger.PositionOf(5));
        Assert.Equal(-1, ledger.PositionOf(4));
        Assert.Equal(10m, ledger.AmountAt(0, Jan1.AddDays(39).DayNumber));
        Assert.Equal(0m, ledger.AmountAt(0, Jan1.AddDays(40).DayNumber)); // a change on the end date never applies
        Assert.Equal([Jan1.DayNumber, Jan1.AddDays(30).DayNumber], ledger.ShipmentDays);
        Assert.Throws<ArgumentOutOfRangeException>(() => ledger[3]);
    }

    [Fact]
    public void Create_SameDayStartAndEnd_IsAllowed()
    {
        var ledger = SubscriptionLedger.Create([new Subscription(0, 0, Jan1, Jan1)], [], [new Shipment(0, Jan1, 5m)]);
        Assert.Equal(1, ledger.Count);
    }

    private static ArgumentException AssertElementError(Action create, string paramName, string index, string fragment)
    {
        var e = Assert.Throws<ArgumentException>(create);
        Assert.Equal(paramName, e.ParamName);
        Assert.Contains($"{paramName}[{index}]", e.Message);
        Assert.Contains(fragment, e.Message);
        return e;
    }

    [Fact]
    public void Create_EndBeforeStart_NamesTheRecord() =>
        AssertElementError(() => SubscriptionLedger.Create([new Subscription(0, 0, Jan1, null), new Subscription(1, 0, Jan1, Jan1.AddDays(-1))]),
            "subscriptions", "1", "End is 2023-12-31; it must not be before the subscription's Start 2024-01-01.");

    [Fact]
    public void Create_NegativeId_NamesTheRecord() =>
        AssertElementError(() => SubscriptionLedger.Create([new Subscription(-1, 0, Jan1, null)]), "subscriptions", "0", "Id is -1");

    [Fact]
    public void Create_NegativeCustomer_NamesTheRecord() =>
        AssertElementError(() => SubscriptionLedger.Create([new Subscription(0, -4, Jan1, null)]), "subscriptions", "0", "Customer is -4");

    [Fact]
    public void Create_DefaultStart_NamesTheRecord() =>
        AssertElementError(() => SubscriptionLedger.Create([new Subscription(0, 0, Jan1, null), new Subscription(1, 0, default, null)]),
            "subscriptions", "1", "Start is 0001-01-01; a start date is required");

    [Fact]
    public void Create_DefaultEnd_NamesTheRecord() =>
        AssertElementError(() => SubscriptionLedger.Create([new Subscription(0, 0, Jan1, default(DateOnly))]),
            "subscriptions", "0", "End is 0001-01-01; an end date must be a date");

    [Fact]
    public void Create_DuplicateId_NamesBothRecords() =>
        AssertElementError(() => SubscriptionLedger.Create([new Subscription(4, 0, Jan1, null), new Subscription(1, 0, Jan1, null), new Subscription(4, 1, Jan1, null)]),
            "subscriptions", "2", "subscription ids must be unique (subscriptions[0] has the same id)");

    [Fact]
    public void Create_PlanChangeForUnknownSubscription_NamesTheRecord() =>
        AssertElementError(() => SubscriptionLedger.Create([new Subscription(0, 0, Jan1, null)], [new PlanChange(0, Jan1, 1m), new PlanChange(9, Jan1, 1m)]),
            "planChanges", "1", "Subscription is 9; it must be the Id of a subscription");

    [Fact]
    public void Create_PlanChangeBeforeStart_NamesTheRecord() =>
        AssertElementError(() => SubscriptionLedger.Create([new Subscription(3, 0, Jan1, Jan1.AddDays(59))], [new PlanChange(3, Jan1, 1m), new PlanChange(3, Jan1.AddDays(-1), 1m)]),
            "planChanges", "1", "EffectiveFrom is 2023-12-31; it must be within subscription 3's [2024-01-01, 2024-02-29] (start and end inclusive).");

    [Fact]
    public void Create_PlanChangeAfterEnd_NamesTheRecord() =>
        AssertElementError(() => SubscriptionLedger.Create([new Subscription(3, 0, Jan1, Jan1.AddDays(59))], [new PlanChange(3, Jan1, 1m), new PlanChange(3, Jan1.AddDays(60), 1m)]),
            "planChanges", "1", "EffectiveFrom is 2024-03-01");

    [Fact]
    public void Create_TwoPlanChangesOnOneDate_AreOverlapping() =>
        AssertElementError(() => SubscriptionLedger.Create([new Subscription(3, 0, Jan1, null)],
                [new PlanChange(3, Jan1, 1m), new PlanChange(3, Jan1.AddDays(9), 2m), new PlanChange(3, Jan1.AddDays(9), 3m)]),
            "planChanges", "2", "planChanges[1] already changes subscription 3 on that date (overlapping plan changes)");

    [Fact]
    public void Create_NegativePlanAmount_NamesTheRecord() =>
        AssertElementError(() => SubscriptionLedger.Create([new Subscription(0, 0, Jan1, null)], [new PlanChange(0, Jan1, -5m)]),
            "planChanges", "0", "AmountPerMonth is -5; amounts must be zero or greater");

    [Fact]
    public void Create_NoPlanOnStartDate_NamesTheSubscription() =>
        AssertElementError(() => SubscriptionLedger.Create([new Subscription(0, 0, Jan1, null), new Subscription(8, 0, Jan1, null)], [new PlanChange(0, Jan1, 1m), new PlanChange(8, Jan1.AddDays(3), 1m)]),
            "subscriptions", "1", "subscription 8: its first is 2024-01-04");

    [Fact]
    public void Create_NoPlanAtAll_WhenOthersHavePlans_NamesTheSubscription() =>
        AssertElementError(() => SubscriptionLedger.Create([new Subscription(0, 0, Jan1, null), new Subscription(8, 0, Jan1, null)], [new PlanChange(0, Jan1, 1m)]),
            "subscriptions", "1", "subscription 8: it has none");

    [Fact]
    public void Create_ShipmentOutsideSubscription_NamesTheRecord() =>
        AssertElementError(() => SubscriptionLedger.Create([new Subscription(0, 0, Jan1, Jan1.AddDays(10))], [], [new Shipment(0, Jan1.AddDays(10), 1m), new Shipment(0, Jan1.AddDays(11), 1m)]),
            "shipments", "1", "Date is 2024-01-12; it must be within subscription 0's [2024-01-01, 2024-01-11]");

    [Fact]
    public void Create_ShipmentBeforeOpenSubscription_NamesTheRecord() =>
        AssertElementError(() => SubscriptionLedger.Create([new Subscription(0, 0, Jan1, null)], [], [new Shipment(0, Jan1.AddDays(-1), 1m)]),
            "shipments", "0", "[2024-01-01, open]");

    [Fact]
    public void Create_ShipmentDefaultDate_NamesTheRecord() =>
        AssertElementError(() => SubscriptionLedger.Create([new Subscription(0, 0, Jan1, null)], [], [new Shipment(0, default, 1m)]),
            "shipments", "0", "Date is 0001-01-01; a date is required");

    [Fact]
    public void Create_NegativeShipmentAmount_NamesTheRecord() =>
        AssertElementError(() => SubscriptionLedger.Create([new Subscription(0, 0, Jan1, null)], [], [new Shipment(0, Jan1, -0.01m)]),
            "shipments", "0", "Amount is -0.01");

    [Fact]
    public void Create_ShipmentForUnknownSubscription_NamesTheRecord() =>
        AssertElementError(() => SubscriptionLedger.Create([new Subscription(0, 0, Jan1, null)], [], [new Shipment(1, Jan1, 1m)]),
            "shipments", "0", "Subscription is 1");

    [Fact]
    public void Create_RecordsWithoutSubscriptions_AreErrors()
    {
        AssertElementError(() => SubscriptionLedger.Create([], [new PlanChange(0, Jan1, 1m)]), "planChanges", "0", "there are none");
        AssertElementError(() => SubscriptionLedger.Create([], [], [new Shipment(0, Jan1, 1m)]), "shipments", "0", "there are none");
    }
}
