namespace Retention.Metrics.Tests.Repeat;

public class PeriodSeriesTests
{
    private static RepeatSeries Monthly(PurchaseCounting counting = PurchaseCounting.Occasions) =>
        Metrics.Repeat.PeriodSeries(RepeatExamples.ShopHistory, new DateOnly(2024, 1, 1), RepeatExamples.AsOf, PeriodUnit.Month, counting: counting);

    // January: C0 (two orders on 01-05, 100 + 50) and C1 (01-20, 80) are new; nobody repeats by occasions.
    [Fact]
    public void PeriodSeries_January_HandWorked()
    {
        var jan = Monthly()[0];
        Assert.Equal(new RepeatPeriod(new(2024, 1, 1), new(2024, 1, 31), true,
            Buyers: 2, NewBuyers: 2, RepeatBuyers: 0, NewRepeatBuyers: 0, CumulativeCustomers: 2, Orders: 3, RepeatOrders: 1,
            Revenue: 230m, RepeatRevenue: 0m, PreviousBuyers: 0, PreviousNewBuyers: 0, Retained: 0, NewRetained: 0), jan);
        Assert.Equal(new Rate(1, 3), jan.RepeatOrderShare); // C0's second order on its first day is a repeat order
        Assert.False(jan.Retention.IsDefined);
    }

    // February: C0 (02-10, 200) repeats; C2 is new (02-01, 60) and repeats within the month (02-15, 40).
    // Cumulative 2/3, repeater share 2/2, orders 2/3, revenue (200 + 40) / 300 = 0.8, retention from January 1/2 (C0).
    [Fact]
    public void PeriodSeries_February_HandWorked()
    {
        var feb = Monthly()[1];
        Assert.Equal(new RepeatPeriod(new(2024, 2, 1), new(2024, 2, 29), true, 2, 1, 2, 1, 3, 3, 2, 300m, 240m, 2, 2, 1, 1), feb);
        Assert.Equal(new Rate(2, 3), feb.CumulativeRepeatRate);
        Assert.Equal(new Rate(2, 2), feb.RepeaterShare);
        Assert.Equal(0.8, feb.RepeatRevenueShare, 1e-15);
        Assert.Equal(new Rate(1, 2), feb.Retention);
        Assert.Equal(new Rate(1, 2), feb.NewCustomerRetention);
        Assert.Equal(new Rate(0, 0), feb.ExistingCustomerRetention);
        Assert.Equal(new Rate(1, 1), feb.NewCustomerRepeatRate);
    }

    // March: C2 repeats (03-01, 30); C3 (03-31, 10) and C4 (03-05, 20 + 25) are new. Cumulative customers 5.
    // Cumulative rate 1/5, repeater share 1/3, orders 2/4, revenue 30/85; retention from February {C0, C2} → {C2}: 1/2;
    // February's new customer C2 retained 1/1; existing C0 not retained 0/1.
    [Fact]
    public void PeriodSeries_March_HandWorked()
    {
        var mar = Monthly()[2];
        Assert.Equal(new RepeatPeriod(new(2024, 3, 1), new(2024, 3, 31), true, 3, 2, 1, 0, 5, 4, 2, 85m, 30m, 2, 1, 1, 1), mar);
        Assert.Equal(new Rate(1, 5), mar.CumulativeRepeatRate);
        Assert.Equal(new Rate(1, 3), mar.RepeaterShare);
        Assert.Equal(new Rate(2, 4), mar.RepeatOrderShare);
        Assert.Equal(30d / 85d, mar.RepeatRevenueShare, 1e-15);
        Assert.Equal(new Rate(1, 2), mar.Retention);
        Assert.Equal(new Rate(1, 1), mar.NewCustomerRetention);
        Assert.Equal(new Rate(0, 1), mar.ExistingCustomerRetention);
        Assert.Equal(new Rate(0, 2), mar.NewCustomerRepeatRate);
    }

    // By orders, C4's second order on its first day makes C4 a repeat buyer of March: 2 repeat buyers, 1 new repeat buyer.
    [Fact]
    public void PeriodSeries_ByOrders_CountsSameDayRepeat()
    {
        var series = Monthly(PurchaseCounting.Orders);
        Assert.Equal(1, series[0].RepeatBuyers); // C0 in January
        Assert.Equal(2, series[2].RepeatBuyers);
        Assert.Equal(1, series[2].NewRepeatBuyers);
        Assert.Equal(series[2].RepeatOrders, Monthly()[2].RepeatOrders); // order counts do not depend on the counting
    }

    // asOf 2024-03-15: the last period is cut there (C3's 03-31 purchase is not observed).
    [Fact]
    public void PeriodSeries_LastPeriod_EndsOnAsOf()
    {
        var series = Metrics.Repeat.PeriodSeries(RepeatExamples.ShopHistory, new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 15), PeriodUnit.Month);
        Assert.Equal(3, series.Count);
        var mar = series[2];
        Assert.Equal(new DateOnly(2024, 3, 15), mar.End);
        Assert.False(mar.IsComplete);
        Assert.Equal(2, mar.Buyers);
        Assert.Equal(4, mar.CumulativeCustomers);
    }

    // A series starting in March keeps February as the previous period: customers acquired before February are C0 and C1.
    [Fact]
    public void PeriodSeries_StartingLate_KeepsPreviousPeriodAndCumulativeBase()
    {
        var series = Metrics.Repeat.PeriodSeries(RepeatExamples.ShopHistory, new DateOnly(2024, 3, 10), RepeatExamples.AsOf, PeriodUnit.Month);
        Assert.Equal(1, series.Count);
        Assert.Equal(2, series.AcquiredBefore);
        Assert.Equal(Monthly()[2], series[0]);
    }

    // Starting before the history: November and December 2023 are empty periods.
    [Fact]
    public void PeriodSeries_StartingBeforeHistory_HasEmptyPeriods()
    {
        var series = Metrics.Repeat.PeriodSeries(RepeatExamples.ShopHistory, new DateOnly(2023, 11, 15), RepeatExamples.AsOf, PeriodUnit.Month);
        Assert.Equal(5, series.Count);
        Assert.Equal(new DateOnly(2023, 11, 1), series[0].Start);
        Assert.Equal(0, series[0].Buyers + series[1].Buyers + series[1].CumulativeCustomers);
        Assert.Equal(Monthly()[2], series[4]);
    }

    // 2024-02-01 is a Thursday: its ISO week starts Monday 01-29; with Sunday weeks it starts 01-28.
    [Fact]
    public void PeriodSeries_Weekly_HonoursWeekStart()
    {
        var h = RepeatExamples.ShopHistory;
        var monday = Metrics.Repeat.PeriodSeries(h, new DateOnly(2024, 2, 1), RepeatExamples.AsOf, PeriodUnit.Week);
        var sunday = Metrics.Repeat.PeriodSeries(h, new DateOnly(2024, 2, 1), RepeatExamples.AsOf, PeriodUnit.Week, DayOfWeek.Sunday);
        Assert.Equal(new DateOnly(2024, 1, 29), monday[0].Start);
        Assert.Equal(new DateOnly(2024, 2, 4), monday[0].End);
        Assert.Equal(new DateOnly(2024, 1, 28), sunday[0].Start);
        Assert.Equal(1, monday[0].Buyers); // C2 on 02-01
        Assert.Equal(RepeatExamples.AsOf, monday[monday.Count - 1].End);
        // The cumulative count never decreases.
        for (int i = 1; i < monday.Count; i++) Assert.True(monday[i].CumulativeCustomers >= monday[i - 1].CumulativeCustomers);
    }

    [Fact]
    public void PeriodSeries_EmptyHistory_IsAllZero()
    {
        var series = Metrics.Repeat.PeriodSeries(PurchaseHistory.Empty, new DateOnly(2024, 1, 1), new DateOnly(2024, 2, 10), PeriodUnit.Month);
        Assert.Equal(2, series.Count);
        Assert.Equal(new RepeatPeriod(new(2024, 2, 1), new(2024, 2, 10), false, 0, 0, 0, 0, 0, 0, 0, 0m, 0m, 0, 0, 0, 0), series[1]);
    }

    [Fact]
    public void PeriodSeries_BadArguments_Throw()
    {
        var h = RepeatExamples.ShopHistory;
        Assert.Equal("from", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Metrics.Repeat.PeriodSeries(h, new DateOnly(2024, 4, 1), RepeatExamples.AsOf, PeriodUnit.Month)).ParamName);
        Assert.Equal("asOf", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Metrics.Repeat.PeriodSeries(h, new DateOnly(2023, 4, 1), new DateOnly(2023, 5, 1), PeriodUnit.Month)).ParamName);
        Assert.Equal("unit", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Metrics.Repeat.PeriodSeries(h, new DateOnly(2024, 1, 1), RepeatExamples.AsOf, (PeriodUnit)9)).ParamName);
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => Monthly()[3]).ParamName);
    }

    [Fact]
    public void Combine_OfDifferentPeriods_Throws()
    {
        var a = Monthly();
        var b = Metrics.Repeat.PeriodSeries(RepeatExamples.ShopHistory, new DateOnly(2024, 2, 1), RepeatExamples.AsOf, PeriodUnit.Month);
        Assert.Equal("right", Assert.Throws<ArgumentException>(() => RepeatSeries.Combine(a, b)).ParamName);
    }

    // The calendar's edges: a yearly series in 9999 and a daily one starting on 0001-01-01 do not overflow.
    [Fact]
    public void PeriodSeries_AtCalendarEdges_Works()
    {
        var last = PurchaseHistory.Create([new(0, new(9999, 12, 30), 1m), new(0, new(9999, 12, 31), 1m)]);
        var yearly = Metrics.Repeat.PeriodSeries(last, new(9999, 1, 1), DateOnly.MaxValue, PeriodUnit.Year);
        Assert.Equal(1, yearly.Count);
        Assert.Equal(1, yearly[0].RepeatBuyers);
        Assert.True(yearly[0].IsComplete);
        // 0001-01-01 is not a purchase date (it is default(DateOnly)), but a series may start there.
        var first = PurchaseHistory.Create([new(0, new(1, 1, 2), 1m), new(0, new(1, 1, 3), 1m)]);
        var daily = Metrics.Repeat.PeriodSeries(first, DateOnly.MinValue, new(1, 1, 3), PeriodUnit.Day);
        Assert.Equal(3, daily.Count);
        Assert.Equal(1, daily[2].RepeatBuyers);
        Assert.Equal(1, daily[2].Retained);
        Assert.Equal(0, daily[0].PreviousBuyers);
    }
}
