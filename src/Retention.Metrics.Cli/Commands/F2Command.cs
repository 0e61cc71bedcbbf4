using Retention.Metrics.Cli.Output;

namespace Retention.Metrics.Cli.Commands;

/// <summary><c>f2</c>: F2 conversion, the share of first-time buyers who buy again within a window, per acquisition cohort.</summary>
internal sealed class F2Command : Command
{
    public override string Name => "f2";

    public override string Summary => "F2 conversion: first-time buyers who buy again within N days, per cohort.";

    protected override string Synopsis => "f2 [--orders <file>] [--window 90] [--cohort month] [--count occasions|orders] [options]";

    protected override string OptionsHelp => """
          --window <days>        The conversion window after the first purchase (default 90).
          --cohort <unit>        Acquisition cohorts: day, week, month (default), quarter or year.
          --count <c>            occasions (default: a second purchase day) or orders (a second row, even the same day).
        """;

    protected override string Example => "retention f2 --orders orders.csv --window 90 --cohort month --format csv";

    protected override string[] ValueOptions => ["--window", "--cohort", "--count"];

    public override IReadOnlyList<Table> Execute(CommandArgs args, CommandContext context)
    {
        int window = args.GetInt("--window", 90, min: 1);
        PeriodUnit unit = args.GetUnit("--cohort", PeriodUnit.Month);
        PurchaseCounting counting = RepeatCommand.Counting(args);
        OrdersData orders = Inputs.LoadOrders(args, context);
        ConversionResult result = Repeat.F2Conversion(orders.History, orders.AsOf(args), window, unit, counting: counting);
        var table = new Table("cohorts", "cohort", "customers", "eligible", "converted", "rate", "censored", "censoredConverted");
        for (int i = 0; i < result.Count; i++) Add(table, result[i].Start, result[i]);
        Add(table, "total", result.Total);
        return [table];
    }

    private static void Add(Table table, Cell cohort, ConversionCohort c) =>
        table.Add(cohort, c.Customers, c.Eligible, c.Converted, c.Rate.Value, c.Censored, c.CensoredConverted);
}
