namespace Retention.Metrics;

/// <summary>The outcome of a two-group significance test: statistic, two-sided p-value, and the effect with its interval.</summary>
/// <param name="Statistic">The test statistic: z, χ², t, or for Fisher's test the probability of the observed table.</param>
/// <param name="PValue">The two-sided p-value in [0, 1].</param>
/// <param name="Estimate">The effect the interval is about: the rate difference (z, χ²), the conditional maximum-likelihood
/// odds ratio (Fisher), or the difference of means (Welch).</param>
/// <param name="Interval">The confidence interval of <paramref name="Estimate"/>; an odds-ratio bound may be 0 or +∞.</param>
/// <param name="DegreesOfFreedom">The degrees of freedom (1 for χ², Welch–Satterthwaite for t); null for z and Fisher.</param>
/// <param name="ConfidenceLevel">The confidence level of <paramref name="Interval"/>, for example 0.95.</param>
/// <remarks>Test results are not combined: combine the inputs and test again.</remarks>
public readonly record struct TestResult(double Statistic, double PValue, double Estimate, Interval Interval, double? DegreesOfFreedom,
    double ConfidenceLevel);
