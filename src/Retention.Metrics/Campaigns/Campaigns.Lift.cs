namespace Retention.Metrics;

public static partial class Campaigns
{
    /// <summary>Computes the uplift and relative lift of a treated group over its holdout, with confidence intervals.</summary>
    /// <param name="treated">The mailed (treated) group.</param>
    /// <param name="control">The holdout (control, 非送付群) group.</param>
    /// <param name="outcome">Which count to compare: responders (default) or orders.</param>
    /// <param name="confidenceLevel">The two-sided confidence level in (0, 1); 0.95 by default.</param>
    /// <returns>The lift. There is no empty-input value: each group needs at least one customer.</returns>
    /// <exception cref="ArgumentException">A group has <c>Mailed = 0</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not in (0, 1), or
    /// <paramref name="outcome"/> is not a defined value.</exception>
    /// <remarks>
    /// <c>uplift = p_t − p_c</c> with Newcombe's hybrid score interval; <c>relative lift = p_t / p_c − 1</c> with the Katz log
    /// interval; <c>incremental responders = uplift × n_t</c>; <c>incremental revenue = (R_t/n_t − R_c/n_c) × n_t</c>. Swapping the
    /// groups negates the uplift. Lifts are not combined: combine the groups with <see cref="CampaignGroup.Combine"/> first.
    /// </remarks>
    public static LiftResult Lift(CampaignGroup treated, CampaignGroup control, CampaignOutcome outcome = CampaignOutcome.Response,
        double confidenceLevel = 0.95)
    {
        double z = GroupRates(treated, control, outcome, confidenceLevel, out Rate t, out Rate c);
        Interval absolute = DifferenceInterval(t, c, z);
        double? relative = c.Numerator == 0 ? null : t.Value / c.Value - 1d;
        Interval? relativeInterval = null;
        if (t.Numerator > 0 && c.Numerator > 0)
        {
            double logRatio = Math.Log(t.Value / c.Value);
            double se = Math.Sqrt(Math.Max(0d, 1d / t.Numerator - 1d / t.Denominator + 1d / c.Numerator - 1d / c.Denominator));
            relativeInterval = new Interval(Math.Exp(logRatio - z * se) - 1d, Math.Exp(logRatio + z * se) - 1d);
        }
        double incremental = (t.Value - c.Value) * treated.Mailed;
        decimal incrementalRevenue = (treated.Revenue / treated.Mailed - control.Revenue / control.Mailed) * treated.Mailed;
        return new LiftResult(t, c, absolute, relative, relativeInterval, incremental, incrementalRevenue, confidenceLevel);
    }
}
