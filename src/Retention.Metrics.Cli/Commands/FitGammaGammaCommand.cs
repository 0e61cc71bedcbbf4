using Retention.Metrics.Cli.Output;

namespace Retention.Metrics.Cli.Commands;

/// <summary><c>fit gamma-gamma</c>: fits the Gamma-Gamma spend model by maximum likelihood.</summary>
internal sealed class FitGammaGammaCommand : Command
{
    public override string Name => "fit gamma-gamma";

    public override string Summary => "Fit the Gamma-Gamma spend model (p, q, γ) from orders or a summary file.";

    protected override string Synopsis => """
        fit gamma-gamma [--orders <file>] [--as-of <calibration end>] [options]
        fit gamma-gamma --summary <file> [--frequency x] [--monetary m] [options]
        """;

    protected override string OptionsHelp => LifetimeInputs.FitHelp;

    protected override string Example => "retention fit gamma-gamma --summary customers.csv --frequency frequency --monetary monetary_value";

    protected override string[] ValueOptions => LifetimeInputs.FitOptions;

    public override IReadOnlyList<Table> Execute(CommandArgs args, CommandContext context)
    {
        GammaGammaFitOptions options = LifetimeInputs.GammaGammaOptions(args);
        LifetimeData data = LifetimeInputs.Load(args, context, needMonetary: true);
        bool[] usable = LifetimeInputs.UsableForSpend(data, context, Name);
        GammaGammaModel model = GammaGammaModel.Fit(LifetimeInputs.Select(data.Values, usable), options);
        LifetimeInputs.WarnIfNotConverged(context, Name, model.Converged, model.Iterations);
        if (model.HasCorrelationWarning)
            context.Error.WriteLine($"retention {Name}: frequency and mean value are correlated ({model.FrequencyValueCorrelation:F3}); the model assumes they are independent.");
        return Tables(model);
    }

    internal static Table[] Tables(GammaGammaModel model)
    {
        GammaGammaParameters? se = model.StandardErrors;
        var parameters = new Table("parameters", "parameter", "value", "standardError");
        parameters.Add("p", model.P, Cell.From(se?.P));
        parameters.Add("q", model.Q, Cell.From(se?.Q));
        parameters.Add("gamma", model.Gamma, Cell.From(se?.Gamma));
        var fit = new Table("fit", "customers", "logLikelihood", "iterations", "converged", "populationMeanValue", "frequencyValueCorrelation", "correlationWarning");
        fit.Add(model.Customers, Cell.From(model.LogLikelihood), model.Iterations, model.Converged, model.PopulationMeanValue,
            model.FrequencyValueCorrelation, model.HasCorrelationWarning);
        return [parameters, fit];
    }
}
