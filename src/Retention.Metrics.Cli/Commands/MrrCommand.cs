using Retention.Metrics.Cli.Output;

namespace Retention.Metrics.Cli.Commands;

/// <summary><c>mrr</c>: monthly recurring revenue and its movements per period.</summary>
internal sealed class MrrCommand : Command
{
    public override string Name => "mrr";

    public override string Summary => "MRR per period: starting, new, expansion, contraction, churned, ending; NRR and GRR.";

    protected override string Synopsis => "mrr --subscriptions <file> [--mrr <col>] [--period month] [--from <date>] [options]";

    protected override string OptionsHelp => TableInputs.SubscriptionHelp + "\n" + """
          --mrr <col>            The monthly amount column (default: mrr); each subscription's amount applies from its start.
          --period <unit>        day, week, month (default), quarter or year; amounts stay per month.
          --from <date>          A date in the first period (default: the first start date); the last period holds --as-of.
          --as-of <yyyy-MM-dd>   The last day reported (default: the latest start or end date in the file).
        """;

    protected override string Example => "retention mrr --subscriptions subscriptions.csv --mrr monthly_fee --from 2024-01-01";

    protected override OptionGroups Groups => OptionGroups.FileLayout;

    protected override string[] ValueOptions => [.. TableInputs.SubscriptionOptions, "--as-of", "--period", "--from"];

    public override IReadOnlyList<Table> Execute(CommandArgs args, CommandContext context)
    {
        PeriodUnit unit = args.GetUnit("--period", PeriodUnit.Month);
        DateOnly? from = args.GetDate("--from");
        SubscriptionData data = TableInputs.LoadSubscriptions(args, context, args.Get("--mrr") ?? "mrr", shipmentsPath: null);
        DateOnly to = args.GetDate("--as-of") ?? data.LastDate;
        MrrSeries series = RecurringRevenue.Movements(data.Ledger, from ?? data.FirstDate, to, unit);
        var table = new Table("periods", "start", "end", "startingMrr", "new", "expansion", "contraction", "churned", "reactivation", "endingMrr",
            "netNewMrr", "startingCustomers", "endingCustomers", "arpa", "grossRevenueRetention", "netRevenueRetention", "quickRatio");
        foreach (MrrPeriod p in series.Periods)
            table.Add(p.Start, p.End, p.StartingMrr, p.New, p.Expansion, p.Contraction, p.Churned, p.Reactivation, p.EndingMrr, p.NetNewMrr,
                p.StartingCustomers, p.EndingCustomers, p.Arpa, p.GrossRevenueRetention, p.NetRevenueRetention, Cell.From(p.QuickRatio));
        return [table];
    }
}
