namespace Retention.Metrics;

/// <summary>The serializable form of a <see cref="CpmResult"/>.</summary>
/// <remarks>Get one with <see cref="CpmResult.ToData"/>; <see cref="CpmResult.FromData"/> rebuilds an equal result (the per-segment
/// customer lists and shares are derived).</remarks>
/// <param name="Options">The options the result was computed with.</param>
/// <param name="Customers">Each customer's segment.</param>
/// <param name="SegmentRevenue">The revenue of each segment, in <see cref="CpmSegment"/> order (10 values).</param>
public sealed record CpmResultData(CpmOptions Options, CpmCustomer[] Customers, decimal[] SegmentRevenue);
