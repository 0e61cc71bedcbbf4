namespace Retention.Metrics.Tests.Core;

public class CalendarTests
{
    [Theory]
    [InlineData("2024-02-29", PeriodUnit.Day, DayOfWeek.Monday, "2024-02-29")]
    [InlineData("2024-02-29", PeriodUnit.Week, DayOfWeek.Monday, "2024-02-26")] // Thursday → Monday
    [InlineData("2024-02-29", PeriodUnit.Week, DayOfWeek.Sunday, "2024-02-25")]
    [InlineData("2024-02-25", PeriodUnit.Week, DayOfWeek.Monday, "2024-02-19")] // Sunday belongs to the ISO week before
    [InlineData("2024-02-25", PeriodUnit.Week, DayOfWeek.Sunday, "2024-02-25")]
    [InlineData("2024-02-29", PeriodUnit.Month, DayOfWeek.Monday, "2024-02-01")]
    [InlineData("2024-08-31", PeriodUnit.Quarter, DayOfWeek.Monday, "2024-07-01")]
    [InlineData("2024-12-31", PeriodUnit.Year, DayOfWeek.Monday, "2024-01-01")]
    [InlineData("0001-01-01", PeriodUnit.Week, DayOfWeek.Monday, "0001-01-01")] // day number 0 is a Monday
    public void PeriodStart_KnownDates(string date, PeriodUnit unit, DayOfWeek weekStart, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), Calendar.PeriodStart(DateOnly.Parse(date), unit, weekStart));
    }

    [Theory]
    [InlineData("2024-01-31", "2024-02-01", PeriodUnit.Month, 1)]
    [InlineData("2024-01-01", "2024-01-31", PeriodUnit.Month, 0)]
    [InlineData("2023-12-31", "2024-01-01", PeriodUnit.Year, 1)]
    [InlineData("2023-11-15", "2024-02-29", PeriodUnit.Month, 3)]
    [InlineData("2024-02-29", "2023-11-15", PeriodUnit.Month, -3)]
    [InlineData("2024-02-29", "2025-02-28", PeriodUnit.Day, 365)]
    [InlineData("2024-03-31", "2024-04-01", PeriodUnit.Quarter, 1)]
    [InlineData("2024-02-25", "2024-02-26", PeriodUnit.Week, 1)] // Sunday → Monday crosses an ISO week
    public void PeriodIndex_CountsBoundaries(string origin, string date, PeriodUnit unit, int expected)
    {
        Assert.Equal(expected, Calendar.PeriodIndex(DateOnly.Parse(origin), DateOnly.Parse(date), unit));
    }

    [Fact]
    public void PeriodIndex_SundayWeekStart_DiffersFromIso()
    {
        var saturday = new DateOnly(2024, 3, 2);
        var sunday = new DateOnly(2024, 3, 3);
        Assert.Equal(0, Calendar.PeriodIndex(saturday, sunday, PeriodUnit.Week, DayOfWeek.Monday));
        Assert.Equal(1, Calendar.PeriodIndex(saturday, sunday, PeriodUnit.Week, DayOfWeek.Sunday));
    }

    [Fact]
    public void PeriodOrdinal_AndPeriodStartDay_RoundTripForEveryUnitAndWeekStart()
    {
        for (int day = new DateOnly(2023, 12, 1).DayNumber; day < new DateOnly(2025, 3, 1).DayNumber; day++)
        {
            foreach (PeriodUnit unit in Enum.GetValues<PeriodUnit>())
            {
                foreach (DayOfWeek weekStart in Enum.GetValues<DayOfWeek>())
                {
                    int ordinal = Calendar.PeriodOrdinal(day, unit, weekStart);
                    int start = Calendar.PeriodStartDay(ordinal, unit, weekStart);
                    Assert.Equal(Calendar.PeriodStart(DateOnly.FromDayNumber(day), unit, weekStart).DayNumber, start);
                    Assert.Equal(ordinal, Calendar.PeriodOrdinal(start, unit, weekStart));
                    Assert.Equal(ordinal - 1, Calendar.PeriodOrdinal(start - 1, unit, weekStart));
                }
            }
        }
    }

    [Fact]
    public void AddPeriods_ClampsMonthEnds()
    {
        Assert.Equal(new DateOnly(2024, 2, 29), Calendar.AddPeriods(new DateOnly(2024, 1, 31), 1, PeriodUnit.Month));
        Assert.Equal(new DateOnly(2025, 2, 28), Calendar.AddPeriods(new DateOnly(2024, 2, 29), 1, PeriodUnit.Year));
        Assert.Equal(new DateOnly(2024, 3, 14), Calendar.AddPeriods(new DateOnly(2024, 2, 29), 2, PeriodUnit.Week));
        Assert.Equal(new DateOnly(2023, 11, 29), Calendar.AddPeriods(new DateOnly(2024, 2, 29), -1, PeriodUnit.Quarter));
        Assert.Equal(new DateOnly(2024, 4, 30), Calendar.AddPeriods(new DateOnly(2024, 1, 31), 1, PeriodUnit.Quarter));
    }

    [Fact]
    public void BadUnit_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.PeriodStart(new DateOnly(2024, 1, 1), (PeriodUnit)9));
        Assert.Equal("unit", ex.ParamName);
        ex = Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.PeriodIndex(new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 1), PeriodUnit.Week, (DayOfWeek)7));
        Assert.Equal("weekStart", ex.ParamName);
    }

    [Fact]
    public void ToLocalDate_Tokyo_HasNoDst()
    {
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        // 15:00Z is midnight in Tokyo (UTC+9), all year round.
        Assert.Equal(new DateOnly(2024, 3, 11), Calendar.ToLocalDate(new DateTimeOffset(2024, 3, 10, 15, 0, 0, TimeSpan.Zero), tokyo));
        Assert.Equal(new DateOnly(2024, 3, 10), Calendar.ToLocalDate(new DateTimeOffset(2024, 3, 10, 14, 59, 59, TimeSpan.Zero), tokyo));
        Assert.Equal(new DateOnly(2024, 7, 2), Calendar.ToLocalDate(new DateTimeOffset(2024, 7, 1, 15, 0, 0, TimeSpan.Zero), tokyo));
    }

    [Fact]
    public void ToLocalDate_NewYork_HonoursBothDstTransitions()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        // Spring forward 2024-03-10 02:00 EST → 03:00 EDT. Before: UTC−5, after: UTC−4.
        Assert.Equal(new DateOnly(2024, 3, 9), Calendar.ToLocalDate(new DateTimeOffset(2024, 3, 10, 4, 59, 0, TimeSpan.Zero), newYork));
        Assert.Equal(new DateOnly(2024, 3, 10), Calendar.ToLocalDate(new DateTimeOffset(2024, 3, 10, 5, 0, 0, TimeSpan.Zero), newYork));
        Assert.Equal(new DateOnly(2024, 3, 10), Calendar.ToLocalDate(new DateTimeOffset(2024, 3, 11, 3, 59, 0, TimeSpan.Zero), newYork));
        Assert.Equal(new DateOnly(2024, 3, 11), Calendar.ToLocalDate(new DateTimeOffset(2024, 3, 11, 4, 0, 0, TimeSpan.Zero), newYork));
        // Fall back 2024-11-03 02:00 EDT → 01:00 EST: midnight of 4 November is 05:00Z (EST).
        Assert.Equal(new DateOnly(2024, 11, 3), Calendar.ToLocalDate(new DateTimeOffset(2024, 11, 4, 4, 59, 0, TimeSpan.Zero), newYork));
        Assert.Equal(new DateOnly(2024, 11, 4), Calendar.ToLocalDate(new DateTimeOffset(2024, 11, 4, 5, 0, 0, TimeSpan.Zero), newYork));
        // An instant given with an offset is converted, not reinterpreted.
        Assert.Equal(new DateOnly(2024, 11, 3), Calendar.ToLocalDate(new DateTimeOffset(2024, 11, 4, 9, 0, 0, TimeSpan.FromHours(9)), newYork));
    }

    [Fact]
    public void ToLocalDate_NullZone_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Calendar.ToLocalDate(DateTimeOffset.UnixEpoch, null!));
    }

    [Fact]
    public void TimeUnit_FixedAndCalendar()
    {
        var from = new DateOnly(2024, 1, 31);
        var to = new DateOnly(2024, 3, 1);
        Assert.Equal(30d, TimeUnit.Days.Between(from, to));
        Assert.Equal(30d / 7d, TimeUnit.Weeks.Between(from, to), 15);
        Assert.Equal(1d, TimeUnit.OfDays(30).Between(from, to));
        Assert.Equal(2d, TimeUnit.CalendarPeriods(PeriodUnit.Month).Between(from, to));
        Assert.Equal(TimeUnit.Days, TimeUnit.OfDays(1));
        Assert.Equal(7, TimeUnit.Weeks.LengthInDays);
        Assert.True(TimeUnit.CalendarPeriods(PeriodUnit.Quarter).IsCalendar);
        Assert.Equal("days", Assert.Throws<ArgumentOutOfRangeException>(() => TimeUnit.OfDays(0)).ParamName);
    }
}
