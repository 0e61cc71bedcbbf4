using MathNet.Numerics.Distributions;
using Retention.Metrics.Tests.Numerics;

namespace Retention.Metrics.Tests.Campaigns;

public class CampaignsTests
{
    private static CampaignGroup Group(long mailed, long responders) => new(mailed, responders, responders, 0m, 0m);

    // ---- Summary -------------------------------------------------------------------------------------------------

    // Docs example (docs/metrics/campaigns.md): 10,000 catalogues, 180 responders, 150 orders, ¥1,500,000 revenue,
    // ¥350,000 cost, 60 % gross margin.
    //   response 180/10000 = 1.8 %, CVR 150/10000 = 1.5 %, CPR 350000/180 = 1944.44…, CPO 350000/150 = 2333.33…,
    //   revenue per mailed 1500000/10000 = 150, gross profit 1500000 × 0.6 = 900000, profit 900000 − 350000 = 550000,
    //   BEP 350000 / (900000/150 = 6000) = 58.33… orders, ROI (900000 − 350000)/350000 = 1.5714…, gross/cost 2.5714….
    [Fact]
    public void Summarize_DocsExample_MatchesHandArithmetic()
    {
        var s = Retention.Metrics.Campaigns.Summarize(new CampaignGroup(10_000, 180, 150, 1_500_000m, 350_000m), 0.6m);
        Assert.Equal(new Rate(180, 10_000), s.ResponseRate);
        Assert.Equal(new Rate(150, 10_000), s.ConversionRate);
        Assert.Equal(350_000m / 180m, s.CostPerResponse);
        Assert.Equal(350_000m / 150m, s.CostPerOrder);
        Assert.Equal(150m, s.RevenuePerMailed);
        Assert.Equal(10_000m, s.AverageOrderValue);
        Assert.Equal(900_000m, s.GrossProfit);
        Assert.Equal(550_000m, s.Profit);
        Assert.Equal(350_000m / 6_000m, s.BreakEvenOrders);
        NumericAssert.Close(550_000d / 350_000d, s.Roi!.Value, 1e-15);
        var gross = Retention.Metrics.Campaigns.Summarize(s.Group, 0.6m, RoiConvention.GrossOverCost);
        NumericAssert.Close(900_000d / 350_000d, gross.Roi!.Value, 1e-15);
    }

    // Domain notes §7 (sellmarke.jp): BEP = 総DM費 ÷ 粗利単価 = 3,500,000 ÷ 5,000 = 700 orders.
    // Here 1,000 orders of ¥10,000 at 50 % margin give ¥5,000 gross profit per order.
    [Fact]
    public void Summarize_BreakEvenTextbookExample_Is700Orders()
    {
        var s = Retention.Metrics.Campaigns.Summarize(new CampaignGroup(100_000, 1_200, 1_000, 10_000_000m, 3_500_000m), 0.5m);
        Assert.Equal(700m, s.BreakEvenOrders);
    }

    [Fact]
    public void Summarize_EmptyAndZeroCounts_GiveNullUnitFigures()
    {
        var empty = Retention.Metrics.Campaigns.Summarize(default, 0.5m);
        Assert.False(empty.ResponseRate.IsDefined);
        Assert.Null(empty.CostPerResponse);
        Assert.Null(empty.CostPerOrder);
        Assert.Null(empty.RevenuePerMailed);
        Assert.Null(empty.BreakEvenOrders);
        Assert.Null(empty.Roi);
        var noResponse = Retention.Metrics.Campaigns.Summarize(new CampaignGroup(500, 0, 0, 0m, 80_000m), 0.5m);
        Assert.Equal(0d, noResponse.ResponseRate.Value);
        Assert.Null(noResponse.CostPerOrder);
        Assert.Equal(-1d, noResponse.Roi);
        Assert.Equal(-80_000m, noResponse.Profit);
    }

    [Theory]
    [InlineData(-1, 0, 0, 0, 0, "mailed")]
    [InlineData(10, 11, 0, 0, 0, "responders")]
    [InlineData(10, -1, 0, 0, 0, "responders")]
    [InlineData(10, 1, 11, 0, 0, "orders")]
    [InlineData(10, 1, 1, -5, 0, "revenue")]
    [InlineData(10, 1, 1, 5, -0.01, "cost")]
    public void CampaignGroup_BadFields_Throw(long mailed, long responders, long orders, double revenue, double cost, string param)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new CampaignGroup(mailed, responders, orders, (decimal)revenue, (decimal)cost));
        Assert.Equal(param, ex.ParamName);
        Assert.StartsWith(param + " is ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Summarize_BadMargin_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Retention.Metrics.Campaigns.Summarize(Group(10, 1), 1.2m));
        Assert.Equal("grossMarginRate", ex.ParamName);
        var ex2 = Assert.Throws<ArgumentOutOfRangeException>(() => Retention.Metrics.Campaigns.Summarize(Group(10, 1), 0.5m, (RoiConvention)7));
        Assert.Equal("roiConvention", ex2.ParamName);
    }

    [Fact]
    public void CampaignGroup_Combine_AddsFields()
    {
        var a = new CampaignGroup(100, 5, 4, 1000m, 50m);
        var b = new CampaignGroup(50, 2, 2, 300m, 25m);
        Assert.Equal(new CampaignGroup(150, 7, 6, 1300m, 75m), CampaignGroup.Combine(a, b));
    }

    // ---- Lift ----------------------------------------------------------------------------------------------------

    // Newcombe (1998) Statistics in Medicine 17:873–890, table II, method 10 (hybrid score), 95 %:
    // 56/70 − 48/80: 0.0524 to 0.3339; 9/10 − 3/10: 0.1705 to 0.8090; 6/7 − 2/7: 0.0582 to 0.8062;
    // 5/56 − 0/29: −0.0381 to 0.1926; 0/10 − 0/20: −0.1611 to 0.2775; 10/10 − 0/20: 0.6791 to 1.0000.
    [Theory]
    [InlineData(56, 70, 48, 80, 0.0524, 0.3339)]
    [InlineData(9, 10, 3, 10, 0.1705, 0.8090)]
    [InlineData(6, 7, 2, 7, 0.0582, 0.8062)]
    [InlineData(5, 56, 0, 29, -0.0381, 0.1926)]
    [InlineData(0, 10, 0, 20, -0.1611, 0.2775)]
    [InlineData(10, 10, 0, 20, 0.6791, 1.0000)]
    public void Lift_NewcombeTableII_MatchesPrintedInterval(long x1, long n1, long x2, long n2, double lower, double upper)
    {
        var lift = Retention.Metrics.Campaigns.Lift(Group(n1, x1), Group(n2, x2));
        Assert.Equal((double)x1 / n1 - (double)x2 / n2, lift.AbsoluteLift, 15);
        Assert.Equal(lower, lift.AbsoluteLiftInterval.Lower, 4);
        Assert.Equal(upper, lift.AbsoluteLiftInterval.Upper, 4);
    }

    // 2,000 mailed with 60 responders (3 %) against a 1,000 holdout with 20 (2 %):
    // uplift 0.01, relative lift 0.03/0.02 − 1 = 0.5, incremental responders 0.01 × 2000 = 20,
    // Katz SE = √(1/60 − 1/2000 + 1/20 − 1/1000) = √0.0651666… = 0.255278…, interval exp(ln 1.5 ± 1.959964 × SE) − 1.
    [Fact]
    public void Lift_HandExample_MatchesArithmetic()
    {
        var treated = new CampaignGroup(2_000, 60, 55, 600_000m, 200_000m);
        var control = new CampaignGroup(1_000, 20, 18, 180_000m, 0m);
        var lift = Retention.Metrics.Campaigns.Lift(treated, control);
        Assert.Equal(0.01, lift.AbsoluteLift, 15);
        NumericAssert.Close(0.5, lift.RelativeLift!.Value, 1e-14);
        NumericAssert.Close(20, lift.IncrementalResponders, 1e-12);
        Assert.Equal((300m - 180m) * 2_000m, lift.IncrementalRevenue);
        double se = Math.Sqrt(1d / 60 - 1d / 2000 + 1d / 20 - 1d / 1000);
        NumericAssert.Close(Math.Exp(Math.Log(1.5) - 1.959963984540054 * se) - 1, lift.RelativeLiftInterval!.Value.Lower, 1e-12);
        NumericAssert.Close(Math.Exp(Math.Log(1.5) + 1.959963984540054 * se) - 1, lift.RelativeLiftInterval!.Value.Upper, 1e-12);
        var orders = Retention.Metrics.Campaigns.Lift(treated, control, CampaignOutcome.Order);
        Assert.Equal(55d / 2000 - 18d / 1000, orders.AbsoluteLift, 15);
    }

    [Fact]
    public void Lift_ZeroControlResponders_HasNoRelativeLift()
    {
        var lift = Retention.Metrics.Campaigns.Lift(Group(100, 3), Group(100, 0));
        Assert.Null(lift.RelativeLift);
        Assert.Null(lift.RelativeLiftInterval);
        var none = Retention.Metrics.Campaigns.Lift(Group(100, 0), Group(100, 4));
        Assert.Equal(-1d, none.RelativeLift);
        Assert.Null(none.RelativeLiftInterval);
    }

    [Fact]
    public void Lift_EmptyGroupOrBadLevel_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Retention.Metrics.Campaigns.Lift(Group(10, 1), Group(0, 0)));
        Assert.Equal("control", ex.ParamName);
        Assert.Contains("control.Mailed is 0", ex.Message, StringComparison.Ordinal);
        var ex2 = Assert.Throws<ArgumentOutOfRangeException>(() => Retention.Metrics.Campaigns.Lift(Group(10, 1), Group(10, 1), confidenceLevel: 1));
        Assert.Equal("confidenceLevel", ex2.ParamName);
        var ex3 = Assert.Throws<ArgumentOutOfRangeException>(() => Retention.Metrics.Campaigns.Lift(Group(10, 1), Group(10, 1), (CampaignOutcome)5));
        Assert.Equal("outcome", ex3.ParamName);
    }

    // ---- z and χ² ------------------------------------------------------------------------------------------------

    // 2×2 table, treated 20 of 100, control 10 of 100 (a, b / c, d = 20, 80 / 10, 90), N = 200:
    //   ad − bc = 1800 − 800 = 1000; rows 100, 100; columns 30, 170;
    //   χ² = 200 × 1000² / (100 × 100 × 30 × 170) = 2e8 / 5.1e7 = 3.921568627…;
    //   equivalently Σ(O − E)²/E with E = 15, 85, 15, 85: 25/15 + 25/85 + 25/15 + 25/85 = 3.921568…;
    //   Yates: (1000 − 100)² → 200 × 810000 / 5.1e7 = 3.176470588…;
    //   pooled z = 0.1 / √(0.15 × 0.85 × 0.02) = 0.1 / 0.0504975… = 1.980295…, z² = χ².
    //   p-values (mpmath erfc(√(χ²/2)), 30 digits): 0.04767038065616145 and, with Yates, 0.07470593331213043.
    [Fact]
    public void ChiSquaredAndZ_HandExample_MatchArithmetic()
    {
        var t = Group(100, 20);
        var c = Group(100, 10);
        var chi = Retention.Metrics.Campaigns.ChiSquaredTest(t, c);
        NumericAssert.Close(2e8 / 5.1e7, chi.Statistic, 1e-15);
        NumericAssert.Close(0.04767038065616145, chi.PValue, 1e-13);
        Assert.Equal(1d, chi.DegreesOfFreedom);
        var yates = Retention.Metrics.Campaigns.ChiSquaredTest(t, c, yatesCorrection: true);
        NumericAssert.Close(200d * 810_000 / 5.1e7, yates.Statistic, 1e-15);
        NumericAssert.Close(0.07470593331213043, yates.PValue, 1e-13);
        var z = Retention.Metrics.Campaigns.TwoProportionZTest(t, c);
        NumericAssert.Close(0.1 / Math.Sqrt(0.15 * 0.85 * 0.02), z.Statistic, 1e-14);
        NumericAssert.Close(chi.PValue, z.PValue, 1e-13);
        NumericAssert.Close(chi.Statistic, z.Statistic * z.Statistic, 1e-14);
        Assert.Null(z.DegreesOfFreedom);
        Assert.Equal(0.1, z.Estimate, 15);
    }

    // Tea-tasting table [[3, 1], [1, 3]]: ad − bc = 9 − 1 = 8, N = 8, all margins 4:
    // χ² = 8 × 8² / 4⁴ = 2 (p = 0.1573), with Yates (8 − 4)² → 8 × 16 / 256 = 0.5 (p = 0.4795);
    // R's chisq.test(TeaLady) prints "X-squared = 0.5, df = 1, p-value = 0.4795" (and 2, 0.1573 with correct = FALSE).
    [Fact]
    public void ChiSquaredTest_TeaTasting_MatchesHandAndR()
    {
        var plain = Retention.Metrics.Campaigns.ChiSquaredTest(Group(4, 3), Group(4, 1));
        Assert.Equal(2d, plain.Statistic, 14);
        Assert.Equal(0.1573, plain.PValue, 4);
        var yates = Retention.Metrics.Campaigns.ChiSquaredTest(Group(4, 3), Group(4, 1), yatesCorrection: true);
        Assert.Equal(0.5, yates.Statistic, 14);
        Assert.Equal(0.4795, yates.PValue, 4);
    }

    [Fact]
    public void ChiSquaredAndZ_Sweep_MatchMathNetPValues()
    {
        var random = new Random(20261123);
        for (int i = 0; i < 500; i++)
        {
            long n1 = random.Next(1, 5000), n2 = random.Next(1, 5000);
            var t = Group(n1, random.NextInt64(0, n1 + 1));
            var c = Group(n2, random.NextInt64(0, n2 + 1));
            var chi = Retention.Metrics.Campaigns.ChiSquaredTest(t, c);
            var z = Retention.Metrics.Campaigns.TwoProportionZTest(t, c);
            double expectedChi = Reference.CampaignReference.PearsonChiSquared(t.Responders, n1, c.Responders, n2, yates: false);
            NumericAssert.Close(expectedChi, chi.Statistic, 1e-11, 1e-13, $"case {i}");
            double p = 1 - ChiSquared.CDF(1, chi.Statistic);
            if (p > 1e-6) NumericAssert.Close(p, chi.PValue, 1e-10, 0, $"case {i}");
            double pz = 2 * Normal.CDF(0, 1, -Math.Abs(z.Statistic));
            if (pz > 1e-300) NumericAssert.Close(pz, z.PValue, 1e-10, 0, $"case {i}");
            var yates = Retention.Metrics.Campaigns.ChiSquaredTest(t, c, yatesCorrection: true);
            NumericAssert.Close(Reference.CampaignReference.PearsonChiSquared(t.Responders, n1, c.Responders, n2, yates: true), yates.Statistic, 1e-11, 1e-13, $"case {i}");
        }
    }

    [Fact]
    public void Tests_DegenerateTables_GiveDefinedResults()
    {
        // Nobody responded anywhere, everybody responded, and n = 1 groups.
        foreach (var (t, c) in new[] { (Group(50, 0), Group(70, 0)), (Group(5, 5), Group(9, 9)), (Group(1, 1), Group(1, 0)), (Group(1, 0), Group(1, 0)) })
        {
            var z = Retention.Metrics.Campaigns.TwoProportionZTest(t, c);
            var chi = Retention.Metrics.Campaigns.ChiSquaredTest(t, c, yatesCorrection: true);
            var fisher = Retention.Metrics.Campaigns.FisherExactTest(t, c);
            foreach (var r in new[] { z, chi, fisher })
            {
                Assert.InRange(r.PValue, 0d, 1d);
                Assert.False(double.IsNaN(r.Statistic));
                Assert.False(double.IsNaN(r.Estimate));
                Assert.False(double.IsNaN(r.Interval.Lower) || double.IsNaN(r.Interval.Upper));
            }
        }
        Assert.Equal(1d, Retention.Metrics.Campaigns.TwoProportionZTest(Group(50, 0), Group(70, 0)).PValue);
        Assert.Equal(0d, Retention.Metrics.Campaigns.ChiSquaredTest(Group(5, 5), Group(9, 9)).Statistic);
        // 1/1 versus 0/1: every table but the observed one is as likely, so Fisher's p is 1.
        Assert.Equal(1d, Retention.Metrics.Campaigns.FisherExactTest(Group(1, 1), Group(1, 0)).PValue, 12);
    }

    // ---- Fisher --------------------------------------------------------------------------------------------------

    // Fisher's lady tasting tea, table [[3, 1], [1, 3]] (R documentation ?fisher.test, example "TeaTasting").
    // R 4.x, fisher.test(TeaTasting): p-value = 0.4857, odds ratio 6.408309, 95 % CI 0.2117329 to 621.9337505;
    // with alternative = "greater": p-value = 0.2429, CI 0.3135693 to Inf (R session printed in Penn State STAT 504, lesson 3,
    // online.stat.psu.edu/onlinecourses/sites/stat504/files/lesson03/TeaLady.out). A one-sided 95 % bound equals the bound of a
    // two-sided 90 % interval, so confidence 0.90 must reproduce 0.3135693 as its lower end.
    // Exact p: P(k) = C(4,k)C(4,4−k)/C(8,4) = 1, 16, 36, 16, 1 (/70); tables with P ≤ P(3) = 16/70: k = 0, 1, 3, 4 → 34/70.
    // R's interval and estimate come from uniroot (tolerance ~1.2e-4 absolute); its upper bound is found on the 1/ψ scale
    // (root near 0.0016), so R's 621.93 is off by 0.7 %: the exact root of P_ψ(X ≤ 3) = 0.025 is 626.243530588814
    // (mpmath findroot on 1 − ψ⁴/(1 + 16ψ + 36ψ² + 16ψ³ + ψ⁴) = 0.025); R's value gives 0.02517 there.
    [Fact]
    public void FisherExactTest_TeaTasting_MatchesR()
    {
        var r = Retention.Metrics.Campaigns.FisherExactTest(Group(4, 3), Group(4, 1));
        NumericAssert.Close(34d / 70d, r.PValue, 1e-14);
        NumericAssert.Close(16d / 70d, r.Statistic, 1e-14);
        NumericAssert.Close(6.408309, r.Estimate, 1e-4);
        NumericAssert.Close(0.2117329, r.Interval.Lower, 1e-4);
        NumericAssert.Close(626.243530588814, r.Interval.Upper, 1e-9);
        NumericAssert.Close(621.9337505, r.Interval.Upper, 1e-2);
        var ninety = Retention.Metrics.Campaigns.FisherExactTest(Group(4, 3), Group(4, 1), confidenceLevel: 0.90);
        NumericAssert.Close(0.3135693, ninety.Interval.Lower, 1e-4);
    }

    // Zero cell: 0 of 10 against 5 of 10. P(k) for k = 0..5 with margins 10, 10, 5: C(10,k)C(10,5−k)/C(20,5):
    // 252, 2100, 5400, 5400, 2100, 252 (/15504); observed k = 0 has 252, so p = 2 × 252/15504 = 0.0325077…;
    // the conditional MLE of the odds ratio is 0 and the lower bound 0 (as in R).
    [Fact]
    public void FisherExactTest_ZeroCell_HandExample()
    {
        var r = Retention.Metrics.Campaigns.FisherExactTest(Group(10, 0), Group(10, 5));
        NumericAssert.Close(504d / 15504d, r.PValue, 1e-13);
        Assert.Equal(0d, r.Estimate);
        Assert.Equal(0d, r.Interval.Lower);
        Assert.True(r.Interval.Upper > 0 && double.IsFinite(r.Interval.Upper));
        var mirrored = Retention.Metrics.Campaigns.FisherExactTest(Group(10, 5), Group(10, 0));
        Assert.Equal(double.PositiveInfinity, mirrored.Estimate);
        Assert.Equal(double.PositiveInfinity, mirrored.Interval.Upper);
        NumericAssert.Close(r.PValue, mirrored.PValue, 1e-14);
    }

    [Fact]
    public void FisherExactTest_RandomTables_MatchNaiveEnumeration()
    {
        var random = new Random(7);
        for (int i = 0; i < 300; i++)
        {
            long n1 = random.Next(1, 60), n2 = random.Next(1, 60);
            long x1 = random.NextInt64(0, n1 + 1), x2 = random.NextInt64(0, n2 + 1);
            double expected = Reference.CampaignReference.FisherTwoSided(x1, n1, x2, n2);
            var r = Retention.Metrics.Campaigns.FisherExactTest(Group(n1, x1), Group(n2, x2));
            NumericAssert.Close(expected, r.PValue, 1e-10, 1e-300, $"{x1}/{n1} vs {x2}/{n2}");
            Assert.True(r.Interval.Lower <= r.Estimate && r.Estimate <= r.Interval.Upper, $"{x1}/{n1} vs {x2}/{n2}");
        }
    }

    [Fact]
    public void FisherExactTest_LargeCounts_AgreesWithChiSquaredOrder()
    {
        // 300/10000 against 200/10000: a clear difference; Fisher and χ² agree in magnitude.
        var fisher = Retention.Metrics.Campaigns.FisherExactTest(Group(10_000, 300), Group(10_000, 200));
        var chi = Retention.Metrics.Campaigns.ChiSquaredTest(Group(10_000, 300), Group(10_000, 200), yatesCorrection: true);
        Assert.InRange(fisher.PValue / chi.PValue, 0.5, 2);
        NumericAssert.Close(300d * 9800 / (200d * 9700), fisher.Estimate, 0.01);
    }

    // ---- Welch ---------------------------------------------------------------------------------------------------

    // A = 1, 2, 3, 4, 5 (mean 3, s² = 2.5); B = 2, 4, 6, 8, 10 (mean 6, s² = 10).
    // SE² = 2.5/5 + 10/5 = 2.5; t = −3/√2.5 = −1.8973666; df = 2.5² / (0.5²/4 + 2²/4) = 6.25/1.0625 = 5.8823529;
    // p (mpmath betainc, 30 digits) = 0.10753119493062724; interval −3 ± t_{0.975, df}·√2.5.
    [Fact]
    public void WelchTTest_HandExample_MatchesArithmetic()
    {
        var a = SpendStatistics.FromValues([1m, 2m, 3m, 4m, 5m]);
        var b = SpendStatistics.FromValues([2m, 4m, 6m, 8m, 10m]);
        var r = Retention.Metrics.Campaigns.WelchTTest(a, b);
        NumericAssert.Close(-3 / Math.Sqrt(2.5), r.Statistic, 1e-15);
        NumericAssert.Close(6.25 / 1.0625, r.DegreesOfFreedom!.Value, 1e-15);
        NumericAssert.Close(0.10753119493062724, r.PValue, 1e-13);
        double critical = StudentT.InvCDF(0, 1, 6.25 / 1.0625, 0.975);
        NumericAssert.Close(-3 - critical * Math.Sqrt(2.5), r.Interval.Lower, 1e-9);
        NumericAssert.Close(-3 + critical * Math.Sqrt(2.5), r.Interval.Upper, 1e-9);
        Assert.Equal(-3d, r.Estimate);
    }

    // Student's sleep data (R datasets::sleep). R: t.test(extra ~ group, data = sleep) prints
    // "t = -1.8608, df = 17.776, p-value = 0.07939, 95 percent confidence interval: -3.3654832 0.2054832", means 0.75 and 2.33.
    [Fact]
    public void WelchTTest_SleepData_MatchesR()
    {
        var group1 = SpendStatistics.FromValues([0.7m, -1.6m, -0.2m, -1.2m, -0.1m, 3.4m, 3.7m, 0.8m, 0.0m, 2.0m]);
        var group2 = SpendStatistics.FromValues([1.9m, 0.8m, 1.1m, 0.1m, -0.1m, 4.4m, 5.5m, 1.6m, 4.6m, 3.4m]);
        var r = Retention.Metrics.Campaigns.WelchTTest(group1, group2);
        Assert.Equal(-1.8608, r.Statistic, 4);
        Assert.Equal(17.776, r.DegreesOfFreedom!.Value, 3);
        Assert.Equal(0.07939, r.PValue, 5);
        Assert.Equal(-3.3654832, r.Interval.Lower, 7);
        Assert.Equal(0.2054832, r.Interval.Upper, 7);
        Assert.Equal(-1.58, r.Estimate, 12);
    }

    [Fact]
    public void WelchTTest_RandomSamples_MatchMathNetOracle()
    {
        var random = new Random(99);
        for (int i = 0; i < 200; i++)
        {
            decimal[] x = Reference.CampaignReference.RandomSpend(random, random.Next(2, 400));
            decimal[] y = Reference.CampaignReference.RandomSpend(random, random.Next(2, 400));
            var (t, df) = Reference.CampaignReference.Welch(x, y);
            var r = Retention.Metrics.Campaigns.WelchTTest(SpendStatistics.FromValues(x), SpendStatistics.FromValues(y));
            NumericAssert.Close(t, r.Statistic, 1e-10, 1e-12, $"case {i}");
            NumericAssert.Close(df, r.DegreesOfFreedom!.Value, 1e-10, 0, $"case {i}");
            double p = 2 * StudentT.CDF(0, 1, df, -Math.Abs(t));
            if (p > 1e-8) NumericAssert.Close(p, r.PValue, 1e-9, 0, $"case {i}");
        }
    }

    [Fact]
    public void WelchTTest_TooFewOrConstant_BehavesAsDocumented()
    {
        var one = SpendStatistics.FromValues([5m]);
        var two = SpendStatistics.FromValues([1m, 2m]);
        var ex = Assert.Throws<ArgumentException>(() => Retention.Metrics.Campaigns.WelchTTest(one, two));
        Assert.Equal("treated", ex.ParamName);
        Assert.Contains("treated.Count is 1", ex.Message, StringComparison.Ordinal);
        var constantA = SpendStatistics.FromValues([3m, 3m, 3m]);
        var constantB = SpendStatistics.FromValues([3m, 3m]);
        var same = Retention.Metrics.Campaigns.WelchTTest(constantA, constantB);
        Assert.Equal(0d, same.Statistic);
        Assert.Equal(1d, same.PValue);
        var differ = Retention.Metrics.Campaigns.WelchTTest(constantA, SpendStatistics.FromValues([1m, 1m]));
        Assert.Equal(double.PositiveInfinity, differ.Statistic);
        Assert.Equal(0d, differ.PValue);
    }

    [Fact]
    public void SpendStatistics_FromMomentsAndCombine_MatchDirect()
    {
        decimal[] values = [0m, 0m, 1200m, 0m, 3400m, 0m, 800m, 0m, 0m, 5000m];
        var whole = SpendStatistics.FromValues(values);
        var parts = SpendStatistics.Combine(SpendStatistics.FromValues(values.AsSpan(0, 4)), SpendStatistics.FromValues(values.AsSpan(4)));
        Assert.Equal(whole.Count, parts.Count);
        NumericAssert.Close(whole.Mean, parts.Mean, 1e-14);
        NumericAssert.Close(whole.Variance, parts.Variance, 1e-13);
        var moments = SpendStatistics.FromMoments(whole.Count, whole.Mean, whole.StandardDeviation);
        NumericAssert.Close(whole.SumOfSquaredDeviations, moments.SumOfSquaredDeviations, 1e-13);
        Assert.Equal(default, SpendStatistics.Combine(default, default));
        Assert.Throws<ArgumentOutOfRangeException>(() => SpendStatistics.FromMoments(3, 1, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpendStatistics(0, 2, 0));
    }

    // ---- Worked example of docs/metrics/campaigns.md --------------------------------------------------------------

    // Catalogue to 10,000 customers (180 responders, 150 orders, ¥1,500,000, cost ¥350,000) against a 2,000 holdout
    // (24 responders, 20 orders, ¥190,000). Values computed independently with mpmath/Python from the same formulas:
    // z = 1.894848121772245 (p 0.05811252579106679), χ² = 3.590449404583807, Yates 3.240380587636886 (p 0.07184394727406342),
    // Newcombe −0.00028158549147365344 to 0.010817845171893405, relative lift 0.5 (−0.017577517522116448 to 1.290257033129992),
    // Fisher p 0.05820044859296251 (exact sum, 50 digits), sample size for 1.2 % → 1.8 %: 6441.443052836282 → 6442.
    [Fact]
    public void DocsWorkedExample_MatchesDocumentedNumbers()
    {
        var treated = new CampaignGroup(10_000, 180, 150, 1_500_000m, 350_000m);
        var holdout = new CampaignGroup(2_000, 24, 20, 190_000m, 0m);
        var lift = Retention.Metrics.Campaigns.Lift(treated, holdout);
        Assert.Equal(0.006, lift.AbsoluteLift, 15);
        NumericAssert.Close(-0.00028158549147365344, lift.AbsoluteLiftInterval.Lower, 1e-12);
        NumericAssert.Close(0.010817845171893405, lift.AbsoluteLiftInterval.Upper, 1e-12);
        NumericAssert.Close(0.5, lift.RelativeLift!.Value, 1e-14);
        NumericAssert.Close(-0.017577517522116448, lift.RelativeLiftInterval!.Value.Lower, 1e-10);
        NumericAssert.Close(1.290257033129992, lift.RelativeLiftInterval!.Value.Upper, 1e-12);
        NumericAssert.Close(60, lift.IncrementalResponders, 1e-12);
        Assert.Equal(550_000m, lift.IncrementalRevenue);
        var z = Retention.Metrics.Campaigns.TwoProportionZTest(treated, holdout);
        NumericAssert.Close(1.894848121772245, z.Statistic, 1e-13);
        NumericAssert.Close(0.05811252579106679, z.PValue, 1e-12);
        var chi = Retention.Metrics.Campaigns.ChiSquaredTest(treated, holdout);
        NumericAssert.Close(3.590449404583807, chi.Statistic, 1e-13);
        var yates = Retention.Metrics.Campaigns.ChiSquaredTest(treated, holdout, yatesCorrection: true);
        NumericAssert.Close(3.240380587636886, yates.Statistic, 1e-13);
        NumericAssert.Close(0.07184394727406342, yates.PValue, 1e-12);
        var fisher = Retention.Metrics.Campaigns.FisherExactTest(treated, holdout);
        NumericAssert.Close(0.05820044859296251, fisher.PValue, 1e-10);
        var design = Retention.Metrics.Campaigns.SampleSizeForRates(0.012, 0.006);
        NumericAssert.Close(6441.443052836282, design.ExactPerGroup, 1e-12);
        Assert.Equal(6442, design.PerGroup);
        var summary = Retention.Metrics.Campaigns.Summarize(treated, 0.6m);
        NumericAssert.Close(550_000d / 350_000d, summary.Roi!.Value, 1e-15);
        Assert.Equal(350_000m / 6_000m, summary.BreakEvenOrders);
        // Incremental view: 550,000 × 0.6 − 350,000 = −20,000.
        Assert.Equal(-20_000m, lift.IncrementalRevenue * 0.6m - treated.Cost);
    }

    [Fact]
    public void SpendStatistics_AllLengths0To256_MatchLinqOracle()
    {
        var random = new Random(256);
        for (int length = 0; length <= 256; length++)
        {
            decimal[] values = Reference.CampaignReference.RandomSpend(random, length);
            var s = SpendStatistics.FromValues(values);
            Assert.Equal(length, s.Count);
            double mean = length == 0 ? 0 : values.Average(v => (double)v);
            double m2 = values.Sum(v => ((double)v - mean) * ((double)v - mean));
            NumericAssert.Close(mean, s.Mean, 1e-13, 1e-9, $"length {length}");
            NumericAssert.Close(m2, s.SumOfSquaredDeviations, 1e-11, 1e-6, $"length {length}");
        }
    }

    [Fact]
    public void FisherExactTest_LargeBalancedTable_FinishesAndAgreesWithChiSquared()
    {
        // 50,000 mailed per group at ~30 %: 30,000-point support; the exact and asymptotic tests agree closely.
        var t = Group(50_000, 15_300);
        var c = Group(50_000, 15_000);
        var fisher = Retention.Metrics.Campaigns.FisherExactTest(t, c);
        var chi = Retention.Metrics.Campaigns.ChiSquaredTest(t, c, yatesCorrection: true);
        Assert.InRange(fisher.PValue / chi.PValue, 0.95, 1.05);
        NumericAssert.Close(15_300d * 35_000 / (34_700d * 15_000), fisher.Estimate, 1e-3);
    }

    // ---- Sample size ---------------------------------------------------------------------------------------------

    // p₁ = 0.10, p₂ = 0.12, α = 0.05, power 0.8: z_{0.975} = 1.959964, z_{0.8} = 0.841621, p̄ = 0.11,
    // √(2 × 0.11 × 0.89) = 0.442493, √(0.09 + 0.1056) = 0.442267,
    // n = (1.959964 × 0.442493 + 0.841621 × 0.442267)² / 0.02² = 1.239490² / 0.0004 = 3840.85 → 3841
    // (R: power.prop.test(p1 = .10, p2 = .12, power = .8) reports n = 3840.847).
    [Fact]
    public void SampleSizeForRates_HandExample_Is3841()
    {
        var r = Retention.Metrics.Campaigns.SampleSizeForRates(0.10, 0.02);
        Assert.Equal(3841, r.PerGroup);
        Assert.Equal(7682, r.Total);
        double za = Normal.InvCDF(0, 1, 0.975), zb = Normal.InvCDF(0, 1, 0.8);
        double expected = Math.Pow(za * Math.Sqrt(2 * 0.11 * 0.89) + zb * Math.Sqrt(0.09 + 0.12 * 0.88), 2) / 0.0004;
        NumericAssert.Close(expected, r.ExactPerGroup, 1e-12);
        NumericAssert.Close(3840.847, r.ExactPerGroup, 1e-6);
        // A decrease of the same size needs a different n (the variance depends on p₂).
        Assert.NotEqual(r.PerGroup, Retention.Metrics.Campaigns.SampleSizeForRates(0.10, -0.02).PerGroup);
    }

    [Fact]
    public void DetectableEffectForRates_InvertsSampleSize()
    {
        var r = Retention.Metrics.Campaigns.DetectableEffectForRates(0.10, 3841);
        Assert.InRange(r.Effect, 0.0199, 0.0200);
        NumericAssert.Close(3841, Retention.Metrics.Campaigns.SampleSizeForRates(0.10, r.Effect).ExactPerGroup, 1e-9);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Retention.Metrics.Campaigns.DetectableEffectForRates(0.5, 2));
        Assert.Equal("perGroup", ex.ParamName);
    }

    // Means: σ = 1, δ = 0.5: n = 2 × (1.959964 + 0.841621)² / 0.25 = 2 × 7.848879 / 0.25 = 62.79 → 63;
    // the 16σ²/δ² rule of thumb gives 64.
    [Fact]
    public void SampleSizeForMeans_HandExampleAndInverse()
    {
        var r = Retention.Metrics.Campaigns.SampleSizeForMeans(1, 0.5);
        Assert.Equal(63, r.PerGroup);
        double z = Normal.InvCDF(0, 1, 0.975) + Normal.InvCDF(0, 1, 0.8);
        NumericAssert.Close(2 * z * z / 0.25, r.ExactPerGroup, 1e-13);
        var inverse = Retention.Metrics.Campaigns.DetectableEffectForMeans(1, 63);
        NumericAssert.Close(z * Math.Sqrt(2d / 63), inverse.Effect, 1e-14);
        Assert.True(inverse.Effect < 0.5);
    }

    [Theory]
    [InlineData(0, 0.01, 0.05, 0.8, "baselineRate")]
    [InlineData(0.1, 0, 0.05, 0.8, "minimumDetectableEffect")]
    [InlineData(0.1, 0.95, 0.05, 0.8, "minimumDetectableEffect")]
    [InlineData(0.1, 0.01, 0, 0.8, "alpha")]
    [InlineData(0.1, 0.01, 0.05, 1, "power")]
    public void SampleSizeForRates_BadArguments_Throw(double p, double effect, double alpha, double power, string param)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Retention.Metrics.Campaigns.SampleSizeForRates(p, effect, alpha, power));
        Assert.Equal(param, ex.ParamName);
    }
}
