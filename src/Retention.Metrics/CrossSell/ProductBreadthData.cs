namespace Retention.Metrics;

/// <summary>The serializable form of a <see cref="ProductBreadth"/>.</summary>
/// <remarks>Get one with <see cref="ProductBreadth.ToData"/>; <see cref="ProductBreadth.FromData"/> rebuilds an equal result.</remarks>
/// <param name="CustomersByProducts">Element <c>k</c> is the number of customers who bought <c>k</c> distinct products (the last element:
/// at least that many); element 0 is not counted.</param>
public sealed record ProductBreadthData(long[] CustomersByProducts);
