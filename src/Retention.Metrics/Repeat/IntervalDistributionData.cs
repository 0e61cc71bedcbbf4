namespace Retention.Metrics;

/// <summary>The serializable form of an <see cref="IntervalDistribution"/>: its histogram.</summary>
/// <remarks>Get one with <see cref="IntervalDistribution.ToData"/>; <see cref="IntervalDistribution.FromData"/> rebuilds an equal distribution.</remarks>
/// <param name="CountsByDay">Element <c>d</c> is the number of intervals of <c>d</c> days.</param>
public sealed record IntervalDistributionData(long[] CountsByDay);
