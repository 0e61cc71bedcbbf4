using Retention.Metrics.Cli.Csv;
using Retention.Metrics.Cli.Output;

namespace Retention.Metrics.Cli.Commands;

/// <summary>Survival observations read from a file: times, event flags and optional groups.</summary>
internal sealed record SurvivalData(SurvivalObservation[] Observations, int[] Groups, IReadOnlyList<string> GroupNames);

/// <summary><c>survival</c>: Kaplan-Meier curves with confidence intervals, medians, and a log-rank test between groups.</summary>
internal sealed class SurvivalCommand : Command
{
    internal const string DataHelp = """
          --data <file>          Survival data: one row per subject (required).
          --time <col>           Time column: time to the event or to censoring, zero or greater (default: time).
          --event <spec>         Event column: 'status' (1/true/yes is an event, 0/false/no censored) or 'status=2'
                                 (the value 2 is an event, anything else censored) (default: event).
        """;

    public override string Name => "survival";

    public override string Summary => "Kaplan-Meier survival curves with confidence intervals, medians, log-rank test.";

    protected override string Synopsis => "survival --data <file> --time <col> --event <col[=value]> [--group <col>] [--ci log|log-log|plain] [options]";

    protected override string OptionsHelp => DataHelp + "\n" + """
          --group <col>          One curve per value of this column, and a log-rank test between them.
          --ci <t>               Confidence interval transform: log (default), log-log or plain.
          --confidence <p>       Confidence level (default 0.95).
        """;

    protected override string Example => "retention survival --data lung.csv --time time --event status=2 --group sex --ci log-log";

    protected override OptionGroups Groups => OptionGroups.FileLayout;

    protected override string[] ValueOptions => ["--data", "--time", "--event", "--group", "--ci", "--confidence"];

    /// <summary>Reads --data with --time, --event and optionally --group.</summary>
    internal static SurvivalData Load(CommandArgs args, CommandContext context, bool grouped)
    {
        string path = args.Require("--data", "file");
        CsvFormat format = Inputs.Layout(args);
        string eventSpec = args.Get("--event") ?? "event";
        int equals = eventSpec.IndexOf('=', StringComparison.Ordinal);
        string eventColumn = equals < 0 ? eventSpec : eventSpec[..equals];
        string? eventValue = equals < 0 ? null : eventSpec[(equals + 1)..];
        var observations = new List<SurvivalObservation>();
        var groups = new List<int>();
        var names = new CustomerIndex<string>(StringComparer.Ordinal);
        using (DelimitedFile file = DelimitedFile.Open(path, format))
        {
            int time = file.Column(args.Get("--time") ?? "time", "--time");
            int evt = file.Column(eventColumn, "--event");
            int group = grouped && args.Get("--group") is { } g ? file.Column(g, "--group") : -1;
            while (file.Next())
            {
                if (!file.TryDouble(time, "time", out double t)) continue;
                ReadOnlySpan<char> e = file.Field(evt);
                bool happened;
                if (eventValue is not null) happened = e.SequenceEqual(eventValue);
                else if (e is "1" || e.Equals("true", StringComparison.OrdinalIgnoreCase) || e.Equals("yes", StringComparison.OrdinalIgnoreCase)) happened = true;
                else if (e is "0" || e.Equals("false", StringComparison.OrdinalIgnoreCase) || e.Equals("no", StringComparison.OrdinalIgnoreCase)) happened = false;
                else
                {
                    file.Invalid(file.Message(evt, "event", $"'{e}' is not 1/0, true/false or yes/no; pass --event {eventColumn}=<event value>."));
                    continue;
                }
                string groupName = "all";
                if (group >= 0 && !file.TryText(group, "group", out groupName)) continue;
                observations.Add(new SurvivalObservation(t, happened));
                groups.Add(names.GetOrAdd(groupName));
            }
            file.ReportSkipped(context.Error);
        }
        var groupNames = new string[names.Count];
        for (int i = 0; i < groupNames.Length; i++) groupNames[i] = names[i];
        return new SurvivalData([.. observations], [.. groups], groupNames);
    }

    public override IReadOnlyList<Table> Execute(CommandArgs args, CommandContext context)
    {
        var options = new KaplanMeierOptions
        {
            Transform = args.GetChoice("--ci", ConfidenceIntervalTransform.Log, ("log", ConfidenceIntervalTransform.Log),
                ("log-log", ConfidenceIntervalTransform.LogLog), ("plain", ConfidenceIntervalTransform.Plain)),
            ConfidenceLevel = args.GetDouble("--confidence", 0.95, 0.5, 0.9999),
        };
        SurvivalData data = Load(args, context, grouped: true);
        var curve = new Table("curve", "group", "time", "atRisk", "events", "censored", "survival", "standardError", "lower", "upper");
        var medians = new Table("medians", "group", "subjects", "events", "censored", "median", "lower", "upper");
        int groupCount = Math.Max(1, data.GroupNames.Count);
        var subset = new List<SurvivalObservation>(data.Observations.Length);
        for (int g = 0; g < groupCount; g++)
        {
            subset.Clear();
            for (int i = 0; i < data.Observations.Length; i++)
                if (data.Groups[i] == g) subset.Add(data.Observations[i]);
            string name = data.GroupNames.Count == 0 ? "all" : data.GroupNames[g];
            KaplanMeierCurve km = Survival.KaplanMeier(subset.ToArray(), options);
            foreach (KaplanMeierRow r in km.Rows)
                curve.Add(name, r.Time, r.AtRisk, r.Events, r.Censored, r.Survival, r.StandardError, r.Lower, r.Upper);
            SurvivalTimeEstimate median = km.Median;
            medians.Add(name, km.Count, km.Events, km.Censored, median.IsReached ? median.Estimate : double.NaN, median.Lower, median.Upper);
        }
        if (data.GroupNames.Count < 2) return [curve, medians];
        LogRankResult test = Survival.LogRank(data.Observations, data.Groups);
        var logRank = new Table("logRank", "group", "subjects", "observed", "expected", "statistic", "degreesOfFreedom", "pValue");
        foreach (LogRankGroup g in test.Groups)
            logRank.Add(data.GroupNames[g.Group], g.Count, g.Observed, g.Expected, test.Statistic, test.DegreesOfFreedom, test.PValue);
        return [curve, medians, logRank];
    }
}
