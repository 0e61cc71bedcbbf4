namespace Retention.Metrics.Tests.Repeat;

public class F2ConversionTests
{
    // W = 30, asOf 2024-03-31, monthly cohorts.
    // January: C0 (01-05; second occasion 02-10 is 36 days later → no), C1 (no second) → 0/2, both eligible (01-05 + 30 ≤ 03-31).
    // February: C2 (02-01; 02-15 after 14 days) → 1/1.
    // March: C3 (03-31) and C4 (03-05) are censored: 03-05 + 30 = 04-04 > 03-31.
    [Fact]
    public void F2Conversion_Window30_HandWorked()
    {
        var r = Metrics.Repeat.F2Conversion(RepeatExamples.ShopHistory, RepeatExamples.AsOf, RepeatPresets.Days30);
        Assert.Equal(3, r.Count);
        Assert.Equal(new ConversionCohort(new(2024, 1, 1), 2, 2, 0, 0), r[0]);
        Assert.Equal(new ConversionCohort(new(2024, 2, 1), 1, 1, 1, 0), r[1]);
        Assert.Equal(new ConversionCohort(new(2024, 3, 1), 2, 0, 0, 0), r[2]);
        Assert.Equal(2, r[2].Censored);
        Assert.False(r[2].Rate.IsDefined);
        Assert.Equal(new Rate(1, 3), r.Total.Rate);
        Assert.Equal(2, r.Total.Censored);
    }

    // By orders, C0's second order on its first day converts it (0 days), and C4's same-day second order counts as a
    // censored conversion: January 1/2, March censored-converted 1.
    [Fact]
    public void F2Conversion_ByOrders_SameDaySecondOrderConverts()
    {
        var r = Metrics.Repeat.F2Conversion(RepeatExamples.ShopHistory, RepeatExamples.AsOf, 30, counting: PurchaseCounting.Orders);
        Assert.Equal(new Rate(1, 2), r[0].Rate);
        Assert.Equal(1, r[2].CensoredConverted);
    }

    // C0's second occasion is exactly 36 days after the first (01-05 → 02-10): the window's last day is inclusive.
    [Theory]
    [InlineData(35, 0)]
    [InlineData(36, 1)]
    public void F2Conversion_SecondPurchaseOnWindowEnd_CountsInclusive(int window, int convertedInJanuary)
    {
        var r = Metrics.Repeat.F2Conversion(RepeatExamples.ShopHistory, RepeatExamples.AsOf, window);
        Assert.Equal(convertedInJanuary, r[0].Converted);
    }

    // C2 (first 2024-02-01): 02-01 + 59 days = 03-31 across the leap day, so W = 59 is observed by 03-31 and W = 60 is censored.
    [Theory]
    [InlineData(59, 1, 0)]
    [InlineData(60, 0, 1)]
    public void F2Conversion_EligibilityBoundary_AcrossLeapDay(int window, int eligible, int censored)
    {
        var feb = Metrics.Repeat.F2Conversion(RepeatExamples.ShopHistory, RepeatExamples.AsOf, window)[1];
        Assert.Equal(eligible, feb.Eligible);
        Assert.Equal(censored, feb.Censored);
        Assert.Equal(censored, feb.CensoredConverted); // C2 converted on day 14 either way
    }

    // A window longer than the history censors everybody: the rate is 0/0, never a low rate.
    [Fact]
    public void F2Conversion_WindowLongerThanHistory_AllCensored()
    {
        var total = Metrics.Repeat.F2Conversion(RepeatExamples.ShopHistory, RepeatExamples.AsOf, 365).Total;
        Assert.Equal(new ConversionCohort(new(2024, 1, 1), 5, 0, 0, 2), total);
        Assert.False(total.Rate.IsDefined);
    }

    [Fact]
    public void F2Conversion_WeeklyCohorts_StartOnWeekStart()
    {
        var r = Metrics.Repeat.F2Conversion(RepeatExamples.ShopHistory, RepeatExamples.AsOf, 30, PeriodUnit.Week, DayOfWeek.Sunday);
        Assert.Equal(new DateOnly(2023, 12, 31), r[0].Start); // 2024-01-05 is a Friday; its Sunday week starts 2023-12-31
        Assert.Equal(5, r.Total.Customers);
    }

    [Fact]
    public void F2Conversion_EmptyHistory_HasNoCohorts()
    {
        var r = Metrics.Repeat.F2Conversion(PurchaseHistory.Empty, new DateOnly(2024, 1, 1), 90);
        Assert.Equal(0, r.Count);
        Assert.Equal(default, r.Total);
    }

    [Fact]
    public void F2Conversion_BadArguments_Throw()
    {
        var h = RepeatExamples.ShopHistory;
        Assert.Equal("windowDays", Assert.Throws<ArgumentOutOfRangeException>(() => Metrics.Repeat.F2Conversion(h, RepeatExamples.AsOf, -1)).ParamName);
        Assert.Equal("asOf", Assert.Throws<ArgumentOutOfRangeException>(() => Metrics.Repeat.F2Conversion(h, new DateOnly(2023, 1, 1), 30)).ParamName);
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => Metrics.Repeat.F2Conversion(h, RepeatExamples.AsOf, 30)[-1]).ParamName);
        var other = Metrics.Repeat.F2Conversion(h, RepeatExamples.AsOf, 60);
        Assert.Equal("right", Assert.Throws<ArgumentException>(() =>
            ConversionResult.Combine(Metrics.Repeat.F2Conversion(h, RepeatExamples.AsOf, 30), other)).ParamName);
    }
}
