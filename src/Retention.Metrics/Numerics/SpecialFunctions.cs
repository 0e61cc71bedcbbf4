// Internal API (Retention.Metrics.Numerics.SpecialFunctions). All functions are pure; arguments outside the stated
// domain return NaN (never an exception), so callers validate at their own boundary.
//   double LogGamma(double x)                       x > 0; ~1e-15 relative, also near the zeros at 1 and 2.
//   double Gamma(double x)                          x > 0; +∞ above 171.62.
//   double Digamma(double x)                        x > 0; ~1e-15 absolute near its root 1.4616, relative elsewhere.
//   double LogBeta(double a, double b)              a, b > 0; stable for very unequal sizes (a = 0.5, b = 1e6).
//   double LogChoose(double n, double k)            0 ≤ k ≤ n; log of the binomial coefficient.
//   double Erf(double x), Erfc(double x)            all x; Erfc keeps full relative accuracy deep in the upper tail.
//   double GammaP(double a, double x)               regularized lower incomplete gamma P(a, x), a > 0, x ≥ 0.
//   double GammaQ(double a, double x)               regularized upper incomplete gamma Q(a, x) = 1 − P(a, x).
//   double BetaRegularized(double a, double b, double x)   I_x(a, b), a, b > 0, 0 ≤ x ≤ 1.
//   double BetaRegularized(double a, double b, double x, double y)  same with y = 1 − x supplied exactly (no cancellation).
//   double Hypergeometric2F1(double a, double b, double c, double z)     Gauss 2F1 for z < 1 (see remarks on the method).
//   double LogHypergeometric2F1(double a, double b, double c, double z)  log of a positive 2F1 without overflow.
//   double LogOnePlusXMinusX(double x)              log(1 + x) − x without cancellation, x > −1.
//   double StirlingCorrection(double x)             lnΓ(x) − [(x − ½)ln x − x + ½ln 2π], x ≥ 10.
namespace Retention.Metrics.Numerics;

/// <summary>Special functions (gamma, beta, error function, incomplete gamma/beta, Gauss hypergeometric) in double precision.</summary>
internal static class SpecialFunctions
{
    /// <summary>Euler–Mascheroni constant γ.</summary>
    internal const double EulerGamma = 0.57721566490153286060651209;

    /// <summary>½ ln(2π).</summary>
    internal const double HalfLogTwoPi = 0.91893853320467274178032973;

    /// <summary>√π.</summary>
    internal const double SqrtPi = 1.77245385090551602729816748;

    // ζ(k) − 1 for k = 2..31, for the Taylor series of lnΓ(2 + t) = (1 − γ)t + Σ (−1)^k (ζ(k) − 1) t^k / k.
    private static ReadOnlySpan<double> ZetaMinusOne =>
    [
        6.44934066848226406e-01, 2.02056903159594292e-01, 8.23232337111381857e-02, 3.69277551433699266e-02,
        1.73430619844491402e-02, 8.34927738192282713e-03, 4.07735619794433960e-03, 2.00839282608221426e-03,
        9.94575127818085256e-04, 4.94188604119464529e-04, 2.46086553308048320e-04, 1.22713347578489145e-04,
        6.12481350587048277e-05, 3.05882363070204933e-05, 1.52822594086518710e-05, 7.63719763789976257e-06,
        3.81729326499984022e-06, 1.90821271655393897e-06, 9.53962033872796212e-07, 4.76932986787806447e-07,
        2.38450502727733004e-07, 1.19219925965311064e-07, 5.96081890512594801e-08, 2.98035035146522793e-08,
        1.49015548283650427e-08, 7.45071178983543006e-09, 3.72533402478845728e-09, 1.86265972351304914e-09,
        9.31327432419668166e-10, 4.65662906503378366e-10,
    ];

    /// <summary>lnΓ(2 + t) for |t| ≤ ½ by its Taylor series at 2 (exact zero at t = 0, full relative accuracy near it).</summary>
    private static double LogGammaTwoPlus(double t)
    {
        ReadOnlySpan<double> z = ZetaMinusOne;
        double sum = 0d;
        for (int i = z.Length - 1; i >= 0; i--)
        {
            int k = i + 2;
            double coefficient = ((k & 1) == 0 ? z[i] : -z[i]) / k;
            sum = sum * t + coefficient;
        }
        // (1 − γ) t + t² Σ c_k t^(k−2)
        return t * ((1d - EulerGamma) + t * sum);
    }

    /// <summary>Stirling correction <c>δ(x) = lnΓ(x) − (x − ½)ln x + x − ½ln 2π</c> for x ≥ 10 (absolute error below 1e-18).</summary>
    internal static double StirlingCorrection(double x)
    {
        double r = 1d / x;
        double r2 = r * r;
        // B_2k / (2k (2k − 1) x^(2k−1)), k = 1..9
        return r * (1d / 12d + r2 * (-1d / 360d + r2 * (1d / 1260d + r2 * (-1d / 1680d + r2 * (1d / 1188d
            + r2 * (-691d / 360360d + r2 * (1d / 156d + r2 * (-3617d / 122400d + r2 * (43867d / 244188d)))))))));
    }

    /// <summary>Natural log of the gamma function for x &gt; 0.</summary>
    internal static double LogGamma(double x)
    {
        if (!(x > 0d)) return double.NaN;
        if (double.IsPositiveInfinity(x)) return double.PositiveInfinity;
        // lnΓ(x) = lnΓ(x + 2) − ln x − ln(1 + x) and lnΓ(x) = lnΓ(x + 1) − ln x (x exact, so ln x is accurate near 1).
        if (x < 0.5d) return LogGammaTwoPlus(x) - Math.Log(x) - LogOnePlus(x);
        if (x < 1.5d) return LogGammaTwoPlus(x - 1d) - Math.Log(x);
        if (x <= 2.5d) return LogGammaTwoPlus(x - 2d);
        if (x < 13d)
        {
            double product = 1d;
            while (x > 2.5d)
            {
                x -= 1d;
                product *= x;
            }
            return LogGammaTwoPlus(x - 2d) + Math.Log(product);
        }
        return (x - 0.5d) * Math.Log(x) - x + HalfLogTwoPi + StirlingCorrection(x);
    }

    /// <summary>log(1 + x) with full relative accuracy for small |x|.</summary>
    internal static double LogOnePlus(double x)
    {
        if (!(x > -1d)) return x == -1d ? double.NegativeInfinity : double.NaN;
        if (double.IsPositiveInfinity(x)) return x;
        double u = 1d + x;
        if (u == 1d) return x;
        // Goldberg's trick: log(u) · x / (u − 1) corrects the rounding of 1 + x.
        return Math.Log(u) * x / (u - 1d);
    }

    /// <summary>log(1 + x) − x without cancellation for small |x|; x &gt; −1.</summary>
    internal static double LogOnePlusXMinusX(double x)
    {
        if (!(x > -1d)) return x == -1d ? double.NegativeInfinity : double.NaN;
        if (Math.Abs(x) > 0.25d) return LogOnePlus(x) - x;
        // log(1 + x) − x = Σ_{k≥2} (−1)^(k+1) x^k / k, summed until negligible (|x| ≤ ¼ needs at most 27 terms).
        double term = x * x;
        double sum = 0d;
        for (int k = 2; k < 60; k++)
        {
            double contribution = term / k;
            sum += (k & 1) == 0 ? -contribution : contribution;
            if (Math.Abs(contribution) <= 1e-17 * Math.Abs(sum)) break;
            term *= x;
        }
        return sum;
    }

    /// <summary>The gamma function for x &gt; 0.</summary>
    internal static double Gamma(double x)
    {
        if (!(x > 0d)) return double.NaN;
        if (x > 171.7d) return double.PositiveInfinity;
        if (x < 0.5d) return Math.Exp(LogGammaTwoPlus(x)) / (x * (1d + x));
        if (x < 1.5d) return Math.Exp(LogGammaTwoPlus(x - 1d)) / x;
        if (x <= 2.5d) return Math.Exp(LogGammaTwoPlus(x - 2d));
        if (x < 13d)
        {
            double product = 1d;
            while (x > 2.5d)
            {
                x -= 1d;
                product *= x;
            }
            return Math.Exp(LogGammaTwoPlus(x - 2d)) * product;
        }
        // Γ(x) = √(2π) · x^(x−½) · e^(−x) · e^(δ(x)); the power is split in two halves so it cannot overflow early.
        double half = Math.Pow(x, 0.5d * (x - 0.5d));
        return 2.50662827463100050242 * half * (half * Math.Exp(-x)) * Math.Exp(StirlingCorrection(x));
    }

    /// <summary>The digamma function ψ(x) = d lnΓ(x)/dx for x &gt; 0.</summary>
    internal static double Digamma(double x)
    {
        if (!(x > 0d)) return double.NaN;
        if (double.IsPositiveInfinity(x)) return double.PositiveInfinity;
        double shift = 0d;
        while (x < 10d)
        {
            shift -= 1d / x;
            x += 1d;
        }
        double r2 = 1d / (x * x);
        // ψ(x) ~ ln x − 1/(2x) − Σ B_2k / (2k x^2k)
        double tail = r2 * (1d / 12d - r2 * (1d / 120d - r2 * (1d / 252d - r2 * (1d / 240d - r2 * (1d / 132d
            - r2 * (691d / 32760d - r2 * (1d / 12d - r2 * (3617d / 8160d))))))));
        return shift + Math.Log(x) - 0.5d / x - tail;
    }

    /// <summary>ln B(a, b) = lnΓ(a) + lnΓ(b) − lnΓ(a + b) for a, b &gt; 0, without cancellation when a or b is large.</summary>
    internal static double LogBeta(double a, double b)
    {
        if (!(a > 0d) || !(b > 0d)) return double.NaN;
        double p = Math.Min(a, b);
        double q = Math.Max(a, b);
        if (double.IsPositiveInfinity(q)) return double.NegativeInfinity;
        double sum = p + q;
        if (p >= 10d)
        {
            double correction = StirlingCorrection(p) + StirlingCorrection(q) - StirlingCorrection(sum);
            return -0.5d * Math.Log(q) + HalfLogTwoPi + correction + (p - 0.5d) * Math.Log(p / sum)
                + q * LogOnePlus(-p / sum);
        }
        if (q >= 10d)
        {
            double correction = StirlingCorrection(q) - StirlingCorrection(sum);
            return LogGamma(p) + correction + p - p * Math.Log(sum) + (q - 0.5d) * LogOnePlus(-p / sum);
        }
        return LogGamma(p) + LogGamma(q) - LogGamma(sum);
    }

    /// <summary>ln C(n, k) for real 0 ≤ k ≤ n.</summary>
    internal static double LogChoose(double n, double k)
    {
        if (!(k >= 0d) || !(k <= n)) return double.NaN;
        if (k == 0d || k == n) return 0d;
        return -Math.Log(n + 1d) - LogBeta(n - k + 1d, k + 1d);
    }

    /// <summary>exp(−x²) without the rounding error of x² (x is split into a short head and a tail).</summary>
    internal static double ExpMinusSquare(double x)
    {
        x = Math.Abs(x);
        if (x > 27.3d) return 0d;
        double head = Math.Truncate(x * 65536d) / 65536d;
        double tail = x - head;
        return Math.Exp(-head * head) * Math.Exp(-tail * (x + head));
    }

    /// <summary>The error function erf(x).</summary>
    internal static double Erf(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        double ax = Math.Abs(x);
        double result = ax <= 1d ? ErfSeries(ax) : 1d - ErfcContinuedFraction(ax);
        return x < 0d ? -result : result;
    }

    /// <summary>The complementary error function erfc(x) = 1 − erf(x), accurate relative to its value for large x.</summary>
    internal static double Erfc(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (x < 0d) return 1d + (x >= -1d ? ErfSeries(-x) : 1d - ErfcContinuedFraction(-x));
        if (x < 1d) return 1d - ErfSeries(x);
        return ErfcContinuedFraction(x);
    }

    // erf(x) = 2x/√π e^(−x²) Σ (2x²)^n / (1·3·…·(2n+1)); every term positive, so no cancellation (0 ≤ x ≤ 1).
    private static double ErfSeries(double x)
    {
        double twoX2 = 2d * x * x;
        double term = 1d;
        double sum = 1d;
        for (int n = 1; n < 200; n++)
        {
            term *= twoX2 / (2 * n + 1);
            sum += term;
            if (term <= 1e-17 * sum) break;
        }
        return 2d * x / SqrtPi * ExpMinusSquare(x) * sum;
    }

    // erfc(x) = 2x e^(−x²)/√π · F(2x²), F(s) = 1/(s + 1 − 1·2/(s + 5 − 3·4/(s + 9 − …))), x ≥ 1 (≤ 95 terms).
    private static double ErfcContinuedFraction(double x)
    {
        if (x > 27.3d) return 0d;
        return 2d * x / SqrtPi * ExpMinusSquare(x) * TailFraction(2d * x * x);
    }

    /// <summary>The even continued fraction <c>1/(s + 1 − 1·2/(s + 5 − 3·4/(s + 9 − …)))</c> shared by erfc and the normal tail.</summary>
    internal static double TailFraction(double s)
    {
        const double Tiny = 1e-300;
        double b = s + 1d;
        double f = b;
        double c = b;
        double d = 0d;
        for (int n = 1; n < 5000; n++)
        {
            double an = -(2d * n - 1d) * (2d * n);
            b += 4d;
            d = b + an * d;
            if (Math.Abs(d) < Tiny) d = Tiny;
            c = b + an / c;
            if (Math.Abs(c) < Tiny) c = Tiny;
            d = 1d / d;
            double delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1d) < 1e-16) break;
        }
        return 1d / f;
    }

    /// <summary>x^a e^(−x) / Γ(a), the common prefix of the incomplete gamma functions, without cancellation for large a.</summary>
    private static double GammaPrefix(double a, double x)
    {
        if (x == 0d) return 0d;
        if (a < 10d) return Math.Exp(a * Math.Log(x) - x - LogGamma(a));
        // x^a e^(−x)/Γ(a) = √(a/2π) exp(a ln(x/a) + a − x − δ(a)); near x = a the exponent is a·(log1p(d) − d), d = (x − a)/a.
        double d = (x - a) / a;
        double exponent = Math.Abs(d) < 0.5d ? a * LogOnePlusXMinusX(d) : a * Math.Log(x / a) + (a - x);
        return Math.Sqrt(a / (2d * Math.PI)) * Math.Exp(exponent - StirlingCorrection(a));
    }

    /// <summary>The regularized lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a); a &gt; 0, x ≥ 0.</summary>
    internal static double GammaP(double a, double x)
    {
        if (!(a > 0d) || !(x >= 0d) || double.IsPositiveInfinity(a)) return double.NaN;
        if (x == 0d) return 0d;
        if (double.IsPositiveInfinity(x)) return 1d;
        return x < a + 1d ? GammaSeries(a, x) : 1d - GammaContinuedFraction(a, x);
    }

    /// <summary>The regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a); a &gt; 0, x ≥ 0.</summary>
    internal static double GammaQ(double a, double x)
    {
        if (!(a > 0d) || !(x >= 0d) || double.IsPositiveInfinity(a)) return double.NaN;
        if (x == 0d) return 1d;
        if (double.IsPositiveInfinity(x)) return 0d;
        return x < a + 1d ? 1d - GammaSeries(a, x) : GammaContinuedFraction(a, x);
    }

    private static double GammaSeries(double a, double x)
    {
        double prefix = GammaPrefix(a, x);
        if (prefix == 0d) return 0d;
        double ap = a;
        double term = 1d / a;
        double sum = term;
        for (int n = 0; n < 1_000_000; n++)
        {
            ap += 1d;
            term *= x / ap;
            sum += term;
            if (term < sum * 1e-17) break;
        }
        return sum * prefix;
    }

    private static double GammaContinuedFraction(double a, double x)
    {
        double prefix = GammaPrefix(a, x);
        if (prefix == 0d) return 0d;
        const double Tiny = 1e-300;
        double b = x + 1d - a;
        double c = 1d / Tiny;
        double d = 1d / b;
        double h = d;
        for (int i = 1; i < 1_000_000; i++)
        {
            double an = -i * (i - a);
            b += 2d;
            d = an * d + b;
            if (Math.Abs(d) < Tiny) d = Tiny;
            c = b + an / c;
            if (Math.Abs(c) < Tiny) c = Tiny;
            d = 1d / d;
            double delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1d) < 1e-16) break;
        }
        return prefix * h;
    }

    /// <summary>The regularized incomplete beta function I_x(a, b); a, b &gt; 0, 0 ≤ x ≤ 1.</summary>
    internal static double BetaRegularized(double a, double b, double x) => BetaRegularized(a, b, x, 1d - x);

    /// <summary>I_x(a, b) with <paramref name="y"/> = 1 − x supplied by the caller, so a tiny 1 − x keeps its precision.</summary>
    internal static double BetaRegularized(double a, double b, double x, double y)
    {
        if (!(a > 0d) || !(b > 0d) || !(x >= 0d) || !(y >= 0d) || !(x <= 1d) || !(y <= 1d)) return double.NaN;
        if (double.IsPositiveInfinity(a) || double.IsPositiveInfinity(b)) return double.NaN;
        if (x == 0d) return 0d;
        if (y == 0d) return 1d;
        if (x > (a + 1d) / (a + b + 2d)) return 1d - BetaContinuedFraction(b, a, y, x);
        return BetaContinuedFraction(a, b, x, y);
    }

    // x^a y^b / (a B(a, b)) times the Lentz continued fraction (converges for x < (a + 1)/(a + b + 2)).
    private static double BetaContinuedFraction(double a, double b, double x, double y)
    {
        double logX = x < 0.5d ? Math.Log(x) : LogOnePlus(-y);
        double logY = y < 0.5d ? Math.Log(y) : LogOnePlus(-x);
        double prefix = Math.Exp(a * logX + b * logY - LogBeta(a, b)) / a;
        if (prefix == 0d) return 0d;
        const double Tiny = 1e-300;
        double qab = a + b;
        double qap = a + 1d;
        double qam = a - 1d;
        double c = 1d;
        double d = 1d - qab * x / qap;
        if (Math.Abs(d) < Tiny) d = Tiny;
        d = 1d / d;
        double h = d;
        for (int m = 1; m < 1_000_000; m++)
        {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1d + aa * d;
            if (Math.Abs(d) < Tiny) d = Tiny;
            c = 1d + aa / c;
            if (Math.Abs(c) < Tiny) c = Tiny;
            d = 1d / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1d + aa * d;
            if (Math.Abs(d) < Tiny) d = Tiny;
            c = 1d + aa / c;
            if (Math.Abs(c) < Tiny) c = Tiny;
            d = 1d / d;
            double delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1d) < 1e-16) break;
        }
        return prefix * h;
    }

    /// <summary>The Gauss hypergeometric function 2F1(a, b; c; z) for z &lt; 1.</summary>
    /// <remarks>
    /// z in [0, 1): the defining series Σ (a)_k (b)_k / ((c)_k k!) z^k, summed until the tail bound
    /// <c>|term|·ρ/(1 − ρ)</c> (ρ the current term ratio) is below 1e-17 of the sum; up to 10⁷ terms, so z up to about
    /// 1 − 1e-5 is within reach (the number of terms grows like 40/(1 − z) plus the parameter sizes). z &lt; 0: the Pfaff
    /// transformation <c>2F1(a, b; c; z) = (1 − z)^(−a) 2F1(a, c − b; c; z/(z − 1))</c> maps z to [0, 1). Returns NaN when
    /// c is a non-positive integer (and the series does not terminate first), when z ≥ 1, or when the series does not
    /// converge within the budget. With a, b, c &gt; 0 and z ≥ 0 every term is positive and the result has a relative
    /// error of a few ulps times √(number of terms).
    /// </remarks>
    internal static double Hypergeometric2F1(double a, double b, double c, double z)
    {
        double log = LogHypergeometric2F1Signed(a, b, c, z, out double sign);
        return double.IsNaN(log) ? double.NaN : sign * Math.Exp(log);
    }

    /// <summary>ln 2F1(a, b; c; z) for z &lt; 1 when the value is positive (NaN when it is not); never overflows.</summary>
    internal static double LogHypergeometric2F1(double a, double b, double c, double z)
    {
        double log = LogHypergeometric2F1Signed(a, b, c, z, out double sign);
        return sign > 0d ? log : double.NaN;
    }

    private static double LogHypergeometric2F1Signed(double a, double b, double c, double z, out double sign)
    {
        sign = double.NaN;
        if (double.IsNaN(a) || double.IsNaN(b) || double.IsNaN(c) || !(z < 1d)) return double.NaN;
        if (double.IsInfinity(a) || double.IsInfinity(b) || double.IsInfinity(c) || double.IsInfinity(z)) return double.NaN;
        if (z < 0d)
        {
            double w = z / (z - 1d);
            double logOneMinusZ = LogOnePlus(-z);
            // Keep the parameter whose partner c − other stays non-negative when possible (fewer sign changes).
            bool keepA = c - b >= 0d || c - a < 0d;
            double kept = keepA ? a : b;
            double other = keepA ? c - b : c - a;
            double inner = Series(kept, other, c, w, out double innerSign);
            if (double.IsNaN(inner)) return double.NaN;
            sign = innerSign;
            return inner - kept * logOneMinusZ;
        }
        double result = Series(a, b, c, z, out double s);
        sign = s;
        return result;
    }

    // Returns ln|Σ| and its sign; the running sum is rescaled by powers of two so it never overflows.
    private static double Series(double a, double b, double c, double z, out double sign)
    {
        sign = 1d;
        if (z == 0d || a == 0d || b == 0d) return 0d;
        double term = 1d;
        double sum = 1d;
        double logScale = 0d;
        const double Big = 1e280;
        const int ScaleExponent = 900;
        for (int k = 0; k < 10_000_000; k++)
        {
            double cc = c + k;
            if (cc == 0d)
            {
                sign = double.NaN;
                return double.NaN;
            }
            double ratio = (a + k) * (b + k) / (cc * (k + 1d)) * z;
            term *= ratio;
            sum += term;
            if (term == 0d) break;
            if (Math.Abs(sum) > Big || Math.Abs(term) > Big)
            {
                sum = Math.ScaleB(sum, -ScaleExponent);
                term = Math.ScaleB(term, -ScaleExponent);
                logScale += ScaleExponent * 0.69314718055994530942;
            }
            double rho = Math.Abs(ratio);
            if (rho < 1d && k > 2)
            {
                double bound = Math.Max(rho, Math.Abs(z));
                if (Math.Abs(term) * bound / (1d - bound) <= 1e-17 * Math.Abs(sum)) break;
            }
            if (k == 10_000_000 - 1)
            {
                sign = double.NaN;
                return double.NaN;
            }
        }
        if (sum == 0d)
        {
            sign = 0d;
            return double.NegativeInfinity;
        }
        sign = sum > 0d ? 1d : -1d;
        return Math.Log(Math.Abs(sum)) + logScale;
    }
}
