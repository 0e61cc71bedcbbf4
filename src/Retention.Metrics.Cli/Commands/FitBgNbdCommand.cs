using Retention.Metrics.Cli.Output;

namespace Retention.Metrics.Cli.Commands;

/// <summary><c>fit bgnbd</c>: fits the BG/NBD purchase model by maximum likelihood.</summary>
internal sealed class FitBgNbdCommand : Command
{
    public override string Name => "fit bgnbd";

    public override string Summary => "Fit the BG/NBD model (r, α, a, b) from orders or a summary file.";

    protected override string Synopsis => """
        fit bgnbd [--orders <file>] [--as-of <calibration end>] [--unit week] [options]
        fit bgnbd --summary <file> [--frequency x] [--recency t_x] [--age T] [options]
        """;

    protected override string OptionsHelp => LifetimeInputs.FitHelp;

    protected override string Example => "retention fit bgnbd --as-of 1997-09-30 --unit week";

    protected override string[] ValueOptions => LifetimeInputs.FitOptions;

    public override IReadOnlyList<Table> Execute(CommandArgs args, CommandContext context)
    {
        BgNbdFitOptions options = LifetimeInputs.BgNbdOptions(args);
        LifetimeData data = LifetimeInputs.Load(args, context, needMonetary: false);
        BgNbdModel model = BgNbdModel.Fit(data.Purchases, options);
        LifetimeInputs.WarnIfNotConverged(context, Name, model.Converged, model.Iterations);
        return Tables(model, data.UnitName);
    }

    internal static Table[] Tables(BgNbdModel model, string unitName)
    {
        BgNbdParameters? se = model.StandardErrors;
        var parameters = new Table("parameters", "parameter", "value", "standardError");
        parameters.Add("r", model.R, Cell.From(se?.R));
        parameters.Add("alpha", model.Alpha, Cell.From(se?.Alpha));
        parameters.Add("a", model.A, Cell.From(se?.A));
        parameters.Add("b", model.B, Cell.From(se?.B));
        var fit = new Table("fit", "customers", "unit", "logLikelihood", "iterations", "converged");
        fit.Add(model.Customers, unitName, Cell.From(model.LogLikelihood), model.Iterations, model.Converged);
        return [parameters, fit];
    }
}
