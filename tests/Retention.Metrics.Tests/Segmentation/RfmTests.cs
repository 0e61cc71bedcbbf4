using static Retention.Metrics.Tests.Segmentation.SegmentationTestData;

namespace Retention.Metrics.Tests.Segmentation;

public class RfmTests
{
    private static RfmOptions FrequencyOnly(RfmScale scale) => new() { FrequencyScale = scale };

    // ---- Quantiles (R rfm package rule) ----

    // x = 1..10, k = 5: type-7 quantiles at 0.2, 0.4, 0.6, 0.8 have index 1 + 9p = 2.8, 4.6, 6.4, 8.2, so
    // q = 2.8, 4.6, 6.4, 8.2 and cut-points q + 1 = 3.8, 5.6, 7.4, 9.2.
    // Bins: 1,2,3 < 3.8 → 1; 4,5 → 2; 6,7 → 3; 8,9 → 4; 10 → 5.
    [Fact]
    public void Compute_QuantilesOneToTen_ScoresByPackageRule()
    {
        var r = Rfm.Compute(WithOrders(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        Assert.Equal([3.8, 5.6, 7.4, 9.2], Round(r.FrequencyCutPoints));
        Assert.Equal([1, 1, 1, 2, 2, 3, 3, 4, 4, 5], FrequencyScores(r));
    }

    // x = 1..6, k = 5: index 1 + 5p = 2, 3, 4, 5 exactly, so q = 2, 3, 4, 5 and cut-points 3, 4, 5, 6.
    // A value on a cut-point goes up (bins are [c_j, c_j+1)): 3 → 2, 4 → 3, 5 → 4, 6 → 5; 1 and 2 → 1.
    [Fact]
    public void Compute_QuantilesValueOnCutPoint_GoesToUpperBin()
    {
        var r = Rfm.Compute(WithOrders(6, 5, 4, 3, 2, 1));
        Assert.Equal([3d, 4, 5, 6], r.FrequencyCutPoints.ToArray());
        Assert.Equal([5, 4, 3, 2, 1, 1], FrequencyScores(r));
    }

    // Ties across a cut-point: x = 1,1,1,1,1,1,1,1,2,9 (n = 10). Quantiles 1, 1, 1, 1.2 (index 8.2: 1 + 0.2·(2 − 1)),
    // cut-points 2, 2, 2, 2.2: the 1s score 1, the 2 scores 4 (2 ≥ three cut-points of 2; 2 < 2.2), the 9 scores 5;
    // scores 2 and 3 stay unused because their cut-points coincide.
    [Fact]
    public void Compute_QuantilesTiesAtCutPoints_TiedValuesShareScoreAndEmptyBinsSkipped()
    {
        var r = Rfm.Compute(WithOrders(1, 1, 1, 1, 1, 1, 1, 1, 2, 9));
        Assert.Equal([2, 2, 2, 2.2], Round(r.FrequencyCutPoints));
        Assert.Equal([1, 1, 1, 1, 1, 1, 1, 1, 4, 5], FrequencyScores(r));
    }

    // All equal: every quantile is 7, every cut-point 8; all values lie in bin 1: F = M = 1, and R = 5 (bin 1 of recency).
    [Fact]
    public void Compute_QuantilesAllEqual_AllInFirstBin()
    {
        var r = Rfm.Compute(WithOrders(7, 7, 7, 7));
        Assert.Equal([1, 1, 1, 1], FrequencyScores(r));
        Assert.Equal([5, 5, 5, 5], RecencyScores(r));
        Assert.Equal([1, 1, 1, 1], MonetaryScores(r));
    }

    // Fewer customers than bins: x = 1, 5 (n = 2): index 1 + p, q = 1.8, 2.6, 3.4, 4.2, cut-points 2.8, 3.6, 4.4, 5.2:
    // 1 → 1, 5 → 4 (above three cut-points, below 5.2). The package rule never gives the top score to a lone maximum here.
    [Fact]
    public void Compute_QuantilesFewerCustomersThanBins_FollowsPackageRule()
    {
        var r = Rfm.Compute(WithOrders(1, 5));
        Assert.Equal([2.8, 3.6, 4.4, 5.2], Round(r.FrequencyCutPoints));
        Assert.Equal([1, 4], FrequencyScores(r));
    }

    // Recency counts down: days 0, 10, 20, 30, 40 → q = 8, 16, 24, 32, cut-points 9, 17, 25, 33 → bins 1..5 → R 5..1.
    [Fact]
    public void Compute_QuantilesRecency_FewerDaysScoreHigher()
    {
        var r = Rfm.Compute(WithRecency(0, 10, 20, 30, 40));
        Assert.Equal([9d, 17, 25, 33], Round(r.RecencyCutPoints));
        Assert.Equal([5, 4, 3, 2, 1], RecencyScores(r));
    }

    [Fact]
    public void Compute_SingleCustomer_ScoresR5F1M1()
    {
        var r = Rfm.Compute([Summary(42, 3, 2, 500m)]);
        var c = Assert.Single(r.Customers.ToArray());
        Assert.Equal((42, 3, 2, 500m), (c.Customer, c.RecencyDays, c.Frequency, c.Monetary));
        Assert.Equal(511, c.Cell);
        // 511 matches Potential Loyalist (R3–5, F1–3, M1–3) first.
        Assert.Equal("Potential Loyalist", r.SegmentName(c));
    }

    [Fact]
    public void Compute_Empty_NoCustomersAndZeroSegments()
    {
        var r = Rfm.Compute(ReadOnlySpan<CustomerSummary>.Empty);
        Assert.Equal(0, r.Customers.Length);
        Assert.Equal(11, r.Segments.Length);
        foreach (var s in r.Segments)
        {
            Assert.Equal(new Rate(0, 0), s.Customers);
            Assert.Equal(0m, s.Revenue);
            Assert.Equal(0d, s.RevenueShare);
        }
        Assert.Equal(0, r.RecencyCutPoints.Length);
        Assert.Equal(0, r.TotalOrders);
    }

    [Fact]
    public void Compute_EmptyHistory_NoCustomers()
    {
        var r = Rfm.Compute(PurchaseHistory.Empty, AsOf);
        Assert.Equal(0, r.Customers.Length);
        Assert.Equal(0m, r.TotalRevenue);
    }

    // ---- Equal-count ----

    // x = 1..10, k = 5: r customers strictly below → ⌊r·5/10⌋ + 1 = 1,1,2,2,3,3,4,4,5,5 (NTILE(5)).
    [Fact]
    public void Compute_EqualCountOneToTen_IsNtile()
    {
        var r = Rfm.Compute(WithOrders(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), FrequencyOnly(RfmScale.EqualCount(5)));
        Assert.Equal([1, 1, 2, 2, 3, 3, 4, 4, 5, 5], FrequencyScores(r));
        Assert.Equal(0, r.FrequencyCutPoints.Length);
    }

    // Ties: x = 1,1,1,2,3,4,5,6,7,8. The three 1s have r = 0 → 1. Then r = 3..9:
    // 2: ⌊15/10⌋+1 = 2; 3: ⌊20/10⌋+1 = 3; 4: ⌊25/10⌋+1 = 3; 5: ⌊30/10⌋+1 = 4; 6: ⌊35/10⌋+1 = 4; 7: 5; 8: ⌊45/10⌋+1 = 5.
    [Fact]
    public void Compute_EqualCountTies_ShareLowestScoreOfGroup()
    {
        var r = Rfm.Compute(WithOrders(1, 1, 1, 2, 3, 4, 5, 6, 7, 8), FrequencyOnly(RfmScale.EqualCount(5)));
        Assert.Equal([1, 1, 1, 2, 3, 3, 4, 4, 5, 5], FrequencyScores(r));
    }

    // Recency, k = 2: days 0, 10, 10, 20. Strictly worse = more days: 0 has 3 → ⌊6/4⌋+1 = 2; 10 has 1 → ⌊2/4⌋+1 = 1; 20 → 1.
    [Fact]
    public void Compute_EqualCountRecency_CountsCustomersWithMoreDays()
    {
        var options = new RfmOptions { RecencyScale = RfmScale.EqualCount(2) };
        var r = Rfm.Compute(WithRecency(0, 10, 10, 20), options);
        Assert.Equal([2, 1, 1, 1], RecencyScores(r));
    }

    [Fact]
    public void Compute_EqualCountAllEqual_AllScoreOne()
    {
        var options = new RfmOptions { RecencyScale = RfmScale.EqualCount(), FrequencyScale = RfmScale.EqualCount(), MonetaryScale = RfmScale.EqualCount() };
        var r = Rfm.Compute(WithOrders(3, 3, 3), options);
        Assert.Equal([1, 1, 1], FrequencyScores(r));
        Assert.Equal([1, 1, 1], RecencyScores(r));
        Assert.Equal([1, 1, 1], MonetaryScores(r));
    }

    // Fewer customers than bins: x = 1, 5, k = 5 → 1: r = 0 → 1; 5: r = 1 → ⌊5/2⌋ + 1 = 3. Single customer → 1.
    [Fact]
    public void Compute_EqualCountFewerCustomersThanBins_SpreadsByRank()
    {
        var options = FrequencyOnly(RfmScale.EqualCount(5));
        Assert.Equal([1, 3], FrequencyScores(Rfm.Compute(WithOrders(1, 5), options)));
        Assert.Equal([1], FrequencyScores(Rfm.Compute(WithOrders(9), options)));
        Assert.Empty(FrequencyScores(Rfm.Compute(WithOrders(), options)));
    }

    // ---- Fixed thresholds (the Japanese DM table of domain-jp-ec.md) ----

    public static RfmOptions JapaneseTable => new()
    {
        RecencyScale = RfmScale.Thresholds(90, 180, 365, 730),
        FrequencyScale = RfmScale.Thresholds(2, 3, 4, 5),
        MonetaryScale = RfmScale.Thresholds(10_000, 20_000, 30_000, 40_000),
    };

    // R5 < 90 days (≈ 3 months) … R1 ≥ 730; a value on a cut-point takes the lower score for recency.
    [Theory]
    [InlineData(0, 5)]
    [InlineData(89, 5)]
    [InlineData(90, 4)]
    [InlineData(179, 4)]
    [InlineData(180, 3)]
    [InlineData(364, 3)]
    [InlineData(365, 2)]
    [InlineData(729, 2)]
    [InlineData(730, 1)]
    [InlineData(5000, 1)]
    public void Compute_JapaneseTableRecency_Bands(int days, int score) =>
        Assert.Equal([score], RecencyScores(Rfm.Compute(WithRecency(days), JapaneseTable)));

    // F1 = 1 … F4 = 4, F5 ≥ 5.
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(4, 4)]
    [InlineData(5, 5)]
    [InlineData(40, 5)]
    public void Compute_JapaneseTableFrequency_Bands(int orders, int score) =>
        Assert.Equal([score], FrequencyScores(Rfm.Compute(WithOrders(orders), JapaneseTable)));

    // M1 < 10,000; M2 10,000–19,999; … M5 ≥ 40,000.
    [Theory]
    [InlineData("0", 1)]
    [InlineData("9999.99", 1)]
    [InlineData("10000", 2)]
    [InlineData("29999", 3)]
    [InlineData("39999.99", 4)]
    [InlineData("40000", 5)]
    public void Compute_JapaneseTableMonetary_Bands(string total, int score) =>
        Assert.Equal([score], MonetaryScores(Rfm.Compute(WithSpend(decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture)), JapaneseTable)));

    [Fact]
    public void Compute_ThresholdsAllEqualAndSingle_UseTheTable()
    {
        var r = Rfm.Compute(WithOrders(3, 3, 3), JapaneseTable);
        Assert.Equal([3, 3, 3], FrequencyScores(r));
        Assert.Equal([5, 5, 5], RecencyScores(r)); // 10 days < 90
        var single = Rfm.Compute([Summary(0, 400, 6, 25_000m)], JapaneseTable);
        Assert.Equal(253, single.Customers[0].Cell);
    }

    // ---- Measures ----

    // Two orders on one day and one later: 3 orders, 2 purchase days; spend 300 → mean per order 100.
    [Fact]
    public void Compute_MeasuresPurchaseDaysAndMean_UseSummaryFields()
    {
        var s = new CustomerSummary(7, AsOf.AddDays(-30), AsOf.AddDays(-5), 3, 2, AsOf, 300m, 100m);
        var r = Rfm.Compute([s], new RfmOptions { Frequency = RfmFrequency.PurchaseDays, Monetary = RfmMonetary.MeanPerOrder });
        var c = r.Customers[0];
        Assert.Equal(2, c.Frequency);
        Assert.Equal(100m, c.Monetary);
        Assert.Equal(5, c.RecencyDays);
        // Segment sizes still report orders and total spend.
        Assert.Equal(3, r.Segments[2].Orders.Numerator);
        Assert.Equal(300m, r.TotalRevenue);
    }

    // ---- Segments ----

    [Fact]
    public void Compute_CustomRules_FirstMatchWinsElseFallback()
    {
        var rules = new RfmSegmentRules(
        [
            new RfmSegmentRule("Top", 1, 5, 5, 5, 1, 5),
            new RfmSegmentRule("AlsoTop", 1, 5, 4, 5, 1, 5),
            new RfmSegmentRule("Middle", 1, 5, 2, 3, 1, 5),
        ], "Rest");
        // Frequencies 1..10 score 1,1,1,2,2,3,3,4,4,5 (see above).
        var r = Rfm.Compute(WithOrders(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), new RfmOptions { Segments = rules });
        string[] names = new string[10];
        for (int i = 0; i < 10; i++) names[i] = r.SegmentName(r.Customers[i]);
        Assert.Equal(["Rest", "Rest", "Rest", "Middle", "Middle", "Middle", "Middle", "AlsoTop", "AlsoTop", "Top"], names);
        Assert.Equal(4, r.Segments.Length);
        Assert.Equal(("Top", 1L, 10L), (r.Segments[0].Name, r.Segments[0].Customers.Numerator, r.Segments[0].Customers.Denominator));
        Assert.Equal(("AlsoTop", 2L), (r.Segments[1].Name, r.Segments[1].Customers.Numerator));
        Assert.Equal(("Middle", 4L), (r.Segments[2].Name, r.Segments[2].Customers.Numerator));
        Assert.Equal(("Rest", 3L), (r.Segments[3].Name, r.Segments[3].Customers.Numerator));
        // Orders: Top 10, AlsoTop 8 + 9 = 17, Middle 4+5+6+7 = 22, Rest 1+2+3 = 6, of 55. Revenue 100 each → Top 0.1.
        Assert.Equal(new Rate(10, 55), r.Segments[0].Orders);
        Assert.Equal(new Rate(17, 55), r.Segments[1].Orders);
        Assert.Equal(new Rate(22, 55), r.Segments[2].Orders);
        Assert.Equal(new Rate(6, 55), r.Segments[3].Orders);
        Assert.Equal(0.1, r.Segments[0].RevenueShare, 1e-15);
        Assert.Equal(300m, r.Segments[3].Revenue);
    }

    [Fact]
    public void StandardRules_NewCustomersAndPromising_AreShadowedByPotentialLoyalist()
    {
        var rules = RfmSegmentRules.Standard;
        Assert.Equal(2, rules.Match(5, 1, 1));
        Assert.Equal(2, rules.Match(3, 1, 1));
        Assert.Equal(0, rules.Match(5, 5, 5));
        Assert.Equal(7, rules.Match(1, 5, 5)); // At Risk (R1–2 F2–5 M2–5) precedes Can't Lose Them (R1 F4–5 M4–5)
        Assert.Equal(10, rules.Match(1, 3, 1)); // R1 F3 M1: no rule → Others
        Assert.Equal("Others", rules.NameOf(10));
    }

    // ---- Window ----

    // Customer 0 buys on day −100 and day −10; customer 1 only on day −50. Window starting at day −50 (inclusive) keeps
    // customer 1 and customer 0's later order; starting at day −49 drops customer 1.
    [Fact]
    public void Compute_HistoryWindow_StartIsInclusive()
    {
        var history = PurchaseHistory.Create(
        [
            new Purchase(0, AsOf.AddDays(-100), 70m),
            new Purchase(0, AsOf.AddDays(-10), 30m),
            new Purchase(1, AsOf.AddDays(-50), 20m),
            new Purchase(1, AsOf.AddDays(1), 999m), // after asOf: ignored
        ]);
        var all = Rfm.Compute(history, AsOf);
        Assert.Equal(2, all.Customers.Length);
        Assert.Equal((2, 100m), (all.Customers[0].Frequency, all.Customers[0].Monetary));
        Assert.Equal((1, 20m, 50), (all.Customers[1].Frequency, all.Customers[1].Monetary, all.Customers[1].RecencyDays));

        var from50 = Rfm.Compute(history, AsOf, windowStart: AsOf.AddDays(-50));
        Assert.Equal(2, from50.Customers.Length);
        Assert.Equal((1, 30m), (from50.Customers[0].Frequency, from50.Customers[0].Monetary));

        var from49 = Rfm.Compute(history, AsOf, windowStart: AsOf.AddDays(-49));
        var only = Assert.Single(from49.Customers.ToArray());
        Assert.Equal(0, only.Customer);

        var onAsOf = Rfm.Compute(history, AsOf.AddDays(-10), windowStart: AsOf.AddDays(-10));
        Assert.Equal(0, Assert.Single(onAsOf.Customers.ToArray()).RecencyDays);
    }

    // ---- Errors ----

    [Fact]
    public void Compute_MixedAsOf_Throws()
    {
        CustomerSummary[] s = [Summary(0, 1, 1, 1m), new CustomerSummary(1, AsOf, AsOf, 1, 1, AsOf.AddDays(1), 1m, 0m)];
        var e = Assert.Throws<ArgumentException>(() => Rfm.Compute(s));
        Assert.Equal("summaries", e.ParamName);
        Assert.Contains("summaries[1].AsOf", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_AsOfBeforeFirstPurchase_Throws()
    {
        var history = PurchaseHistory.Create([new Purchase(0, AsOf, 1m)]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Rfm.Compute(history, AsOf.AddDays(-1)));
        Assert.Equal("asOf", e.ParamName);
    }

    [Fact]
    public void Compute_WindowStartAfterAsOf_Throws()
    {
        var history = PurchaseHistory.Create([new Purchase(0, AsOf, 1m)]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Rfm.Compute(history, AsOf, windowStart: AsOf.AddDays(1)));
        Assert.Equal("windowStart", e.ParamName);
    }

    [Fact]
    public void Compute_NullHistoryOrScale_Throws()
    {
        Assert.Equal("history", Assert.Throws<ArgumentNullException>(() => Rfm.Compute(null!, AsOf)).ParamName);
        var e = Assert.Throws<ArgumentException>(() => Rfm.Compute(WithOrders(1), new RfmOptions { MonetaryScale = null! }));
        Assert.Equal("options", e.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public void Scale_ScoresOutOfRange_Throws(int scores)
    {
        Assert.Equal("scores", Assert.Throws<ArgumentOutOfRangeException>(() => RfmScale.Quantiles(scores)).ParamName);
        Assert.Equal("scores", Assert.Throws<ArgumentOutOfRangeException>(() => RfmScale.EqualCount(scores)).ParamName);
    }

    [Fact]
    public void Scale_ThresholdsNotAscending_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => RfmScale.Thresholds(1, 5, 5));
        Assert.Equal("cutPoints", e.ParamName);
        Assert.Contains("cutPoints[2]", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => RfmScale.Thresholds(1, double.NaN));
        Assert.Contains("cutPoints[1]", e.Message, StringComparison.Ordinal);
        Assert.Equal("cutPoints", Assert.Throws<ArgumentOutOfRangeException>(() => RfmScale.Thresholds(1, 2, 3, 4, 5, 6, 7, 8, 9)).ParamName);
    }

    [Fact]
    public void Rules_BadRange_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new RfmSegmentRules([new RfmSegmentRule("ok", 1, 5, 1, 5, 1, 5), new RfmSegmentRule("bad", 1, 5, 4, 2, 1, 5)]));
        Assert.Equal("rules", e.ParamName);
        Assert.Contains("rules[1].MinFrequency", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => new RfmSegmentRules([new RfmSegmentRule("", 1, 5, 1, 5, 1, 5)]));
        Assert.Contains("rules[0].Name", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => new RfmSegmentRules([new RfmSegmentRule("zero", 0, 5, 1, 5, 1, 5)]));
        Assert.Contains("rules[0].MinRecency", e.Message, StringComparison.Ordinal);
    }

    private static double[] Round(ReadOnlySpan<double> values)
    {
        var r = new double[values.Length];
        for (int i = 0; i < r.Length; i++) r[i] = Math.Round(values[i], 10);
        return r;
    }
}
