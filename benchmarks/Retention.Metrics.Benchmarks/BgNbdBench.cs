using BenchmarkDotNet.Attributes;
using Retention.Metrics.Benchmarks.Infrastructure;

namespace Retention.Metrics.Benchmarks;

/// <summary>BG/NBD at scale: the maximum-likelihood fit on N customer summaries, and span-vectorised predictions for N customers.</summary>
/// <remarks>
/// Data are simulated from the BG/NBD process with the CDNOW parameters (r = 0.243, α = 4.414, a = 0.793, b = 2.426; weeks),
/// ages uniform over 1..52 weeks, times on whole days, seed 42. The setup checks that the fit converges near those parameters,
/// so a fast wrong answer cannot be reported. The predictions' baseline is the per-customer LINQ projection a caller would
/// write (<c>Select(...).ToArray()</c>), which allocates the result on every call.
/// </remarks>
[BenchConfig]
[BenchmarkCategory("BgNbd")]
[MemoryDiagnoser]
public class BgNbdBench
{
    private BgNbdObservation[] _data = [];
    private double[] _means = [];
    private double[] _destination = [];
    private BgNbdModel _model = BgNbdModel.FromParameters(0.243, 4.414, 0.793, 2.426);
    private readonly GammaGammaModel _spend = GammaGammaModel.FromParameters(6.25, 3.74, 15.44);

    [Params(1_000, 1_000_000)]
    public int Customers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = Simulate(Customers, seed: 42, out _means);
        _destination = new double[Customers];
        BgNbdModel fitted = BgNbdModel.Fit(_data);
        if (!fitted.Converged || (Customers >= 100_000 && Math.Abs(fitted.R - 0.243) > 0.02))
            throw new InvalidOperationException($"The BG/NBD fit on the simulated data is off: {fitted}");
        _model = fitted;
    }

    [Benchmark]
    [BenchmarkCategory("Fit")]
    public double Fit() => BgNbdModel.Fit(_data).R;

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Predict")]
    public double[] ConditionalExpectedLinq() =>
        _data.Select(c => _model.ConditionalExpectedPurchases(39d, c.Frequency, c.Recency, c.Age)).ToArray();

    [Benchmark]
    [BenchmarkCategory("Predict")]
    public double ConditionalExpected()
    {
        _model.ConditionalExpectedPurchases(39d, _data, _destination);
        return _destination[^1];
    }

    [Benchmark]
    [BenchmarkCategory("Predict")]
    public double ProbabilityAlive()
    {
        _model.ProbabilityAlive(_data, _destination);
        return _destination[^1];
    }

    [Benchmark]
    [BenchmarkCategory("Predict")]
    public double Clv12Months()
    {
        _spend.CustomerLifetimeValue(_model, _data, _means, ClvHorizon.LifetimesMonthsInWeeks(12, 0.01), _destination);
        return _destination[^1];
    }

    /// <summary>Simulates BG/NBD customers: λ ~ Gamma(r, α), p ~ Beta(a, b), Poisson purchases while alive, dropout after each repeat purchase.</summary>
    internal static BgNbdObservation[] Simulate(int customers, int seed, out double[] meanValues)
    {
        const double R = 0.243, Alpha = 4.414, A = 0.793, B = 2.426;
        var random = new Random(seed);
        var data = new BgNbdObservation[customers];
        meanValues = new double[customers];
        for (int i = 0; i < customers; i++)
        {
            double age = random.Next(7, 365) / 7d;
            double lambda = SampleGamma(random, R) / Alpha;
            double x1 = SampleGamma(random, A), y1 = SampleGamma(random, B);
            double p = x1 / (x1 + y1);
            double t = 0d, last = 0d;
            int x = 0;
            while (lambda > 0d)
            {
                t += -Math.Log(1d - random.NextDouble()) / lambda;
                double day = Math.Ceiling(t * 7d) / 7d;
                if (day > age) break;
                if (day > last)
                {
                    x++;
                    last = day;
                }
                if (random.NextDouble() < p) break;
            }
            data[i] = new BgNbdObservation(x, last, age);
            meanValues[i] = x == 0 ? 0d : 5d + 60d * random.NextDouble();
        }
        return data;
    }

    // Marsaglia and Tsang (2000); shape < 1 by the boost G(k+1)·U^(1/k).
    private static double SampleGamma(Random random, double shape)
    {
        if (shape < 1d) return SampleGamma(random, shape + 1d) * Math.Pow(random.NextDouble(), 1d / shape);
        double d = shape - 1d / 3d, c = 1d / Math.Sqrt(9d * d);
        while (true)
        {
            double z, v;
            do
            {
                z = StandardNormal(random);
                v = 1d + c * z;
            }
            while (v <= 0d);
            v = v * v * v;
            double u = random.NextDouble();
            if (Math.Log(u) < 0.5d * z * z + d - d * v + d * Math.Log(v)) return d * v;
        }
    }

    private static double StandardNormal(Random random)
    {
        double u1 = 1d - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2d * Math.Log(u1)) * Math.Cos(2d * Math.PI * u2);
    }
}
