using Retention.Metrics.Cli.Output;

namespace Retention.Metrics.Cli.Commands;

/// <summary><c>clv</c>: per-customer lifetime value from BG/NBD and Gamma-Gamma, discounted monthly.</summary>
internal sealed class ClvCommand : Command
{
    public override string Name => "clv";

    public override string Summary => "Customer lifetime value per customer from BG/NBD × Gamma-Gamma over N months.";

    protected override string Synopsis => """
        clv [--orders <file>] [--as-of <calibration end>] [--horizon 12] [--discount 0.01] [options]
        clv --summary <file> [--horizon 12] [--discount 0.01] [options]
        """;

    protected override string OptionsHelp => LifetimeInputs.Help + "\n" + """
          --horizon <months>     Months of future value (default 12).
          --discount <d>         Monthly discount rate (default 0.01).
        """;

    protected override string Example => "retention clv --as-of 1997-09-30 --horizon 12 --discount 0.01 --format csv";

    protected override string[] ValueOptions => [.. LifetimeInputs.Options, "--horizon", "--discount"];

    public override IReadOnlyList<Table> Execute(CommandArgs args, CommandContext context)
    {
        int months = args.GetInt("--horizon", 12, min: 1, max: 1200);
        double discount = args.GetDouble("--discount", 0.01, 0d, 1d);
        LifetimeData data = LifetimeInputs.Load(args, context, needMonetary: true);
        ClvHorizon horizon = data.UnitName switch
        {
            "day" => ClvHorizon.LifetimesMonthsInDays(months, discount),
            "month" => new ClvHorizon(months, 1d, discount),
            _ => ClvHorizon.LifetimesMonthsInWeeks(months, discount),
        };
        BgNbdModel purchases = BgNbdModel.Fit(data.Purchases);
        LifetimeInputs.WarnIfNotConverged(context, Name + " (BG/NBD)", purchases.Converged, purchases.Iterations);
        bool[] usable = LifetimeInputs.UsableForSpend(data, context, Name);
        GammaGammaObservation[] spend = LifetimeInputs.Select(data.Values, usable);
        BgNbdObservation[] customers = LifetimeInputs.Select(data.Purchases, usable);
        GammaGammaModel values = GammaGammaModel.Fit(spend);
        LifetimeInputs.WarnIfNotConverged(context, Name + " (Gamma-Gamma)", values.Converged, values.Iterations);
        int n = spend.Length;
        var means = new double[n];
        var expectedValue = new double[n];
        var clv = new double[n];
        for (int i = 0; i < n; i++) means[i] = spend[i].MeanValue;
        values.ConditionalExpectedAverageValue(spend, expectedValue);
        values.CustomerLifetimeValue(purchases, customers, means, horizon, clv);
        return [Table.Streamed("customers", ["customer", "frequency", "recency", "age", "meanValue", "expectedAverageValue", "clv"],
            Rows(data, usable, means, expectedValue, clv))];
    }

    /// <summary>One row per customer, formatted as it is written; customers left out of Gamma-Gamma get empty value cells.</summary>
    private static IEnumerable<Cell[]> Rows(LifetimeData data, bool[] usable, double[] means, double[] expectedValue, double[] clv)
    {
        var row = new Cell[7];
        for (int i = 0, j = 0; i < data.Keys.Length; i++)
        {
            BgNbdObservation o = data.Purchases[i];
            row[0] = data.Keys[i];
            row[1] = o.Frequency;
            row[2] = o.Recency;
            row[3] = o.Age;
            if (usable[i])
            {
                row[4] = means[j];
                row[5] = expectedValue[j];
                row[6] = clv[j];
                j++;
            }
            else
            {
                row[4] = data.Values[i].MeanValue;
                row[5] = Cell.Empty;
                row[6] = Cell.Empty;
            }
            yield return row;
        }
    }
}
