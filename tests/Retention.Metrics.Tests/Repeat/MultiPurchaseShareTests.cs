using Retention.Metrics.Tests.Infrastructure;

namespace Retention.Metrics.Tests.Repeat;

public class MultiPurchaseShareTests
{
    // Occasions: C0 (2 days), C2 (3 days) of 5 customers → 2/5. Orders: C0 (3), C2 (3), C4 (2 same-day orders) → 3/5.
    [Fact]
    public void MultiPurchaseShare_Lifetime_CountsOccasionsOrOrders()
    {
        var h = RepeatExamples.ShopHistory;
        Assert.Equal(new Rate(2, 5), Metrics.Repeat.MultiPurchaseShare(h, RepeatExamples.AsOf));
        Assert.Equal(new Rate(3, 5), Metrics.Repeat.MultiPurchaseShare(h, RepeatExamples.AsOf, PurchaseCounting.Orders));
    }

    // asOf 2024-03-30 leaves C3 (first purchase 03-31) out: 2/4.
    [Fact]
    public void MultiPurchaseShare_AsOfIsInclusive()
    {
        var h = RepeatExamples.ShopHistory;
        Assert.Equal(new Rate(2, 4), Metrics.Repeat.MultiPurchaseShare(h, new DateOnly(2024, 3, 30)));
        Assert.Equal(new Rate(2, 5), Metrics.Repeat.MultiPurchaseShare(h, new DateOnly(2024, 3, 31)));
    }

    // February: C0 buys once (02-10), C2 twice (02-01, 02-15) → 1/2. Ending the window on 02-14 leaves C2 with one purchase → 0/2.
    [Fact]
    public void MultiPurchaseShare_Window_BothEndsInclusive()
    {
        var h = RepeatExamples.ShopHistory;
        Assert.Equal(new Rate(1, 2), Metrics.Repeat.MultiPurchaseShare(h, new DateOnly(2024, 2, 1), new DateOnly(2024, 2, 29)));
        Assert.Equal(new Rate(0, 2), Metrics.Repeat.MultiPurchaseShare(h, new DateOnly(2024, 2, 1), new DateOnly(2024, 2, 14)));
        Assert.Equal(new Rate(1, 2), Metrics.Repeat.MultiPurchaseShare(h, new DateOnly(2024, 2, 1), new DateOnly(2024, 2, 15)));
        // Starting on 02-02 drops C2's 02-01 purchase: C2 has 02-15 only → 0/2.
        Assert.Equal(new Rate(0, 2), Metrics.Repeat.MultiPurchaseShare(h, new DateOnly(2024, 2, 2), new DateOnly(2024, 2, 29)));
    }

    [Fact]
    public void MultiPurchaseShare_EmptyHistory_IsZeroOverZero()
    {
        Assert.Equal(default, Metrics.Repeat.MultiPurchaseShare(PurchaseHistory.Empty, new DateOnly(2024, 1, 1)));
    }

    // One customer, all purchases on one day: one occasion (0/1), three orders (1/1).
    [Fact]
    public void MultiPurchaseShare_AllOnOneDay_OccasionsVersusOrders()
    {
        var day = new DateOnly(2024, 2, 29);
        var h = PurchaseHistory.Create([new(7, day, 1m), new(7, day, 2m), new(7, day, 3m)]);
        Assert.Equal(new Rate(0, 1), Metrics.Repeat.MultiPurchaseShare(h, day));
        Assert.Equal(new Rate(1, 1), Metrics.Repeat.MultiPurchaseShare(h, day, PurchaseCounting.Orders));
    }

    [Fact]
    public void MultiPurchaseShare_AsOfBeforeFirstPurchase_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Metrics.Repeat.MultiPurchaseShare(RepeatExamples.ShopHistory, new DateOnly(2024, 1, 4)));
        Assert.Equal("asOf", ex.ParamName);
        Assert.Contains("2024-01-05", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MultiPurchaseShare_BadArguments_Throw()
    {
        var h = RepeatExamples.ShopHistory;
        Assert.Equal("from", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Metrics.Repeat.MultiPurchaseShare(h, new DateOnly(2024, 3, 2), new DateOnly(2024, 3, 1))).ParamName);
        Assert.Equal("to", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Metrics.Repeat.MultiPurchaseShare(h, new DateOnly(2023, 3, 2), new DateOnly(2023, 3, 3))).ParamName);
        Assert.Equal("counting", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Metrics.Repeat.MultiPurchaseShare(h, RepeatExamples.AsOf, (PurchaseCounting)7)).ParamName);
        Assert.Throws<ArgumentNullException>(() => Metrics.Repeat.MultiPurchaseShare(null!, RepeatExamples.AsOf));
    }

    // A set of C0 and C4 only: occasions 1/2 (C0), orders 2/2.
    [Fact]
    public void MultiPurchaseShare_CustomerSet_MeasuresTheSubset()
    {
        var h = RepeatExamples.ShopHistory;
        var set = CustomerSet.FromIds(h, [0, 4, 4, 99]);
        Assert.Equal(2, set.Count);
        Assert.Equal(1, set.NotInHistory);
        Assert.Equal(new Rate(1, 2), Metrics.Repeat.MultiPurchaseShare(h, RepeatExamples.AsOf, customers: set));
        Assert.Equal(new Rate(2, 2), Metrics.Repeat.MultiPurchaseShare(h, RepeatExamples.AsOf, PurchaseCounting.Orders, set));
    }

    [Fact]
    public void CustomerSet_OfAnotherHistory_Throws()
    {
        var set = CustomerSet.FromIds(RepeatExamples.ShopHistory, [0]);
        var ex = Assert.Throws<ArgumentException>(() => Metrics.Repeat.MultiPurchaseShare(RepeatExamples.ShopHistory, RepeatExamples.AsOf, customers: set));
        Assert.Equal("customers", ex.ParamName);
    }

    [Fact]
    public void CustomerSet_NegativeId_ThrowsNamingTheIndex()
    {
        var ex = Assert.Throws<ArgumentException>(() => CustomerSet.FromIds(RepeatExamples.ShopHistory, [0, 1, -3]));
        Assert.Equal("customerIds", ex.ParamName);
        Assert.Contains("customerIds[2] is -3", ex.Message, StringComparison.Ordinal);
        var lengthError = Assert.Throws<ArgumentException>(() => CustomerSet.FromPositions(RepeatExamples.ShopHistory, [true]));
        Assert.Equal("includeByPosition", lengthError.ParamName);
    }

    // SUM-5: CDNOW master, observation end 1998-06-30: ≥ 2 distinct purchase days 11,516 / 23,570 = 0.488587187;
    // ≥ 2 rows 0.494781502 (= 11,662 / 23,570).
    [Fact]
    public void MultiPurchaseShare_CdnowMaster_ReproducesSum5()
    {
        var h = TestData.History(TestData.CdnowMaster);
        var asOf = new DateOnly(1998, 6, 30);
        var occasions = Metrics.Repeat.MultiPurchaseShare(h, asOf);
        Assert.Equal(new Rate(11_516, 23_570), occasions);
        Assert.Equal(0.488587187, occasions.Value, 1e-9);
        Assert.Equal(0.494781502, Metrics.Repeat.MultiPurchaseShare(h, asOf, PurchaseCounting.Orders).Value, 1e-9);
    }

    // SUM-7: CDNOW sample over the full 78 weeks: 1,139 of 2,357 = 0.483241.
    [Fact]
    public void MultiPurchaseShare_CdnowSample_ReproducesSum7()
    {
        var rate = Metrics.Repeat.MultiPurchaseShare(TestData.History(TestData.CdnowSample), new DateOnly(1998, 6, 30));
        Assert.Equal(new Rate(1_139, 2_357), rate);
        Assert.Equal(0.483241, rate.Value, 1e-6);
    }
}
