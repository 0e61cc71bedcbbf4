namespace Retention.Metrics;

/// <summary>The serializable form of a <see cref="KaplanMeierCurve"/>: its options and rows.</summary>
/// <remarks>Get one with <see cref="KaplanMeierCurve.ToData"/>; <see cref="KaplanMeierCurve.FromData"/> rebuilds an equal curve from each
/// row's time, events and censored count. The other row fields (at risk, survival, standard error, bounds) are written to JSON for
/// readers, with NaN as the string <c>"NaN"</c>, and recomputed when reading.</remarks>
/// <param name="Options">The confidence level and interval transform.</param>
/// <param name="Rows">One row per distinct time, ascending.</param>
public sealed record KaplanMeierCurveData(KaplanMeierOptions Options, KaplanMeierRow[] Rows);
