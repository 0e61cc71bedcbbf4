using System.Globalization;
using Retention.Metrics.Cli.Output;

namespace Retention.Metrics.Cli.Commands;

/// <summary><c>cohorts</c>: the acquisition cohort matrix, one row per cohort and one column per period since acquisition.</summary>
internal sealed class CohortsCommand : Command
{
    public override string Name => "cohorts";

    public override string Summary => "Acquisition cohort matrix: retention, active customers, revenue or orders by period.";

    protected override string Synopsis => "cohorts [--orders <file>] [--period month] [--mode on|on-or-after] [--measure retention] [options]";

    protected override string OptionsHelp => """
          --period <unit>        Cohort and period length: day, week, month (default), quarter or year.
          --mode <m>             on (default): active in the period; on-or-after: active in the period or any later one.
          --measure <m>          retention (default, share of the cohort), customers (active count), orders, revenue,
                                 revenue-per-customer or cumulative-revenue-per-customer.
                                 Periods not yet started are empty; the last started period may be partial.
        """;

    protected override string Example => "retention cohorts --orders orders.csv --period month --mode on --measure customers --format csv";

    protected override string[] ValueOptions => ["--period", "--mode", "--measure"];

    public override IReadOnlyList<Table> Execute(CommandArgs args, CommandContext context)
    {
        PeriodUnit unit = args.GetUnit("--period", PeriodUnit.Month);
        CohortRetention mode = args.GetChoice("--mode", CohortRetention.On, ("on", CohortRetention.On), ("on-or-after", CohortRetention.OnOrAfter));
        CohortMeasure measure = args.GetChoice("--measure", CohortMeasure.Retention,
            ("retention", CohortMeasure.Retention), ("customers", CohortMeasure.Active), ("active", CohortMeasure.Active),
            ("orders", CohortMeasure.Orders), ("revenue", CohortMeasure.Revenue), ("revenue-per-customer", CohortMeasure.RevenuePerMember),
            ("cumulative-revenue-per-customer", CohortMeasure.CumulativeRevenuePerMember));
        OrdersData orders = Inputs.LoadOrders(args, context);
        CohortTable cohorts = Cohorts.Compute(orders.History, orders.AsOf(args), new CohortOptions { Unit = unit, Retention = mode });
        var columns = new string[cohorts.PeriodCount + 2];
        columns[0] = "cohort";
        columns[1] = "size";
        for (int p = 0; p < cohorts.PeriodCount; p++) columns[p + 2] = "p" + p.ToString(CultureInfo.InvariantCulture);
        var table = new Table("cohorts", columns);
        ReadOnlySpan<DateOnly> starts = cohorts.CohortStarts;
        ReadOnlySpan<long> sizes = cohorts.CohortSizes;
        for (int c = 0; c < cohorts.CohortCount; c++)
        {
            var row = new Cell[columns.Length];
            row[0] = starts[c];
            row[1] = sizes[c];
            for (int p = 0; p < cohorts.PeriodCount; p++)
            {
                if (cohorts.State(c, p) == CohortCellState.NotStarted) continue;
                row[p + 2] = measure switch
                {
                    CohortMeasure.Active => cohorts.Active(c, p),
                    CohortMeasure.Orders => cohorts.Orders(c, p),
                    CohortMeasure.Revenue => cohorts.Revenue(c, p),
                    CohortMeasure.RevenuePerMember => cohorts.RevenuePerMember(c, p),
                    CohortMeasure.CumulativeRevenuePerMember => cohorts.CumulativeRevenuePerMember(c, p),
                    _ => cohorts.Retention(c, p).Value,
                };
            }
            table.Add(row);
        }
        return [table];
    }
}
