namespace Retention.Metrics;

/// <summary>The serializable form of an <see cref="AbcResult"/>: the ranking it classifies and the two cutoffs.</summary>
/// <remarks>Get one with <see cref="AbcResult.ToData"/>; <see cref="AbcResult.FromData"/> rebuilds an equal result (the classes are derived).</remarks>
/// <param name="Ranking">The spend ranking.</param>
/// <param name="ACutoff">The cumulative revenue share that closes class A.</param>
/// <param name="BCutoff">The cumulative revenue share that closes class B.</param>
public sealed record AbcResultData(SpendRankingData Ranking, double ACutoff, double BCutoff);
