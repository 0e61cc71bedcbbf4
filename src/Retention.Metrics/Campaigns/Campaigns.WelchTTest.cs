using System.Globalization;
using Retention.Metrics.Numerics;

namespace Retention.Metrics;

public static partial class Campaigns
{
    /// <summary>Tests whether two groups' mean spend per customer differs with Welch's unequal-variance t-test (two-sided).</summary>
    /// <param name="treated">Spend per customer in the treated group (include zeros for customers who did not buy).</param>
    /// <param name="control">Spend per customer in the control group.</param>
    /// <param name="confidenceLevel">The confidence level of the interval in (0, 1); 0.95 by default.</param>
    /// <returns>t, its two-sided p-value, the difference of means, its interval and the Welch–Satterthwaite degrees of freedom.
    /// There is no empty-input value: each group needs at least two customers. When both variances are 0, t is 0 (equal means,
    /// p = 1) or ±∞ (p = 0), the interval is the difference itself and df is <c>n_t + n_c − 2</c>.</returns>
    /// <exception cref="ArgumentException">A group has fewer than two customers.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not in (0, 1).</exception>
    /// <remarks>
    /// <c>t = (m_t − m_c) / √(s_t²/n_t + s_c²/n_c)</c>,
    /// <c>df = (s_t²/n_t + s_c²/n_c)² / ((s_t²/n_t)²/(n_t − 1) + (s_c²/n_c)²/(n_c − 1))</c>, <c>p = 2·P(T_df &gt; |t|)</c>,
    /// interval <c>(m_t − m_c) ± t_{df, 1 − α/2}·SE</c>, with the unbiased variances s². Swapping the groups negates t and keeps p.
    /// Combine partial <see cref="SpendStatistics"/> with <see cref="SpendStatistics.Combine"/> before testing.
    /// </remarks>
    public static TestResult WelchTTest(SpendStatistics treated, SpendStatistics control, double confidenceLevel = 0.95)
    {
        RequireTwo(treated, nameof(treated));
        RequireTwo(control, nameof(control));
        ValidateConfidence(confidenceLevel, nameof(confidenceLevel));
        double v1 = treated.Variance / treated.Count, v2 = control.Variance / control.Count;
        double se2 = v1 + v2;
        double difference = treated.Mean - control.Mean;
        if (!(se2 > 0d))
        {
            double df0 = treated.Count + control.Count - 2d;
            double t0 = difference == 0d ? 0d : difference > 0d ? double.PositiveInfinity : double.NegativeInfinity;
            return new TestResult(t0, difference == 0d ? 1d : 0d, difference, new Interval(difference, difference), df0, confidenceLevel);
        }
        double se = Math.Sqrt(se2);
        double t = difference / se;
        double df = se2 * se2 / (v1 * v1 / (treated.Count - 1) + v2 * v2 / (control.Count - 1));
        double p = StudentTDistribution.TwoSidedPValue(t, df);
        double critical = StudentTDistribution.Quantile(1d - 0.5d * (1d - confidenceLevel), df);
        return new TestResult(t, p, difference, new Interval(difference - critical * se, difference + critical * se), df, confidenceLevel);
    }

    private static void RequireTwo(SpendStatistics sample, string paramName)
    {
        if (sample.Count < 2)
            ThrowHelper.ThrowArgument(paramName, string.Create(CultureInfo.InvariantCulture,
                $"{paramName}.Count is {sample.Count}; Welch's test needs at least two customers in each group."));
    }
}
