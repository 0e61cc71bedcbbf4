using System.Globalization;
using Retention.Metrics.Cli.Csv;

namespace Retention.Metrics.Cli.Commands;

/// <summary>Subscriptions read from a file: the ledger, the last date seen and the keys.</summary>
internal sealed record SubscriptionData(SubscriptionLedger Ledger, DateOnly FirstDate, DateOnly LastDate, bool HasAmounts);

/// <summary>Order lines with products, read from an orders file with a product column.</summary>
internal sealed record OrderLineData(OrderLines Lines, CustomerIndex<string> Products);

/// <summary>Readers for the files other than plain orders: subscriptions, shipments, order lines.</summary>
internal static class TableInputs
{
    /// <summary>Options the subscription commands accept.</summary>
    internal static readonly string[] SubscriptionOptions = ["--subscriptions", "--id", "--subscriber", "--start", "--end", "--mrr"];

    /// <summary>Help for <see cref="SubscriptionOptions"/>.</summary>
    internal const string SubscriptionHelp = """
          --subscriptions <file> Subscriptions file: one row per subscription (required).
          --id <col>             Subscription id column (default: id; without one, the row number).
          --subscriber <col>     Customer column (default: customer).
          --start <col>          Start date column (default: start).
          --end <col>            End (cancellation) date column, empty while active (default: end).
        """;

    /// <summary>Reads --subscriptions; with <paramref name="mrrColumn"/> each subscription's monthly amount becomes its plan.</summary>
    public static SubscriptionData LoadSubscriptions(CommandArgs args, CommandContext context, string? mrrColumn, string? shipmentsPath)
    {
        string path = args.Require("--subscriptions", "file");
        CsvFormat format = Inputs.Layout(args);
        var subscriptions = new List<Subscription>();
        var plans = new List<PlanChange>();
        var ids = new CustomerIndex<string>(StringComparer.Ordinal);
        var customers = new CustomerIndex<string>(StringComparer.Ordinal);
        DateOnly first = DateOnly.MaxValue, last = DateOnly.MinValue;
        using (DelimitedFile file = DelimitedFile.Open(path, format))
        {
            string idColumn = args.Get("--id") ?? "id";
            int id = args.IsSet("--id") || file.HasColumn(idColumn) ? file.Column(idColumn, "--id") : -1;
            int customer = file.Column(args.Get("--subscriber") ?? "customer", "--subscriber");
            int start = file.Column(args.Get("--start") ?? "start", "--start");
            int end = file.Column(args.Get("--end") ?? "end", "--end");
            int mrr = mrrColumn is null ? -1 : file.Column(mrrColumn, "--mrr");
            while (file.Next())
            {
                string idKey = subscriptions.Count.ToString(CultureInfo.InvariantCulture);
                if (id >= 0 && !file.TryText(id, "id", out idKey)) continue;
                if (!file.TryText(customer, "customer", out string customerKey)) continue;
                if (!file.TryDate(start, "start", out DateOnly s)) continue;
                if (!file.TryOptionalDate(end, "end", out DateOnly? e)) continue;
                decimal amount = 0m;
                if (mrr >= 0 && !file.TryDecimal(mrr, "mrr", out amount)) continue;
                if (e is { } endDate && endDate < s)
                {
                    file.Invalid(file.Message(end, "end", $"{endDate:yyyy-MM-dd} is before the start {s:yyyy-MM-dd}."));
                    continue;
                }
                int before = ids.Count;
                int index = ids.GetOrAdd(idKey);
                if (index < before)
                {
                    file.Invalid(file.Message(Math.Max(id, 0), "id", $"subscription '{idKey}' appears twice."));
                    continue;
                }
                subscriptions.Add(new Subscription(index, customers.GetOrAdd(customerKey), s, e));
                if (mrr >= 0) plans.Add(new PlanChange(index, s, amount));
                if (s < first) first = s;
                if (s > last) last = s;
                if (e is { } ended && ended > last) last = ended;
            }
            file.ReportSkipped(context.Error);
        }
        var shipments = new List<Shipment>();
        if (shipmentsPath is not null)
        {
            using DelimitedFile file = DelimitedFile.Open(shipmentsPath, format);
            int sub = file.Column(args.Get("--shipment-subscription") ?? "subscription", "--shipment-subscription");
            int date = file.Column(args.Get("--shipment-date") ?? "date", "--shipment-date");
            string amountColumn = args.Get("--shipment-amount") ?? "amount";
            int amount = args.IsSet("--shipment-amount") || file.HasColumn(amountColumn) ? file.Column(amountColumn, "--shipment-amount") : -1;
            while (file.Next())
            {
                if (!file.TryText(sub, "subscription", out string key)) continue;
                if (!ids.TryGetIndex(key, out int index))
                {
                    file.Invalid(file.Message(sub, "subscription", $"'{key}' is not a subscription in {Path.GetFileName(path)}."));
                    continue;
                }
                if (!file.TryDate(date, "date", out DateOnly d)) continue;
                decimal value = 0m;
                if (amount >= 0 && !file.TryDecimal(amount, "amount", out value)) continue;
                shipments.Add(new Shipment(index, d, value));
                if (d > last) last = d;
            }
            file.ReportSkipped(context.Error);
        }
        if (subscriptions.Count == 0) first = last = DateOnly.FromDateTime(DateTime.UnixEpoch);
        SubscriptionLedger ledger = SubscriptionLedger.Create(subscriptions.ToArray(), plans.ToArray(), shipments.ToArray());
        return new SubscriptionData(ledger, first, last, mrrColumn is not null);
    }

    /// <summary>Reads --orders with a product column into order lines.</summary>
    public static OrderLineData LoadOrderLines(CommandArgs args, CommandContext context)
    {
        string path = args.Require("--orders", "file");
        CsvFormat format = Inputs.Layout(args);
        var customers = new CustomerIndex<string>(StringComparer.Ordinal);
        var products = new CustomerIndex<string>(StringComparer.Ordinal);
        var lines = new List<OrderLine>();
        using (DelimitedFile file = DelimitedFile.Open(path, format))
        {
            int customer = file.Column(format.CustomerColumn, "--customer");
            int date = file.Column(format.DateColumn, "--date");
            int product = file.Column(args.Get("--product") ?? "product", "--product");
            int amount = file.Column(format.AmountColumn, "--amount");
            while (file.Next())
            {
                if (!file.TryText(customer, "customer", out string c)) continue;
                if (!file.TryDate(date, "date", out DateOnly d)) continue;
                if (!file.TryText(product, "product", out string p)) continue;
                if (!file.TryDecimal(amount, "amount", out decimal a)) continue;
                lines.Add(new OrderLine(customers.GetOrAdd(c), d, products.GetOrAdd(p), a));
            }
            file.ReportSkipped(context.Error);
        }
        return new OrderLineData(OrderLines.Create(lines.ToArray()), products);
    }
}
