namespace Retention.Metrics;

/// <summary>The serializable form of a <see cref="CustomerRankResult"/>.</summary>
/// <remarks>Get one with <see cref="CustomerRankResult.ToData"/>; <see cref="CustomerRankResult.FromData"/> rebuilds an equal result.</remarks>
/// <param name="Thresholds">The spend thresholds of the tiers, ascending.</param>
/// <param name="Customers">Each customer's spend and rank.</param>
/// <param name="Tiers">One summary per tier.</param>
public sealed record CustomerRankResultData(decimal[] Thresholds, CustomerRank[] Customers, RankTierSummary[] Tiers);
