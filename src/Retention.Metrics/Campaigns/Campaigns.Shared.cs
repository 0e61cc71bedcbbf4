using System.Globalization;
using Retention.Metrics.Numerics;

namespace Retention.Metrics;

public static partial class Campaigns
{
    /// <summary>Checks a confidence level in (0, 1) and returns the two-sided normal quantile <c>z_{1 − (1 − level)/2}</c>.</summary>
    internal static double ConfidenceZ(double confidenceLevel, string paramName)
    {
        ValidateConfidence(confidenceLevel, paramName);
        return NormalDistribution.SurvivalQuantile(0.5d * (1d - confidenceLevel));
    }

    internal static void ValidateConfidence(double confidenceLevel, string paramName)
    {
        if (!(confidenceLevel > 0d && confidenceLevel < 1d))
            ThrowHelper.ThrowOutOfRange(paramName, confidenceLevel, "it must be between 0 and 1 (exclusive), for example 0.95.");
    }

    internal static void ValidateOutcome(CampaignOutcome outcome, string paramName)
    {
        if (outcome is not (CampaignOutcome.Response or CampaignOutcome.Order))
            ThrowHelper.ThrowOutOfRange(paramName, outcome, "it must be Response or Order.");
    }

    /// <summary>Validates both groups, the outcome and the confidence level; returns the interval's z and each group's success rate.</summary>
    internal static double GroupRates(CampaignGroup treated, CampaignGroup control, CampaignOutcome outcome, double confidenceLevel,
        out Rate t, out Rate c)
    {
        RequireMailed(treated, nameof(treated));
        RequireMailed(control, nameof(control));
        ValidateOutcome(outcome, nameof(outcome));
        double z = ConfidenceZ(confidenceLevel, nameof(confidenceLevel));
        t = new Rate(treated.Successes(outcome), treated.Mailed);
        c = new Rate(control.Successes(outcome), control.Mailed);
        return z;
    }

    /// <summary>Rejects a group with nobody in it: a rate comparison needs at least one customer per group.</summary>
    internal static void RequireMailed(CampaignGroup group, string paramName)
    {
        if (group.Mailed == 0)
            ThrowHelper.ThrowArgument(paramName, string.Create(CultureInfo.InvariantCulture,
                $"{paramName}.Mailed is 0; a comparison needs at least one customer in each group."));
    }

    /// <summary>Newcombe's hybrid score interval (method 10) for p₁ − p₂ from the two Wilson intervals.</summary>
    /// <remarks>Newcombe (1998), Statistics in Medicine 17:873–890: <c>L = d − √((p₁ − l₁)² + (u₂ − p₂)²)</c>,
    /// <c>U = d + √((u₁ − p₁)² + (p₂ − l₂)²)</c>. Defined for 0 and for all successes, unlike the Wald interval.</remarks>
    internal static Interval DifferenceInterval(Rate first, Rate second, double z)
    {
        double p1 = first.Value, p2 = second.Value, d = p1 - p2;
        Interval w1 = first.Wilson(z), w2 = second.Wilson(z);
        double lower = d - Math.Sqrt((p1 - w1.Lower) * (p1 - w1.Lower) + (w2.Upper - p2) * (w2.Upper - p2));
        double upper = d + Math.Sqrt((w1.Upper - p1) * (w1.Upper - p1) + (p2 - w2.Lower) * (p2 - w2.Lower));
        return new Interval(Math.Max(-1d, lower), Math.Min(1d, upper));
    }
}
