namespace Retention.Metrics;

/// <summary>A two-group test design: customers per group, the effect it detects, α and power.</summary>
/// <param name="PerGroup">Customers needed (or given) in each group, rounded up.</param>
/// <param name="ExactPerGroup">The unrounded per-group size from the formula (equal to <paramref name="PerGroup"/> when the size was given).</param>
/// <param name="Effect">The minimum detectable effect: an absolute rate difference (rates) or a difference of means (means).</param>
/// <param name="Alpha">The two-sided significance level.</param>
/// <param name="Power">The power <c>1 − β</c>.</param>
/// <remarks>Designs are not combined.</remarks>
public readonly record struct SampleSizeResult(long PerGroup, double ExactPerGroup, double Effect, double Alpha, double Power)
{
    /// <summary>Gets the total size of both groups, <c>2 × PerGroup</c>.</summary>
    public long Total => checked(2 * PerGroup);
}
