namespace Retention.Metrics.Tests.Repeat;

public class FrequencyLadderTests
{
    // Occasions per customer by 03-31: C0 2, C1 1, C2 3, C3 1, C4 1 → ≥1: 5, ≥2: 2, ≥3: 1.
    // Cumulative F2 = 2/5, F3 = 1/5; step F1→F2 = 2/5, F2→F3 = 1/2.
    [Fact]
    public void FrequencyLadder_Lifetime_HandWorked()
    {
        var ladder = Metrics.Repeat.FrequencyLadder(RepeatExamples.ShopHistory, RepeatExamples.AsOf, 3);
        Assert.Equal((5L, 2L, 1L), (ladder.AtLeast(1), ladder.AtLeast(2), ladder.AtLeast(3)));
        Assert.Equal(new Rate(2, 5), ladder.Cumulative(2));
        Assert.Equal(new Rate(1, 5), ladder.Cumulative(3));
        Assert.Equal(new Rate(1, 2), ladder.Step(3));
        Assert.Equal(0, ladder.Censored);
    }

    // Orders: C0 3, C1 1, C2 3, C3 1, C4 2 → ≥1: 5, ≥2: 3, ≥3: 2. With k = 2 the top rung is "2 or more".
    [Fact]
    public void FrequencyLadder_ByOrders_HandWorked()
    {
        var ladder = Metrics.Repeat.FrequencyLadder(RepeatExamples.ShopHistory, RepeatExamples.AsOf, 3, counting: PurchaseCounting.Orders);
        Assert.Equal((5L, 3L, 2L), (ladder.AtLeast(1), ladder.AtLeast(2), ladder.AtLeast(3)));
        var two = Metrics.Repeat.FrequencyLadder(RepeatExamples.ShopHistory, RepeatExamples.AsOf, 2, counting: PurchaseCounting.Orders);
        Assert.Equal(3, two.AtLeast(2));
    }

    // Window 30: C3 and C4 are censored (window not over by 03-31). C0 has one occasion within 30 days (02-10 is day 36);
    // C2 has three (02-01, 02-15 day 14, 03-01 day 29 across the leap day). ≥1: 3, ≥2: 1, ≥3: 1.
    [Fact]
    public void FrequencyLadder_Window_CensorsAndTruncates()
    {
        var ladder = Metrics.Repeat.FrequencyLadder(RepeatExamples.ShopHistory, RepeatExamples.AsOf, 3, windowDays: 30);
        Assert.Equal((3L, 1L, 1L, 2L), (ladder.AtLeast(1), ladder.AtLeast(2), ladder.AtLeast(3), ladder.Censored));
        // Window 28 drops C2's 03-01 purchase (day 29): ≥3 becomes 0.
        Assert.Equal(0, Metrics.Repeat.FrequencyLadder(RepeatExamples.ShopHistory, RepeatExamples.AsOf, 3, windowDays: 28).AtLeast(3));
    }

    [Fact]
    public void FrequencyLadder_EmptyAndBadArguments()
    {
        var empty = Metrics.Repeat.FrequencyLadder(PurchaseHistory.Empty, new DateOnly(2024, 1, 1), 4);
        Assert.Equal(0, empty.AtLeast(4));
        Assert.False(empty.Cumulative(2).IsDefined);
        var h = RepeatExamples.ShopHistory;
        Assert.Equal("maxPurchases", Assert.Throws<ArgumentOutOfRangeException>(() => Metrics.Repeat.FrequencyLadder(h, RepeatExamples.AsOf, 1)).ParamName);
        Assert.Equal("windowDays", Assert.Throws<ArgumentOutOfRangeException>(() => Metrics.Repeat.FrequencyLadder(h, RepeatExamples.AsOf, 3, -5)).ParamName);
        var ladder = Metrics.Repeat.FrequencyLadder(h, RepeatExamples.AsOf, 3);
        Assert.Equal("purchases", Assert.Throws<ArgumentOutOfRangeException>(() => ladder.AtLeast(4)).ParamName);
        Assert.Equal("purchases", Assert.Throws<ArgumentOutOfRangeException>(() => ladder.Step(1)).ParamName);
        Assert.Equal("right", Assert.Throws<ArgumentException>(() =>
            FrequencyLadder.Combine(ladder, Metrics.Repeat.FrequencyLadder(h, RepeatExamples.AsOf, 4))).ParamName);
    }
}
