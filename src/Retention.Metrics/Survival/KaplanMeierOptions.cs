using Retention.Metrics.Numerics;

namespace Retention.Metrics;

/// <summary>Options of <see cref="Survival.KaplanMeier"/>: the confidence level and the interval transform.</summary>
/// <remarks>The defaults (95 %, <see cref="ConfidenceIntervalTransform.Log"/>) match R <c>survival::survfit</c>.</remarks>
public sealed record class KaplanMeierOptions
{
    private readonly double _confidenceLevel = 0.95d;
    private readonly ConfidenceIntervalTransform _transform = ConfidenceIntervalTransform.Log;

    /// <summary>Gets the default options: 95 %, log transform.</summary>
    public static KaplanMeierOptions Default { get; } = new();

    /// <summary>Gets the two-sided confidence level of the pointwise intervals and of the median interval; default 0.95.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not strictly between 0 and 1.</exception>
    public double ConfidenceLevel
    {
        get => _confidenceLevel;
        init
        {
            if (!(value > 0d && value < 1d))
                ThrowHelper.ThrowOutOfRange(nameof(ConfidenceLevel), value, "it must be strictly between 0 and 1.");
            _confidenceLevel = value;
        }
    }

    /// <summary>Gets the transform of the pointwise confidence intervals; default <see cref="ConfidenceIntervalTransform.Log"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined transform.</exception>
    public ConfidenceIntervalTransform Transform
    {
        get => _transform;
        init
        {
            if (value is not (ConfidenceIntervalTransform.Log or ConfidenceIntervalTransform.LogLog or ConfidenceIntervalTransform.Plain))
                ThrowHelper.ThrowOutOfRange(nameof(Transform), value, "it must be Log, LogLog or Plain.");
            _transform = value;
        }
    }

    /// <summary>Gets the normal quantile <c>z = Φ⁻¹(1 − (1 − level)/2)</c> of the confidence level (1.959963984540054 at 95 %).</summary>
    public double Z => NormalDistribution.SurvivalQuantile(0.5d * (1d - _confidenceLevel));
}
