namespace Retention.Metrics.Tests.Reference;

/// <summary>Naive LINQ versions of the segmentation scores, written straight from the definitions.</summary>
public static class SegmentationReference
{
    /// <summary>R type-7 quantile, 1-based as in R's source.</summary>
    public static double Type7(double[] x, double p)
    {
        var s = x.OrderBy(v => v).ToArray();
        double index = 1 + (s.Length - 1) * p;
        int lo = (int)Math.Floor(index), hi = (int)Math.Ceiling(index);
        double h = index - lo;
        return index > lo && s[hi - 1] != s[lo - 1] ? (1 - h) * s[lo - 1] + h * s[hi - 1] : s[lo - 1];
    }

    /// <summary>Scores by the rfm package: cut-points type-7 quantile + 1, bins [lower, upper), lower = min, upper = max + 1.</summary>
    public static int[] QuantileScores(double[] x, int k, bool lowerIsBetter)
    {
        if (x.Length == 0) return [];
        var cuts = Enumerable.Range(1, k - 1).Select(j => Type7(x, j * (1d / k)) + 1).ToArray();
        var lower = new[] { x.Min() }.Concat(cuts).ToArray();
        var upper = cuts.Concat([x.Max() + 1]).ToArray();
        return x.Select(v =>
        {
            int bin = Enumerable.Range(0, k).Last(i => v >= lower[i] && v < upper[i]) + 1;
            return lowerIsBetter ? k + 1 - bin : bin;
        }).ToArray();
    }

    /// <summary>Equal-count: ⌊(customers strictly worse)·k/n⌋ + 1.</summary>
    public static int[] EqualCountScores(double[] x, int k, bool lowerIsBetter) =>
        x.Select(v => (int)((long)x.Count(w => lowerIsBetter ? w > v : w < v) * k / x.Length) + 1).ToArray();
}
