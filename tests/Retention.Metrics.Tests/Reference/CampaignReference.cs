using MathNet.Numerics.Distributions;

namespace Retention.Metrics.Tests.Reference;

/// <summary>Naive versions of the campaign tests (textbook formulas, LINQ, MathNet distributions) used as oracles.</summary>
internal static class CampaignReference
{
    /// <summary>Pearson's χ² as Σ (|O − E| − k)² / E over the four cells, k = min(0.5, |O − E|) with Yates (R's convention).</summary>
    public static double PearsonChiSquared(long x1, long n1, long x2, long n2, bool yates)
    {
        double[] observed = [x1, n1 - x1, x2, n2 - x2];
        double n = n1 + n2, col1 = x1 + x2, col2 = n - col1;
        if (col1 == 0 || col2 == 0) return 0;
        double[] expected = [n1 * col1 / n, n1 * col2 / n, n2 * col1 / n, n2 * col2 / n];
        return observed.Zip(expected, (o, e) =>
        {
            double diff = Math.Abs(o - e);
            if (yates) diff -= Math.Min(0.5, diff);
            return diff * diff / e;
        }).Sum();
    }

    /// <summary>Fisher's two-sided p by enumerating every table with MathNet's hypergeometric pmf (R's 1e-7 tolerance).</summary>
    public static double FisherTwoSided(long x1, long n1, long x2, long n2)
    {
        int population = (int)(n1 + n2), successes = (int)(x1 + x2), draws = (int)n1;
        int lo = Math.Max(0, draws - (population - successes)), hi = Math.Min(successes, draws);
        var pmf = Enumerable.Range(lo, hi - lo + 1).Select(k => Hypergeometric.PMF(population, successes, draws, k)).ToArray();
        double observed = pmf[(int)x1 - lo];
        return Math.Min(1, pmf.Where(p => p <= observed * (1 + 1e-7)).Sum());
    }

    /// <summary>Welch's t and df from LINQ means and unbiased variances.</summary>
    public static (double T, double Df) Welch(decimal[] x, decimal[] y)
    {
        double mx = x.Average(v => (double)v), my = y.Average(v => (double)v);
        double vx = x.Sum(v => ((double)v - mx) * ((double)v - mx)) / (x.Length - 1);
        double vy = y.Sum(v => ((double)v - my) * ((double)v - my)) / (y.Length - 1);
        double a = vx / x.Length, b = vy / y.Length;
        return ((mx - my) / Math.Sqrt(a + b), (a + b) * (a + b) / (a * a / (x.Length - 1) + b * b / (y.Length - 1)));
    }

    /// <summary>Spend per customer: mostly zeros, some orders of ¥500–¥20,000 in whole yen.</summary>
    public static decimal[] RandomSpend(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => random.NextDouble() < 0.7 ? 0m : random.Next(500, 20_001)).ToArray();
}
