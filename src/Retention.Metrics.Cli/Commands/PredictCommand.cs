using Retention.Metrics.Cli.Output;

namespace Retention.Metrics.Cli.Commands;

/// <summary><c>predict</c>: per-customer BG/NBD predictions: probability alive and expected purchases over a horizon.</summary>
internal sealed class PredictCommand : Command
{
    public override string Name => "predict";

    public override string Summary => "BG/NBD per customer: probability alive and expected purchases over a horizon.";

    protected override string Synopsis => """
        predict [--orders <file>] [--as-of <calibration end>] [--horizon 52] [--unit week] [options]
        predict --summary <file> [--horizon 52] [--params r,alpha,a,b] [options]
        """;

    protected override string OptionsHelp => LifetimeInputs.Help + "\n" + """
          --horizon <t>          Prediction horizon in units (default 52).
          --params <r,α,a,b>     Use these parameters instead of fitting.
        """;

    protected override string Example => "retention predict --as-of 1997-09-30 --horizon 39 --unit week --format csv";

    protected override string[] ValueOptions => [.. LifetimeInputs.Options, "--horizon", "--params"];

    public override IReadOnlyList<Table> Execute(CommandArgs args, CommandContext context)
    {
        double horizon = args.GetDouble("--horizon", 52d, 0d);
        string? parameters = args.Get("--params");
        double[]? p = null;
        if (parameters is not null)
        {
            string[] parts = parameters.Split(',');
            p = new double[parts.Length];
            for (int i = 0; i < parts.Length; i++)
                if (!double.TryParse(parts[i], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out p[i]) || !(p[i] > 0))
                    throw new UsageException($"--params '{parameters}': item {i + 1} is not a positive number");
            if (p.Length != 4) throw new UsageException($"--params '{parameters}' needs four numbers: r,alpha,a,b");
        }
        LifetimeData data = LifetimeInputs.Load(args, context, needMonetary: false);
        BgNbdModel model;
        if (p is not null)
        {
            model = BgNbdModel.FromParameters(p[0], p[1], p[2], p[3]);
        }
        else
        {
            model = BgNbdModel.Fit(data.Purchases);
            LifetimeInputs.WarnIfNotConverged(context, Name, model.Converged, model.Iterations);
        }
        var alive = new double[data.Purchases.Length];
        var expected = new double[data.Purchases.Length];
        model.ProbabilityAlive(data.Purchases, alive);
        model.ConditionalExpectedPurchases(horizon, data.Purchases, expected);
        return [Table.Streamed("customers", ["customer", "frequency", "recency", "age", "probabilityAlive", "expectedPurchases"], Rows(data, alive, expected))];
    }

    /// <summary>One row per customer, formatted as it is written; the row array is reused.</summary>
    private static IEnumerable<Cell[]> Rows(LifetimeData data, double[] alive, double[] expected)
    {
        var row = new Cell[6];
        for (int i = 0; i < data.Keys.Length; i++)
        {
            BgNbdObservation o = data.Purchases[i];
            row[0] = data.Keys[i];
            row[1] = o.Frequency;
            row[2] = o.Recency;
            row[3] = o.Age;
            row[4] = alive[i];
            row[5] = expected[i];
            yield return row;
        }
    }
}
