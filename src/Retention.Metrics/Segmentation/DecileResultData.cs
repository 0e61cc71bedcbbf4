namespace Retention.Metrics;

/// <summary>The serializable form of a <see cref="DecileResult"/>.</summary>
/// <remarks>Get one with <see cref="DecileResult.ToData"/>; <see cref="DecileResult.FromData"/> rebuilds an equal result.</remarks>
/// <param name="Rows">One row per group, top spenders first.</param>
/// <param name="TotalAmount">The spend of all customers.</param>
public sealed record DecileResultData(DecileRow[] Rows, decimal TotalAmount);
