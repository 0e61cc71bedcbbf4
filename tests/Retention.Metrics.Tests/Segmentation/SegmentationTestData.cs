namespace Retention.Metrics.Tests.Segmentation;

/// <summary>Hand-made customer summaries for the segmentation tests.</summary>
public static class SegmentationTestData
{
    public static readonly DateOnly AsOf = new(2025, 3, 31);

    /// <summary>A summary with one purchase day <paramref name="daysSinceLast"/> days before <see cref="AsOf"/>.</summary>
    public static CustomerSummary Summary(int customer, int daysSinceLast, int orders, decimal total) =>
        new(customer, AsOf.AddDays(-daysSinceLast), AsOf.AddDays(-daysSinceLast), orders, 1, AsOf, total, 0m);

    /// <summary>A summary with first and last purchase given as days before <see cref="AsOf"/>.</summary>
    public static CustomerSummary Summary(int customer, int daysSinceFirst, int daysSinceLast, int orders, decimal total) =>
        new(customer, AsOf.AddDays(-daysSinceFirst), AsOf.AddDays(-daysSinceLast), orders, daysSinceFirst == daysSinceLast ? 1 : 2,
            AsOf, total, 0m);

    /// <summary>Summaries that differ only in orders (recency 10 days, spend 100).</summary>
    public static CustomerSummary[] WithOrders(params int[] orders)
    {
        var s = new CustomerSummary[orders.Length];
        for (int i = 0; i < orders.Length; i++) s[i] = Summary(i, 10, orders[i], 100m);
        return s;
    }

    /// <summary>Summaries that differ only in recency (1 order, spend 100).</summary>
    public static CustomerSummary[] WithRecency(params int[] days)
    {
        var s = new CustomerSummary[days.Length];
        for (int i = 0; i < days.Length; i++) s[i] = Summary(i, days[i], 1, 100m);
        return s;
    }

    /// <summary>Summaries that differ only in spend (recency 10 days, 1 order).</summary>
    public static CustomerSummary[] WithSpend(params decimal[] totals)
    {
        var s = new CustomerSummary[totals.Length];
        for (int i = 0; i < totals.Length; i++) s[i] = Summary(i, 10, 1, totals[i]);
        return s;
    }

    public static int[] FrequencyScores(RfmResult r)
    {
        var scores = new int[r.Customers.Length];
        for (int i = 0; i < scores.Length; i++) scores[i] = r.Customers[i].FrequencyScore;
        return scores;
    }

    public static int[] RecencyScores(RfmResult r)
    {
        var scores = new int[r.Customers.Length];
        for (int i = 0; i < scores.Length; i++) scores[i] = r.Customers[i].RecencyScore;
        return scores;
    }

    public static int[] MonetaryScores(RfmResult r)
    {
        var scores = new int[r.Customers.Length];
        for (int i = 0; i < scores.Length; i++) scores[i] = r.Customers[i].MonetaryScore;
        return scores;
    }
}
