namespace Retention.Metrics;

/// <summary>The serializable form of a <see cref="RepeatSeries"/>: its settings and one row per period.</summary>
/// <remarks>
/// <para>Get one with <see cref="RepeatSeries.ToData"/>; <see cref="RepeatSeries.FromData"/> rebuilds an equal series. The rates of each
/// <see cref="RepeatPeriod"/> are written to JSON for readers and ignored when reading.</para>
/// <para>Arrays are compared by reference in the generated equality; compare series, not data objects.</para>
/// </remarks>
/// <param name="Unit">The period length.</param>
/// <param name="WeekStart">The first day of a week, for weekly periods.</param>
/// <param name="From">The first day of the first period.</param>
/// <param name="AsOf">The observation end, inclusive.</param>
/// <param name="AcquiredBefore">The customers whose first purchase falls before the first period.</param>
/// <param name="Periods">The periods from <paramref name="From"/> to <paramref name="AsOf"/>, one each.</param>
public sealed record RepeatSeriesData(
    PeriodUnit Unit,
    DayOfWeek WeekStart,
    DateOnly From,
    DateOnly AsOf,
    long AcquiredBefore,
    RepeatPeriod[] Periods);
