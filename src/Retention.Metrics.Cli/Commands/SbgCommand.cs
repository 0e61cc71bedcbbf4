using Retention.Metrics.Cli.Output;

namespace Retention.Metrics.Cli.Commands;

/// <summary><c>sbg</c>: the shifted-beta-geometric model of contract renewals, fitted to survivor counts or lifetimes.</summary>
internal sealed class SbgCommand : Command
{
    public override string Name => "sbg";

    public override string Summary => "Shifted-beta-geometric renewal model from survivor counts or lifetime data; projections.";

    protected override string Synopsis => """
        sbg --survivors <n0,n1,n2,…> [--periods 12] [options]
        sbg --data <file> --time <col> --event <col[=value]> [--periods 12] [options]
        """;

    protected override string OptionsHelp => """
          --survivors <list>     Customers still active at the start of periods 0, 1, 2, … (the first is the cohort size).
        """ + "\n" + SurvivalCommand.DataHelp + "\n" + """
                                 With --data, times are whole periods (renewals survived) and an event is a churn.
          --periods <n>          Project survival, retention and churn for periods 1..n (default: the observed
                                 periods, at least 12).
          --discount <d>         Discount rate per period for the discounted expected lifetime (default 0.1).
        """;

    protected override string Example => "retention sbg --survivors 1000,631,468,382,326,289,262,241 --periods 12";

    protected override OptionGroups Groups => OptionGroups.FileLayout;

    protected override string[] ValueOptions => ["--survivors", "--data", "--time", "--event", "--periods", "--discount"];

    public override IReadOnlyList<Table> Execute(CommandArgs args, CommandContext context)
    {
        long[]? survivors = args.GetLongList("--survivors");
        double discount = args.GetDouble("--discount", 0.1, 0d, 10d);
        if ((survivors is null) == !args.IsSet("--data")) throw new UsageException("give either --survivors or --data");
        ShiftedBetaGeometricModel model;
        long cohort;
        if (survivors is not null)
        {
            model = ShiftedBetaGeometricModel.Fit(survivors);
            cohort = survivors[0];
        }
        else
        {
            SurvivalData data = SurvivalCommand.Load(args, context, grouped: false);
            model = ShiftedBetaGeometricModel.Fit(data.Observations);
            cohort = data.Observations.Length;
        }
        int periods = args.GetInt("--periods", Math.Max(12, survivors is null ? 0 : survivors.Length - 1), min: 1, max: 10_000);
        if (!model.Converged) context.Error.WriteLine($"retention sbg: the fit did not converge after {model.Iterations} iterations; the parameters are the last iterate.");
        var fit = new Table("model", "alpha", "beta", "alphaStandardError", "betaStandardError", "logLikelihood", "iterations", "converged",
            "meanChurnProbability", "discountedExpectedLifetime");
        fit.Add(model.Alpha, model.Beta, model.AlphaStandardError, model.BetaStandardError, model.LogLikelihood, model.Iterations, model.Converged,
            model.MeanChurnProbability, model.DiscountedExpectedLifetime(discount));
        var table = new Table("periods", "period", "observed", "projected", "survival", "retentionRate", "churnProbability");
        for (int t = 1; t <= periods; t++)
        {
            Cell observed = survivors is not null && t < survivors.Length ? survivors[t] : Cell.Empty;
            table.Add(t, observed, model.ProjectSurvivors(cohort, t), model.Survival(t), model.RetentionRate(t), model.ChurnProbability(t));
        }
        return [fit, table];
    }
}
