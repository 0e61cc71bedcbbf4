using Retention.Metrics.Cli.Output;

namespace Retention.Metrics.Cli.Commands;

/// <summary><c>repeat</c>: buyers, new and repeat buyers, retention and repeat rates per calendar period.</summary>
internal sealed class RepeatCommand : Command
{
    public override string Name => "repeat";

    public override string Summary => "Repeat rates per period: buyers, new/repeat buyers, retention, repeat order share.";

    protected override string Synopsis => "repeat [--orders <file>] [--period month] [--from <date>] [--count occasions|orders] [options]";

    protected override string OptionsHelp => """
          --period <unit>        day, week, month (default), quarter or year.
          --from <date>          A date in the first period; default: the first order date.
          --count <c>            occasions (default: purchase days) or orders (every row).
        """;

    protected override string Example => "retention repeat --orders orders.csv --period quarter --format text";

    protected override string[] ValueOptions => ["--period", "--from", "--count"];

    internal static PurchaseCounting Counting(CommandArgs args) =>
        args.GetChoice("--count", PurchaseCounting.Occasions, ("occasions", PurchaseCounting.Occasions), ("orders", PurchaseCounting.Orders));

    public override IReadOnlyList<Table> Execute(CommandArgs args, CommandContext context)
    {
        PeriodUnit unit = args.GetUnit("--period", PeriodUnit.Month);
        PurchaseCounting counting = Counting(args);
        DateOnly? from = args.GetDate("--from");
        OrdersData orders = Inputs.LoadOrders(args, context);
        DateOnly asOf = orders.AsOf(args);
        var table = new Table("periods", "start", "end", "complete", "buyers", "newBuyers", "repeatBuyers", "newRepeatBuyers", "orders", "repeatOrders",
            "revenue", "repeatRevenue", "previousBuyers", "retained", "retention", "newCustomerRetention", "repeaterShare", "repeatOrderShare",
            "cumulativeCustomers", "cumulativeRepeatRate");
        if (orders.History.IsEmpty) return [table];
        RepeatSeries series = Repeat.PeriodSeries(orders.History, from ?? orders.History.FirstDate, asOf, unit, counting: counting);
        for (int i = 0; i < series.Count; i++)
        {
            RepeatPeriod p = series[i];
            table.Add(p.Start, p.End, p.IsComplete, p.Buyers, p.NewBuyers, p.RepeatBuyers, p.NewRepeatBuyers, p.Orders, p.RepeatOrders,
                p.Revenue, p.RepeatRevenue, p.PreviousBuyers, p.Retained, p.Retention.Value, p.NewCustomerRetention.Value, p.RepeaterShare.Value,
                p.RepeatOrderShare.Value, p.CumulativeCustomers, p.CumulativeRepeatRate.Value);
        }
        return [table];
    }
}
