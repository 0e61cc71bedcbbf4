using Retention.Metrics.Tests.Repeat;

namespace Retention.Metrics.Tests.Dormancy;

public class DormancyTests
{
    private static readonly DateOnly AsOf = new(2024, 3, 31);

    // Last purchases: D0 2023-06-01 (304 days → dormant), D1 2024-01-15 (76), D2 2023-12-01 (121), D3 2023-02-01 (424 → dormant),
    // D4 2024-02-29 (31). Threshold 180: 2 dormant of 5.
    [Fact]
    public void Classify_Threshold180_HandWorked()
    {
        var status = Metrics.Dormancy.Classify(RepeatExamples.DormantHistory, AsOf, RepeatPresets.Days180);
        Assert.Equal(new DormancyStatus(5, 3, 2), status);
        Assert.Equal(new Rate(2, 5), status.DormantRate);
        Assert.Equal(new Rate(3, 5), status.ActiveRate);
    }

    // D2's last purchase 2023-12-01 + 180 days = 2024-05-29 (across the leap day): dormant on 05-29 (180 ≥ 180), active on 05-28 (179).
    [Theory]
    [InlineData(2024, 5, 28, 2)]
    [InlineData(2024, 5, 29, 3)]
    public void Classify_OnThresholdDay_IsDormant(int y, int m, int d, int dormant)
    {
        // D4 (2024-02-29) is still active on both days; D1 (2024-01-15) too.
        Assert.Equal(dormant, Metrics.Dormancy.Classify(RepeatExamples.DormantHistory, new DateOnly(y, m, d), 180).Dormant);
    }

    // t0 = 2023-12-31, t1 = 2024-03-31, N = 180.
    // Active at t0: D2 (30 days) → still active at t1 (121 days) → retention 1/1.
    // Dormant at t0: D0 (213 days), D1 (305), D3 (333); D1 buys 2024-01-15 (50) → reactivation 1/3, 1 order, 50.
    // D4 (first purchase 2024-02-29) is new between the dates.
    [Fact]
    public void Transition_HandWorked()
    {
        var t = Metrics.Dormancy.Transition(RepeatExamples.DormantHistory, new(2023, 12, 31), new(2024, 3, 31), 180);
        Assert.Equal(new DormancyTransition(1, 1, 3, 1, 1, 50m, 1), t);
        Assert.Equal(new Rate(1, 1), t.Retention);
        Assert.Equal(new Rate(0, 1), t.Churn);
        Assert.Equal(new Rate(1, 3), t.Reactivation);
    }

    // A purchase on t0 itself is not a reactivation (it is in the state at t0); on t1 it is.
    [Fact]
    public void Transition_Boundaries_T0ExclusiveT1Inclusive()
    {
        var h = RepeatExamples.DormantHistory;
        Assert.Equal(0, Metrics.Dormancy.Transition(h, new(2024, 1, 15), new(2024, 3, 31), 180).Reactivated);
        Assert.Equal(1, Metrics.Dormancy.Transition(h, new(2024, 1, 14), new(2024, 1, 15), 180).Reactivated);
        Assert.Equal(0, Metrics.Dormancy.Transition(h, new(2024, 1, 14), new(2024, 1, 14), 180).Reactivated);
    }

    // Churn: with t1 = 2024-06-30, D2 (last 2023-12-01, 212 days) has gone dormant → retention 0/1, churn 1/1.
    [Fact]
    public void Transition_ActiveCustomerGoingDormant_IsChurn()
    {
        var t = Metrics.Dormancy.Transition(RepeatExamples.DormantHistory, new(2023, 12, 31), new(2024, 6, 30), 180);
        Assert.Equal(new Rate(1, 1), t.Churn);
    }

    // Spends: D3 2000, D0 1000, D2 300, D1 150, D4 20. Top 40 % of 5 = 2 customers → cut-off 1000; dormant among them: D3, D0.
    // Top 10 % → 1 customer → cut-off 2000 → D3.
    [Fact]
    public void HighValueDormant_TopShare_HandWorked()
    {
        var h = RepeatExamples.DormantHistory;
        var list = Metrics.Dormancy.HighValueDormant(h, AsOf, 180, 0.4);
        Assert.Equal([3, 0], list.Select(s => s.Customer));
        Assert.Equal(2000m, list[0].TotalAmount);
        Assert.Equal(new DateOnly(2023, 6, 1), list[1].LastPurchase);
        Assert.Equal([3], Metrics.Dormancy.HighValueDormant(h, AsOf, 180).Select(s => s.Customer));
    }

    // The minimum spend is inclusive: 1000 lists D0 (exactly 1000), 1000.01 does not.
    [Fact]
    public void DormantCustomers_MinimumSpend_IsInclusive()
    {
        var h = RepeatExamples.DormantHistory;
        Assert.Equal([3, 0], Metrics.Dormancy.DormantCustomers(h, AsOf, 180).Select(s => s.Customer));
        Assert.Equal([3, 0], Metrics.Dormancy.DormantCustomers(h, AsOf, 180, 1000m).Select(s => s.Customer));
        Assert.Equal([3], Metrics.Dormancy.DormantCustomers(h, AsOf, 180, 1000.01m).Select(s => s.Customer));
    }

    // A campaign list: only D0 and D1 are considered; D0 is dormant.
    [Fact]
    public void DormantCustomers_CustomerSet_Filters()
    {
        var h = RepeatExamples.DormantHistory;
        var set = CustomerSet.FromIds(h, [0, 1]);
        Assert.Equal([0], Metrics.Dormancy.DormantCustomers(h, AsOf, 180, customers: set).Select(s => s.Customer));
        Assert.Equal(new DormancyStatus(2, 1, 1), Metrics.Dormancy.Classify(h, AsOf, 180, set));
    }

    [Fact]
    public void Dormancy_EmptyHistory_IsEmpty()
    {
        Assert.Equal(default, Metrics.Dormancy.Classify(PurchaseHistory.Empty, AsOf, 180));
        Assert.Equal(default, Metrics.Dormancy.Transition(PurchaseHistory.Empty, AsOf, AsOf, 180));
        Assert.Empty(Metrics.Dormancy.HighValueDormant(PurchaseHistory.Empty, AsOf, 180));
        Assert.Empty(Metrics.Dormancy.DormantCustomers(PurchaseHistory.Empty, AsOf, 180));
    }

    [Fact]
    public void Dormancy_BadArguments_Throw()
    {
        var h = RepeatExamples.DormantHistory;
        Assert.Equal("thresholdDays", Assert.Throws<ArgumentOutOfRangeException>(() => Metrics.Dormancy.Classify(h, AsOf, 0)).ParamName);
        Assert.Equal("asOf", Assert.Throws<ArgumentOutOfRangeException>(() => Metrics.Dormancy.Classify(h, new DateOnly(2022, 12, 31), 180)).ParamName);
        Assert.Equal("start", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Metrics.Dormancy.Transition(h, new DateOnly(2022, 12, 31), AsOf, 180)).ParamName);
        Assert.Equal("end", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Metrics.Dormancy.Transition(h, AsOf, new DateOnly(2024, 3, 30), 180)).ParamName);
        Assert.Equal("topShare", Assert.Throws<ArgumentOutOfRangeException>(() => Metrics.Dormancy.HighValueDormant(h, AsOf, 180, 0)).ParamName);
        Assert.Equal("topShare", Assert.Throws<ArgumentOutOfRangeException>(() => Metrics.Dormancy.HighValueDormant(h, AsOf, 180, double.NaN)).ParamName);
        Assert.Equal("topShare", Assert.Throws<ArgumentOutOfRangeException>(() => Metrics.Dormancy.HighValueDormant(h, AsOf, 180, 1.5)).ParamName);
    }
}
