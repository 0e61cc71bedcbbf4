namespace Retention.Metrics;

/// <summary>The serializable form of a <see cref="SpendRanking"/>: the customers from the highest spend down, with their spend.</summary>
/// <remarks>Get one with <see cref="SpendRanking.ToData"/>; <see cref="SpendRanking.FromData"/> rebuilds an equal ranking. Amounts are
/// exact JSON numbers.</remarks>
/// <param name="Customers">The customer indexes by rank.</param>
/// <param name="Amounts">The spend of each rank, non-increasing.</param>
public sealed record SpendRankingData(int[] Customers, decimal[] Amounts);
