using Retention.Metrics.Cli.Output;

namespace Retention.Metrics.Cli.Commands;

/// <summary><c>deciles</c>: customers ranked by spend in equal groups, with revenue shares and concentration.</summary>
internal sealed class DecilesCommand : Command
{
    public override string Name => "deciles";

    public override string Summary => "Decile analysis: customers ranked by spend in equal groups; Gini and top-20% share.";

    protected override string Synopsis => "deciles [--orders <file>] [--groups 10] [--from <date>] [options]";

    protected override string OptionsHelp => """
          --groups <n>           Number of equal groups (default 10).
          --from <date>          Only spend on or after this date (default: all history to --as-of).
        """;

    protected override string Example => "retention deciles --orders orders.csv --groups 10 --from 2024-01-01";

    protected override string[] ValueOptions => ["--groups", "--from"];

    public override IReadOnlyList<Table> Execute(CommandArgs args, CommandContext context)
    {
        int groups = args.GetInt("--groups", 10, min: 1);
        DateOnly? from = args.GetDate("--from");
        OrdersData orders = Inputs.LoadOrders(args, context);
        SpendRanking ranking = Concentration.Rank(orders.History, orders.AsOf(args), from);
        DecileResult deciles = ranking.Deciles(groups);
        var table = new Table("deciles", "group", "firstRank", "customers", "amount", "meanAmount", "share", "cumulativeShare");
        foreach (DecileRow r in deciles.Rows)
            table.Add(r.Group, r.FirstRank, r.Customers, r.Amount, r.MeanAmount, r.Share, r.CumulativeShare);
        var concentration = new Table("concentration", "customers", "totalAmount", "gini", "top20Share", "customerShareFor80");
        concentration.Add(ranking.Count, ranking.TotalAmount, ranking.Gini, ranking.TopShare(0.2), ranking.CustomerShareFor(0.8));
        return [table, concentration];
    }
}
