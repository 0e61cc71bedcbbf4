namespace Retention.Metrics;

/// <summary>The serializable form of a <see cref="ContinuationResult"/>: the defining counts from which the steps are rebuilt.</summary>
/// <remarks>Get one with <see cref="ContinuationResult.ToData"/>; <see cref="ContinuationResult.FromData"/> rebuilds an equal result.
/// Arrays are compared by reference in the generated equality; compare results, not data objects.</remarks>
/// <param name="AsOf">The observation end, inclusive.</param>
/// <param name="CancelledWith">Element <c>n</c> is the number of cancelled subscriptions that received exactly <c>n</c> shipments.</param>
/// <param name="OpenWith">Element <c>n</c> is the number of open subscriptions that have received <c>n</c> shipments so far.</param>
public sealed record ContinuationResultData(DateOnly AsOf, long[] CancelledWith, long[] OpenWith);
