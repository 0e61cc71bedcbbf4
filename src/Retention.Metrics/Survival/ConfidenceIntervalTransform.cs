namespace Retention.Metrics;

/// <summary>The scale on which a pointwise confidence interval of a survival curve is symmetric.</summary>
/// <remarks>With <c>σ = √Σ dᵢ/(nᵢ(nᵢ − dᵢ))</c> (the standard error of ln S) and the normal quantile <c>z</c>:
/// <see cref="Log"/> <c>exp(ln S ± zσ)</c> with the upper end capped at 1; <see cref="LogLog"/> <c>S^exp(±zσ/ln S)</c>;
/// <see cref="Plain"/> <c>S ± zσS</c> clipped to [0, 1]. <see cref="Log"/> is the default, as in R <c>survival::survfit</c>.</remarks>
public enum ConfidenceIntervalTransform
{
    /// <summary>Symmetric on the log scale, <c>exp(ln S ± zσ)</c>, upper end capped at 1 (R <c>conf.type = "log"</c>, the default).</summary>
    Log = 0,

    /// <summary>Symmetric on the log(−log) scale, <c>S^exp(±zσ/ln S)</c> (R <c>"log-log"</c>); undefined (NaN) where S is 0 or 1.</summary>
    LogLog = 1,

    /// <summary>Symmetric on the survival scale, <c>S ± z·se(S)</c> clipped to [0, 1] (R <c>"plain"</c>).</summary>
    Plain = 2,
}
