namespace Retention.Metrics;

/// <summary>The unit in which a duration such as recency or age is expressed: a fixed number of days, or calendar periods.</summary>
/// <remarks>
/// Fixed units divide elapsed days (weeks = days / 7, the BTYD convention). Calendar units count period boundaries crossed
/// (see <see cref="Calendar.PeriodIndex"/>), so they are whole numbers. The library never assumes "a month is 30 days":
/// say <c>TimeUnit.OfDays(30)</c> when that is meant. The default value is <see cref="Days"/>.
/// </remarks>
public readonly record struct TimeUnit
{
    private readonly int _daysMinusOne;
    private readonly bool _calendar;

    private TimeUnit(int days, bool calendar, PeriodUnit period, DayOfWeek weekStart)
    {
        _daysMinusOne = days - 1;
        _calendar = calendar;
        Period = period;
        WeekStart = weekStart;
    }

    /// <summary>Gets the unit of one day.</summary>
    public static TimeUnit Days => default;

    /// <summary>Gets the unit of seven days (weeks as used by BG/NBD and the CDNOW studies).</summary>
    public static TimeUnit Weeks => new(7, false, PeriodUnit.Day, default);

    /// <summary>Gets the length of a fixed unit in days; 0 for a calendar unit.</summary>
    public int LengthInDays => _calendar ? 0 : _daysMinusOne + 1;

    /// <summary>Gets whether the unit counts calendar periods rather than elapsed days.</summary>
    public bool IsCalendar => _calendar;

    /// <summary>Gets the calendar period of a calendar unit; <see cref="PeriodUnit.Day"/> for fixed units.</summary>
    public PeriodUnit Period { get; }

    /// <summary>Gets the week start of a calendar unit of weeks.</summary>
    public DayOfWeek WeekStart { get; }

    /// <summary>Creates a fixed unit of the given number of days.</summary>
    /// <param name="days">The unit's length in days; 1 or greater.</param>
    /// <returns>The unit.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is less than 1.</exception>
    public static TimeUnit OfDays(int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        return new TimeUnit(days, false, PeriodUnit.Day, default);
    }

    /// <summary>Creates a calendar unit that counts period boundaries.</summary>
    /// <param name="period">The calendar period.</param>
    /// <param name="weekStart">The first day of a week; ISO Monday by default.</param>
    /// <returns>The unit.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> or <paramref name="weekStart"/> is not defined.</exception>
    public static TimeUnit CalendarPeriods(PeriodUnit period, DayOfWeek weekStart = DayOfWeek.Monday)
    {
        Calendar.Validate(period, weekStart);
        return new TimeUnit(1, true, period, weekStart);
    }

    /// <summary>Measures the time from one date to another in this unit.</summary>
    /// <param name="from">The start date.</param>
    /// <param name="to">The end date.</param>
    /// <returns>Elapsed days divided by the unit's length, or the number of calendar periods crossed; negative when <paramref name="to"/> is earlier.</returns>
    public double Between(DateOnly from, DateOnly to) => Between(from.DayNumber, to.DayNumber);

    internal double Between(int fromDay, int toDay) => _calendar
        ? Calendar.PeriodOrdinal(toDay, Period, WeekStart) - Calendar.PeriodOrdinal(fromDay, Period, WeekStart)
        : (double)(toDay - fromDay) / (_daysMinusOne + 1);
}
