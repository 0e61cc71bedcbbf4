namespace Retention.Metrics;

/// <summary>The effect of a campaign against its holdout: absolute uplift and relative lift with confidence intervals.</summary>
/// <remarks>
/// <para><c>AbsoluteLift = p_t − p_c</c> (uplift, percentage points as a fraction); its interval is Newcombe's hybrid score
/// interval (method 10), defined even with 0 or all responders. <c>RelativeLift = p_t / p_c − 1</c>; its interval is the
/// Katz log interval <c>exp(ln(p_t/p_c) ± z·√(1/x_t − 1/n_t + 1/x_c − 1/n_c)) − 1</c>. Results are not combined: combine the
/// groups and compute again.</para>
/// </remarks>
public readonly record struct LiftResult
{
    [System.Text.Json.Serialization.JsonConstructor]
    internal LiftResult(Rate treated, Rate control, Interval absoluteLiftInterval, double? relativeLift, Interval? relativeLiftInterval,
        double incrementalResponders, decimal incrementalRevenue, double confidenceLevel)
    {
        Treated = treated;
        Control = control;
        AbsoluteLift = treated.Value - control.Value;
        AbsoluteLiftInterval = absoluteLiftInterval;
        RelativeLift = relativeLift;
        RelativeLiftInterval = relativeLiftInterval;
        IncrementalResponders = incrementalResponders;
        IncrementalRevenue = incrementalRevenue;
        ConfidenceLevel = confidenceLevel;
    }

    /// <summary>Gets the treated group's rate.</summary>
    public Rate Treated { get; }

    /// <summary>Gets the control (holdout) group's rate.</summary>
    public Rate Control { get; }

    /// <summary>Gets the uplift <c>p_t − p_c</c> in [−1, 1].</summary>
    public double AbsoluteLift { get; }

    /// <summary>Gets the confidence interval of <see cref="AbsoluteLift"/> (Newcombe hybrid score).</summary>
    public Interval AbsoluteLiftInterval { get; }

    /// <summary>Gets the relative lift <c>p_t / p_c − 1</c>; null when the control rate is 0.</summary>
    public double? RelativeLift { get; }

    /// <summary>Gets the Katz log interval of <see cref="RelativeLift"/>; null when either group has no successes.</summary>
    public Interval? RelativeLiftInterval { get; }

    /// <summary>Gets the incremental successes in the treated group, <c>(p_t − p_c) × n_t</c>.</summary>
    public double IncrementalResponders { get; }

    /// <summary>Gets the incremental revenue, <c>(Revenue_t / n_t − Revenue_c / n_c) × n_t</c>.</summary>
    public decimal IncrementalRevenue { get; }

    /// <summary>Gets the confidence level of the intervals, for example 0.95.</summary>
    public double ConfidenceLevel { get; }
}
