namespace Retention.Metrics;

/// <summary>The serializable form of a <see cref="ShiftedBetaGeometricModel"/>: its parameters and fit diagnostics, so a fitted model can be saved and restored.</summary>
/// <remarks>Get one with <see cref="ShiftedBetaGeometricModel.ToData"/>; <see cref="ShiftedBetaGeometricModel.FromData"/> restores an equal model.
/// NaN values (the log-likelihood and standard errors of a model made from given parameters) are written as the string <c>"NaN"</c>.</remarks>
/// <param name="Alpha">α, the first shape of the churn-probability distribution.</param>
/// <param name="Beta">β, the second shape of the churn-probability distribution.</param>
/// <param name="LogLikelihood">The maximised log-likelihood; NaN for a model made from given parameters.</param>
/// <param name="Iterations">The optimiser's iterations.</param>
/// <param name="Converged">Whether the optimiser met its convergence test.</param>
/// <param name="AlphaStandardError">The standard error of α; NaN when not available.</param>
/// <param name="BetaStandardError">The standard error of β; NaN when not available.</param>
public sealed record ShiftedBetaGeometricModelData(
    double Alpha,
    double Beta,
    double LogLikelihood,
    int Iterations,
    bool Converged,
    double AlphaStandardError,
    double BetaStandardError);
