namespace Retention.Metrics.Tests.Reference;

/// <summary>A naive Kaplan–Meier table: group by time with LINQ, count the risk set by scanning all observations.</summary>
internal static class KaplanMeierOracle
{
    public readonly record struct Row(double Time, long AtRisk, long Events, long Censored, double Survival, double StandardError);

    public static Row[] Table(IEnumerable<SurvivalObservation> observations)
    {
        SurvivalObservation[] all = [.. observations];
        var rows = new List<Row>();
        double s = 1d, sum = 0d;
        foreach (var group in all.GroupBy(o => o.Time).OrderBy(g => g.Key))
        {
            long n = all.LongCount(o => o.Time >= group.Key);
            long d = group.LongCount(o => o.Event);
            long c = group.LongCount(o => !o.Event);
            if (d > 0)
            {
                s *= 1d - (double)d / n;
                sum += n == d ? double.PositiveInfinity : (double)d / (n * (double)(n - d));
            }
            rows.Add(new Row(group.Key, n, d, c, s, s == 0d ? double.NaN : s * Math.Sqrt(sum)));
        }
        return [.. rows];
    }
}
