using System.Globalization;

namespace Retention.Metrics;

/// <summary>An ordered table of RFM segment rules: a customer belongs to the first rule it matches, else to the fallback segment.</summary>
/// <remarks>
/// <para>Segment indexes are the rule positions <c>0..Count−1</c>; index <see cref="Count"/> is the fallback
/// (<see cref="OtherName"/>, "Others" by default). Every customer therefore gets exactly one segment.</para>
/// <para><see cref="Standard"/> is the widely used 10-segment table, as documented by the R <c>rfm</c> package (score ranges
/// inclusive, first match wins): Champions R4–5 F4–5 M4–5; Loyal Customers R2–5 F3–5 M3–5; Potential Loyalist R3–5 F1–3 M1–3;
/// New Customers R4–5 F1 M1; Promising R3–4 F1 M1; Need Attention R2–3 F2–3 M2–3; About To Sleep R2–3 F1–2 M1–2; At Risk
/// R1–2 F2–5 M2–5; Can't Lose Them R1 F4–5 M4–5; Lost R1–2 F1–2 M1–2; else Others. It assumes 5-point scales. Because the
/// first match wins, some later rules are partly or wholly shadowed: New Customers and Promising never match (Potential
/// Loyalist takes their cells first) and neither does Can't Lose Them (At Risk takes its cells); the table is kept as published,
/// as the package applies it.</para>
/// <para>The type is immutable.</para>
/// </remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.RfmSegmentRulesJsonConverter))]
public sealed class RfmSegmentRules
{
    private readonly RfmSegmentRule[] _rules;

    /// <summary>Creates a rule table.</summary>
    /// <param name="rules">The rules, in priority order.</param>
    /// <param name="otherName">The name of the fallback segment for customers no rule matches.</param>
    /// <exception cref="ArgumentNullException"><paramref name="otherName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A rule has an empty name, a minimum below 1, or a minimum above its maximum; the
    /// message names the index.</exception>
    public RfmSegmentRules(ReadOnlySpan<RfmSegmentRule> rules, string otherName = "Others")
    {
        ArgumentNullException.ThrowIfNull(otherName);
        for (int i = 0; i < rules.Length; i++)
        {
            RfmSegmentRule r = rules[i];
            if (string.IsNullOrEmpty(r.Name)) ThrowHelper.ThrowElement(nameof(rules), i, "Name", r.Name, "a segment needs a name.");
            CheckRange(i, "MinRecency", r.MinRecency, r.MaxRecency);
            CheckRange(i, "MinFrequency", r.MinFrequency, r.MaxFrequency);
            CheckRange(i, "MinMonetary", r.MinMonetary, r.MaxMonetary);
        }
        _rules = rules.ToArray();
        OtherName = otherName;
    }

    /// <summary>Gets the standard 10-segment table (Champions … Lost, else Others).</summary>
    public static RfmSegmentRules Standard { get; } = new(
    [
        new("Champions", 4, 5, 4, 5, 4, 5),
        new("Loyal Customers", 2, 5, 3, 5, 3, 5),
        new("Potential Loyalist", 3, 5, 1, 3, 1, 3),
        new("New Customers", 4, 5, 1, 1, 1, 1),
        new("Promising", 3, 4, 1, 1, 1, 1),
        new("Need Attention", 2, 3, 2, 3, 2, 3),
        new("About To Sleep", 2, 3, 1, 2, 1, 2),
        new("At Risk", 1, 2, 2, 5, 2, 5),
        new("Can't Lose Them", 1, 1, 4, 5, 4, 5),
        new("Lost", 1, 2, 1, 2, 1, 2),
    ]);

    /// <summary>Gets the number of rules; the fallback segment has this index.</summary>
    public int Count => _rules.Length;

    /// <summary>Gets the name of the fallback segment.</summary>
    public string OtherName { get; }

    /// <summary>Gets the rules in priority order.</summary>
    public ReadOnlySpan<RfmSegmentRule> Rules => _rules;

    /// <summary>Gets the name of a segment index.</summary>
    /// <param name="segment">A rule index, or <see cref="Count"/> for the fallback.</param>
    /// <returns>The rule's name, or <see cref="OtherName"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="segment"/> is outside <c>0..Count</c>.</exception>
    public string NameOf(int segment)
    {
        if ((uint)segment > (uint)_rules.Length)
            ThrowHelper.ThrowOutOfRange(nameof(segment), segment,
                string.Create(CultureInfo.InvariantCulture, $"it must be in the range 0..{_rules.Length}."));
        return segment == _rules.Length ? OtherName : _rules[segment].Name;
    }

    /// <summary>Gets the segment of a score triple: the first matching rule, else <see cref="Count"/>.</summary>
    /// <param name="recency">The recency score.</param>
    /// <param name="frequency">The frequency score.</param>
    /// <param name="monetary">The monetary score.</param>
    /// <returns>The segment index in <c>0..Count</c>.</returns>
    public int Match(int recency, int frequency, int monetary)
    {
        for (int i = 0; i < _rules.Length; i++)
        {
            if (_rules[i].Matches(recency, frequency, monetary)) return i;
        }
        return _rules.Length;
    }

    private static void CheckRange(int index, string field, int min, int max)
    {
        if (min < 1) ThrowHelper.ThrowElement("rules", index, field, min, "scores start at 1.");
        if (min > max) ThrowHelper.ThrowElement("rules", index, field, min, "a range's minimum must not exceed its maximum.");
    }
}
