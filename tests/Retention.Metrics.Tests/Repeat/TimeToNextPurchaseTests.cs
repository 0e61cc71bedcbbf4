namespace Retention.Metrics.Tests.Repeat;

public class TimeToNextPurchaseTests
{
    private static readonly PurchaseHistory Shop = RepeatExamples.ShopHistory;

    // First → second occasion: C0 01-05 → 02-10 = 36 days; C2 02-01 → 02-15 = 14 days. Mean 25, median (14 + 36) / 2 = 25, mode 14 (tie → smallest).
    [Fact]
    public void TimeToNextPurchase_FirstToSecond_HandWorked()
    {
        var d = Metrics.Repeat.TimeToNextPurchase(Shop, RepeatExamples.AsOf);
        Assert.Equal(2, d.Count);
        Assert.Equal(25d, d.MeanDays);
        Assert.Equal(25d, d.MedianDays);
        Assert.Equal(14, d.ModeDays);
        Assert.Equal(1, d.CountsByDay[14]);
        Assert.Equal(1, d.CountsByDay[36]);
    }

    // Second → third: C2 02-15 → 03-01 = 15 days (2024-02 has 29 days).
    [Fact]
    public void TimeToNextPurchase_SecondToThird_AcrossLeapDay()
    {
        var d = Metrics.Repeat.TimeToNextPurchase(Shop, RepeatExamples.AsOf, 2);
        Assert.Equal(1, d.Count);
        Assert.Equal(15d, d.MedianDays);
    }

    // Every gap: 14, 15, 36 → mean 65/3, median 15; type-7 quantile at 0.25: h = 0.5 → 14.5; at 1 → 36.
    [Fact]
    public void TimeToNextPurchase_AllGaps_Quantiles()
    {
        var d = Metrics.Repeat.TimeToNextPurchase(Shop, RepeatExamples.AsOf, null);
        Assert.Equal(3, d.Count);
        Assert.Equal(65d / 3d, d.MeanDays, 1e-12);
        Assert.Equal(15d, d.MedianDays);
        Assert.Equal(14.5, d.Quantile(0.25));
        Assert.Equal(36d, d.Quantile(1));
        Assert.Equal(14d, d.Quantile(0));
    }

    // By orders, same-day second orders are gaps of 0: first → second gives C0 0, C2 14, C4 0.
    [Fact]
    public void TimeToNextPurchase_ByOrders_HasSameDayGaps()
    {
        var d = Metrics.Repeat.TimeToNextPurchase(Shop, RepeatExamples.AsOf, 1, PurchaseCounting.Orders);
        Assert.Equal(3, d.Count);
        Assert.Equal(2, d.CountsByDay[0]);
        Assert.Equal(0d, d.MedianDays);
        Assert.Equal(0, d.ModeDays);
        Span<long> buckets = stackalloc long[IntervalDistribution.DefaultBucketBounds.Length + 1];
        d.CountBuckets(IntervalDistribution.DefaultBucketBounds, buckets);
        Assert.Equal(2, buckets[0]); // same day
        Assert.Equal(1, buckets[2]); // 11–30 days
    }

    // Bucket bounds are inclusive upper bounds: the 14-day gap falls in [0, 14] but not in [0, 13].
    [Theory]
    [InlineData(14, 1)]
    [InlineData(13, 0)]
    public void CountBuckets_UpperBoundInclusive(int bound, long inFirst)
    {
        var d = Metrics.Repeat.TimeToNextPurchase(Shop, RepeatExamples.AsOf, null);
        var buckets = new long[2];
        d.CountBuckets([bound], buckets);
        Assert.Equal(inFirst, buckets[0]);
        Assert.Equal(3 - inFirst, buckets[1]);
    }

    // asOf 2024-02-14 hides C2's 02-15 purchase: only C0's gap (01-05 → 02-10, 36 days) is observed.
    [Fact]
    public void TimeToNextPurchase_OnlyObservedGaps()
    {
        var d = Metrics.Repeat.TimeToNextPurchase(Shop, new DateOnly(2024, 2, 14));
        Assert.Equal(1, d.Count);
        Assert.Equal(36d, d.MeanDays);
    }

    [Fact]
    public void TimeToNextPurchase_EmptyAndErrors()
    {
        var empty = Metrics.Repeat.TimeToNextPurchase(PurchaseHistory.Empty, new DateOnly(2024, 1, 1));
        Assert.Equal(0, empty.Count);
        Assert.Equal(0d, empty.MedianDays);
        Assert.Equal(0, empty.ModeDays);
        Assert.Equal("fromPurchase", Assert.Throws<ArgumentOutOfRangeException>(() => Metrics.Repeat.TimeToNextPurchase(Shop, RepeatExamples.AsOf, 0)).ParamName);
        var d = Metrics.Repeat.TimeToNextPurchase(Shop, RepeatExamples.AsOf);
        Assert.Equal("probability", Assert.Throws<ArgumentOutOfRangeException>(() => d.Quantile(1.1)).ParamName);
        var ex = Assert.Throws<ArgumentException>(() => d.CountBuckets([10, 10], new long[3]));
        Assert.Equal("upperBounds", ex.ParamName);
        Assert.Contains("upperBounds[1] is 10", ex.Message, StringComparison.Ordinal);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => d.CountBuckets([10], new long[1])).ParamName);
    }

    // C0: one gap of 36; C1: none; C2: 14 and 15 → mean 29/2; C3: none; C4: same-day orders are one occasion → none.
    [Fact]
    public void InterPurchaseIntervals_HandWorked()
    {
        var all = new CustomerIntervals[Shop.CustomerCount];
        Assert.Equal(5, Metrics.Repeat.InterPurchaseIntervals(Shop, RepeatExamples.AsOf, all));
        Assert.Equal(new CustomerIntervals(0, 1, 36d, 36, 36), all[0]);
        Assert.Equal(new CustomerIntervals(1, 0, 0d, 0, 0), all[1]);
        Assert.Equal(new CustomerIntervals(2, 2, 14.5, 14, 15), all[2]);
        Assert.Equal(new CustomerIntervals(4, 0, 0d, 0, 0), all[4]);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() =>
            Metrics.Repeat.InterPurchaseIntervals(Shop, RepeatExamples.AsOf, new CustomerIntervals[2])).ParamName);
    }
}
