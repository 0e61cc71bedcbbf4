using Retention.Metrics.Cli.Output;

namespace Retention.Metrics.Cli.Commands;

/// <summary><c>churn</c>: logo churn of subscriptions per calendar period.</summary>
internal sealed class ChurnCommand : Command
{
    public override string Name => "churn";

    public override string Summary => "Subscription logo churn per period: opening, new, cancelled, closing, churn rate.";

    protected override string Synopsis => "churn --subscriptions <file> [--period month] [--from <date>] [--variant start] [options]";

    protected override string OptionsHelp => TableInputs.SubscriptionHelp + "\n" + """
          --period <unit>        day, week, month (default), quarter or year.
          --from <date>          A date in the first period (default: the first start date); the last period holds --as-of.
          --variant <v>          start (default: cancelled / opening), include-new (cancelled / (opening + new)) or
                                 exclude-new (cancellations of subscriptions opened in the period left out).
          --as-of <yyyy-MM-dd>   The last day reported (default: the latest start or end date in the file).
        """;

    protected override string Example => "retention churn --subscriptions subscriptions.csv --period month --from 2024-01-01 --format csv";

    protected override OptionGroups Groups => OptionGroups.FileLayout;

    protected override string[] ValueOptions => [.. TableInputs.SubscriptionOptions, "--as-of", "--period", "--from", "--variant"];

    public override IReadOnlyList<Table> Execute(CommandArgs args, CommandContext context)
    {
        PeriodUnit unit = args.GetUnit("--period", PeriodUnit.Month);
        LogoChurnVariant variant = args.GetChoice("--variant", LogoChurnVariant.StartOfPeriod, ("start", LogoChurnVariant.StartOfPeriod),
            ("include-new", LogoChurnVariant.IncludeNewInDenominator), ("exclude-new", LogoChurnVariant.ExcludeSamePeriodNewCancelled));
        DateOnly? from = args.GetDate("--from");
        SubscriptionData data = TableInputs.LoadSubscriptions(args, context, mrrColumn: null, shipmentsPath: null);
        DateOnly to = args.GetDate("--as-of") ?? data.LastDate;
        LogoChurnSeries series = Churn.LogoChurn(data.Ledger, from ?? data.FirstDate, to, unit, variant);
        var table = new Table("periods", "start", "end", "opening", "new", "cancelled", "newCancelled", "closing", "churned", "base", "churn");
        foreach (LogoChurnPeriod p in series.Periods)
            table.Add(p.Start, p.End, p.Opening, p.New, p.Cancelled, p.NewCancelled, p.Closing, p.Churn.Numerator, p.Churn.Denominator, p.Churn.Value);
        return [table];
    }
}
