using System.Globalization;
using System.Text.Json.Serialization;

namespace Retention.Metrics;

/// <summary>A proportion that keeps its counts: <c>Numerator / Denominator</c>, for example 312 repeat customers of 1,204.</summary>
/// <remarks>
/// <para>Every rate the library returns is a <see cref="Rate"/>, so callers can show the counts, combine results computed
/// over disjoint customer sets with <see cref="Combine"/>, and attach a confidence interval with <see cref="Wilson(double)"/>.</para>
/// <para>Invariant: <c>0 ≤ Numerator ≤ Denominator</c>. The default value is 0 / 0, whose <see cref="Value"/> is 0 and whose
/// <see cref="IsDefined"/> is <see langword="false"/>. Equality compares the two counts, so 1/2 and 2/4 are different rates.</para>
/// </remarks>
public readonly record struct Rate
{
    /// <summary>The z value of a two-sided 95 % normal interval, <c>Φ⁻¹(0.975)</c>.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Creates a rate from its counts.</summary>
    /// <param name="numerator">The count of members that have the property; zero or greater and at most <paramref name="denominator"/>.</param>
    /// <param name="denominator">The count of members; zero or greater.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or <paramref name="numerator"/> exceeds <paramref name="denominator"/>.</exception>
    [JsonConstructor]
    public Rate(long numerator, long denominator)
    {
        if (denominator < 0) ThrowHelper.ThrowOutOfRange(nameof(denominator), denominator, "it must be zero or greater.");
        if (numerator < 0 || numerator > denominator)
            ThrowHelper.ThrowOutOfRange(nameof(numerator), numerator,
                string.Create(CultureInfo.InvariantCulture, $"it must be in the range 0..{denominator} (the denominator)."));
        Numerator = numerator;
        Denominator = denominator;
    }

    /// <summary>Gets the count of members that have the property.</summary>
    public long Numerator { get; }

    /// <summary>Gets the count of members.</summary>
    public long Denominator { get; }

    /// <summary>Gets whether the denominator is non-zero, so that <see cref="Value"/> is a real proportion.</summary>
    [JsonIgnore]
    public bool IsDefined => Denominator != 0;

    /// <summary>Gets the proportion in [0, 1]; 0 when the denominator is 0 (check <see cref="IsDefined"/>).</summary>
    public double Value => Denominator == 0 ? 0d : (double)Numerator / Denominator;

    /// <summary>Gets the complement <c>(Denominator − Numerator) / Denominator</c>, for example churn from retention.</summary>
    [JsonIgnore]
    public Rate Complement => new(Denominator - Numerator, Denominator);

    /// <summary>Combines two rates computed over disjoint member sets by adding their counts.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>The rate of the union: <c>(n₁ + n₂) / (d₁ + d₂)</c>.</returns>
    /// <exception cref="OverflowException">A sum exceeds <see cref="long.MaxValue"/>.</exception>
    public static Rate Combine(Rate left, Rate right) =>
        new(checked(left.Numerator + right.Numerator), checked(left.Denominator + right.Denominator));

    /// <summary>Gets the Wilson score interval of the proportion at the given normal quantile.</summary>
    /// <param name="z">The two-sided normal quantile, for example <see cref="Z95"/> (1.96) for 95 %; positive and finite.</param>
    /// <returns>The interval; (0, 1) when the denominator is 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="z"/> is not positive and finite.</exception>
    /// <remarks>
    /// With <c>p = n/d</c>: centre <c>(p + z²/2d) / (1 + z²/d)</c>, half-width <c>z·√(p(1−p)/d + z²/4d²) / (1 + z²/d)</c>.
    /// The interval stays inside [0, 1] and is not degenerate at p = 0 or p = 1.
    /// </remarks>
    public Interval Wilson(double z = Z95)
    {
        if (!(z > 0) || double.IsInfinity(z)) ThrowHelper.ThrowOutOfRange(nameof(z), z, "it must be positive and finite.");
        if (Denominator == 0) return new Interval(0d, 1d);
        double d = Denominator;
        double p = Numerator / d;
        double z2 = z * z;
        double denom = 1d + z2 / d;
        double centre = (p + z2 / (2d * d)) / denom;
        double half = z * Math.Sqrt(p * (1d - p) / d + z2 / (4d * d * d)) / denom;
        double lower = Numerator == 0 ? 0d : Math.Max(0d, centre - half);
        double upper = Numerator == Denominator ? 1d : Math.Min(1d, centre + half);
        return new Interval(lower, upper);
    }

    /// <summary>Formats the rate as <c>"n / d (p%)"</c> with invariant culture, for example <c>"312 / 1204 (25.91%)"</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Numerator} / {Denominator} ({Value * 100d:0.##}%)");
}

/// <summary>A closed interval <c>[Lower, Upper]</c> of doubles, such as a confidence interval.</summary>
/// <param name="Lower">The lower bound.</param>
/// <param name="Upper">The upper bound.</param>
public readonly record struct Interval(double Lower, double Upper)
{
    /// <summary>Gets whether <paramref name="value"/> lies in the closed interval.</summary>
    /// <param name="value">The value to test.</param>
    /// <returns><see langword="true"/> when <c>Lower ≤ value ≤ Upper</c>.</returns>
    public bool Contains(double value) => value >= Lower && value <= Upper;
}
