namespace Retention.Metrics.Tests.Survival;

public class ObservationsFromDatesTests
{
    private static readonly DateOnly AsOf = new(2024, 6, 30);

    [Fact]
    public void ObservationsFromDates_EndedActiveAndFutureEnds_AreEventsOrCensored()
    {
        DateOnly[] starts = [new(2024, 1, 1), new(2024, 1, 31), new(2024, 3, 1), new(2024, 6, 30)];
        DateOnly?[] ends = [new DateOnly(2024, 1, 31), null, new DateOnly(2024, 7, 15), new DateOnly(2024, 6, 30)];
        var days = new SurvivalObservation[4];
        Assert.Equal(4, Retention.Metrics.Survival.ObservationsFromDates(starts, ends, AsOf, TimeUnit.Days, days));
        // 2024-01-01 → 01-31 = 30 days, ended. 01-31 → asOf 06-30 = 151 days, active. Ends after asOf are not known yet: censored at
        // asOf (2024-03-01 → 06-30 = 121 days). An end on asOf counts (inclusive): 0 days, event.
        Assert.Equal([new(30, true), new(151, false), new(121, false), new(0, true)], days);

        var months = new SurvivalObservation[4];
        Retention.Metrics.Survival.ObservationsFromDates(starts, ends, AsOf, TimeUnit.CalendarPeriods(PeriodUnit.Month), months);
        // Calendar months crossed: Jan→Jan 0, Jan→Jun 5, Mar→Jun 3, Jun→Jun 0.
        Assert.Equal([new(0, true), new(5, false), new(3, false), new(0, true)], months);
    }

    [Fact]
    public void ObservationsFromDates_BadInput_ThrowsNamingTheIndex()
    {
        var dest = new SurvivalObservation[2];
        var late = Assert.Throws<ArgumentException>(() =>
            Retention.Metrics.Survival.ObservationsFromDates([AsOf, AsOf.AddDays(1)], [null, null], AsOf, TimeUnit.Days, dest));
        Assert.Equal("starts", late.ParamName);
        Assert.StartsWith("starts[1] is 2024-07-01", late.Message, StringComparison.Ordinal);
        var early = Assert.Throws<ArgumentException>(() =>
            Retention.Metrics.Survival.ObservationsFromDates([AsOf.AddDays(-5)], [AsOf.AddDays(-6)], AsOf, TimeUnit.Days, dest));
        Assert.Equal("ends", early.ParamName);
        Assert.StartsWith("ends[0] is 2024-06-24", early.Message, StringComparison.Ordinal);
        Assert.Equal("ends", Assert.Throws<ArgumentException>(() =>
            Retention.Metrics.Survival.ObservationsFromDates([AsOf], [], AsOf, TimeUnit.Days, dest)).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() =>
            Retention.Metrics.Survival.ObservationsFromDates([AsOf, AsOf, AsOf], [null, null, null], AsOf, TimeUnit.Days, dest)).ParamName);
    }
}
