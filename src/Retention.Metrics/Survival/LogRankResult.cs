using System.Collections.Immutable;

namespace Retention.Metrics;

/// <summary>The log-rank test comparing the survival curves of two or more groups.</summary>
/// <remarks>Immutable. As R <c>survival::survdiff</c> with <c>rho = 0</c>: groups whose expected count is 0 are left out of the
/// statistic and of the degrees of freedom.</remarks>
public sealed class LogRankResult
{
    internal LogRankResult(LogRankGroup[] groups, double statistic, int degreesOfFreedom, double pValue)
    {
        Groups = ImmutableArray.Create(groups);
        Statistic = statistic;
        DegreesOfFreedom = degreesOfFreedom;
        PValue = pValue;
    }

    /// <summary>Gets the groups present in the input, in ascending group order, with their observed and expected events.</summary>
    public ImmutableArray<LogRankGroup> Groups { get; }

    /// <summary>Gets the chi-squared statistic <c>(O − E)ᵀ V⁻¹ (O − E)</c> over all groups but one; 0 with fewer than two groups;
    /// NaN when the variance matrix is singular.</summary>
    public double Statistic { get; }

    /// <summary>Gets the degrees of freedom: the number of groups with a positive expected count, minus 1 (0 with fewer than two).</summary>
    public int DegreesOfFreedom { get; }

    /// <summary>Gets the p-value, the upper tail of the chi-squared distribution at <see cref="Statistic"/>; 1 with fewer than two groups.</summary>
    public double PValue { get; }
}

/// <summary>One group's line of a log-rank test.</summary>
/// <param name="Group">The group's number as given by the caller.</param>
/// <param name="Count">Observations in the group.</param>
/// <param name="Observed">Events observed in the group.</param>
/// <param name="Expected">Events expected under equal hazards: <c>Σ_t d_t · n_{g,t}/n_t</c>.</param>
/// <param name="Variance">The diagonal element of the variance matrix, <c>Σ_t d_t (n_t − d_t)/(n_t − 1) · (n_{g,t}/n_t)(1 − n_{g,t}/n_t)</c>.</param>
public readonly record struct LogRankGroup(int Group, long Count, long Observed, double Expected, double Variance);
