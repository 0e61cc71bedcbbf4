using Retention.Metrics.Cli.Output;

namespace Retention.Metrics.Cli.Commands;

/// <summary><c>summary</c>: one row per customer (first, last, orders, frequency, recency, age, spend), optionally with a holdout period, or the shop's totals.</summary>
internal sealed class SummaryCommand : Command
{
    public override string Name => "summary";

    public override string Summary => "Per-customer summaries (frequency, recency, age, spend), with calibration/holdout, or totals.";

    protected override string Synopsis => "summary [--orders <file>] [--as-of <date>] [--holdout-end <date>] [--totals] [options]";

    protected override string OptionsHelp => """
          --holdout-end <date>   Split at --as-of (the calibration end) and count each customer's purchases in
                                 (as-of, holdout-end] as holdout columns.
          --totals               One row of shop totals instead of one row per customer.
        """;

    protected override string Example => "retention summary --orders orders.csv --as-of 1997-09-30 --holdout-end 1998-06-30 --format csv --output summary.csv";

    protected override string[] ValueOptions => ["--holdout-end"];

    protected override string[] FlagOptions => ["--totals"];

    public override IReadOnlyList<Table> Execute(CommandArgs args, CommandContext context)
    {
        DateOnly? holdoutEnd = args.GetDate("--holdout-end");
        bool totalsOnly = args.Has("--totals");
        if (totalsOnly && holdoutEnd is not null) throw new UsageException("--totals and --holdout-end cannot be combined");
        OrdersData orders = Inputs.LoadOrders(args, context);
        DateOnly asOf = orders.AsOf(args);
        if (totalsOnly)
        {
            SummaryTotals t = Summaries.Totals(orders.History, asOf);
            var totals = new Table("totals", "customers", "orders", "purchaseDays", "repeatCustomers", "repeatCustomerRate",
                "multiOrderCustomers", "repeatPurchases", "totalAmount", "repeatAmount");
            totals.Add(t.Customers, t.Orders, t.PurchaseDays, t.RepeatCustomers, t.RepeatCustomerRate.Value, t.MultiOrderCustomers,
                t.RepeatPurchases, t.TotalAmount, t.RepeatAmount);
            return [totals];
        }
        string[] columns = ["customer", "firstPurchase", "lastPurchase", "orders", "purchaseDays", "frequency", "recencyDays", "ageDays", "totalAmount", "repeatAmount"];
        if (holdoutEnd is { } end)
        {
            if (end <= asOf) throw new UsageException($"--holdout-end {end:yyyy-MM-dd} must be after the calibration end (--as-of) {asOf:yyyy-MM-dd}");
            HoldoutSummary[] rows = Summaries.ComputeWithHoldout(orders.History, asOf, end);
            return [Table.Streamed("customers", [.. columns, "holdoutPurchaseDays", "holdoutOrders", "holdoutAmount", "holdoutDays"], HoldoutRows(rows, orders))];
        }
        return [Table.Streamed("customers", columns, Rows(Summaries.Compute(orders.History, asOf), orders))];
    }

    /// <summary>One row per customer, formatted as it is written; the row array is reused.</summary>
    private static IEnumerable<Cell[]> Rows(CustomerSummary[] summaries, OrdersData orders)
    {
        var row = new Cell[10];
        for (int i = 0; i < summaries.Length; i++)
        {
            Fill(row, summaries[i], orders);
            yield return row;
        }
    }

    private static IEnumerable<Cell[]> HoldoutRows(HoldoutSummary[] summaries, OrdersData orders)
    {
        var row = new Cell[14];
        for (int i = 0; i < summaries.Length; i++)
        {
            HoldoutSummary h = summaries[i];
            Fill(row, h.Calibration, orders);
            row[10] = h.HoldoutPurchaseDays;
            row[11] = h.HoldoutOrders;
            row[12] = h.HoldoutAmount;
            row[13] = h.HoldoutDays;
            yield return row;
        }
    }

    private static void Fill(Cell[] row, in CustomerSummary s, OrdersData orders)
    {
        row[0] = orders.Key(s.Customer);
        row[1] = s.FirstPurchase;
        row[2] = s.LastPurchase;
        row[3] = s.Orders;
        row[4] = s.PurchaseDays;
        row[5] = s.Frequency;
        row[6] = s.RecencyDays;
        row[7] = s.AgeDays;
        row[8] = s.TotalAmount;
        row[9] = s.RepeatAmount;
    }
}
