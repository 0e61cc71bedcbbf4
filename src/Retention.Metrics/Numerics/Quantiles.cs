namespace Retention.Metrics.Numerics;

/// <summary>Sample quantiles of sorted data.</summary>
internal static class Quantiles
{
    /// <summary>The R / Hyndman–Fan type-7 quantile of ascending <paramref name="sorted"/> data at probability <paramref name="p"/>.</summary>
    /// <remarks>
    /// Follows R's <c>quantile.default(type = 7)</c> operation for operation, so cut-points agree bit for bit:
    /// <c>index = 1 + (n − 1)·p</c>, <c>lo = ⌊index⌋</c>, <c>h = index − lo</c>, <c>q = (1 − h)·x[lo] + h·x[lo + 1]</c>
    /// (1-based), with no interpolation when <c>h = 0</c> or the two order statistics are equal.
    /// </remarks>
    internal static double Type7(ReadOnlySpan<double> sorted, double p)
    {
        int n = sorted.Length;
        double index = 1d + (n - 1) * p;
        double lo = Math.Floor(index);
        double hi = Math.Ceiling(index);
        int loAt = (int)lo - 1;
        int hiAt = (int)hi - 1;
        double q = sorted[loAt];
        if (index > lo && sorted[hiAt] != q)
        {
            double h = index - lo;
            q = (1d - h) * q + h * sorted[hiAt];
        }
        return q;
    }
}
