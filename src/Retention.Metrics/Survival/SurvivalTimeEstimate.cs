namespace Retention.Metrics;

/// <summary>A survival time read off a Kaplan–Meier curve (for example the median) with its confidence interval.</summary>
/// <param name="Estimate">The time; NaN when the curve never falls to the required level ("not reached").</param>
/// <param name="Lower">The lower confidence limit; NaN when not reached.</param>
/// <param name="Upper">The upper confidence limit; NaN when not reached (common: the upper band often stays above the level).</param>
/// <remarks>NaN stands for R's <c>NA</c>: the curve (or its confidence band) does not fall far enough within the observed times.</remarks>
public readonly record struct SurvivalTimeEstimate(double Estimate, double Lower, double Upper)
{
    /// <summary>Gets whether the estimate was reached, that is, <see cref="Estimate"/> is not NaN.</summary>
    public bool IsReached => !double.IsNaN(Estimate);
}
