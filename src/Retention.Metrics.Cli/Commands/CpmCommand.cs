using Retention.Metrics.Cli.Output;

namespace Retention.Metrics.Cli.Commands;

/// <summary><c>cpm</c>: customer portfolio management segments (first-time, novice, steady, trendy, loyal × active, lapsed).</summary>
internal sealed class CpmCommand : Command
{
    public override string Name => "cpm";

    public override string Summary => "CPM segments (first-time, novice, steady, trendy, loyal × active/lapsed) with revenue.";

    protected override string Synopsis => "cpm [--orders <file>] [--lapsed-after 240] [--high-spend 70000] [options]";

    protected override string OptionsHelp => """
          --lapsed-after <days>  Lapsed after this many days without a purchase (default 240).
          --high-spend <amount>  Spend at which a customer is trendy or loyal (default 70000).
          --novice-tenure <days> Tenure up to which a repeat customer is a novice (default 90).
          --loyal-tenure <days>  Tenure from which a high spender is loyal rather than trendy (default 210).
          --purchase-days        Count purchase days, not orders, as purchases.
        """;

    protected override string Example => "retention cpm --orders orders.csv --lapsed-after 240 --high-spend 70000";

    protected override string[] ValueOptions => ["--lapsed-after", "--high-spend", "--novice-tenure", "--loyal-tenure"];

    protected override string[] FlagOptions => ["--purchase-days"];

    public override IReadOnlyList<Table> Execute(CommandArgs args, CommandContext context)
    {
        CpmOptions d = CpmOptions.Default;
        var options = new CpmOptions
        {
            LapsedAfterDays = args.GetInt("--lapsed-after", d.LapsedAfterDays, min: 1),
            HighSpend = args.GetDecimal("--high-spend", d.HighSpend),
            NoviceTenureDays = args.GetInt("--novice-tenure", d.NoviceTenureDays, min: 0),
            LoyalTenureDays = args.GetInt("--loyal-tenure", d.LoyalTenureDays, min: 0),
            CountPurchaseDays = args.Has("--purchase-days"),
        };
        OrdersData orders = Inputs.LoadOrders(args, context);
        CpmResult result = Cpm.Classify(orders.History, orders.AsOf(args), options);
        var table = new Table("segments", "segment", "customers", "customerShare", "revenue", "revenueShare");
        foreach (CpmSegment segment in Enum.GetValues<CpmSegment>())
        {
            CpmSegmentSummary s = result.Summary(segment);
            table.Add(segment.ToString(), s.Customers.Numerator, s.Customers.Value, s.Revenue, s.RevenueShare);
        }
        return [table];
    }
}
