namespace Retention.Metrics;

public static partial class Survival
{
    /// <summary>Turns start and end dates (a missing end meaning still active) into lifetimes observed up to <paramref name="asOf"/>.</summary>
    /// <param name="starts">The start date of each lifetime (for example a subscription's first billing day); on or before <paramref name="asOf"/>.</param>
    /// <param name="ends">The end date of each lifetime (cancellation), or <see langword="null"/> while active; same length as
    /// <paramref name="starts"/>; on or after the start.</param>
    /// <param name="asOf">The observation end, inclusive: an end on this day is an event; an end after it is not yet known and the
    /// lifetime is censored at <paramref name="asOf"/>.</param>
    /// <param name="unit">The unit of the durations: days, a fixed number of days, or calendar periods crossed (see <see cref="TimeUnit"/>).</param>
    /// <param name="destination">Receives one observation per start; at least as long as <paramref name="starts"/>.</param>
    /// <returns>The number of observations written (the length of <paramref name="starts"/>); 0 for empty input.</returns>
    /// <exception cref="ArgumentException">The spans differ in length, <paramref name="destination"/> is too short, a start is after
    /// <paramref name="asOf"/>, or an end precedes its start (the message names the index).</exception>
    /// <remarks><c>Time = unit.Between(start, end)</c> with <c>Event = true</c> when <c>end ≤ asOf</c>; otherwise
    /// <c>Time = unit.Between(start, asOf)</c> with <c>Event = false</c>. Calendar units count period boundaries crossed, so a monthly
    /// subscription started on 31 January and cancelled on 1 February lasted 1 month; use <see cref="TimeUnit.Days"/> or
    /// <see cref="TimeUnit.OfDays"/> for elapsed time. Lifetimes are independent, so the output of split inputs concatenates.</remarks>
    public static int ObservationsFromDates(
        ReadOnlySpan<DateOnly> starts, ReadOnlySpan<DateOnly?> ends, DateOnly asOf, TimeUnit unit, Span<SurvivalObservation> destination)
    {
        if (ends.Length != starts.Length)
            ThrowHelper.ThrowArgument(nameof(ends), $"ends has length {ends.Length}; it must have the length of starts ({starts.Length}).");
        if (destination.Length < starts.Length)
            ThrowHelper.ThrowDestinationTooShort(nameof(destination), destination.Length, starts.Length);
        int asOfDay = asOf.DayNumber;
        for (int i = 0; i < starts.Length; i++)
        {
            int start = starts[i].DayNumber;
            if (start > asOfDay)
                ThrowHelper.ThrowElement(nameof(starts), i, starts[i], $"starts must be on or before asOf ({asOf:yyyy-MM-dd}).");
            DateOnly? end = ends[i];
            if (end is { } e && e.DayNumber < start)
                ThrowHelper.ThrowElement(nameof(ends), i, e, $"an end must be on or after its start ({starts[i]:yyyy-MM-dd}).");
        }
        for (int i = 0; i < starts.Length; i++)
        {
            int start = starts[i].DayNumber;
            DateOnly? end = ends[i];
            destination[i] = end is { } e && e.DayNumber <= asOfDay
                ? new SurvivalObservation(unit.Between(start, e.DayNumber), true)
                : new SurvivalObservation(unit.Between(start, asOfDay), false);
        }
        return starts.Length;
    }
}
