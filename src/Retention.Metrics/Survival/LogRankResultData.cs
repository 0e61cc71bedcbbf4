namespace Retention.Metrics;

/// <summary>The serializable form of a <see cref="LogRankResult"/>.</summary>
/// <remarks>Get one with <see cref="LogRankResult.ToData"/>; <see cref="LogRankResult.FromData"/> rebuilds an equal result.</remarks>
/// <param name="Groups">The observed and expected events of each group.</param>
/// <param name="Statistic">The chi-squared statistic.</param>
/// <param name="DegreesOfFreedom">The degrees of freedom.</param>
/// <param name="PValue">The p-value.</param>
public sealed record LogRankResultData(LogRankGroup[] Groups, double Statistic, int DegreesOfFreedom, double PValue);
