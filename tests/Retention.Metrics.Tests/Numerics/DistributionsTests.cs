using MathNet.Numerics.Distributions;
using Retention.Metrics.Numerics;

namespace Retention.Metrics.Tests.Numerics;

// Oracles: MathNet.Numerics 5.0.0 for sweeps; mpmath 1.3 at 50 digits for tails (mpmath.ncdf, mpmath.betainc,
// mpmath.gammainc and findroot on ncdf for quantiles).
public class DistributionsTests
{
    [Theory]
    [InlineData(0.5, 0.3085375387259869)]
    [InlineData(2, 0.02275013194817921)]
    [InlineData(3, 0.0013498980316300946)]
    [InlineData(5, 2.866515718791939e-07)]
    [InlineData(8, 6.220960574271784e-16)]
    [InlineData(10, 7.619853024160525e-24)]
    [InlineData(20, 2.7536241186062337e-89)]
    [InlineData(37.5, 4.605353009581955e-308)]
    public void NormalSurvival_HighPrecisionValues_Within2e15(double x, double expected)
    {
        NumericAssert.Close(expected, NormalDistribution.Survival(x), 2e-15);
        NumericAssert.Close(expected, NormalDistribution.Cdf(-x), 2e-15);
        NumericAssert.Close(1 - expected, NormalDistribution.Cdf(x), 2.5e-16);
    }

    [Fact]
    public void NormalCdf_Sweep_MatchesMathNet()
    {
        for (double x = -37; x <= 9; x += 0.0173)
        {
            // MathNet evaluates 0.5·erfc(−x/√2); rounding x/√2 costs it ~x²·ε relative in the deep tail.
            NumericAssert.Close(Normal.CDF(0, 1, x), NormalDistribution.Cdf(x), 1e-13 + 2e-16 * x * x, 0d, $"x={x:R}");
        }
        for (double x = -8; x <= 8; x += 0.01)
            NumericAssert.Close(Normal.PDF(0, 1, x), NormalDistribution.Pdf(x), 1e-14, 0d, $"x={x:R}");
        Assert.Equal(0.5, NormalDistribution.Cdf(0));
        Assert.Equal(0d, NormalDistribution.Cdf(double.NegativeInfinity));
        Assert.Equal(1d, NormalDistribution.Cdf(double.PositiveInfinity));
        Assert.True(double.IsNaN(NormalDistribution.Cdf(double.NaN)));
    }

    [Theory]
    [InlineData(1e-300, -37.0470962993612)]
    [InlineData(1e-100, -21.273453560965326)]
    [InlineData(1e-20, -9.262340089798407)]
    [InlineData(1e-10, -6.361340902404057)]
    [InlineData(0.001, -3.0902323061678136)]
    [InlineData(0.02425, -1.972961051311885)]
    [InlineData(0.1, -1.2815515655446004)]
    [InlineData(0.3, -0.5244005127080408)]
    [InlineData(0.4999, -0.00025066283008800747)]
    [InlineData(0.5001, 0.00025066283008800747)]
    [InlineData(0.7, 0.5244005127080407)]
    [InlineData(0.975, 1.9599639845400538)]
    [InlineData(0.999, 3.090232306167813)]
    [InlineData(0.9999999999, 6.361340889697422)]
    [InlineData(0.9999999999999999, 8.209536151601387)]
    public void NormalQuantile_HighPrecisionValues_Within1e15(double p, double expected)
    {
        // 0.4999 and 0.5001 sit 1e-4 from ½ but are not exact mirrors in binary, so their quantiles differ in the last digits;
        // allow 1e-12 relative there (the absolute error is below 1e-16).
        double tolerance = Math.Abs(p - 0.5) < 1e-3 ? 1e-12 : 1.2e-15;
        NumericAssert.Close(expected, NormalDistribution.Quantile(p), tolerance);
    }

    [Fact]
    public void NormalQuantile_RoundTripsThroughCdf()
    {
        foreach (double p in NumericAssert.LogSpace(1e-300, 0.5, 3000))
        {
            double x = NormalDistribution.Quantile(p);
            NumericAssert.Close(p, NormalDistribution.Cdf(x), 2e-15 * Math.Max(1, x * x), 0d, $"p={p:R}");
            NumericAssert.Close(-x, NormalDistribution.SurvivalQuantile(p), 1e-15, 0d, $"p={p:R}");
        }
        for (double p = 0.0001; p < 1; p += 0.00097)
            NumericAssert.Close(Normal.InvCDF(0, 1, p), NormalDistribution.Quantile(p), 1e-13, 1e-16, $"p={p:R}");
        Assert.Equal(double.NegativeInfinity, NormalDistribution.Quantile(0));
        Assert.Equal(double.PositiveInfinity, NormalDistribution.Quantile(1));
        Assert.Equal(0d, NormalDistribution.Quantile(0.5));
        Assert.True(double.IsNaN(NormalDistribution.Quantile(1.5)));
        Assert.True(double.IsNaN(NormalDistribution.Quantile(double.NaN)));
        NumericAssert.Close(Rate.Z95, NormalDistribution.Quantile(0.975), 1e-15);
    }

    [Theory]
    [InlineData(2.0, 10, 0.07338803477074037)]
    [InlineData(1.96, 1000000.0, 0.04999606758526979)]
    [InlineData(0.1, 3.5, 0.9258044196868921)]
    [InlineData(5, 2, 0.037749551350623724)]
    [InlineData(10, 30, 4.575251408229613e-11)]
    [InlineData(40, 100, 2.462107602140071e-63)]
    [InlineData(2.5, 12345.6, 0.012432200145626468)]
    [InlineData(0.001, 7, 0.9992300172449988)]
    [InlineData(100, 1, 0.00636598552981651)]
    [InlineData(3, 1000000000.0, 0.0026997961297379157)]
    [InlineData(1.7249999999999734, 1e4, 0.08455837016590065)]
    [InlineData(5, 1e5, 5.742701678641673e-07)]
    [InlineData(12, 1001, 4.30512900516008e-31)]
    public void StudentT_HighPrecisionTwoSided_Within1e13(double t, double df, double expected)
    {
        // Both evaluation paths (continued fraction up to df = 1000, quadrature above) must meet the bound.
        NumericAssert.Close(expected / 2, StudentTDistribution.UpperTailByQuadrature(Math.Abs(t), df), 1e-13);
        NumericAssert.Close(expected, StudentTDistribution.TwoSidedPValue(t, df), 1e-13);
        NumericAssert.Close(expected, StudentTDistribution.TwoSidedPValue(-t, df), 1e-13);
        NumericAssert.Close(expected / 2, StudentTDistribution.Survival(t, df), 1e-13);
        NumericAssert.Close(expected / 2, StudentTDistribution.Cdf(-t, df), 1e-13);
        NumericAssert.Close(1 - expected / 2, StudentTDistribution.Cdf(t, df), 1e-15);
    }

    [Fact]
    public void StudentT_Sweep_MatchesMathNet()
    {
        double[] dfs = [1, 1.5, 2, 3, 4.7, 10, 29.9, 100, 999, 1001, 1e4, 1e5];
        foreach (double df in dfs)
            for (double t = -12; t <= 12; t += 0.137)
            {
                double expected = StudentT.CDF(0, 1, df, t);
                // MathNet's own error reaches ~1.5e-12 (e.g. df = 100, t = −1.588: mpmath 0.05772164502306662, ours
                // 0.057721645023066426, MathNet 0.057721645023153745), so allow 5e-12; mpmath values above are held to 1e-13.
                // Above df = 1000 MathNet's error grows roughly like df·ε (2e-11 at df = 1e4, t = −1.725: mpmath
                // 0.042279185082950324, ours 0.0422791850829503, MathNet 0.04227918508200834), hence 1e-9 there.
                double tolerance = df > 1000 ? 1e-9 : 5e-12;
                NumericAssert.Close(expected, StudentTDistribution.Cdf(t, df), tolerance, 1e-300, $"df={df:R} t={t:R}");
            }
        Assert.Equal(0.5, StudentTDistribution.Cdf(0, 5));
        Assert.Equal(1d, StudentTDistribution.TwoSidedPValue(0, 5));
        NumericAssert.Close(2 * NormalDistribution.Survival(2), StudentTDistribution.TwoSidedPValue(2, double.PositiveInfinity), 1e-15);
        Assert.True(double.IsNaN(StudentTDistribution.Cdf(1, 0)));
        // Cauchy (df = 1): P(T > t) = ½ − atan(t)/π
        NumericAssert.Close(0.5 - Math.Atan(3) / Math.PI, StudentTDistribution.Survival(3, 1), 1e-14);
    }

    [Theory]
    [InlineData(3.841458820694124, 1, 0.05000000000000006, 0.95)]
    [InlineData(0.001, 1, 0.9747728793699604, 0.025227120630039613)]
    [InlineData(50, 1, 1.537459794428035e-12, 0.9999999999984626)]
    [InlineData(700, 1, 2.9902269751246203e-154, 1.0)]
    [InlineData(10, 4, 0.040427681994512805, 0.9595723180054871)]
    [InlineData(100, 7.5, 2.1666242154755054e-18, 1.0)]
    [InlineData(0.5, 30, 1.0, 5.634558720450991e-22)]
    [InlineData(300, 200, 5.924540335483916e-06, 0.9999940754596646)]
    [InlineData(1e-06, 3, 0.9999999997340385, 2.659614404791799e-10)]
    public void ChiSquared_HighPrecisionValues_Within1e13(double x, double df, double survival, double cdf)
    {
        NumericAssert.Close(survival, ChiSquaredDistribution.Survival(x, df), 1e-13);
        NumericAssert.Close(cdf, ChiSquaredDistribution.Cdf(x, df), 1e-13);
    }

    [Fact]
    public void ChiSquared_Sweep_MatchesMathNet()
    {
        double[] dfs = [0.5, 1, 2, 3, 5, 10, 30, 100, 500];
        foreach (double df in dfs)
            foreach (double x in NumericAssert.LogSpace(1e-6, 1000, 150))
            {
                double cdf = ChiSquared.CDF(df, x);
                NumericAssert.Close(cdf, ChiSquaredDistribution.Cdf(x, df), 1e-12, 1e-15, $"df={df:R} x={x:R}");
                NumericAssert.Close(1 - cdf, ChiSquaredDistribution.Survival(x, df), 1e-12, 1e-15, $"df={df:R} x={x:R}");
            }
        Assert.Equal(1d, ChiSquaredDistribution.Survival(0, 1));
        Assert.Equal(0d, ChiSquaredDistribution.Cdf(-1, 3));
        Assert.True(double.IsNaN(ChiSquaredDistribution.Survival(1, -1)));
        // df = 1: survival equals the two-sided normal tail of √x.
        NumericAssert.Close(2 * NormalDistribution.Survival(3), ChiSquaredDistribution.Survival(9, 1), 1e-14);
    }

    [Fact]
    public void HypergeometricLogPmf_Sweep_MatchesMathNet()
    {
        int[][] cases = [[10, 4, 5], [50, 20, 25], [200, 13, 100], [1000, 500, 400], [8, 4, 4], [5000, 30, 2000]];
        foreach (int[] c in cases)
        {
            int population = c[0], successes = c[1], draws = c[2];
            double total = 0;
            for (int k = Math.Max(0, draws - (population - successes)); k <= Math.Min(successes, draws); k++)
            {
                double expected = Hypergeometric.PMFLn(population, successes, draws, k);
                double actual = HypergeometricDistribution.LogPmf(k, population, successes, draws);
                // The three log-binomials cancel; allow 1e-14 of the largest (ln C(N, n)) as absolute slack.
                double slack = 1e-14 * Math.Abs(MathNet.Numerics.SpecialFunctions.BinomialLn(population, draws));
                NumericAssert.Close(expected, actual, 1e-12, slack, $"N={population} K={successes} n={draws} k={k}");
                total += Math.Exp(actual);
            }
            NumericAssert.Close(1, total, 1e-12);
        }
        // Tea tasting: P(k = 3 | N = 8, K = 4, n = 4) = C(4,3)C(4,1)/C(8,4) = 16/70.
        NumericAssert.Close(16d / 70d, Math.Exp(HypergeometricDistribution.LogPmf(3, 8, 4, 4)), 1e-15);
        Assert.Equal(double.NegativeInfinity, HypergeometricDistribution.LogPmf(5, 8, 4, 4));
        Assert.True(double.IsNaN(HypergeometricDistribution.LogPmf(1, 8, 9, 4)));
    }
}
