using Retention.Metrics.Cli.Output;

namespace Retention.Metrics.Cli.Commands;

/// <summary><c>dormant</c>: active and dormant customers at a threshold, the movement since a start date, or the dormant list.</summary>
internal sealed class DormantCommand : Command
{
    public override string Name => "dormant";

    public override string Summary => "Dormant customers (no purchase for N days): counts, transition since a date, or the list.";

    protected override string Synopsis => """
        dormant [--orders <file>] [--days 180] [--since <date>] [options]
        dormant [--orders <file>] [--days 180] --list [--min-spend <amount>] [options]
        """;

    protected override string OptionsHelp => """
          --days <n>             Dormant after n days without a purchase (default 180).
          --since <date>         Also show the transition from this date to --as-of: still active, churned,
                                 reactivated (with their orders and revenue) and new customers.
          --list                 List the dormant customers instead (customer, last purchase, spend), highest spend first.
          --min-spend <amount>   With --list: only customers who spent at least this much.
        """;

    protected override string Example => "retention dormant --orders orders.csv --days 180 --since 2024-01-01";

    protected override string[] ValueOptions => ["--days", "--since", "--min-spend"];

    protected override string[] FlagOptions => ["--list"];

    public override IReadOnlyList<Table> Execute(CommandArgs args, CommandContext context)
    {
        int days = args.GetInt("--days", 180, min: 1);
        DateOnly? since = args.GetDate("--since");
        decimal minSpend = args.GetDecimal("--min-spend", 0m);
        bool list = args.Has("--list");
        OrdersData orders = Inputs.LoadOrders(args, context);
        DateOnly asOf = orders.AsOf(args);
        if (list)
        {
            CustomerSummary[] dormant = Dormancy.DormantCustomers(orders.History, asOf, days, minSpend);
            var customers = new Table("customers", "customer", "firstPurchase", "lastPurchase", "daysSinceLastPurchase", "orders", "totalAmount");
            foreach (CustomerSummary s in dormant)
                customers.Add(orders.Key(s.Customer), s.FirstPurchase, s.LastPurchase, s.DaysSinceLastPurchase, s.Orders, s.TotalAmount);
            return [customers];
        }
        DormancyStatus status = Dormancy.Classify(orders.History, asOf, days);
        var statusTable = new Table("status", "asOf", "thresholdDays", "customers", "active", "dormant", "dormantRate");
        statusTable.Add(asOf, days, status.Customers, status.Active, status.Dormant, status.DormantRate.Value);
        if (since is not { } start) return [statusTable];
        if (start >= asOf) throw new UsageException($"--since {start:yyyy-MM-dd} must be before the observation end {asOf:yyyy-MM-dd}");
        DormancyTransition t = Dormancy.Transition(orders.History, start, asOf, days);
        var transition = new Table("transition", "start", "end", "activeAtStart", "stillActive", "retention", "churn", "dormantAtStart", "reactivated",
            "reactivation", "reactivatedOrders", "reactivatedRevenue", "newCustomers");
        transition.Add(start, asOf, t.ActiveAtStart, t.StillActive, t.Retention.Value, t.Churn.Value, t.DormantAtStart, t.Reactivated,
            t.Reactivation.Value, t.ReactivatedOrders, t.ReactivatedRevenue, t.NewCustomers);
        return [statusTable, transition];
    }
}
