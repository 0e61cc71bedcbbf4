namespace Retention.Metrics;

/// <summary>One row of a Kaplan–Meier table: a distinct observed time with its risk set, events, censorings and the estimate just after it.</summary>
/// <param name="Time">The distinct observed time (an event or a censoring time).</param>
/// <param name="AtRisk">Subjects at risk at <paramref name="Time"/>: those whose time is at or after it (censored at this time included).</param>
/// <param name="Events">Events at <paramref name="Time"/>.</param>
/// <param name="Censored">Censored observations at <paramref name="Time"/>.</param>
/// <param name="Survival">The estimate <c>S(t) = Π (1 − dᵢ/nᵢ)</c> over event times up to and including <paramref name="Time"/>.</param>
/// <param name="StandardError">Greenwood's standard error of <paramref name="Survival"/>, <c>S·√Σ dᵢ/(nᵢ(nᵢ − dᵢ))</c>; NaN when S is 0.</param>
/// <param name="Lower">The lower end of the pointwise confidence interval; NaN where undefined (S = 0, or S = 1 with log-log).</param>
/// <param name="Upper">The upper end of the pointwise confidence interval; NaN where undefined.</param>
public readonly record struct KaplanMeierRow(
    double Time, long AtRisk, long Events, long Censored, double Survival, double StandardError, double Lower, double Upper);
