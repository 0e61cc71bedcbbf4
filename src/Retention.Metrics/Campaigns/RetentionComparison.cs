namespace Retention.Metrics;

/// <summary>A treated and a control group's retention measured the same way, with the test of their difference.</summary>
/// <param name="Treated">The treated group's rate (for example F2 conversion of the customers who received step mails).</param>
/// <param name="Control">The control (holdout) group's rate.</param>
/// <param name="Test">The pooled two-proportion z-test: z, two-sided p, the uplift <c>p_t − p_c</c> and its Newcombe interval.</param>
/// <remarks>Equality compares every field.</remarks>
public readonly record struct RetentionComparison(Rate Treated, Rate Control, TestResult Test)
{
    /// <summary>Gets the absolute uplift <c>p_t − p_c</c>.</summary>
    public double Uplift => Treated.Value - Control.Value;

    /// <summary>Gets the relative lift <c>p_t / p_c − 1</c>; <see langword="null"/> when the control rate is 0.</summary>
    public double? RelativeLift => Control.Numerator == 0 ? null : Treated.Value / Control.Value - 1d;
}
