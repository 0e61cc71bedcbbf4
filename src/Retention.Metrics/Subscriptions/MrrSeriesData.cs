namespace Retention.Metrics;

/// <summary>The serializable form of an <see cref="MrrSeries"/>.</summary>
/// <remarks>Get one with <see cref="MrrSeries.ToData"/>; <see cref="MrrSeries.FromData"/> rebuilds an equal series. The derived ratios of
/// each period are written to JSON for readers and ignored when reading.</remarks>
/// <param name="Unit">The period length.</param>
/// <param name="Periods">The periods, oldest first.</param>
public sealed record MrrSeriesData(PeriodUnit Unit, MrrPeriod[] Periods);
