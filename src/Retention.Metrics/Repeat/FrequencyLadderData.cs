namespace Retention.Metrics;

/// <summary>The serializable form of a <see cref="FrequencyLadder"/>.</summary>
/// <remarks>Get one with <see cref="FrequencyLadder.ToData"/>; <see cref="FrequencyLadder.FromData"/> rebuilds an equal ladder.</remarks>
/// <param name="AtLeast">Element <c>k − 1</c> is the number of customers with at least <c>k</c> purchases, for k = 1..MaxPurchases.</param>
/// <param name="Censored">The customers left out because their window had not elapsed.</param>
public sealed record FrequencyLadderData(long[] AtLeast, long Censored);
