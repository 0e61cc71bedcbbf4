using BenchmarkDotNet.Attributes;

namespace Retention.Metrics.Benchmarks;

/// <summary>Kaplan–Meier table (risk set, events, censored, S, Greenwood se, log CI) over subscription lifetimes in days.</summary>
[BenchmarkCategory("KaplanMeier")]
[MemoryDiagnoser]
public class KaplanMeierBench
{
    private SurvivalObservation[] _days = [];
    private SurvivalObservation[] _fractional = [];

    /// <summary>Observations (subscriptions).</summary>
    [Params(1_000, 1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Seeded: lifetimes 0–1,499 days with a falling hazard; 60 % cancelled, the rest still active (censored).
        var random = new Random(42);
        _days = new SurvivalObservation[N];
        _fractional = new SurvivalObservation[N];
        for (int i = 0; i < N; i++)
        {
            double u = random.NextDouble();
            int days = (int)(1500 * u * u);
            bool cancelled = random.NextDouble() < 0.6;
            _days[i] = new SurvivalObservation(days, cancelled);
            _fractional[i] = new SurvivalObservation(days / 7d + random.Next(0, 3) * 0.25, cancelled);
        }
        double expected = Survival.KaplanMeier(_days).Rows[^1].Survival;
        double linq = Linq();
        if (Math.Abs(expected - linq) > 1e-9 * expected)
            throw new InvalidOperationException($"LINQ baseline disagrees: {linq} vs {expected}.");
    }

    /// <summary>What a developer writes by hand: group by time, order, walk the groups.</summary>
    [Benchmark(Baseline = true)]
    public double Linq()
    {
        var groups = _days.GroupBy(o => o.Time)
            .Select(g => (Time: g.Key, Events: g.Count(o => o.Event), Total: g.Count()))
            .OrderBy(g => g.Time)
            .ToList();
        long atRisk = _days.Length;
        double s = 1d, sum = 0d, last = 1d;
        var table = new List<(double Time, long AtRisk, int Events, double S, double Se)>(groups.Count);
        foreach (var g in groups)
        {
            if (g.Events > 0)
            {
                s *= 1d - (double)g.Events / atRisk;
                sum += atRisk == g.Events ? double.PositiveInfinity : (double)g.Events / (atRisk * (double)(atRisk - g.Events));
            }
            table.Add((g.Time, atRisk, g.Events, s, s * Math.Sqrt(sum)));
            atRisk -= g.Total;
            last = s;
        }
        return last;
    }

    /// <summary>Whole-day times: the counting path.</summary>
    [Benchmark]
    public double KaplanMeier() => Survival.KaplanMeier(_days).Rows[^1].Survival;

    /// <summary>Fractional times (weeks): the sorting path.</summary>
    [Benchmark]
    public double KaplanMeierFractional() => Survival.KaplanMeier(_fractional).Rows[^1].Survival;
}
