using Retention.Metrics.Numerics;
using Retention.Metrics.Tests.Numerics;

namespace Retention.Metrics.Tests.Lifetime;

public class BgNbdModelTests
{
    // Parameters printed in Fader, Hardie and Lee (2005), used by BG-5, BG-6, BG-8, BG-9.
    private static readonly BgNbdModel s_paper = BgNbdModel.FromParameters(0.243, 4.414, 0.793, 2.426);
    private static readonly Lazy<BgNbdModel> s_fitRounded = new(() => BgNbdModel.Fit(LifetimeData.BgNbd(LifetimeData.Rounded)));

    [Fact]
    public void Fit_CdnowRounded_MatchesPaperToThreeDecimals_BG1_BG2()
    {
        // BG-1: r = 0.243, α = 4.414, a = 0.793, b = 2.426 (abs 6e-4); BG-2: LL = −9582.4 (abs 0.05). File: cdnow_customers_summary.csv.
        BgNbdModel model = s_fitRounded.Value;
        Assert.True(model.Converged, model.ToString());
        NumericAssert.Close(0.243, model.R, 0d, 6e-4);
        NumericAssert.Close(4.414, model.Alpha, 0d, 6e-4);
        NumericAssert.Close(0.793, model.A, 0d, 6e-4);
        NumericAssert.Close(2.426, model.B, 0d, 6e-4);
        NumericAssert.Close(-9582.4, model.LogLikelihood!.Value, 0d, 0.05);
        Assert.Equal(2357d, model.Customers);
    }

    [Fact]
    public void Fit_CdnowRounded_MatchesPeerRun_BG3()
    {
        // BG-3 (BTYD and lifetimes on cdnow_customers_summary.csv): params rel 5e-4, LL abs 1e-3.
        BgNbdModel model = s_fitRounded.Value;
        NumericAssert.Close(0.2425952, model.R, 5e-4);
        NumericAssert.Close(4.413590, model.Alpha, 5e-4);
        NumericAssert.Close(0.7929524, model.A, 5e-4);
        NumericAssert.Close(2.426017, model.B, 5e-4);
        NumericAssert.Close(-9582.425561, model.LogLikelihood!.Value, 0d, 1e-3);
    }

    [Fact]
    public void Fit_CdnowExact_ConvergesToTheExactDataOptimum()
    {
        // validation.md J.8: on the exact btyd_cdnow_cbs.csv the optimum LL is −9582.42921 (the rounded file gives −9582.42556).
        BgNbdModel model = BgNbdModel.Fit(LifetimeData.BgNbd(LifetimeData.Exact));
        Assert.True(model.Converged, model.ToString());
        NumericAssert.Close(-9582.42921, model.LogLikelihood!.Value, 0d, 1e-3);
        NumericAssert.Close(0.243, model.R, 0d, 1e-3);
    }

    [Fact]
    public void Fit_CdnowRounded_StandardErrorsArePositiveAndMatchTheNumericalHessian()
    {
        BgNbdModel model = s_fitRounded.Value;
        Assert.NotNull(model.StandardErrors);
        BgNbdObservation[] data = LifetimeData.BgNbd(LifetimeData.Rounded);
        double Nll(ReadOnlySpan<double> p) => -BgNbdModel.FromParameters(p[0], p[1], p[2], p[3]).ComputeLogLikelihood(data);
        double[] hessian = Minimizer.NumericalHessian(Nll, [model.R, model.Alpha, model.A, model.B]);
        var inverse = new double[16];
        Assert.True(Minimizer.TryInvertSymmetricPositiveDefinite(hessian, 4, inverse));
        BgNbdParameters se = model.StandardErrors!.Value;
        NumericAssert.Close(Math.Sqrt(inverse[0]), se.R, 1e-3);
        NumericAssert.Close(Math.Sqrt(inverse[5]), se.Alpha, 1e-3);
        NumericAssert.Close(Math.Sqrt(inverse[10]), se.A, 1e-3);
        NumericAssert.Close(Math.Sqrt(inverse[15]), se.B, 1e-3);
    }

    [Fact]
    public void LogLikelihood_AtPaperParameters_MatchesPeerRun_BG9()
    {
        // BG-9: −9582.426831 (abs 1e-5) on cdnow_customers_summary.csv.
        NumericAssert.Close(-9582.426831, s_paper.ComputeLogLikelihood(LifetimeData.BgNbd(LifetimeData.Rounded)), 0d, 1e-5);
    }

    [Fact]
    public void Gradient_Analytic_MatchesNumericalGradient()
    {
        BgNbdObservation[] data = LifetimeData.BgNbd(LifetimeData.Rounded);
        // Add a large-frequency customer and a fractional one so the direct (non-table) path is covered too.
        data = [.. data, new BgNbdObservation(5000, 30, 39), new BgNbdObservation(2.5, 10, 20, 3)];
        using var likelihood = new BgNbdLikelihood(data);
        foreach (double[] p in new[] { new[] { 0.243, 4.414, 0.793, 2.426 }, new[] { 1.3, 0.7, 2.1, 0.4 } })
        {
            var analytic = new double[4];
            likelihood.Evaluate(p, analytic);
            var numeric = new double[4];
            Minimizer.NumericalGradient(q => likelihood.Evaluate(q, []), p, numeric);
            for (int i = 0; i < 4; i++) NumericAssert.Close(numeric[i], analytic[i], 1e-6, 1e-6, $"parameter {i}");
        }
    }

    [Fact]
    public void LogLikelihood_HugeFrequency_IsFinite()
    {
        // (α+T)^−(r+x) underflows for x = 10⁶ if evaluated directly; the log-sum-exp keeps it finite.
        double ll = s_paper.ComputeLogLikelihood([new BgNbdObservation(1_000_000, 38, 39), new BgNbdObservation(5000, 1, 39)]);
        Assert.True(double.IsFinite(ll), ll.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(1d, 0.05326789117)]
    [InlineData(10d, 0.4324133622)]
    [InlineData(39d, 1.196723193)]
    [InlineData(52d, 1.446050595)]
    [InlineData(78d, 1.860519058)]
    public void ExpectedPurchases_PaperParameters_MatchesPeerRun_BG5(double t, double expected) =>
        NumericAssert.Close(expected, s_paper.ExpectedPurchases(t), 1e-8);

    [Theory]
    [InlineData(0, 0.5737863521)]
    [InlineData(1, 0.1993952808)]
    [InlineData(2, 0.08542975954)]
    [InlineData(3, 0.04586035385)]
    public void ProbabilityOfPurchases_T39_MatchesPeerRun_BG6(int n, double expected) =>
        NumericAssert.Close(expected, s_paper.ProbabilityOfPurchases(39d, n), 1e-8);

    [Fact]
    public void ProbabilityOfPurchases_FarTail_MatchesPeerTest_BG6()
    {
        // BG-6 peer test: P(X(2) = 10) = 1.07869e-07 (abs 1e-4 upstream; we hold 1e-5 relative on the printed digits).
        NumericAssert.Close(1.07869e-07, s_paper.ProbabilityOfPurchases(2d, 10), 1e-5);
    }

    [Fact]
    public void ProbabilityOfPurchases_SumsToOne()
    {
        double sum = 0d;
        for (int n = 0; n < 2000; n++) sum += s_paper.ProbabilityOfPurchases(39d, n);
        NumericAssert.Close(1d, sum, 1e-9);
        Assert.Equal(1d, s_paper.ProbabilityOfPurchases(0d, 0));
        Assert.Equal(0d, s_paper.ProbabilityOfPurchases(0d, 3));
    }

    [Theory]
    [InlineData(2, 30.43, 38.86, 39, 1.226028175)]
    [InlineData(2, 30.43, 38.86, 52, 1.558720806)]
    [InlineData(0, 0, 38.86, 39, 0.1950980520)]
    [InlineData(7, 29.43, 38.86, 39, 3.337053275)]
    [InlineData(26, 30.86, 31, 52, 25.75819594)]
    [InlineData(1, 1.71, 38.86, 39, 0.2031870)]
    public void ConditionalExpectedPurchases_PaperParameters_MatchesPeerRun_BG8(double x, double tx, double age, double t, double expected)
    {
        // BG-8 rel 1e-8 (the last row is printed to 7 digits: rel 5e-7).
        double tolerance = expected == 0.2031870 ? 5e-7 : 1e-8;
        NumericAssert.Close(expected, s_paper.ConditionalExpectedPurchases(t, x, tx, age), tolerance);
    }

    [Theory]
    [InlineData(2, 30.43, 38.86, 0.7265785701)]
    [InlineData(7, 29.43, 38.86, 0.6417563459)]
    [InlineData(26, 30.86, 31, 0.9689156497)]
    [InlineData(1, 1.71, 38.86, 0.2121010)]
    public void ProbabilityAlive_PaperParameters_MatchesPeerRun_BG8(double x, double tx, double age, double expected)
    {
        double tolerance = expected == 0.2121010 ? 5e-7 : 1e-8;
        NumericAssert.Close(expected, s_paper.ProbabilityAlive(x, tx, age), tolerance);
    }

    [Fact]
    public void ProbabilityAlive_NoRepeatPurchase_IsExactlyOne_BG8() =>
        Assert.Equal(1d, s_paper.ProbabilityAlive(0, 0, 38.86));

    [Fact]
    public void ConditionalExpectedPurchases_FittedCustomerOne_MatchesHardieSheet_BG10()
    {
        // BG-10: 1.226 (abs 1e-3); peers 1.225902 / 1.225910.
        NumericAssert.Close(1.226, s_fitRounded.Value.ConditionalExpectedPurchases(39, 2, 30.43, 38.86), 0d, 1e-3);
    }

    [Theory]
    [InlineData(0.1429, 0.0078, 0.0078160)]
    [InlineData(1, 0.0532, 0.0531846)]
    [InlineData(3, 0.1506, 0.150632)]
    [InlineData(31.8571, 1.0405, 1.040491)]
    [InlineData(32, 1.0437, 1.043734)]
    [InlineData(78, 1.8576, 1.857955)]
    public void ExpectedPurchases_Fitted_MatchesHardieSheet_BG11(double t, double excel, double peer)
    {
        double actual = s_fitRounded.Value.ExpectedPurchases(t);
        NumericAssert.Close(excel, actual, 0d, 1.5e-3);
        NumericAssert.Close(peer, actual, 1e-4);
    }

    [Fact]
    public void SpanOverloads_MatchScalar()
    {
        BgNbdObservation[] data = LifetimeData.BgNbd(LifetimeData.Rounded)[..50];
        var ce = new double[50];
        var alive = new double[50];
        s_paper.ConditionalExpectedPurchases(39, data, ce);
        s_paper.ProbabilityAlive(data, alive);
        for (int i = 0; i < data.Length; i++)
        {
            Assert.Equal(s_paper.ConditionalExpectedPurchases(39, data[i].Frequency, data[i].Recency, data[i].Age), ce[i]);
            Assert.Equal(s_paper.ProbabilityAlive(data[i].Frequency, data[i].Recency, data[i].Age), alive[i]);
        }
        var e = new double[3];
        s_paper.ExpectedPurchases([1d, 10d, 39d], e);
        Assert.Equal(s_paper.ExpectedPurchases(10d), e[1]);
    }

    [Fact]
    public void ExpectedPurchases_ShapeNearOne_IsContinuous()
    {
        // a = 1 is a removable singularity of (a+b−1)/(a−1)·[…]; values on both sides and at 1 agree smoothly.
        double below = BgNbdModel.FromParameters(0.5, 3, 1 - 2e-4, 2).ExpectedPurchases(20);
        double at = BgNbdModel.FromParameters(0.5, 3, 1, 2).ExpectedPurchases(20);
        double above = BgNbdModel.FromParameters(0.5, 3, 1 + 2e-4, 2).ExpectedPurchases(20);
        Assert.True(double.IsFinite(at));
        NumericAssert.Close(0.5 * (below + above), at, 1e-6);
        double ce = BgNbdModel.FromParameters(0.5, 3, 1, 2).ConditionalExpectedPurchases(20, 3, 10, 30);
        NumericAssert.Close(0.5 * (BgNbdModel.FromParameters(0.5, 3, 1 - 2e-4, 2).ConditionalExpectedPurchases(20, 3, 10, 30)
            + BgNbdModel.FromParameters(0.5, 3, 1 + 2e-4, 2).ConditionalExpectedPurchases(20, 3, 10, 30)), ce, 1e-6);
    }

    [Theory]
    [InlineData(0.21, 0.79)]
    [InlineData(0.5, 0.5)]
    [InlineData(0.03, 0.97)]
    public void Expectations_ShapesSummingToOne_AreTheLimitOfTheirNeighbours(double a, double b)
    {
        // a + b = 1 puts c = a + b − 1 = 0 into ₂F₁(r, b; c; z): another removable singularity, where c·₂F₁ tends to
        // r·b·z·₂F₁(r+1, b+1; 2; z). The values at it lie between those just either side, and are finite.
        BgNbdModel at = BgNbdModel.FromParameters(2.32, 17.08, a, b);
        BgNbdModel below = BgNbdModel.FromParameters(2.32, 17.08, a - 1e-7, b), above = BgNbdModel.FromParameters(2.32, 17.08, a + 1e-7, b);
        Assert.Equal(0d, at.A + at.B - 1d);
        foreach (double t in new[] { 0.5, 10, 118 })
        {
            double e = at.ExpectedPurchases(t);
            Assert.True(double.IsFinite(e) && e > 0d);
            NumericAssert.Close(0.5 * (below.ExpectedPurchases(t) + above.ExpectedPurchases(t)), e, 1e-6);
            // With no repeat purchase the conditional expectation has the same c.
            double ce = at.ConditionalExpectedPurchases(t, 0, 0, 20);
            Assert.True(double.IsFinite(ce) && ce > 0d);
            NumericAssert.Close(0.5 * (below.ConditionalExpectedPurchases(t, 0, 0, 20) + above.ConditionalExpectedPurchases(t, 0, 0, 20)), ce, 1e-6);
        }
        Assert.True(at.ExpectedPurchases(118.5) >= at.ExpectedPurchases(118));
    }

    [Fact]
    public void FromSummaries_CdnowSample_MatchesExactFile()
    {
        // SUM-1: the CDNOW sample cut at 1997-09-30 in weeks equals btyd_cdnow_cbs.csv.
        PurchaseHistory history = Infrastructure.TestData.History(Infrastructure.TestData.CdnowSample);
        CustomerSummary[] summaries = Retention.Metrics.Summaries.Compute(history, new DateOnly(1997, 9, 30));
        var observations = new BgNbdObservation[summaries.Length];
        Assert.Equal(summaries.Length, BgNbdObservation.FromSummaries(summaries, TimeUnit.Weeks, observations));
        double[][] exact = LifetimeData.Exact;
        Assert.Equal(exact.Length, observations.Length);
        for (int i = 0; i < exact.Length; i++)
        {
            Assert.Equal(exact[i][1], observations[i].Frequency);
            NumericAssert.Close(exact[i][2], observations[i].Recency, 1e-12, 1e-12);
            NumericAssert.Close(exact[i][3], observations[i].Age, 1e-12);
            GammaGammaObservation gg = GammaGammaObservation.FromSummary(summaries[i]);
            NumericAssert.Close(exact[i][5], gg.MeanValue, 1e-12, 1e-12);
        }
    }

    [Fact]
    public void Fit_EveryoneBoughtOnce_ThrowsArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => BgNbdModel.Fit([new BgNbdObservation(0, 0, 10), new BgNbdObservation(0, 0, 20)]));
        Assert.Equal("data", ex.ParamName);
        Assert.Contains("repeat purchase", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_Empty_ThrowsArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => BgNbdModel.Fit([]));
        Assert.Equal("data", ex.ParamName);
    }

    [Fact]
    public void Fit_OneCustomer_ReportsNoConvergence()
    {
        // One customer cannot identify four parameters: the likelihood has no interior maximum, and the fit says so.
        BgNbdModel model = BgNbdModel.Fit([new BgNbdObservation(3, 20, 30)]);
        Assert.False(model.Converged, model.ToString());
        Assert.Null(model.StandardErrors);
        Assert.True(double.IsFinite(model.R) && double.IsFinite(model.Alpha) && double.IsFinite(model.A) && double.IsFinite(model.B));
    }

    [Fact]
    public void Fit_BadObservation_NamesIndexAndField()
    {
        var ex = Assert.Throws<ArgumentException>(() => BgNbdModel.Fit([new BgNbdObservation(1, 5, 10), new BgNbdObservation(1, 12, 10)]));
        Assert.Equal("data", ex.ParamName);
        Assert.Contains("data[1].Age", ex.Message, StringComparison.Ordinal);
        ex = Assert.Throws<ArgumentException>(() => BgNbdModel.Fit([new BgNbdObservation(-1, 5, 10)]));
        Assert.Contains("data[0].Frequency", ex.Message, StringComparison.Ordinal);
        ex = Assert.Throws<ArgumentException>(() => BgNbdModel.Fit([new BgNbdObservation(1, 5, 10, double.NaN)]));
        Assert.Contains("data[0].Weight", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_GroupedWeights_EqualRepeatedRows()
    {
        BgNbdObservation[] rows = LifetimeData.BgNbd(LifetimeData.Rounded);
        var grouped = new Dictionary<(double, double, double), double>();
        foreach (BgNbdObservation o in rows) grouped[(o.Frequency, o.Recency, o.Age)] = grouped.GetValueOrDefault((o.Frequency, o.Recency, o.Age)) + 1;
        BgNbdObservation[] compact = grouped.Select(kv => new BgNbdObservation(kv.Key.Item1, kv.Key.Item2, kv.Key.Item3, kv.Value)).ToArray();
        Assert.True(compact.Length < rows.Length);
        BgNbdModel model = BgNbdModel.Fit(compact);
        NumericAssert.Close(s_fitRounded.Value.R, model.R, 1e-5);
        NumericAssert.Close(s_fitRounded.Value.B, model.B, 1e-5);
        NumericAssert.Close(s_fitRounded.Value.LogLikelihood!.Value, model.LogLikelihood!.Value, 0d, 1e-6);
    }

    [Fact]
    public void Fit_L2Penalty_ShrinksParameters()
    {
        BgNbdModel penalized = BgNbdModel.Fit(LifetimeData.BgNbd(LifetimeData.Rounded), new BgNbdFitOptions { L2Penalty = 0.01 });
        Assert.True(penalized.Converged);
        double plain = Sum(s_fitRounded.Value), shrunk = Sum(penalized);
        Assert.True(shrunk < plain);
        Assert.True(penalized.LogLikelihood < s_fitRounded.Value.LogLikelihood);

        static double Sum(BgNbdModel m) => (m.R * m.R) + (m.Alpha * m.Alpha) + (m.A * m.A) + (m.B * m.B);
    }

    [Fact]
    public void Predictions_InvalidArguments_Throw()
    {
        Assert.Equal("t", Assert.Throws<ArgumentOutOfRangeException>(() => s_paper.ExpectedPurchases(-1)).ParamName);
        Assert.Equal("age", Assert.Throws<ArgumentOutOfRangeException>(() => s_paper.ProbabilityAlive(1, 5, 4)).ParamName);
        Assert.Equal("purchases", Assert.Throws<ArgumentOutOfRangeException>(() => s_paper.ProbabilityOfPurchases(3, -1)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => BgNbdModel.FromParameters(1, 0, 1, 1)).ParamName);
        var ex = Assert.Throws<ArgumentException>(() => s_paper.ProbabilityAlive([new BgNbdObservation(1, 1, 2)], Array.Empty<double>()));
        Assert.Equal("destination", ex.ParamName);
        ex = Assert.Throws<ArgumentException>(() => s_paper.ExpectedPurchases([1d, double.NaN], new double[2]));
        Assert.Contains("t[1]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectedPurchases_AbsurdlyLongSpan_ThrowsInsteadOfNaN()
    {
        // z = t/(α+t) within 1e-9 of 1 needs more than the series' 10⁷-term budget: a clear error, never NaN.
        Assert.Throws<InvalidOperationException>(() => s_paper.ExpectedPurchases(4.414e10));
    }
}
