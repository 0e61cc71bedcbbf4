namespace Retention.Metrics;

/// <summary>The serializable form of a <see cref="LogoChurnSeries"/>.</summary>
/// <remarks>Get one with <see cref="LogoChurnSeries.ToData"/>; <see cref="LogoChurnSeries.FromData"/> rebuilds an equal series. The derived
/// <c>closing</c>, <c>openingCancelled</c> and <c>churn</c> of each period are written to JSON for readers and ignored when reading.</remarks>
/// <param name="Unit">The period length.</param>
/// <param name="Variant">The churn definition of the series.</param>
/// <param name="Periods">The periods, oldest first.</param>
public sealed record LogoChurnSeriesData(PeriodUnit Unit, LogoChurnVariant Variant, LogoChurnPeriod[] Periods);
