namespace Retention.Metrics;

/// <summary>The serializable form of a <see cref="GammaGammaModel"/>: its parameters and fit diagnostics, so a fitted model can be saved and restored.</summary>
/// <remarks>Get one with <see cref="GammaGammaModel.ToData"/>; <see cref="GammaGammaModel.FromData"/> restores an equal model.</remarks>
/// <param name="P">The transaction-value shape <c>p</c>.</param>
/// <param name="Q">The shape <c>q</c> of ν.</param>
/// <param name="Gamma">The scale <c>γ</c> of ν.</param>
/// <param name="LogLikelihood">The maximised log-likelihood; <see langword="null"/> for a model made from given parameters.</param>
/// <param name="Iterations">The optimizer iterations of the fit.</param>
/// <param name="Converged">Whether the fit converged.</param>
/// <param name="StandardErrors">The standard errors of the parameters, when available.</param>
/// <param name="Customers">The total weight of the rows the model was fitted on.</param>
/// <param name="FrequencyValueCorrelation">The weighted correlation between frequency and mean value among the fitted rows.</param>
public sealed record GammaGammaModelData(
    double P,
    double Q,
    double Gamma,
    double? LogLikelihood,
    int Iterations,
    bool Converged,
    GammaGammaParameters? StandardErrors,
    double Customers,
    double FrequencyValueCorrelation);
