namespace Retention.Metrics;

/// <summary>The serializable form of an <see cref="RfmResult"/>.</summary>
/// <remarks>Get one with <see cref="RfmResult.ToData"/>; <see cref="RfmResult.FromData"/> rebuilds an equal result. Arrays are compared by
/// reference in the generated equality; compare results, not data objects.</remarks>
/// <param name="Options">The options the result was computed with.</param>
/// <param name="Customers">The scored customers.</param>
/// <param name="Segments">One summary per segment rule, then the catch-all segment.</param>
/// <param name="RecencyCutPoints">The recency cut-points used.</param>
/// <param name="FrequencyCutPoints">The frequency cut-points used.</param>
/// <param name="MonetaryCutPoints">The monetary cut-points used.</param>
/// <param name="TotalOrders">The orders of all scored customers.</param>
/// <param name="TotalRevenue">The revenue of all scored customers.</param>
public sealed record RfmResultData(
    RfmOptions Options,
    RfmCustomer[] Customers,
    RfmSegmentSummary[] Segments,
    double[] RecencyCutPoints,
    double[] FrequencyCutPoints,
    double[] MonetaryCutPoints,
    long TotalOrders,
    decimal TotalRevenue);
