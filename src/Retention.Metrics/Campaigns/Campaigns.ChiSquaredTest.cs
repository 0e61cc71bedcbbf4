using Retention.Metrics.Numerics;

namespace Retention.Metrics;

public static partial class Campaigns
{
    /// <summary>Tests whether two groups' rates differ with Pearson's χ² test on the 2×2 table (df 1), optionally with Yates's correction.</summary>
    /// <param name="treated">The mailed (treated) group.</param>
    /// <param name="control">The holdout (control) group.</param>
    /// <param name="yatesCorrection">Whether to apply Yates's continuity correction (R's <c>chisq.test</c> default for 2×2 tables);
    /// false by default.</param>
    /// <param name="outcome">Which count to compare: responders (default) or orders.</param>
    /// <param name="confidenceLevel">The confidence level of the interval in (0, 1); 0.95 by default.</param>
    /// <returns>χ², its upper-tail p-value (df 1), the rate difference and its Newcombe hybrid score interval. There is no
    /// empty-input value: each group needs at least one customer. When a column of the table is empty (nobody or everybody
    /// responded) χ² = 0 and p = 1.</returns>
    /// <exception cref="ArgumentException">A group has <c>Mailed = 0</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not in (0, 1), or
    /// <paramref name="outcome"/> is not a defined value.</exception>
    /// <remarks>
    /// Table rows are the groups, columns success / no success: <c>a, b / c, d</c>, <c>N = a + b + c + d</c>.
    /// <c>χ² = N·(|ad − bc| − k)² / ((a + b)(c + d)(a + c)(b + d))</c> with <c>k = 0</c>, or with Yates <c>k = min(N/2, |ad − bc|)</c>
    /// (the correction never flips the sign, as in R). Equivalent to <c>Σ (O − E)²/E</c> with <c>E = row × column / N</c>. Without
    /// correction χ² equals the square of <see cref="TwoProportionZTest"/>'s z. Results are not combined.
    /// </remarks>
    public static TestResult ChiSquaredTest(CampaignGroup treated, CampaignGroup control, bool yatesCorrection = false,
        CampaignOutcome outcome = CampaignOutcome.Response, double confidenceLevel = 0.95)
    {
        double zCritical = GroupRates(treated, control, outcome, confidenceLevel, out Rate t, out Rate c);
        double chi2 = ChiSquared2x2(t, c, yatesCorrection);
        double p = ChiSquaredDistribution.Survival(chi2, 1d);
        return new TestResult(chi2, p, t.Value - c.Value, DifferenceInterval(t, c, zCritical), 1d, confidenceLevel);
    }

    internal static double ChiSquared2x2(Rate t, Rate c, bool yates)
    {
        double a = t.Numerator, b = t.Denominator - t.Numerator, cc = c.Numerator, d = c.Denominator - c.Numerator;
        double n = a + b + cc + d;
        double successes = a + cc, failures = b + d;
        if (successes == 0d || failures == 0d) return 0d;
        double cross = Math.Abs(a * d - b * cc);
        if (yates) cross -= Math.Min(0.5d * n, cross);
        // N(|ad − bc| − k)² / (row₁ row₂ col₁ col₂), as two ratios so large counts cannot overflow.
        return n * (cross / (t.Denominator * (double)c.Denominator)) * (cross / (successes * failures));
    }
}
