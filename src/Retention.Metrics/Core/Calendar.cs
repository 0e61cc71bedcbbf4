namespace Retention.Metrics;

/// <summary>Calendar arithmetic on <see cref="DateOnly"/>: period starts, period indexes, and local dates from timestamps.</summary>
/// <remarks>
/// Inside the library a date is its day number (<see cref="DateOnly.DayNumber"/>, days since 0001-01-01), and a period is an
/// ordinal counted from the same origin, so "the period index of a date relative to another" is a subtraction.
/// The library never reads the clock.
/// </remarks>
public static class Calendar
{
    /// <summary>Gets the first day of the period that contains <paramref name="date"/>.</summary>
    /// <param name="date">Any date.</param>
    /// <param name="unit">The period length.</param>
    /// <param name="weekStart">The first day of a week, used when <paramref name="unit"/> is <see cref="PeriodUnit.Week"/>; ISO Monday by default.</param>
    /// <returns>The period's first day.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> or <paramref name="weekStart"/> is not a defined value.</exception>
    public static DateOnly PeriodStart(DateOnly date, PeriodUnit unit, DayOfWeek weekStart = DayOfWeek.Monday)
    {
        Validate(unit, weekStart);
        return unit switch
        {
            PeriodUnit.Day => date,
            PeriodUnit.Week => DateOnly.FromDayNumber(date.DayNumber - DaysIntoWeek(date.DayNumber, weekStart)),
            PeriodUnit.Month => new DateOnly(date.Year, date.Month, 1),
            PeriodUnit.Quarter => new DateOnly(date.Year, ((date.Month - 1) / 3 * 3) + 1, 1),
            _ => new DateOnly(date.Year, 1, 1),
        };
    }

    /// <summary>Gets the 0-based index of the period containing <paramref name="date"/>, counted from the period containing <paramref name="origin"/>.</summary>
    /// <param name="origin">The date whose period is index 0, for example a customer's first purchase.</param>
    /// <param name="date">The date to place.</param>
    /// <param name="unit">The period length.</param>
    /// <param name="weekStart">The first day of a week; ISO Monday by default.</param>
    /// <returns>The number of period boundaries crossed from <paramref name="origin"/> to <paramref name="date"/>; negative when <paramref name="date"/> is in an earlier period.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> or <paramref name="weekStart"/> is not a defined value.</exception>
    /// <remarks>Calendar periods, not elapsed time: with months, 2024-01-31 → 2024-02-01 is index 1, and 2024-01-01 → 2024-01-31 is index 0.</remarks>
    public static int PeriodIndex(DateOnly origin, DateOnly date, PeriodUnit unit, DayOfWeek weekStart = DayOfWeek.Monday)
    {
        Validate(unit, weekStart);
        return PeriodOrdinal(date.DayNumber, unit, weekStart) - PeriodOrdinal(origin.DayNumber, unit, weekStart);
    }

    /// <summary>Adds whole periods to a date, keeping the day within the period where possible (month ends are clamped).</summary>
    /// <param name="date">The start date.</param>
    /// <param name="count">The number of periods to add; may be negative.</param>
    /// <param name="unit">The period length.</param>
    /// <returns>The shifted date.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not defined, or the result is outside the <see cref="DateOnly"/> range.</exception>
    public static DateOnly AddPeriods(DateOnly date, int count, PeriodUnit unit)
    {
        Validate(unit, DayOfWeek.Monday);
        return unit switch
        {
            PeriodUnit.Day => date.AddDays(count),
            PeriodUnit.Week => date.AddDays(checked(count * 7)),
            PeriodUnit.Month => date.AddMonths(count),
            PeriodUnit.Quarter => date.AddMonths(checked(count * 3)),
            _ => date.AddYears(count),
        };
    }

    /// <summary>Converts an instant to the calendar date it falls on in a time zone.</summary>
    /// <param name="instant">The timestamp, for example an order's creation time.</param>
    /// <param name="timeZone">The shop's time zone, for example <c>TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")</c>.</param>
    /// <returns>The local date.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeZone"/> is <see langword="null"/>.</exception>
    /// <remarks>Daylight-saving transitions are honoured: 2024-03-10T06:30Z is 2024-03-10 01:30 EST, still 10 March, in America/New_York.</remarks>
    public static DateOnly ToLocalDate(DateTimeOffset instant, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, timeZone).DateTime);
    }

    /// <summary>Gets the absolute period ordinal of a day number; consecutive periods have consecutive ordinals.</summary>
    internal static int PeriodOrdinal(int dayNumber, PeriodUnit unit, DayOfWeek weekStart)
    {
        switch (unit)
        {
            case PeriodUnit.Day:
                return dayNumber;
            case PeriodUnit.Week:
                // Day number 0 (0001-01-01) is a Monday; the offset keeps the dividend non-negative.
                return (dayNumber + 8 - (int)weekStart) / 7;
            default:
                DateOnly date = DateOnly.FromDayNumber(dayNumber);
                return unit switch
                {
                    PeriodUnit.Month => (date.Year * 12) + date.Month - 1,
                    PeriodUnit.Quarter => (date.Year * 4) + ((date.Month - 1) / 3),
                    _ => date.Year,
                };
        }
    }

    /// <summary>Gets the day number on which the period with the given ordinal starts.</summary>
    internal static int PeriodStartDay(int ordinal, PeriodUnit unit, DayOfWeek weekStart) => unit switch
    {
        PeriodUnit.Day => ordinal,
        PeriodUnit.Week => (ordinal * 7) - 8 + (int)weekStart,
        PeriodUnit.Month => new DateOnly(ordinal / 12, (ordinal % 12) + 1, 1).DayNumber,
        PeriodUnit.Quarter => new DateOnly(ordinal / 4, ((ordinal % 4) * 3) + 1, 1).DayNumber,
        _ => new DateOnly(ordinal, 1, 1).DayNumber,
    };

    private static int DaysIntoWeek(int dayNumber, DayOfWeek weekStart) => (dayNumber + 8 - (int)weekStart) % 7;

    internal static void Validate(PeriodUnit unit, DayOfWeek weekStart)
    {
        if ((uint)unit > (uint)PeriodUnit.Year)
            ThrowHelper.ThrowOutOfRange(nameof(unit), unit, "it must be Day, Week, Month, Quarter or Year.");
        if ((uint)weekStart > (uint)DayOfWeek.Saturday)
            ThrowHelper.ThrowOutOfRange(nameof(weekStart), weekStart, "it must be a day of the week.");
    }
}
