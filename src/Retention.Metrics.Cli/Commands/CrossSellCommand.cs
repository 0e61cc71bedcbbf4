using Retention.Metrics.Cli.Output;

namespace Retention.Metrics.Cli.Commands;

/// <summary><c>cross-sell</c>: products bought together (support, confidence, lift) and how many distinct products customers buy.</summary>
internal sealed class CrossSellCommand : Command
{
    public override string Name => "cross-sell";

    public override string Summary => "Cross-sell: top product pairs (support, confidence, lift) and product breadth.";

    protected override string Synopsis => "cross-sell --orders <file> [--product <col>] [--top 20] [--level customer|basket] [--from <date>] [options]";

    protected override string OptionsHelp => """
          --product <col>        Product column (default: product); the file has one row per order line.
          --top <n>              Number of pairs, by co-purchase count (default 20).
          --level <l>            customer (default: bought by the same customer in the window) or basket (same customer, same day).
          --min-count <n>        Only products bought by at least n customers or baskets (default 1).
          --from <date>          Window start (default: the first order date); the window ends at --as-of.
          --max-products <n>     Breadth: the last row counts customers with n or more products (default 10).
        """;

    protected override string Example => "retention cross-sell --orders lines.csv --product sku --top 10 --level basket";

    protected override string[] ValueOptions => ["--product", "--top", "--level", "--min-count", "--from", "--max-products"];

    public override IReadOnlyList<Table> Execute(CommandArgs args, CommandContext context)
    {
        if (args.IsSet("--order")) throw new UsageException("cross-sell reads order lines and groups them into baskets by customer and day; --order is not used");
        int top = args.GetInt("--top", 20, min: 1);
        CoPurchaseLevel level = args.GetChoice("--level", CoPurchaseLevel.Customer, ("customer", CoPurchaseLevel.Customer), ("basket", CoPurchaseLevel.Basket));
        int minCount = args.GetInt("--min-count", 1, min: 1);
        int maxProducts = args.GetInt("--max-products", 10, min: 1);
        DateOnly? from = args.GetDate("--from");
        OrderLineData data = TableInputs.LoadOrderLines(args, context);
        var pairs = new Table("pairs", "productA", "productB", "countA", "countB", "countBoth", "support", "confidenceAToB", "confidenceBToA", "lift");
        var breadth = new Table("breadth", "products", "customers", "atLeastShare");
        if (data.Lines.IsEmpty) return [pairs, breadth];
        DateOnly start = from ?? data.Lines.FirstDate;
        DateOnly end = args.GetDate("--as-of") ?? data.Lines.LastDate;
        ProductPairs result = CrossSell.TopPairs(data.Lines, start, end, top, level, minCount);
        foreach (ProductPair p in result.Pairs)
            pairs.Add(data.Products[p.ProductA], data.Products[p.ProductB], p.CountA, p.CountB, p.CountBoth, p.Support.Value,
                p.ConfidenceAToB.Value, p.ConfidenceBToA.Value, p.Lift);
        ProductBreadth b = CrossSell.DistinctProducts(data.Lines, start, end, maxProducts);
        ReadOnlySpan<long> counts = b.CustomersByProducts;
        for (int k = 1; k < counts.Length; k++)
            breadth.Add(k == counts.Length - 1 ? $"{k}+" : k.ToString(System.Globalization.CultureInfo.InvariantCulture), counts[k], b.AtLeast(k).Value);
        return [pairs, breadth];
    }
}
