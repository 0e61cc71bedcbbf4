namespace Retention.Metrics;

/// <summary>The serializable form of a <see cref="ConversionResult"/>: its settings and one row per cohort.</summary>
/// <remarks>Get one with <see cref="ConversionResult.ToData"/>; <see cref="ConversionResult.FromData"/> rebuilds an equal result. The
/// derived <c>censored</c> and <c>rate</c> of each cohort are written to JSON for readers and ignored when reading.</remarks>
/// <param name="Unit">The cohort period.</param>
/// <param name="WeekStart">The first day of a week, for weekly cohorts.</param>
/// <param name="WindowDays">The conversion window in days.</param>
/// <param name="AsOf">The observation end, inclusive.</param>
/// <param name="Cohorts">The cohorts of consecutive periods, oldest first.</param>
public sealed record ConversionResultData(
    PeriodUnit Unit,
    DayOfWeek WeekStart,
    int WindowDays,
    DateOnly AsOf,
    ConversionCohort[] Cohorts);
