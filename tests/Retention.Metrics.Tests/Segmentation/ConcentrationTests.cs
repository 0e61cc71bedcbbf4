using static Retention.Metrics.Tests.Segmentation.SegmentationTestData;

namespace Retention.Metrics.Tests.Segmentation;

public class ConcentrationTests
{
    // Ten customers spending 100, 90, …, 10 (total 550), customer i spends 100 − 10i.
    private static SpendRanking TenSteps() => Concentration.Rank(WithSpend(100, 90, 80, 70, 60, 50, 40, 30, 20, 10));

    [Fact]
    public void Rank_TenSteps_OrdersByspendDescending()
    {
        var r = TenSteps();
        Assert.Equal(10, r.Count);
        Assert.Equal(550m, r.TotalAmount);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], r.Customers.ToArray());
        Assert.Equal(100m, r.AmountAt(0));
        Assert.Equal(10m, r.AmountAt(9));
    }

    // One customer per decile: shares 100/550, 90/550, …; cumulative 100/550, 190/550, …, 550/550 = 1.
    [Fact]
    public void Deciles_TenSteps_OneCustomerEach()
    {
        var d = TenSteps().Deciles();
        Assert.Equal(10, d.Rows.Length);
        Assert.Equal(new DecileRow(1, 0, 1, 100m, 100m, 100d / 550, 100d / 550), d.Rows[0]);
        Assert.Equal(190d / 550, d.Rows[1].CumulativeShare, 1e-15);
        Assert.Equal(10d / 550, d.Rows[9].Share, 1e-15);
        Assert.Equal(1d, d.Rows[9].CumulativeShare);
    }

    // 13 customers into 10 groups: 13 = 10·1 + 3, so groups 1–3 hold 2 customers and groups 4–10 hold 1 (NTILE).
    // Spend 130, 120, …, 10: group 1 = 130 + 120 = 250, group 2 = 110 + 100 = 210, group 3 = 90 + 80 = 170, group 4 = 70.
    [Fact]
    public void Deciles_Remainder_GoesToTheFirstGroups()
    {
        var spend = new decimal[13];
        for (int i = 0; i < 13; i++) spend[i] = 130 - 10 * i;
        var d = Concentration.Rank(WithSpend(spend)).Deciles();
        int[] sizes = new int[10];
        for (int g = 0; g < 10; g++) sizes[g] = d.Rows[g].Customers;
        Assert.Equal([2, 2, 2, 1, 1, 1, 1, 1, 1, 1], sizes);
        Assert.Equal((250m, 125m), (d.Rows[0].Amount, d.Rows[0].MeanAmount));
        Assert.Equal(210m, d.Rows[1].Amount);
        Assert.Equal(170m, d.Rows[2].Amount);
        Assert.Equal((6, 70m), (d.Rows[3].FirstRank, d.Rows[3].Amount));
        Assert.Equal(910m, d.TotalAmount);
    }

    // Ties on a boundary are split by customer index: customers 2, 0, 1 all spend 5; two groups of sizes 2 and 1.
    [Fact]
    public void Deciles_TiesOnBoundary_SplitByCustomerIndex()
    {
        CustomerSummary[] s = [Summary(2, 1, 1, 5m), Summary(0, 1, 1, 5m), Summary(1, 1, 1, 5m)];
        var r = Concentration.Rank(s);
        Assert.Equal([0, 1, 2], r.Customers.ToArray());
        var d = r.Deciles(2);
        Assert.Equal((2, 10m), (d.Rows[0].Customers, d.Rows[0].Amount));
        Assert.Equal((1, 5m), (d.Rows[1].Customers, d.Rows[1].Amount));
    }

    // Fewer customers than groups: three customers fill groups 1–3; groups 4–10 are empty with cumulative share 1.
    [Fact]
    public void Deciles_FewerCustomersThanGroups_TrailingGroupsEmpty()
    {
        var d = Concentration.Rank(WithSpend(30, 20, 50)).Deciles();
        Assert.Equal((1, 50m), (d.Rows[0].Customers, d.Rows[0].Amount));
        Assert.Equal((1, 20m), (d.Rows[2].Customers, d.Rows[2].Amount));
        Assert.Equal(new DecileRow(4, 3, 0, 0m, 0m, 0d, 1d), d.Rows[3]);
        Assert.Equal(1d, d.Rows[9].CumulativeShare);
    }

    // Top 20 % = customers ranked 1–2: (100 + 90)/550 = 0.3454…; top 25 % = 2.5 customers = (190 + 0.5·80)/550 = 230/550.
    [Fact]
    public void TopShare_TenSteps_InterpolatesBetweenCustomers()
    {
        var r = TenSteps();
        Assert.Equal(190d / 550, r.TopShare(), 1e-15);
        Assert.Equal(230d / 550, r.TopShare(0.25), 1e-15);
        Assert.Equal(0d, r.TopShare(0));
        Assert.Equal(1d, r.TopShare(1));
    }

    // 80 % of 550 = 440. Cumulative 100, 190, 270, 340, 400, 450: the 6th customer (50) crosses it, 40/50 = 0.8 of the way,
    // so (5 + 0.8)/10 = 0.58 of customers make 80 % of spend.
    [Fact]
    public void CustomerShareFor_TenSteps_InvertsTopShare()
    {
        var r = TenSteps();
        Assert.Equal(0.58, r.CustomerShareFor(), 1e-12);
        Assert.Equal(0.8, r.TopShare(0.58), 1e-12);
        Assert.Equal(0d, r.CustomerShareFor(0));
        Assert.Equal(1d, r.CustomerShareFor(1));
    }

    // Ascending x = 10, 20, …, 100: Σ i·x_(i) = 10·Σ i² = 10·385 = 3,850; G = 2·3850/(10·550) − 11/10 = 1.4 − 1.1 = 0.3.
    [Fact]
    public void Gini_TenSteps_IsPointThree()
    {
        Assert.Equal(0.3, TenSteps().Gini, 1e-15);
    }

    // One customer of n spends everything: G = 1 − 1/n; all equal: 0.
    [Fact]
    public void Gini_Extremes()
    {
        Assert.Equal(0.75, Concentration.Rank(WithSpend(0, 0, 100, 0)).Gini, 1e-15);
        Assert.Equal(0d, Concentration.Rank(WithSpend(7, 7, 7)).Gini);
        Assert.Equal(0d, Concentration.Rank(WithSpend(42)).Gini);
    }

    // Lorenz at tenths: the bottom j customers of 10, 20, …, 100: L(0.1) = 10/550, L(0.2) = 30/550, …, L(1) = 1.
    [Fact]
    public void Lorenz_TenSteps_CumulatesFromTheBottom()
    {
        var points = TenSteps().Lorenz(10);
        Assert.Equal(11, points.Length);
        Assert.Equal(new LorenzPoint(0, 0), points[0]);
        Assert.Equal(0.1, points[1].CustomerShare, 1e-15);
        Assert.Equal(10d / 550, points[1].RevenueShare, 1e-12);
        Assert.Equal(30d / 550, points[2].RevenueShare, 1e-12);
        Assert.Equal(450d / 550, points[9].RevenueShare, 1e-12);
        Assert.Equal(new LorenzPoint(1, 1), points[10]);
    }

    // Cumulative shares including each customer: 100/550 = .18, 190 = .35, 270 = .49, 340 = .62 (A, ≤ .7), 400 = .73,
    // 450 = .82, 490 = .89 (B, ≤ .9), 520 = .95, 540, 550 (C). A = 4 customers 340, B = 3 customers 150, C = 3 customers 60.
    [Fact]
    public void Abc_TenSteps_DefaultCutoffs()
    {
        var abc = TenSteps().Abc();
        Assert.Equal(new AbcClassSummary(AbcClass.A, new Rate(4, 10), 340m, 340d / 550), abc.Classes[0]);
        Assert.Equal(new AbcClassSummary(AbcClass.B, new Rate(3, 10), 150m, 150d / 550), abc.Classes[1]);
        Assert.Equal(new AbcClassSummary(AbcClass.C, new Rate(3, 10), 60m, 60d / 550), abc.Classes[2]);
        Assert.Equal([0, 1, 2, 3], abc.CustomersOf(AbcClass.A).ToArray());
        Assert.Equal([7, 8, 9], abc.CustomersOf(AbcClass.C).ToArray());
        Assert.Equal(AbcClass.B, abc.ClassAt(6));
        Assert.Equal(AbcClass.C, abc.ClassAt(7));
    }

    // A cumulative share exactly on a cut-off belongs to the lower class: spend 70, 20, 10 → .7 (A), .9 (B), 1 (C).
    [Fact]
    public void Abc_ShareOnCutoff_IsInclusive()
    {
        var abc = Concentration.Rank(WithSpend(70, 20, 10)).Abc();
        Assert.Equal(1, abc.Classes[0].Customers.Numerator);
        Assert.Equal(1, abc.Classes[1].Customers.Numerator);
        Assert.Equal(1, abc.Classes[2].Customers.Numerator);
    }

    // A dominant top customer (80 % > 70 %) is not A under the including rule; it is B.
    [Fact]
    public void Abc_DominantCustomer_IsB()
    {
        var abc = Concentration.Rank(WithSpend(80, 10, 10)).Abc();
        Assert.Equal(0, abc.Classes[0].Customers.Numerator);
        Assert.Equal([0, 1], abc.CustomersOf(AbcClass.B).ToArray()); // 80 → .8 and 90 → .9 are both B
    }

    [Fact]
    public void AllMeasures_Empty_DocumentedValues()
    {
        var r = Concentration.Rank(ReadOnlySpan<CustomerSummary>.Empty);
        Assert.Equal(0, r.Count);
        Assert.Equal(0m, r.TotalAmount);
        var d = r.Deciles();
        foreach (var row in d.Rows) Assert.Equal((0, 0m, 0d, 0d), (row.Customers, row.Amount, row.Share, row.CumulativeShare));
        Assert.Equal(0d, r.TopShare());
        Assert.Equal(0d, r.CustomerShareFor());
        Assert.Equal(0d, r.Gini);
        Assert.Equal(new LorenzPoint(0.5, 0), r.Lorenz(2)[1]);
        Assert.Equal(new Rate(0, 0), r.Abc().Classes[0].Customers);
        Assert.Equal(0, Concentration.Rank(PurchaseHistory.Empty, AsOf).Count);
    }

    // A single customer: decile 1 holds it, shares 1; the linear top curve gives 20 % of spend to the top 20 %.
    [Fact]
    public void AllMeasures_SingleCustomer()
    {
        var r = Concentration.Rank(WithSpend(500));
        Assert.Equal((1, 1d, 1d), (r.Deciles().Rows[0].Customers, r.Deciles().Rows[0].Share, r.Deciles().Rows[0].CumulativeShare));
        Assert.Equal(0.2, r.TopShare(), 1e-15);
        Assert.Equal(0.8, r.CustomerShareFor(), 1e-15);
        Assert.Equal(AbcClass.C, r.Abc().ClassAt(0)); // its cumulative share 1 exceeds 0.9
    }

    // All spend zero (for example free samples): shares 0, Gini 0, every customer C.
    [Fact]
    public void AllMeasures_ZeroTotal()
    {
        var r = Concentration.Rank(WithSpend(0, 0, 0));
        Assert.Equal(0d, r.Deciles().Rows[0].Share);
        Assert.Equal(0d, r.Gini);
        Assert.Equal(3, r.Abc().Classes[2].Customers.Numerator);
    }

    // The history overload: window [start, asOf] both inclusive; customers without a purchase in it are left out.
    [Fact]
    public void Rank_HistoryWindow_BoundsInclusive()
    {
        var history = PurchaseHistory.Create(
        [
            new Purchase(0, AsOf.AddDays(-30), 100m),
            new Purchase(0, AsOf, 50m),
            new Purchase(1, AsOf.AddDays(-31), 70m),
            new Purchase(2, AsOf.AddDays(1), 999m),
        ]);
        var all = Concentration.Rank(history, AsOf);
        Assert.Equal([0, 1], all.Customers.ToArray());
        Assert.Equal(220m, all.TotalAmount);
        var window = Concentration.Rank(history, AsOf, AsOf.AddDays(-30));
        Assert.Equal([0], window.Customers.ToArray());
        Assert.Equal(150m, window.AmountAt(0));
    }

    [Fact]
    public void Rank_SummariesWithDifferentScales_AreExact()
    {
        var r = Concentration.Rank([Summary(0, 1, 1, 10m), Summary(1, 1, 1, 10.005m), Summary(2, 1, 1, 9.5m)]);
        Assert.Equal([1, 0, 2], r.Customers.ToArray());
        Assert.Equal(29.505m, r.TotalAmount);
        Assert.Equal(10.005m, r.AmountAt(0));
    }

    // ---- Errors ----

    [Fact]
    public void Rank_NegativeSpend_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Concentration.Rank([Summary(0, 1, 1, 5m), Summary(1, 1, 1, -2m)]));
        Assert.Equal("summaries", e.ParamName);
        Assert.Contains("summaries[1].TotalAmount is -2", e.Message, StringComparison.Ordinal);

        // Histories never hold negative entries: refunds are netted into the purchases they return.
        var refunds = PurchaseHistory.Create([new Purchase(3, AsOf.AddDays(-40), 10m), new Purchase(3, AsOf.AddDays(-5), -5m)],
            new PurchaseHistoryOptions { AllowRefunds = true });
        Assert.Equal(5m, Concentration.Rank(refunds, AsOf).TotalAmount);
        Assert.Equal(0, Concentration.Rank(refunds, AsOf, AsOf.AddDays(-30)).Count);
    }

    [Fact]
    public void Measures_BadArguments_Throw()
    {
        var r = TenSteps();
        Assert.Equal("groups", Assert.Throws<ArgumentOutOfRangeException>(() => r.Deciles(0)).ParamName);
        Assert.Equal("customerFraction", Assert.Throws<ArgumentOutOfRangeException>(() => r.TopShare(1.5)).ParamName);
        Assert.Equal("customerFraction", Assert.Throws<ArgumentOutOfRangeException>(() => r.TopShare(double.NaN)).ParamName);
        Assert.Equal("revenueFraction", Assert.Throws<ArgumentOutOfRangeException>(() => r.CustomerShareFor(-0.1)).ParamName);
        Assert.Equal("segments", Assert.Throws<ArgumentOutOfRangeException>(() => r.Lorenz(0)).ParamName);
        Assert.Equal("bCutoff", Assert.Throws<ArgumentOutOfRangeException>(() => r.Abc(0.8, 0.7)).ParamName);
        Assert.Equal("aCutoff", Assert.Throws<ArgumentOutOfRangeException>(() => r.Abc(-1, 0.7)).ParamName);
        Assert.Equal("rank", Assert.Throws<ArgumentOutOfRangeException>(() => r.AmountAt(10)).ParamName);
        Assert.Equal("windowStart", Assert.Throws<ArgumentOutOfRangeException>(
            () => Concentration.Rank(PurchaseHistory.Create([new Purchase(0, AsOf, 1m)]), AsOf, AsOf.AddDays(1))).ParamName);
    }
}
