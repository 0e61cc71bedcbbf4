using System.Globalization;
using Retention.Metrics.Cli.Output;

namespace Retention.Metrics.Cli.Commands;

/// <summary><c>campaign</c>: a treated group against a control group, from counts or from customer lists and orders.</summary>
internal sealed class CampaignCommand : Command
{
    public override string Name => "campaign";

    public override string Summary => "Campaign results: response, ROI, lift and tests, from counts or customer lists.";

    protected override string Synopsis => """
        campaign --treated <mailed,responders,orders,revenue,cost> --control <…> [--margin 0.3] [options]
        campaign [--orders <file>] --treated-customers <file> --control-customers <file> --from <date> [--window <days>] [options]
        """;

    protected override string OptionsHelp => """
          --treated <counts>     The treated group: mailed, responders, orders, revenue, cost (comma-separated).
          --control <counts>     The control group, the same five numbers.
          --margin <m>           Gross margin rate for profit and ROI (default 0.3).
          --outcome <o>          response (default: responders / mailed) or order (orders / mailed) for lift and tests.
          --confidence <p>       Confidence level of the intervals (default 0.95).
          --treated-customers <file>  A file of customer keys (one per line) that received the campaign.
          --control-customers <file>  A file of customer keys held out.
          --from <date>          With customer files: the campaign date; repeat rate counts purchases in [from, --as-of].
          --window <days>        With customer files: compare F2 conversion within this many days instead.
        """;

    protected override string Example => """
        retention campaign --treated 10000,520,610,4350000,300000 --control 10000,410,455,3100000,0 --margin 0.35
        retention campaign --orders orders.csv --treated-customers mailed.txt --control-customers holdout.txt --from 2024-03-01
        """;

    protected override string[] ValueOptions => ["--treated", "--control", "--margin", "--outcome", "--confidence", "--treated-customers",
        "--control-customers", "--from", "--window"];

    public override IReadOnlyList<Table> Execute(CommandArgs args, CommandContext context)
    {
        double confidence = args.GetDouble("--confidence", 0.95, 0.5, 0.9999);
        if (args.IsSet("--treated-customers") || args.IsSet("--control-customers")) return FromCustomers(args, context, confidence);
        CampaignGroup treated = Group(args.Require("--treated", "mailed,responders,orders,revenue,cost"), "--treated");
        CampaignGroup control = Group(args.Require("--control", "mailed,responders,orders,revenue,cost"), "--control");
        decimal margin = args.GetDecimal("--margin", 0.3m);
        CampaignOutcome outcome = args.GetChoice("--outcome", CampaignOutcome.Response, ("response", CampaignOutcome.Response), ("order", CampaignOutcome.Order));
        var groups = new Table("groups", "group", "mailed", "responders", "orders", "revenue", "cost", "responseRate", "conversionRate",
            "grossProfit", "profit", "roi", "costPerResponse", "costPerOrder", "averageOrderValue", "breakEvenOrders");
        AddGroup(groups, "treated", Campaigns.Summarize(treated, margin));
        AddGroup(groups, "control", Campaigns.Summarize(control, margin));
        LiftResult lift = Campaigns.Lift(treated, control, outcome, confidence);
        var liftTable = new Table("lift", "treatedRate", "controlRate", "absoluteLift", "absoluteLower", "absoluteUpper", "relativeLift",
            "relativeLower", "relativeUpper", "incrementalResponders", "incrementalRevenue");
        liftTable.Add(lift.Treated.Value, lift.Control.Value, lift.AbsoluteLift, lift.AbsoluteLiftInterval.Lower, lift.AbsoluteLiftInterval.Upper,
            Cell.From(lift.RelativeLift), Cell.From(lift.RelativeLiftInterval?.Lower), Cell.From(lift.RelativeLiftInterval?.Upper),
            lift.IncrementalResponders, lift.IncrementalRevenue);
        var tests = new Table("tests", "test", "statistic", "pValue", "estimate", "lower", "upper");
        AddTest(tests, "two-proportion z", Campaigns.TwoProportionZTest(treated, control, outcome, confidence));
        AddTest(tests, "chi-squared", Campaigns.ChiSquaredTest(treated, control, false, outcome, confidence));
        AddTest(tests, "fisher exact", Campaigns.FisherExactTest(treated, control, outcome, confidence));
        return [groups, liftTable, tests];
    }

    private static IReadOnlyList<Table> FromCustomers(CommandArgs args, CommandContext context, double confidence)
    {
        string treatedPath = args.Require("--treated-customers", "file");
        string controlPath = args.Require("--control-customers", "file");
        OrdersData orders = Inputs.LoadOrders(args, context);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < orders.Keys.Count; i++) ids[orders.Keys[i]] = i;
        CustomerSet treated = CustomerSet.FromIds(orders.History, ReadKeys(treatedPath, ids));
        CustomerSet control = CustomerSet.FromIds(orders.History, ReadKeys(controlPath, ids));
        DateOnly asOf = orders.AsOf(args);
        RetentionComparison comparison;
        string metric;
        if (args.IsSet("--window"))
        {
            int window = args.GetInt("--window", 90, min: 1);
            comparison = Campaigns.CompareF2Conversion(orders.History, treated, control, asOf, window, confidence);
            metric = string.Create(CultureInfo.InvariantCulture, $"F2 conversion within {window} days");
        }
        else
        {
            DateOnly from = args.GetDate("--from") ?? throw new UsageException("--from <date> (the campaign date) is required with customer files");
            comparison = Campaigns.CompareRepeatRate(orders.History, treated, control, from, asOf, confidenceLevel: confidence);
            metric = string.Create(CultureInfo.InvariantCulture, $"repeat rate {from:yyyy-MM-dd}..{asOf:yyyy-MM-dd}");
        }
        var table = new Table("comparison", "metric", "treatedCustomers", "treatedConverted", "treatedRate", "controlCustomers", "controlConverted",
            "controlRate", "uplift", "relativeLift", "statistic", "pValue", "lower", "upper", "treatedNotInOrders", "controlNotInOrders");
        TestResult t = comparison.Test;
        table.Add(metric, comparison.Treated.Denominator, comparison.Treated.Numerator, comparison.Treated.Value, comparison.Control.Denominator,
            comparison.Control.Numerator, comparison.Control.Value, comparison.Uplift, Cell.From(comparison.RelativeLift), t.Statistic, t.PValue,
            t.Interval.Lower, t.Interval.Upper, treated.NotInHistory, control.NotInHistory);
        return [table];
    }

    /// <summary>Reads customer keys, one per line (blank lines ignored); keys not in the orders get ids past the known ones.</summary>
    private static int[] ReadKeys(string path, Dictionary<string, int> ids)
    {
        var result = new List<int>();
        int unknown = ids.Count;
        foreach (string line in File.ReadLines(path))
        {
            string key = line.Trim().Trim('"');
            if (key.Length == 0) continue;
            if (!ids.TryGetValue(key, out int id))
            {
                id = unknown++;
                ids[key] = id;
            }
            result.Add(id);
        }
        return [.. result];
    }

    private static CampaignGroup Group(string text, string option)
    {
        string[] parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 5) throw new UsageException($"{option} '{text}' needs five numbers: mailed,responders,orders,revenue,cost");
        var counts = new long[3];
        for (int i = 0; i < 3; i++)
            if (!long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out counts[i]))
                throw new UsageException($"{option}: item {i + 1} '{parts[i]}' is not a whole number of zero or more");
        var money = new decimal[2];
        for (int i = 0; i < 2; i++)
            if (!decimal.TryParse(parts[i + 3], NumberStyles.Number, CultureInfo.InvariantCulture, out money[i]))
                throw new UsageException($"{option}: item {i + 4} '{parts[i + 3]}' is not an amount");
        return new CampaignGroup(counts[0], counts[1], counts[2], money[0], money[1]);
    }

    private static void AddGroup(Table table, string name, CampaignSummary s)
    {
        CampaignGroup g = s.Group;
        table.Add(name, g.Mailed, g.Responders, g.Orders, g.Revenue, g.Cost, s.ResponseRate.Value, s.ConversionRate.Value, s.GrossProfit, s.Profit,
            Cell.From(s.Roi), Cell.From(s.CostPerResponse), Cell.From(s.CostPerOrder), Cell.From(s.AverageOrderValue), Cell.From(s.BreakEvenOrders));
    }

    private static void AddTest(Table table, string name, TestResult t) =>
        table.Add(name, t.Statistic, t.PValue, t.Estimate, t.Interval.Lower, t.Interval.Upper);
}
