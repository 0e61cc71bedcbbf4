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

/// <summary>Naive LINQ versions of the concentration measures.</summary>
public static class ConcentrationReference
{
    /// <summary>NTILE over spend descending, ties by customer: (customers, spend) per group.</summary>
    public static (int Customers, decimal Amount)[] Deciles((int Customer, decimal Spend)[] rows, int groups)
    {
        var ordered = rows.OrderByDescending(r => r.Spend).ThenBy(r => r.Customer).ToArray();
        int n = ordered.Length;
        // NTILE: row i (0-based) goes to group g where the first n % groups groups have one extra row.
        int[] group = Enumerable.Range(0, n).Select(i =>
        {
            int size = n / groups, extra = n % groups;
            int big = (size + 1) * extra;
            return i < big ? i / (size + 1) : extra + (i - big) / Math.Max(1, size);
        }).ToArray();
        return Enumerable.Range(0, groups)
            .Select(g => (Enumerable.Range(0, n).Count(i => group[i] == g), Enumerable.Range(0, n).Where(i => group[i] == g).Sum(i => ordered[i].Spend)))
            .ToArray();
    }

    /// <summary>Gini by the mean absolute difference: ΣΣ|xi − xj| / (2 n² mean).</summary>
    public static double Gini(decimal[] spend)
    {
        if (spend.Length == 0 || spend.Sum() == 0) return 0;
        double[] x = spend.Select(v => (double)v).ToArray();
        double mean = x.Average();
        double sum = x.Sum(a => x.Sum(b => Math.Abs(a - b)));
        return sum / (2d * x.Length * x.Length * mean);
    }
}
