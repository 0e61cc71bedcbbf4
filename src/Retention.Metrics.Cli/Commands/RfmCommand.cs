using Retention.Metrics.Cli.Output;

namespace Retention.Metrics.Cli.Commands;

/// <summary><c>rfm</c>: recency, frequency and monetary scores and segments.</summary>
internal sealed class RfmCommand : Command
{
    public override string Name => "rfm";

    public override string Summary => "RFM scores and segments: segment sizes, or every customer's scores.";

    protected override string Synopsis => "rfm [--orders <file>] [--scheme quantile|equal-count] [--scores 5] [--customers] [options]";

    protected override string OptionsHelp => """
          --scheme <s>           quantile (default: cut-points at quantiles, ties stay together) or equal-count (ranks split
                                 into equal groups).
          --scores <n>           Scores per dimension, 2..10 (default 5).
          --monetary <m>         total (default) or mean (per order).
          --customers            One row per customer (values, scores, cell, segment) instead of segment sizes.
        """;

    protected override string Example => "retention rfm --orders orders.csv --scheme quantile --scores 5 --customers --format csv";

    protected override string[] ValueOptions => ["--scheme", "--scores", "--monetary"];

    protected override string[] FlagOptions => ["--customers"];

    public override IReadOnlyList<Table> Execute(CommandArgs args, CommandContext context)
    {
        bool equalCount = args.GetChoice("--scheme", false, ("quantile", false), ("quantiles", false), ("equal-count", true));
        int scores = args.GetInt("--scores", 5, min: 2, max: 10);
        RfmMonetary monetary = args.GetChoice("--monetary", RfmMonetary.Total, ("total", RfmMonetary.Total), ("mean", RfmMonetary.MeanPerOrder));
        OrdersData orders = Inputs.LoadOrders(args, context);
        RfmScale scale = equalCount ? RfmScale.EqualCount(scores) : RfmScale.Quantiles(scores);
        var options = new RfmOptions { RecencyScale = scale, FrequencyScale = scale, MonetaryScale = scale, Monetary = monetary };
        RfmResult result = Rfm.Compute(orders.History, orders.AsOf(args), options);
        if (args.Has("--customers"))
        {
            return [Table.Streamed("customers", ["customer", "recencyDays", "frequency", "monetary", "r", "f", "m", "cell", "segment"], CustomerRows(result, orders))];
        }
        var segments = new Table("segments", "segment", "customers", "customerShare", "orders", "orderShare", "revenue", "revenueShare");
        foreach (RfmSegmentSummary s in result.Segments)
            segments.Add(s.Name, s.Customers.Numerator, s.Customers.Value, s.Orders.Numerator, s.Orders.Value, s.Revenue, s.RevenueShare);
        return [segments];
    }

    /// <summary>One row per customer, formatted as it is written; the row array is reused.</summary>
    private static IEnumerable<Cell[]> CustomerRows(RfmResult result, OrdersData orders)
    {
        var row = new Cell[9];
        for (int i = 0; i < result.Customers.Length; i++)
        {
            RfmCustomer c = result.Customers[i];
            row[0] = orders.Key(c.Customer);
            row[1] = c.RecencyDays;
            row[2] = c.Frequency;
            row[3] = c.Monetary;
            row[4] = c.RecencyScore;
            row[5] = c.FrequencyScore;
            row[6] = c.MonetaryScore;
            row[7] = c.Cell;
            row[8] = result.SegmentName(c);
            yield return row;
        }
    }
}
