using System.Globalization;
using Xunit.Sdk;

namespace Retention.Metrics.Tests.Numerics;

internal static class NumericAssert
{
    /// <summary>Asserts |actual − expected| ≤ relative·|expected| + absolute (both infinite of the same sign also pass).</summary>
    public static void Close(double expected, double actual, double relative, double absolute = 0d, string? context = null)
    {
        if (expected == actual) return;
        double error = Math.Abs(actual - expected);
        if (!(error <= relative * Math.Abs(expected) + absolute))
        {
            throw new XunitException(string.Create(CultureInfo.InvariantCulture,
                $"{context} expected {expected:R}, actual {actual:R}, relative error {error / Math.Abs(expected):E3} (allowed {relative:E1}, absolute {absolute:E1})"));
        }
    }

    /// <summary>Log-spaced values from <paramref name="from"/> to <paramref name="to"/> (inclusive), <paramref name="count"/> points.</summary>
    public static double[] LogSpace(double from, double to, int count)
    {
        var result = new double[count];
        double a = Math.Log(from), b = Math.Log(to);
        for (int i = 0; i < count; i++) result[i] = Math.Exp(a + (b - a) * i / (count - 1));
        return result;
    }
}
