using Retention.Metrics.Numerics;

namespace Retention.Metrics;

public static partial class Campaigns
{
    /// <summary>Tests whether two groups' rates differ with the pooled two-proportion z-test (two-sided).</summary>
    /// <param name="treated">The mailed (treated) group.</param>
    /// <param name="control">The holdout (control) group.</param>
    /// <param name="outcome">Which count to compare: responders (default) or orders.</param>
    /// <param name="confidenceLevel">The confidence level of the interval in (0, 1); 0.95 by default.</param>
    /// <returns>z, its two-sided p-value, the rate difference and its Newcombe hybrid score interval. There is no empty-input
    /// value: each group needs at least one customer. When the pooled rate is 0 or 1 (no one or everyone responded) the groups
    /// cannot differ: z = 0 and p = 1.</returns>
    /// <exception cref="ArgumentException">A group has <c>Mailed = 0</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not in (0, 1), or
    /// <paramref name="outcome"/> is not a defined value.</exception>
    /// <remarks>
    /// <c>z = (p_t − p_c) / √(p̄(1 − p̄)(1/n_t + 1/n_c))</c> with the pooled <c>p̄ = (x_t + x_c)/(n_t + n_c)</c>;
    /// <c>p = 2(1 − Φ(|z|))</c>. <c>z²</c> equals Pearson's χ² without continuity correction. Swapping the groups negates z and
    /// keeps p. Results are not combined: combine the groups and test again.
    /// </remarks>
    public static TestResult TwoProportionZTest(CampaignGroup treated, CampaignGroup control,
        CampaignOutcome outcome = CampaignOutcome.Response, double confidenceLevel = 0.95)
    {
        double zCritical = GroupRates(treated, control, outcome, confidenceLevel, out Rate t, out Rate c);
        double z = PooledZ(t, c);
        double p = Math.Min(1d, 2d * NormalDistribution.Survival(Math.Abs(z)));
        return new TestResult(z, p, t.Value - c.Value, DifferenceInterval(t, c, zCritical), null, confidenceLevel);
    }

    internal static double PooledZ(Rate t, Rate c)
    {
        double n1 = t.Denominator, n2 = c.Denominator;
        double pooled = (double)(t.Numerator + c.Numerator) / (n1 + n2);
        double variance = pooled * (1d - pooled) * (1d / n1 + 1d / n2);
        if (!(variance > 0d)) return 0d;
        // (x₁n₂ − x₂n₁)/(n₁n₂) keeps the difference exact for counts below 2^53.
        double difference = ((double)t.Numerator * n2 - (double)c.Numerator * n1) / (n1 * n2);
        return difference / Math.Sqrt(variance);
    }
}
