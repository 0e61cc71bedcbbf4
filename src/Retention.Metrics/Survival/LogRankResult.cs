using System.Collections.Immutable;

namespace Retention.Metrics;

/// <summary>The log-rank test comparing the survival curves of two or more groups.</summary>
/// <remarks>Immutable. As R <c>survival::survdiff</c> with <c>rho = 0</c>: groups whose expected count is 0 are left out of the
/// statistic and of the degrees of freedom.</remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.LogRankResultJsonConverter))]
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

    /// <summary>Gets the serializable form of the result.</summary>
    /// <returns>The data; <see cref="FromData"/> rebuilds an equal result.</returns>
    public LogRankResultData ToData() => new(Groups.ToArray(), Statistic, DegreesOfFreedom, PValue);

    /// <summary>Rebuilds a result from its serializable form.</summary>
    /// <param name="data">The data, for example read back from JSON.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> or its groups are <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A group's counts are negative or its observed events exceed its size, the degrees of freedom
    /// are negative, or the p-value is outside [0, 1] (NaN is allowed); the message names the group or field.</exception>
    public static LogRankResult FromData(LogRankResultData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        LogRankGroup[] groups = Serialization.DataCheck.NotNull(data.Groups, nameof(data.Groups));
        for (int i = 0; i < groups.Length; i++)
        {
            LogRankGroup g = groups[i];
            if (g.Count < 0 || g.Observed < 0 || g.Observed > g.Count)
                Serialization.DataCheck.Throw(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"data.Groups[{i}] has count {g.Count} and observed {g.Observed}; counts must be zero or greater with observed <= count."));
        }
        Serialization.DataCheck.NonNegative(data.DegreesOfFreedom, nameof(data.DegreesOfFreedom));
        if (data.PValue is < 0d or > 1d)
            Serialization.DataCheck.Throw(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"data.PValue is {data.PValue}; it must be in the range [0, 1] or NaN."));
        return new LogRankResult((LogRankGroup[])groups.Clone(), data.Statistic, data.DegreesOfFreedom, data.PValue);
    }
}

/// <summary>One group's line of a log-rank test.</summary>
/// <param name="Group">The group's number as given by the caller.</param>
/// <param name="Count">Observations in the group.</param>
/// <param name="Observed">Events observed in the group.</param>
/// <param name="Expected">Events expected under equal hazards: <c>Σ_t d_t · n_{g,t}/n_t</c>.</param>
/// <param name="Variance">The diagonal element of the variance matrix, <c>Σ_t d_t (n_t − d_t)/(n_t − 1) · (n_{g,t}/n_t)(1 − n_{g,t}/n_t)</c>.</param>
public readonly record struct LogRankGroup(int Group, long Count, long Observed, double Expected, double Variance);
