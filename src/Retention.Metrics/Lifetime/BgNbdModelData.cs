namespace Retention.Metrics;

/// <summary>The serializable form of a <see cref="BgNbdModel"/>: its parameters and fit diagnostics, so a fitted model can be saved and restored.</summary>
/// <remarks>Get one with <see cref="BgNbdModel.ToData"/>; <see cref="BgNbdModel.FromData"/> restores an equal model.</remarks>
/// <param name="R">The shape <c>r</c> of the purchase-rate distribution.</param>
/// <param name="Alpha">The scale <c>α</c> of the purchase-rate distribution.</param>
/// <param name="A">The first dropout shape <c>a</c>.</param>
/// <param name="B">The second dropout shape <c>b</c>.</param>
/// <param name="LogLikelihood">The maximised log-likelihood; <see langword="null"/> for a model made from given parameters.</param>
/// <param name="Iterations">The optimizer iterations of the fit.</param>
/// <param name="Converged">Whether the fit converged.</param>
/// <param name="StandardErrors">The standard errors of the parameters, when available.</param>
/// <param name="Customers">The total weight of the data the model was fitted on.</param>
public sealed record BgNbdModelData(
    double R,
    double Alpha,
    double A,
    double B,
    double? LogLikelihood,
    int Iterations,
    bool Converged,
    BgNbdParameters? StandardErrors,
    double Customers);
