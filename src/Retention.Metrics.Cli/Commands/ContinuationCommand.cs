using Retention.Metrics.Cli.Output;

namespace Retention.Metrics.Cli.Commands;

/// <summary><c>continuation</c>: subscription course continuation by shipment count (定期継続率).</summary>
internal sealed class ContinuationCommand : Command
{
    public override string Name => "continuation";

    public override string Summary => "Subscription continuation by shipment count: received, step retention, from first.";

    protected override string Synopsis => "continuation --subscriptions <file> --shipments <file> [--started-from <date>] [--started-to <date>] [options]";

    protected override string OptionsHelp => TableInputs.SubscriptionHelp + "\n" + """
          --shipments <file>     Shipments file: one row per shipment (required).
          --shipment-subscription <col>  Its subscription id column (default: subscription).
          --shipment-date <col>  Its date column (default: date).
          --shipment-amount <col>  Its amount column (default: amount, if present).
          --started-from <date>  Only subscriptions started on or after this date.
          --started-to <date>    Only subscriptions started on or before this date.
          --as-of <yyyy-MM-dd>   Observation end (default: the latest date in the files); open subscriptions are censored.
        """;

    protected override string Example => "retention continuation --subscriptions subs.csv --shipments shipments.csv --started-from 2024-01-01";

    protected override OptionGroups Groups => OptionGroups.FileLayout;

    protected override string[] ValueOptions => [.. TableInputs.SubscriptionOptions, "--as-of", "--shipments", "--shipment-subscription", "--shipment-date",
        "--shipment-amount", "--started-from", "--started-to"];

    public override IReadOnlyList<Table> Execute(CommandArgs args, CommandContext context)
    {
        string shipments = args.Require("--shipments", "file");
        DateOnly? startedFrom = args.GetDate("--started-from");
        DateOnly? startedTo = args.GetDate("--started-to");
        SubscriptionData data = TableInputs.LoadSubscriptions(args, context, mrrColumn: null, shipments);
        DateOnly asOf = args.GetDate("--as-of") ?? data.LastDate;
        ContinuationResult result = Continuation.FromShipments(data.Ledger, asOf, startedFrom, startedTo);
        var steps = new Table("steps", "shipment", "received", "atRisk", "cancelledAfter", "censored", "stepRetention", "stepCancellation",
            "receivedFromFirst", "continuationFromFirst");
        foreach (ContinuationStep s in result.Steps)
            steps.Add(s.Shipment, s.Received, s.AtRisk, s.CancelledAfter, s.Censored, s.StepRetention.Value, s.StepCancellation.Value,
                s.ReceivedFromFirst.Value, s.ContinuationFromFirst);
        var totals = new Table("totals", "asOf", "subscriptions", "open", "withoutShipment", "totalShipments", "meanShipments",
            "shipmentsPerSubscription", "complete");
        totals.Add(result.AsOf, result.Subscriptions, result.Open, result.WithoutShipment, result.TotalShipments, result.MeanShipments,
            result.ShipmentsPerSubscription, result.IsComplete);
        return [steps, totals];
    }
}
