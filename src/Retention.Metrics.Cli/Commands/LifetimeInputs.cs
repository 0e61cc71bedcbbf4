using Retention.Metrics.Cli.Csv;

namespace Retention.Metrics.Cli.Commands;

/// <summary>BG/NBD and Gamma-Gamma inputs: one row per customer with x, t_x, T and mean repeat value.</summary>
internal sealed record LifetimeData(string[] Keys, BgNbdObservation[] Purchases, GammaGammaObservation[] Values, TimeUnit Unit, string UnitName);

/// <summary>Reads model inputs from orders (summaries at --as-of) or from a summary file with column mapping.</summary>
internal static class LifetimeInputs
{
    /// <summary>Options of the model commands.</summary>
    internal static readonly string[] Options = ["--summary", "--id", "--frequency", "--recency", "--age", "--monetary", "--unit"];

    /// <summary>Help for <see cref="Options"/>.</summary>
    /// <summary>The options of the two fit commands: the inputs' and the optimizer's.</summary>
    internal static readonly string[] FitOptions = [.. Options, "--max-iterations", "--penalty"];

    /// <summary>The help of the two fit commands: the inputs' and the optimizer's options.</summary>
    internal static string FitHelp => Help + "\n" + """
          --max-iterations <n>   Optimizer iteration limit.
          --penalty <λ>          L2 penalty on the log-parameters (default 0).
        """;

    internal const string Help = """
          --unit <u>             Time unit of recency and age from orders: week (default), day or month.
          --summary <file>       Read a customer summary file instead of orders (one row per customer), with:
          --id <col>             Customer column (default: customer; without one, the row number).
          --frequency <col>      Repeat purchases x (default: frequency).
          --recency <col>        Time from first to last purchase t_x (default: recency).
          --age <col>            Time from first purchase to the calibration end T (default: T).
          --monetary <col>       Mean repeat purchase value (default: monetary_value).
        """;

    /// <summary>Reads the inputs: --summary, else orders summarised at --as-of (the calibration end).</summary>
    public static LifetimeData Load(CommandArgs args, CommandContext context, bool needMonetary)
    {
        (TimeUnit unit, string unitName) = args.GetChoice("--unit", (TimeUnit.OfDays(7), "week"), ("week", (TimeUnit.OfDays(7), "week")),
            ("day", (TimeUnit.OfDays(1), "day")), ("month", (TimeUnit.CalendarPeriods(PeriodUnit.Month), "month")));
        if (args.Get("--summary") is { } path)
        {
            if (args.IsSet("--orders")) throw new UsageException("give either --orders or --summary");
            return LoadSummary(path, args, context, needMonetary, unit, unitName);
        }
        OrdersData orders = Inputs.LoadOrders(args, context);
        CustomerSummary[] summaries = Summaries.Compute(orders.History, orders.AsOf(args));
        var keys = new string[summaries.Length];
        var purchases = new BgNbdObservation[summaries.Length];
        var values = new GammaGammaObservation[summaries.Length];
        BgNbdObservation.FromSummaries(summaries, unit, purchases);
        GammaGammaObservation.FromSummaries(summaries, values);
        for (int i = 0; i < summaries.Length; i++) keys[i] = orders.Key(summaries[i].Customer);
        return new LifetimeData(keys, purchases, values, unit, unitName);
    }

    private static LifetimeData LoadSummary(string path, CommandArgs args, CommandContext context, bool needMonetary, TimeUnit unit, string unitName)
    {
        CsvFormat format = Inputs.Layout(args);
        var keys = new List<string>();
        var purchases = new List<BgNbdObservation>();
        var values = new List<GammaGammaObservation>();
        using (DelimitedFile file = DelimitedFile.Open(path, format))
        {
            string idColumn = args.Get("--id") ?? "customer";
            int id = args.IsSet("--id") || file.HasColumn(idColumn) ? file.Column(idColumn, "--id") : -1;
            int frequency = file.Column(args.Get("--frequency") ?? "frequency", "--frequency");
            int recency = file.Column(args.Get("--recency") ?? "recency", "--recency");
            int age = file.Column(args.Get("--age") ?? "T", "--age");
            string monetaryColumn = args.Get("--monetary") ?? "monetary_value";
            int monetary = needMonetary || args.IsSet("--monetary") ? file.Column(monetaryColumn, "--monetary") : -1;
            while (file.Next())
            {
                string key = (keys.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (id >= 0 && !file.TryText(id, "customer", out key)) continue;
                if (!file.TryDouble(frequency, "frequency", out double x)) continue;
                if (!file.TryDouble(recency, "recency", out double tx)) continue;
                if (!file.TryDouble(age, "age", out double t)) continue;
                double m = 0d;
                if (monetary >= 0 && !file.TryDouble(monetary, "monetary", out m)) continue;
                if (tx > t)
                {
                    file.Invalid(file.Message(recency, "recency", $"{tx} is greater than the age T = {t}."));
                    continue;
                }
                keys.Add(key);
                purchases.Add(new BgNbdObservation(x, tx, t));
                values.Add(new GammaGammaObservation(x, m));
            }
            file.ReportSkipped(context.Error);
        }
        return new LifetimeData([.. keys], [.. purchases], [.. values], unit, unitName);
    }

    /// <summary>
    /// Marks the rows the Gamma-Gamma model can use: a customer with repeat purchases needs a positive mean repeat value (free
    /// repeat orders give 0), so such rows are left out of the fit, with a note on stderr.
    /// </summary>
    public static bool[] UsableForSpend(LifetimeData data, CommandContext context, string command)
    {
        var usable = new bool[data.Values.Length];
        int excluded = 0;
        for (int i = 0; i < usable.Length; i++)
        {
            GammaGammaObservation o = data.Values[i];
            usable[i] = !(o.Frequency > 0 && !(o.MeanValue > 0));
            if (!usable[i]) excluded++;
        }
        if (excluded > 0)
            context.Error.WriteLine($"retention {command}: left {excluded} customers with repeat purchases of zero mean value out of the Gamma-Gamma model.");
        return usable;
    }

    /// <summary>The rows of <paramref name="values"/> where <paramref name="usable"/> is set.</summary>
    public static T[] Select<T>(T[] values, bool[] usable)
    {
        var result = new List<T>(values.Length);
        for (int i = 0; i < values.Length; i++)
            if (usable[i]) result.Add(values[i]);
        return [.. result];
    }

    /// <summary>The BG/NBD fit options from --max-iterations and --penalty.</summary>
    public static BgNbdFitOptions BgNbdOptions(CommandArgs args)
    {
        var d = new BgNbdFitOptions();
        return new BgNbdFitOptions { MaxIterations = args.GetInt("--max-iterations", d.MaxIterations, min: 1), L2Penalty = args.GetDouble("--penalty", d.L2Penalty, 0d) };
    }

    /// <summary>The Gamma-Gamma fit options from --max-iterations and --penalty.</summary>
    public static GammaGammaFitOptions GammaGammaOptions(CommandArgs args)
    {
        var d = new GammaGammaFitOptions();
        return new GammaGammaFitOptions { MaxIterations = args.GetInt("--max-iterations", d.MaxIterations, min: 1), L2Penalty = args.GetDouble("--penalty", d.L2Penalty, 0d) };
    }

    /// <summary>Warns on stderr when a fit did not converge.</summary>
    public static void WarnIfNotConverged(CommandContext context, string command, bool converged, int iterations)
    {
        if (!converged) context.Error.WriteLine($"retention {command}: the fit did not converge after {iterations} iterations; the parameters are the last iterate.");
    }
}
