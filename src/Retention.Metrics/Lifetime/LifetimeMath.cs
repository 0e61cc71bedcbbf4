using Retention.Metrics.Numerics;

namespace Retention.Metrics;

/// <summary>Small numerical helpers of the lifetime models.</summary>
internal static class LifetimeMath
{
    /// <summary><c>e^x − 1</c> without cancellation for small |x| (Kahan's method).</summary>
    internal static double ExpMinusOne(double x)
    {
        if (Math.Abs(x) < 1e-5) return x + 0.5d * x * x + x * x * x / 6d;
        double u = Math.Exp(x);
        if (u == 1d) return x;
        double um1 = u - 1d;
        if (um1 == -1d) return -1d;
        if (double.IsPositiveInfinity(u)) return u;
        return um1 * x / Math.Log(u);
    }

    /// <summary><c>ln(s · 2F1(a, b; c; z))</c> with s the sign of 2F1, for z in [0, 1); positive parameters take the log path.</summary>
    internal static double LogHypergeometric(double a, double b, double c, double z, out double sign)
    {
        if (c > 0d && a > 0d && b > 0d)
        {
            sign = 1d;
            return SpecialFunctions.LogHypergeometric2F1(a, b, c, z);
        }
        double value = SpecialFunctions.Hypergeometric2F1(a, b, c, z);
        sign = Math.Sign(value);
        return Math.Log(Math.Abs(value));
    }

    /// <summary><c>1 − s·e^{logTerm}</c> computed without cancellation when the product is near 1.</summary>
    internal static double OneMinusSignedExp(double logTerm, double sign) =>
        sign > 0d ? -ExpMinusOne(logTerm) : 1d + Math.Exp(logTerm) * -sign;

    /// <summary>The half-width of the interval around a = 1 that is bridged by interpolation (removable singularity).</summary>
    internal const double NearOne = 1e-4;
}
