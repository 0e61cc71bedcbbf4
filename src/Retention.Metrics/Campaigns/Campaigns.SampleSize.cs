using System.Globalization;
using Retention.Metrics.Numerics;

namespace Retention.Metrics;

public static partial class Campaigns
{
    /// <summary>Computes the customers needed per group to detect a change of a response rate with a two-sided test.</summary>
    /// <param name="baselineRate">The control group's expected rate p₁, in (0, 1).</param>
    /// <param name="minimumDetectableEffect">The absolute change δ to detect (p₂ = p₁ + δ, may be negative); p₂ must be in (0, 1) and δ ≠ 0.</param>
    /// <param name="alpha">The two-sided significance level in (0, 1); 0.05 by default.</param>
    /// <param name="power">The power 1 − β in (0, 1); 0.8 by default.</param>
    /// <returns>The design, with the per-group size rounded up.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    /// <remarks>
    /// <c>n = (z_{1−α/2}·√(2p̄q̄) + z_{1−β}·√(p₁q₁ + p₂q₂))² / δ²</c> with <c>p̄ = (p₁ + p₂)/2</c> (Fleiss; the closed form of
    /// R's <c>power.prop.test</c>). No Combine: a design is a single number.
    /// </remarks>
    public static SampleSizeResult SampleSizeForRates(double baselineRate, double minimumDetectableEffect, double alpha = 0.05, double power = 0.8)
    {
        ValidateRateDesign(baselineRate, minimumDetectableEffect, alpha, power);
        double n = RateSampleSize(baselineRate, minimumDetectableEffect, alpha, power);
        return new SampleSizeResult(CeilingCount(n), n, minimumDetectableEffect, alpha, power);
    }

    /// <summary>Computes the customers needed per group to detect a difference of mean spend with a two-sided test.</summary>
    /// <param name="standardDeviation">The spend standard deviation σ per customer (assumed equal in both groups); positive.</param>
    /// <param name="minimumDetectableEffect">The difference of means δ to detect; non-zero and finite.</param>
    /// <param name="alpha">The two-sided significance level in (0, 1); 0.05 by default.</param>
    /// <param name="power">The power 1 − β in (0, 1); 0.8 by default.</param>
    /// <returns>The design, with the per-group size rounded up.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    /// <remarks><c>n = 2σ²(z_{1−α/2} + z_{1−β})² / δ²</c> (normal approximation; about <c>16σ²/δ²</c> at α = 0.05 and power 0.8).</remarks>
    public static SampleSizeResult SampleSizeForMeans(double standardDeviation, double minimumDetectableEffect, double alpha = 0.05, double power = 0.8)
    {
        ValidateMeanDesign(standardDeviation, alpha, power);
        if (!(minimumDetectableEffect != 0d) || !double.IsFinite(minimumDetectableEffect))
            ThrowHelper.ThrowOutOfRange(nameof(minimumDetectableEffect), minimumDetectableEffect, "it must be non-zero and finite.");
        double z = Z(alpha, power);
        double n = 2d * standardDeviation * standardDeviation * z * z / (minimumDetectableEffect * minimumDetectableEffect);
        return new SampleSizeResult(CeilingCount(n), n, minimumDetectableEffect, alpha, power);
    }

    /// <summary>Computes the smallest increase of a response rate that a test with a given group size detects.</summary>
    /// <param name="baselineRate">The control group's expected rate p₁, in (0, 1).</param>
    /// <param name="perGroup">The customers per group; positive.</param>
    /// <param name="alpha">The two-sided significance level in (0, 1); 0.05 by default.</param>
    /// <param name="power">The power 1 − β in (0, 1); 0.8 by default.</param>
    /// <returns>The design with <see cref="SampleSizeResult.Effect"/> the detectable increase δ &gt; 0 (so p₂ = p₁ + δ).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range, or <paramref name="perGroup"/> is too small
    /// to detect any increase up to p₂ = 1.</exception>
    /// <remarks>Solves <see cref="SampleSizeForRates"/>'s formula <c>n(δ) = perGroup</c> for δ by bisection (n decreases in δ).</remarks>
    public static SampleSizeResult DetectableEffectForRates(double baselineRate, long perGroup, double alpha = 0.05, double power = 0.8)
    {
        if (!(baselineRate > 0d && baselineRate < 1d))
            ThrowHelper.ThrowOutOfRange(nameof(baselineRate), baselineRate, "it must be between 0 and 1 (exclusive).");
        if (perGroup < 1) ThrowHelper.ThrowOutOfRange(nameof(perGroup), perGroup, "it must be 1 or greater.");
        ValidateLevels(alpha, power);
        double lo = 0d, hi = 1d - baselineRate;
        // n(δ) at δ → 1 − p₁ is the smallest size that detects anything upwards.
        double smallest = RateSampleSize(baselineRate, hi * (1d - 1e-12), alpha, power);
        if (smallest > perGroup)
            ThrowHelper.ThrowOutOfRange(nameof(perGroup), perGroup, string.Create(CultureInfo.InvariantCulture,
                $"it is too small to detect any increase from {baselineRate} at this α and power (at least {Math.Ceiling(smallest)} needed)."));
        for (int i = 0; i < 200 && hi - lo > 1e-15 * hi; i++)
        {
            double mid = 0.5d * (lo + hi);
            if (RateSampleSize(baselineRate, mid, alpha, power) > perGroup) lo = mid;
            else hi = mid;
        }
        return new SampleSizeResult(perGroup, perGroup, hi, alpha, power);
    }

    /// <summary>Computes the smallest difference of mean spend that a test with a given group size detects.</summary>
    /// <param name="standardDeviation">The spend standard deviation σ per customer; positive.</param>
    /// <param name="perGroup">The customers per group; positive.</param>
    /// <param name="alpha">The two-sided significance level in (0, 1); 0.05 by default.</param>
    /// <param name="power">The power 1 − β in (0, 1); 0.8 by default.</param>
    /// <returns>The design with <see cref="SampleSizeResult.Effect"/> the detectable difference δ = σ(z_{1−α/2} + z_{1−β})√(2/n).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    /// <remarks><c>δ = σ·(z_{1−α/2} + z_{1−β})·√(2/n)</c>, the inverse of <see cref="SampleSizeForMeans"/>.</remarks>
    public static SampleSizeResult DetectableEffectForMeans(double standardDeviation, long perGroup, double alpha = 0.05, double power = 0.8)
    {
        ValidateMeanDesign(standardDeviation, alpha, power);
        if (perGroup < 1) ThrowHelper.ThrowOutOfRange(nameof(perGroup), perGroup, "it must be 1 or greater.");
        double effect = standardDeviation * Z(alpha, power) * Math.Sqrt(2d / perGroup);
        return new SampleSizeResult(perGroup, perGroup, effect, alpha, power);
    }

    private static double Z(double alpha, double power) =>
        NormalDistribution.SurvivalQuantile(0.5d * alpha) + NormalDistribution.Quantile(power);

    private static double RateSampleSize(double p1, double delta, double alpha, double power)
    {
        double p2 = p1 + delta;
        double pBar = 0.5d * (p1 + p2);
        double za = NormalDistribution.SurvivalQuantile(0.5d * alpha);
        double zb = NormalDistribution.Quantile(power);
        double root = za * Math.Sqrt(2d * pBar * (1d - pBar)) + zb * Math.Sqrt(p1 * (1d - p1) + p2 * (1d - p2));
        return root * root / (delta * delta);
    }

    private static long CeilingCount(double n)
    {
        double ceiling = Math.Ceiling(n - 1e-9 * n);
        if (!(ceiling < 9e18)) ThrowHelper.ThrowInvalidOperation("The required sample size does not fit in a 64-bit count.");
        return Math.Max(1L, (long)ceiling);
    }

    private static void ValidateRateDesign(double baselineRate, double effect, double alpha, double power)
    {
        if (!(baselineRate > 0d && baselineRate < 1d))
            ThrowHelper.ThrowOutOfRange(nameof(baselineRate), baselineRate, "it must be between 0 and 1 (exclusive).");
        double p2 = baselineRate + effect;
        if (!(effect != 0d) || !(p2 > 0d && p2 < 1d))
            ThrowHelper.ThrowOutOfRange("minimumDetectableEffect", effect,
                "it must be non-zero and keep baselineRate + effect between 0 and 1 (exclusive).");
        ValidateLevels(alpha, power);
    }

    private static void ValidateMeanDesign(double standardDeviation, double alpha, double power)
    {
        if (!(standardDeviation > 0d) || double.IsInfinity(standardDeviation))
            ThrowHelper.ThrowOutOfRange(nameof(standardDeviation), standardDeviation, "it must be positive and finite.");
        ValidateLevels(alpha, power);
    }

    private static void ValidateLevels(double alpha, double power)
    {
        if (!(alpha > 0d && alpha < 1d)) ThrowHelper.ThrowOutOfRange(nameof(alpha), alpha, "it must be between 0 and 1 (exclusive), for example 0.05.");
        if (!(power > 0d && power < 1d)) ThrowHelper.ThrowOutOfRange(nameof(power), power, "it must be between 0 and 1 (exclusive), for example 0.8.");
    }
}
