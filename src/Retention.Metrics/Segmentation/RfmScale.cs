using System.Globalization;

namespace Retention.Metrics;

/// <summary>How an RFM dimension's raw values are turned into scores.</summary>
public enum RfmScaleKind
{
    /// <summary>Quantile cut-points by the rule of the R <c>rfm</c> package: type-7 quantiles plus one, half-open bins.</summary>
    Quantiles,

    /// <summary>Rank-based equal-count bins (like SQL <c>NTILE</c>), tied values sharing the lowest score of their group.</summary>
    EqualCount,

    /// <summary>Fixed cut-points supplied by the caller.</summary>
    Thresholds,
}

/// <summary>A scoring scheme for one RFM dimension: the number of scores and how values are binned into them.</summary>
/// <remarks>
/// <para>Scores run from 1 to <see cref="Scores"/>; the best customers get the top score (most recent for recency, highest for
/// frequency and monetary value).</para>
/// <para><see cref="RfmScaleKind.Quantiles"/> (the R <c>rfm</c> package rule, its <c>bins()</c> helper): with the values'
/// type-7 quantiles <c>q_j = quantile(x, j/k)</c>, cut-points are <c>c_j = q_j + 1</c> for <c>j = 1..k−1</c>, and a value
/// <c>v</c> lies in bin <c>1 + #{j : c_j ≤ v}</c> (intervals <c>[c_{j−1}, c_j)</c>, the first from <c>min(x)</c>, the last up to
/// <c>max(x) + 1</c>). Bin <c>b</c> scores <c>b</c> for frequency and monetary value and <c>k + 1 − b</c> for recency. Equal
/// cut-points leave a score unused; a single customer, or all-equal values, land in bin 1.</para>
/// <para><see cref="RfmScaleKind.EqualCount"/>: of <c>n</c> customers, one with <c>r</c> customers strictly worse (a larger recency, a
/// smaller frequency or monetary value) scores <c>⌊r·k/n⌋ + 1</c>. Without ties this is <c>NTILE(k)</c> ordered from worst to best (the last <c>n mod k</c> scores get one
/// extra customer); tied values share the lowest score of their group, so equal values never get different scores and
/// all-equal values all score 1. With fewer customers than scores some scores stay unused.</para>
/// <para><see cref="RfmScaleKind.Thresholds"/>: ascending cut-points on the raw value, bins <c>[c_{j−1}, c_j)</c> as above;
/// <c>k = cut-points + 1</c>. For recency, days below the first cut-point score <c>k</c>. Example (a published Japanese DM
/// table): recency <c>Thresholds(90, 180, 365, 730)</c> gives R5 under 3 months … R1 from 24 months; frequency
/// <c>Thresholds(2, 3, 4, 5)</c> gives F1 = 1 order … F5 ≥ 5; monetary <c>Thresholds(10000, 20000, 30000, 40000)</c> gives
/// M1 under 10,000 … M5 from 40,000.</para>
/// <para>Monetary values are compared as <see cref="double"/>, exact for amounts below 2^53 units.</para>
/// </remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.RfmScaleJsonConverter))]
public sealed class RfmScale
{
    /// <summary>The largest number of scores a scale may have, so that a cell reads as three digits (e.g. 555).</summary>
    public const int MaxScores = 9;

    private readonly double[] _cutPoints;

    private RfmScale(RfmScaleKind kind, int scores, double[] cutPoints)
    {
        Kind = kind;
        Scores = scores;
        _cutPoints = cutPoints;
    }

    /// <summary>Gets how values are binned.</summary>
    public RfmScaleKind Kind { get; }

    /// <summary>Gets the number of scores <c>k</c>; scores run from 1 to <c>k</c>.</summary>
    public int Scores { get; }

    /// <summary>Gets the caller's cut-points for <see cref="RfmScaleKind.Thresholds"/>; empty for the other kinds.</summary>
    public ReadOnlySpan<double> CutPoints => _cutPoints;

    /// <summary>Gets the default scale: quintiles by the R <c>rfm</c> package rule.</summary>
    public static RfmScale Default { get; } = new(RfmScaleKind.Quantiles, 5, []);

    /// <summary>Creates a quantile scale by the R <c>rfm</c> package rule (type-7 quantiles plus one, half-open bins).</summary>
    /// <param name="scores">The number of scores <c>k</c>, 1 to <see cref="MaxScores"/>; 5 gives quintiles.</param>
    /// <returns>The scale.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scores"/> is outside 1..<see cref="MaxScores"/>.</exception>
    /// <remarks>Cut-points <c>c_j = quantile_type7(x, j/k) + 1</c>; value <c>v</c> is in bin <c>1 + #{j : c_j ≤ v}</c>.</remarks>
    public static RfmScale Quantiles(int scores = 5)
    {
        ValidateScores(scores);
        return new RfmScale(RfmScaleKind.Quantiles, scores, []);
    }

    /// <summary>Creates a rank-based equal-count scale (NTILE-like; tied values share the lowest score of their group).</summary>
    /// <param name="scores">The number of scores <c>k</c>, 1 to <see cref="MaxScores"/>.</param>
    /// <returns>The scale.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scores"/> is outside 1..<see cref="MaxScores"/>.</exception>
    /// <remarks>Score <c>⌊r·k/n⌋ + 1</c> where <c>r</c> counts the customers with a strictly worse value.</remarks>
    public static RfmScale EqualCount(int scores = 5)
    {
        ValidateScores(scores);
        return new RfmScale(RfmScaleKind.EqualCount, scores, []);
    }

    /// <summary>Creates a fixed-threshold scale from ascending cut-points on the raw value (days, orders or money).</summary>
    /// <param name="cutPoints">Strictly ascending finite cut-points; at most <see cref="MaxScores"/> − 1 of them.</param>
    /// <returns>The scale, with <c>cutPoints.Length + 1</c> scores.</returns>
    /// <exception cref="ArgumentException">A cut-point is not finite or not above the previous one; the message names the index.</exception>
    /// <exception cref="ArgumentOutOfRangeException">There are more than <see cref="MaxScores"/> − 1 cut-points.</exception>
    /// <remarks>Value <c>v</c> is in bin <c>1 + #{j : c_j ≤ v}</c>; recency scores count down from the top, the others up.</remarks>
    public static RfmScale Thresholds(params ReadOnlySpan<double> cutPoints)
    {
        if (cutPoints.Length > MaxScores - 1)
            ThrowHelper.ThrowOutOfRange(nameof(cutPoints), cutPoints.Length,
                string.Create(CultureInfo.InvariantCulture, $"a scale takes at most {MaxScores - 1} cut-points."));
        for (int i = 0; i < cutPoints.Length; i++)
        {
            if (!double.IsFinite(cutPoints[i])) ThrowHelper.ThrowElement(nameof(cutPoints), i, cutPoints[i], "cut-points must be finite.");
            if (i > 0 && !(cutPoints[i] > cutPoints[i - 1]))
                ThrowHelper.ThrowElement(nameof(cutPoints), i, cutPoints[i], "cut-points must be strictly ascending.");
        }
        return new RfmScale(RfmScaleKind.Thresholds, cutPoints.Length + 1, cutPoints.ToArray());
    }

    /// <summary>Describes the scale, for example <c>"Quantiles(5)"</c> or <c>"Thresholds(90, 180)"</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Kind switch
    {
        RfmScaleKind.Thresholds => "Thresholds(" + JoinInvariant(_cutPoints) + ")",
        _ => string.Create(CultureInfo.InvariantCulture, $"{Kind}({Scores})"),
    };

    private static string JoinInvariant(double[] values)
    {
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < values.Length; i++)
        {
            if (i > 0) text.Append(", ");
            text.Append(values[i].ToString(CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }

    private static void ValidateScores(int scores)
    {
        if (scores < 1 || scores > MaxScores)
            ThrowHelper.ThrowOutOfRange(nameof(scores), scores,
                string.Create(CultureInfo.InvariantCulture, $"it must be in the range 1..{MaxScores}."));
    }
}
