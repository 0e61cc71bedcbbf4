using static Retention.Metrics.Tests.Segmentation.SegmentationTestData;

namespace Retention.Metrics.Tests.Segmentation;

public class CpmTests
{
    private static CpmSegment One(CustomerSummary s, CpmOptions? options = null) => Cpm.Classify([s], options).Customers[0].Segment;

    // Summary(customer, daysSinceFirst, daysSinceLast, orders, total): tenure = first − last, lapse = daysSinceLast.
    [Theory]
    [InlineData(10, 10, 1, "5000", CpmSegment.FirstTimeActive)]
    [InlineData(239, 239, 1, "5000", CpmSegment.FirstTimeActive)]     // lapse 239 < 240: active
    [InlineData(240, 240, 1, "5000", CpmSegment.FirstTimeLapsed)]     // lapse 240: lapsed
    [InlineData(100, 100, 2, "9000", CpmSegment.NoviceActive)]       // two orders on one day: tenure 0 < 90
    [InlineData(100, 11, 3, "90000", CpmSegment.NoviceActive)]       // tenure 89 < 90, even with high spend
    [InlineData(400, 311, 3, "90000", CpmSegment.NoviceLapsed)]      // tenure 89, lapse 311
    [InlineData(100, 10, 3, "69999", CpmSegment.SteadyActive)]       // tenure 90 ≥ 90, spend < 70,000
    [InlineData(900, 10, 9, "69999.99", CpmSegment.SteadyActive)]    // long tenure, low spend: still steady
    [InlineData(500, 300, 4, "1000", CpmSegment.SteadyLapsed)]
    [InlineData(100, 10, 3, "70000", CpmSegment.TrendyActive)]       // tenure 90, spend exactly 70,000 counts as high
    [InlineData(219, 10, 3, "80000", CpmSegment.TrendyActive)]       // tenure 209 < 210
    [InlineData(600, 400, 3, "80000", CpmSegment.TrendyLapsed)]      // tenure 200, lapse 400
    [InlineData(220, 10, 5, "70000", CpmSegment.LoyalActive)]        // tenure 210 ≥ 210
    [InlineData(800, 240, 12, "300000", CpmSegment.LoyalLapsed)]     // tenure 560, lapse 240
    public void Classify_Boundaries(int daysSinceFirst, int daysSinceLast, int orders, string total, CpmSegment expected)
    {
        var s = Summary(0, daysSinceFirst, daysSinceLast, orders, decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, One(s));
    }

    // Two orders on the same day count as one purchase when purchase days are counted.
    [Fact]
    public void Classify_CountPurchaseDays_SameDayOrdersAreFirstTime()
    {
        var s = Summary(0, 30, 30, 2, 8000m);
        Assert.Equal(CpmSegment.NoviceActive, One(s));
        Assert.Equal(CpmSegment.FirstTimeActive, One(s, new CpmOptions { CountPurchaseDays = true }));
    }

    [Fact]
    public void Classify_CustomThresholds_AreUsed()
    {
        var options = new CpmOptions { NoviceTenureDays = 30, LoyalTenureDays = 60, HighSpend = 10_000m, LapsedAfterDays = 90 };
        Assert.Equal(CpmSegment.LoyalActive, One(Summary(0, 70, 5, 3, 10_000m), options));
        Assert.Equal(CpmSegment.TrendyLapsed, One(Summary(0, 140, 90, 3, 10_000m), options));
    }

    // Five customers: sizes, revenue, shares and lists.
    [Fact]
    public void Classify_Mixed_CountsRevenueAndLists()
    {
        CustomerSummary[] s =
        [
            Summary(10, 5, 5, 1, 3000m),       // first-time active
            Summary(11, 300, 300, 1, 2000m),   // first-time lapsed
            Summary(12, 500, 20, 8, 120000m),  // loyal active (tenure 480)
            Summary(13, 5, 5, 1, 5000m),       // first-time active
            Summary(14, 200, 50, 4, 20000m),   // steady active (tenure 150)
        ];
        var r = Cpm.Classify(s);
        Assert.Equal(150000m, r.TotalRevenue);
        Assert.Equal([10, 13], r.CustomersOf(CpmSegment.FirstTimeActive).ToArray());
        Assert.Equal(new CpmSegmentSummary(CpmSegment.FirstTimeActive, new Rate(2, 5), 8000m, (double)(8000m / 150000m)), r.Summary(CpmSegment.FirstTimeActive));
        Assert.Equal([11], r.CustomersOf(CpmSegment.FirstTimeLapsed).ToArray());
        Assert.Equal(0.8, r.Summary(CpmSegment.LoyalActive).RevenueShare, 1e-15);
        Assert.Equal([14], r.CustomersOf(CpmSegment.SteadyActive).ToArray());
        Assert.True(r.CustomersOf(CpmSegment.TrendyActive).IsEmpty);
        Assert.Equal(new CpmCustomer(12, CpmSegment.LoyalActive), r.Customers[2]);
    }

    [Fact]
    public void Classify_Empty_NoCustomers()
    {
        var r = Cpm.Classify(ReadOnlySpan<CustomerSummary>.Empty);
        Assert.Equal(0, r.Customers.Length);
        Assert.Equal(new CpmSegmentSummary(CpmSegment.LoyalActive, new Rate(0, 0), 0m, 0d), r.Summary(CpmSegment.LoyalActive));
        Assert.Equal(0, Cpm.Classify(PurchaseHistory.Empty, AsOf).Customers.Length);
    }

    // History: customer 0 buys 40,000 on day −300 and 35,000 on day −60 → tenure 240, spend 75,000, lapse 60 → loyal active.
    // Customer 1 buys once on day −250 → first-time lapsed. A purchase after asOf is ignored.
    [Fact]
    public void Classify_History_UsesLifetimeSummaries()
    {
        var history = PurchaseHistory.Create(
        [
            new Purchase(0, AsOf.AddDays(-300), 40_000m),
            new Purchase(0, AsOf.AddDays(-60), 35_000m),
            new Purchase(1, AsOf.AddDays(-250), 5_000m),
            new Purchase(1, AsOf.AddDays(3), 5_000m),
        ]);
        var r = Cpm.Classify(history, AsOf);
        Assert.Equal(new CpmCustomer(0, CpmSegment.LoyalActive), r.Customers[0]);
        Assert.Equal(new CpmCustomer(1, CpmSegment.FirstTimeLapsed), r.Customers[1]);
    }

    [Fact]
    public void Combine_DisjointParts_EqualsWhole()
    {
        CustomerSummary[] s = [Summary(1, 5, 5, 1, 3000m), Summary(2, 500, 20, 8, 120000m), Summary(3, 200, 50, 4, 20000m)];
        var whole = Cpm.Classify(s);
        var combined = CpmResult.Combine(Cpm.Classify(s.AsSpan(0, 1)), Cpm.Classify(s.AsSpan(1)));
        Assert.Equal(whole.Customers.ToArray(), combined.Customers.ToArray());
        foreach (CpmSegment seg in Enum.GetValues<CpmSegment>())
        {
            Assert.Equal(whole.Summary(seg), combined.Summary(seg));
            Assert.Equal(whole.CustomersOf(seg).ToArray(), combined.CustomersOf(seg).ToArray());
        }
        var e = Assert.Throws<ArgumentException>(() => CpmResult.Combine(whole, Cpm.Classify(s, new CpmOptions { HighSpend = 1m })));
        Assert.Equal("right", e.ParamName);
    }

    [Fact]
    public void Classify_BadOptions_Throw()
    {
        CustomerSummary[] s = [Summary(0, 1, 1, 1, 1m)];
        Assert.Equal("options.NoviceTenureDays", Assert.Throws<ArgumentOutOfRangeException>(() => Cpm.Classify(s, new CpmOptions { NoviceTenureDays = -1 })).ParamName);
        Assert.Equal("options.LoyalTenureDays", Assert.Throws<ArgumentOutOfRangeException>(() => Cpm.Classify(s, new CpmOptions { LoyalTenureDays = 30 })).ParamName);
        Assert.Equal("options.LapsedAfterDays", Assert.Throws<ArgumentOutOfRangeException>(() => Cpm.Classify(s, new CpmOptions { LapsedAfterDays = 0 })).ParamName);
        Assert.Equal("options.HighSpend", Assert.Throws<ArgumentOutOfRangeException>(() => Cpm.Classify(s, new CpmOptions { HighSpend = -1m })).ParamName);
        Assert.Equal("segment", Assert.Throws<ArgumentOutOfRangeException>(() => Cpm.Classify(s).Summary((CpmSegment)10)).ParamName);
        Assert.Equal("asOf", Assert.Throws<ArgumentOutOfRangeException>(() => Cpm.Classify(PurchaseHistory.Create([new Purchase(0, AsOf, 1m)]), AsOf.AddDays(-1))).ParamName);
    }
}
