// Internal API (Retention.Metrics.Numerics). Pure functions; out-of-domain arguments return NaN.
//   NormalDistribution.Pdf(double x)
//   NormalDistribution.Cdf(double x)                 Φ(x), relative accuracy kept deep in the lower tail.
//   NormalDistribution.Survival(double x)            1 − Φ(x), relative accuracy kept deep in the upper tail.
//   NormalDistribution.Quantile(double p)            Φ⁻¹(p), ~1e-15 relative for p in (1e-300, 1 − 1e-16); ±∞ at 0 and 1.
//   NormalDistribution.SurvivalQuantile(double q)    x with 1 − Φ(x) = q, for tiny upper-tail probabilities.
//   StudentTDistribution.Cdf(double t, double df), .Survival(t, df), .TwoSidedPValue(t, df)   df > 0 (real), +∞ = normal.
//   ChiSquaredDistribution.Cdf(double x, double df), .Survival(x, df)                       df > 0 (real); df = 1 via erfc.
//   HypergeometricDistribution.LogPmf(long k, long population, long successes, long draws)   −∞ outside the support.
namespace Retention.Metrics.Numerics;

/// <summary>The standard normal distribution.</summary>
internal static class NormalDistribution
{
    private const double InvSqrtTwoPi = 0.39894228040143267793994605993;
    private const double Sqrt1Over2 = 0.70710678118654752440084436210;

    /// <summary>The density φ(x), with x² free of rounding error.</summary>
    internal static double Pdf(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        return InvSqrtTwoPi * ExpMinusHalfSquare(x);
    }

    /// <summary>exp(−x²/2) with the square split into an exact head and a small tail.</summary>
    private static double ExpMinusHalfSquare(double x)
    {
        x = Math.Abs(x);
        if (x > 38.7d) return 0d;
        double head = Math.Truncate(x * 65536d) / 65536d;
        double tail = x - head;
        return Math.Exp(-0.5d * head * head) * Math.Exp(-0.5d * tail * (x + head));
    }

    /// <summary>The upper tail 1 − Φ(x).</summary>
    internal static double Survival(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (x < 0d) return 1d - Survival(-x);
        if (x < 3d) return 0.5d * SpecialFunctions.Erfc(x * Sqrt1Over2);
        if (x > 38.7d) return 0d;
        // Q(x) = φ(x) · x · F(x²), F the even continued fraction of the Mills ratio.
        return InvSqrtTwoPi * ExpMinusHalfSquare(x) * x * SpecialFunctions.TailFraction(x * x);
    }

    /// <summary>The distribution function Φ(x).</summary>
    internal static double Cdf(double x) => double.IsNaN(x) ? double.NaN : Survival(-x);

    /// <summary>The quantile Φ⁻¹(p); −∞ at 0, +∞ at 1, NaN outside [0, 1].</summary>
    internal static double Quantile(double p)
    {
        if (!(p >= 0d) || !(p <= 1d)) return double.NaN;
        // 1 − p is exact for p ≥ ½.
        return p <= 0.5d ? -SurvivalQuantile(p) : SurvivalQuantile(1d - p);
    }

    /// <summary>The x with 1 − Φ(x) = q; +∞ at 0, −∞ at 1, NaN outside [0, 1].</summary>
    internal static double SurvivalQuantile(double q)
    {
        if (!(q >= 0d) || !(q <= 1d)) return double.NaN;
        if (q == 0d) return double.PositiveInfinity;
        if (q == 1d) return double.NegativeInfinity;
        if (q > 0.5d) return -SurvivalQuantile(1d - q);
        if (q == 0.5d) return 0d;
        double x = -AcklamLower(q);
        // Halley steps on Q(x) − q: u = (Q − q)/φ, x ← x + u / (1 − x·u/2).
        for (int i = 0; i < 8; i++)
        {
            double density = Pdf(x);
            if (density == 0d) break;
            double u = (Survival(x) - q) / density;
            double step = u / (1d - 0.5d * x * u);
            x += step;
            if (Math.Abs(step) <= 1e-16 * Math.Abs(x)) break;
        }
        return x;
    }

    // Acklam's rational approximation of Φ⁻¹(p) for 0 < p ≤ ½ (relative error about 1e-9), refined by Halley above.
    private static double AcklamLower(double p)
    {
        const double PLow = 0.02425;
        if (p < PLow)
        {
            double q = Math.Sqrt(-2d * Math.Log(p));
            return (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
                - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
                / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                + 3.754408661907416e+00) * q + 1d);
        }
        double r0 = p - 0.5d;
        double r = r0 * r0;
        return (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
            + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * r0
            / (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
            + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1d);
    }
}

/// <summary>Student's t distribution with real degrees of freedom df &gt; 0 (df = +∞ is the standard normal).</summary>
internal static class StudentTDistribution
{
    /// <summary>The two-sided p-value P(|T| ≥ |t|) = I_{df/(df+t²)}(df/2, ½).</summary>
    internal static double TwoSidedPValue(double t, double df)
    {
        if (double.IsNaN(t) || !(df > 0d)) return double.NaN;
        if (double.IsPositiveInfinity(df)) return 2d * NormalDistribution.Survival(Math.Abs(t));
        if (double.IsInfinity(t)) return 0d;
        if (df > QuadratureThreshold) return Math.Min(1d, 2d * UpperTailByQuadrature(Math.Abs(t), df));
        double t2 = t * t;
        double x = df / (df + t2);
        double y = t2 / (df + t2);
        return Math.Min(1d, SpecialFunctions.BetaRegularized(0.5d * df, 0.5d, x, y));
    }

    // Above this df the incomplete-beta continued fraction loses about df·ε to cancellation; integrate the density instead.
    private const double QuadratureThreshold = 1000d;

    /// <summary>P(T &gt; t) for t ≥ 0 as f(t)·∫₀^∞ f(t + w)/f(t) dw, the ratio computed without cancellation and the integral by
    /// exp-sinh (double-exponential) quadrature; relative accuracy about 1e-14 for any df.</summary>
    internal static double UpperTailByQuadrature(double t, double df)
    {
        double logDensity = -SpecialFunctions.LogBeta(0.5d * df, 0.5d) - 0.5d * Math.Log(df)
            - 0.5d * (df + 1d) * SpecialFunctions.LogOnePlus(t * t / df);
        double density = Math.Exp(logDensity);
        if (density == 0d) return 0d;
        double half = 0.5d * (df + 1d);
        double scale = df + t * t;
        double twoT = 2d * t;
        // w = exp(π/2 · sinh τ); trapezoid in τ, halving the step until two levels agree.
        double h = 1d;
        double sum = ExpSinhTerm(0d, half, scale, twoT);
        sum += ExpSinhSweep(h, 1, half, scale, twoT);
        double estimate = h * sum;
        for (int level = 0; level < 10; level++)
        {
            h *= 0.5d;
            sum += ExpSinhSweep(h, 1, half, scale, twoT, odd: true);
            double next = h * sum;
            bool done = Math.Abs(next - estimate) <= 1e-15 * next;
            estimate = next;
            if (done && level >= 2) break;
        }
        return density * estimate;
    }

    // Sums terms at τ = ±k·h for k = start, start + stride, … until they are negligible.
    private static double ExpSinhSweep(double h, int start, double half, double scale, double twoT, bool odd = false)
    {
        double total = 0d;
        int stride = odd ? 2 : 1;
        for (int sign = -1; sign <= 1; sign += 2)
        {
            int small = 0;
            for (int k = start; k < 10_000; k += stride)
            {
                double tau = sign * k * h;
                if (Math.Abs(tau) > 6.5d) break;
                double term = ExpSinhTerm(tau, half, scale, twoT);
                total += term;
                if (term <= 1e-19 * Math.Max(total, 1e-300)) small++;
                else small = 0;
                if (small >= 3) break;
            }
        }
        return total;
    }

    private static double ExpSinhTerm(double tau, double half, double scale, double twoT)
    {
        double w = Math.Exp(Math.PI / 2d * Math.Sinh(tau));
        if (w == 0d || double.IsInfinity(w)) return 0d;
        double ratio = Math.Exp(-half * SpecialFunctions.LogOnePlus(w * (twoT + w) / scale));
        return ratio * w * (Math.PI / 2d) * Math.Cosh(tau);
    }

    /// <summary>The upper tail P(T &gt; t).</summary>
    internal static double Survival(double t, double df)
    {
        if (double.IsNaN(t) || !(df > 0d)) return double.NaN;
        double half = 0.5d * TwoSidedPValue(t, df);
        return t >= 0d ? half : 1d - half;
    }

    /// <summary>The distribution function P(T ≤ t).</summary>
    internal static double Cdf(double t, double df) => double.IsNaN(t) ? double.NaN : Survival(-t, df);
}

/// <summary>The chi-squared distribution with real degrees of freedom df &gt; 0.</summary>
internal static class ChiSquaredDistribution
{
    /// <summary>The distribution function P(X ≤ x) = P(df/2, x/2); 0 for x ≤ 0.</summary>
    internal static double Cdf(double x, double df)
    {
        if (double.IsNaN(x) || !(df > 0d) || double.IsPositiveInfinity(df)) return double.NaN;
        if (x <= 0d) return 0d;
        if (df == 1d) return SpecialFunctions.Erf(Math.Sqrt(0.5d * x));
        return SpecialFunctions.GammaP(0.5d * df, 0.5d * x);
    }

    /// <summary>The upper tail P(X &gt; x) = Q(df/2, x/2), accurate for tiny p-values; 1 for x ≤ 0.</summary>
    internal static double Survival(double x, double df)
    {
        if (double.IsNaN(x) || !(df > 0d) || double.IsPositiveInfinity(df)) return double.NaN;
        if (x <= 0d) return 1d;
        if (df == 1d) return SpecialFunctions.Erfc(Math.Sqrt(0.5d * x));
        if (df == 2d) return Math.Exp(-0.5d * x);
        return SpecialFunctions.GammaQ(0.5d * df, 0.5d * x);
    }
}

/// <summary>The hypergeometric distribution: <c>k</c> successes in <c>draws</c> draws without replacement.</summary>
internal static class HypergeometricDistribution
{
    /// <summary>ln P(K = k) = ln C(successes, k) + ln C(population − successes, draws − k) − ln C(population, draws).</summary>
    /// <returns>−∞ for k outside the support; NaN for inconsistent sizes.</returns>
    internal static double LogPmf(long k, long population, long successes, long draws)
    {
        if (population < 0 || successes < 0 || draws < 0 || successes > population || draws > population) return double.NaN;
        long low = Math.Max(0L, draws - (population - successes));
        long high = Math.Min(successes, draws);
        if (k < low || k > high) return double.NegativeInfinity;
        return SpecialFunctions.LogChoose(successes, k) + SpecialFunctions.LogChoose(population - successes, draws - k)
            - SpecialFunctions.LogChoose(population, draws);
    }
}
