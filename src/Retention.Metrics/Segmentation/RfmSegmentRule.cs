namespace Retention.Metrics;

/// <summary>One named RFM segment: inclusive score ranges for recency, frequency and monetary value.</summary>
/// <param name="Name">The segment name, for example "Champions".</param>
/// <param name="MinRecency">The lowest recency score in the segment (inclusive).</param>
/// <param name="MaxRecency">The highest recency score in the segment (inclusive).</param>
/// <param name="MinFrequency">The lowest frequency score in the segment (inclusive).</param>
/// <param name="MaxFrequency">The highest frequency score in the segment (inclusive).</param>
/// <param name="MinMonetary">The lowest monetary score in the segment (inclusive).</param>
/// <param name="MaxMonetary">The highest monetary score in the segment (inclusive).</param>
/// <remarks>A customer matches when each of its three scores lies in the rule's range; see <see cref="RfmSegmentRules"/> for
/// how rules are applied in order.</remarks>
public readonly record struct RfmSegmentRule(string Name, int MinRecency, int MaxRecency, int MinFrequency, int MaxFrequency,
    int MinMonetary, int MaxMonetary)
{
    /// <summary>Gets whether the scores lie in all three ranges.</summary>
    /// <param name="recency">The recency score.</param>
    /// <param name="frequency">The frequency score.</param>
    /// <param name="monetary">The monetary score.</param>
    /// <returns><see langword="true"/> when <c>MinRecency ≤ recency ≤ MaxRecency</c> and likewise for the other two.</returns>
    public bool Matches(int recency, int frequency, int monetary) =>
        recency >= MinRecency && recency <= MaxRecency &&
        frequency >= MinFrequency && frequency <= MaxFrequency &&
        monetary >= MinMonetary && monetary <= MaxMonetary;
}
