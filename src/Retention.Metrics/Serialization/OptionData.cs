namespace Retention.Metrics.Serialization;

/// <summary>The JSON shape of an <see cref="RfmScale"/> inside <see cref="RfmOptions"/>.</summary>
/// <param name="Kind">How the cut-points are found.</param>
/// <param name="Scores">The number of scores.</param>
/// <param name="CutPoints">The fixed cut-points of a <see cref="RfmScaleKind.Thresholds"/> scale; empty otherwise.</param>
internal sealed record RfmScaleData(RfmScaleKind Kind, int Scores, double[] CutPoints);

/// <summary>The JSON shape of an <see cref="RfmSegmentRules"/> inside <see cref="RfmOptions"/>.</summary>
/// <param name="Rules">The rules, first match wins.</param>
/// <param name="OtherName">The name of the catch-all segment.</param>
internal sealed record RfmSegmentRulesData(RfmSegmentRule[] Rules, string OtherName);
