using System.Buffers;

namespace Retention.Metrics;

/// <summary>A day → relative period index table over a day range, rented from the array pool (dispose to return it).</summary>
internal readonly struct PeriodTable : IDisposable
{
    private readonly int[] _table;

    /// <summary>Maps every day of <c>[startDay, endDay]</c> to <c>ordinal(day) − baseOrdinal</c>.</summary>
    internal PeriodTable(int startDay, int endDay, int baseOrdinal, PeriodUnit unit, DayOfWeek weekStart)
        : this(startDay, endDay, startDay, endDay, baseOrdinal, unit, weekStart, outside: 0)
    {
    }

    /// <summary>Maps every day of <c>[tableStart, tableEnd]</c>: the days of <c>[startDay, endDay]</c> to their relative period
    /// index <c>ordinal(day) − baseOrdinal</c>, and the other days to <paramref name="outside"/>.</summary>
    internal PeriodTable(int tableStart, int tableEnd, int startDay, int endDay, int baseOrdinal, PeriodUnit unit, DayOfWeek weekStart,
        int outside)
    {
        StartDay = tableStart;
        Length = tableEnd >= tableStart ? tableEnd - tableStart + 1 : 0;
        _table = ArrayPool<int>.Shared.Rent(Math.Max(1, Length));
        if (Length == 0) return;
        startDay = Math.Max(startDay, tableStart);
        endDay = Math.Min(endDay, tableEnd);
        if (startDay > tableStart || endDay < tableEnd) _table.AsSpan(0, Length).Fill(outside);
        if (endDay < startDay) return;
        int ordinal = Calendar.PeriodOrdinal(startDay, unit, weekStart);
        int day = startDay;
        while (day <= endDay)
        {
            int next = Math.Min(endDay + 1, EndDay(ordinal, unit, weekStart) + 1);
            _table.AsSpan(day - tableStart, next - day).Fill(ordinal - baseOrdinal);
            day = next;
            ordinal++;
        }
    }

    internal int StartDay { get; }

    internal int Length { get; }

    internal int[] Array => _table;

    public void Dispose() => ArrayPool<int>.Shared.Return(_table);

    /// <summary>Gets the first day of the period with the given ordinal, clamped to day 0 (<see cref="DateOnly.MinValue"/>).</summary>
    internal static int StartDayClamped(int ordinal, PeriodUnit unit, DayOfWeek weekStart)
    {
        int minOrdinal = Calendar.PeriodOrdinal(0, unit, weekStart);
        if (ordinal <= minOrdinal) return 0;
        return Math.Max(0, Calendar.PeriodStartDay(ordinal, unit, weekStart));
    }

    /// <summary>Gets the last day (inclusive) of the period with the given ordinal; the calendar's last period ends on <see cref="DateOnly.MaxValue"/>.</summary>
    internal static int EndDay(int ordinal, PeriodUnit unit, DayOfWeek weekStart)
    {
        int maxOrdinal = Calendar.PeriodOrdinal(DateOnly.MaxValue.DayNumber, unit, weekStart);
        return ordinal >= maxOrdinal ? DateOnly.MaxValue.DayNumber : Calendar.PeriodStartDay(ordinal + 1, unit, weekStart) - 1;
    }
}
