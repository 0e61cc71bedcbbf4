namespace Retention.Metrics;

/// <summary>The serializable form of a <see cref="RankTransitionResult"/>.</summary>
/// <remarks>Get one with <see cref="RankTransitionResult.ToData"/>; <see cref="RankTransitionResult.FromData"/> rebuilds an equal result
/// (the up, down and same rates are derived).</remarks>
/// <param name="From">The end of the first window.</param>
/// <param name="To">The end of the second window.</param>
/// <param name="Counts">Row <c>a</c>, column <c>b</c>: the customers who moved from tier <c>a</c> to tier <c>b</c>.</param>
/// <param name="Customers">Each customer's move.</param>
public sealed record RankTransitionResultData(DateOnly From, DateOnly To, long[][] Counts, CustomerRankMove[] Customers);
