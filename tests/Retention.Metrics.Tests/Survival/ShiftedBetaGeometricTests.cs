using Retention.Metrics.Tests.Numerics;

namespace Retention.Metrics.Tests.Survival;

public class ShiftedBetaGeometricTests
{
    private static long[] HighEndCalibration => SurvivalData.HighEndSurvivors[..8];

    private static long[] RegularCalibration => SurvivalData.RegularSurvivors[..8];

    // SBG-2 (PAPER; full precision OURS-R, two optimisers agree to 1e-5): High End years 1–7 → α = 0.668092, β = 3.806121.
    [Fact]
    public void Fit_HighEnd_ReproducesPaper_SBG2()
    {
        ShiftedBetaGeometricModel model = ShiftedBetaGeometricModel.Fit(HighEndCalibration);
        NumericAssert.Close(0.668092, model.Alpha, 1e-4);
        NumericAssert.Close(3.806121, model.Beta, 1e-4);
        // Rounds to the printed 0.668 and 3.806.
        Assert.Equal(0.668, Math.Round(model.Alpha, 3));
        Assert.Equal(3.806, Math.Round(model.Beta, 3));
        Assert.True(model.Converged);
        Assert.InRange(model.Iterations, 1, 200);
        Assert.True(model.AlphaStandardError > 0 && model.AlphaStandardError < model.Alpha);
        Assert.True(model.BetaStandardError > 0 && model.BetaStandardError < model.Beta);
    }

    // SBG-3 (OURS-R; public checks jdmaturen and KobaKhit/eCLV): LL at the MLE −1611.158147, at (1, 1) −2115.545507; abs 1e-3.
    [Fact]
    public void LogLikelihood_HighEnd_ReproducesReference_SBG3()
    {
        ShiftedBetaGeometricModel model = ShiftedBetaGeometricModel.Fit(HighEndCalibration);
        NumericAssert.Close(-1611.158147, model.LogLikelihood, 0d, 1e-3);
        NumericAssert.Close(-2115.545507, ShiftedBetaGeometricModel.LogLikelihoodOf(HighEndCalibration, 1d, 1d), 0d, 1e-3);
        // At (1, 1): P(T = t) = 1/(t(t+1)), S(t) = 1/(t+1). LL = Σ n_t ln(1/(t(t+1))) + 491 ln(1/8).
        long[] s = HighEndCalibration;
        double byHand = 0d;
        for (int t = 1; t <= 7; t++) byHand += (s[t - 1] - s[t]) * Math.Log(1d / (t * (t + 1d)));
        byHand += 491 * Math.Log(1d / 8);
        NumericAssert.Close(byHand, ShiftedBetaGeometricModel.LogLikelihoodOf(s, 1d, 1d), 1e-13);
    }

    // SBG-5 (OURS-R; jdmaturen README 3 dp): projected survivors of 1,000 in years 8–12 at the MLE; rel 1e-4.
    [Fact]
    public void ProjectSurvivors_HighEndHoldout_ReproducesReference_SBG5()
    {
        ShiftedBetaGeometricModel model = ShiftedBetaGeometricModel.Fit(HighEndCalibration);
        double[] expected = [460.44, 435.78, 414.17, 395.05, 378.00];
        for (int i = 0; i < expected.Length; i++) NumericAssert.Close(expected[i], model.ProjectSurvivors(1000, 8 + i), 1e-4);
    }

    // SBG-7 (OURS-R closed form; KobaKhit/eCLV prints t = 1…7): S(t)·1000 at (0.668, 3.806); rel 1e-8.
    [Fact]
    public void Survival_FixedParameters_ReproducesReference_SBG7()
    {
        var model = ShiftedBetaGeometricModel.FromParameters(0.668, 3.806);
        double[] expected = [850.6929, 746.8816, 669.8169, 609.9510, 561.8690, 522.2523, 488.9446, 460.4790, 435.8197, 414.2131, 395.0964, 378.0404];
        // The table is printed to 4 decimals, so each value must round to it.
        for (int t = 1; t <= 12; t++) NumericAssert.Close(expected[t - 1], 1000 * model.Survival(t), 0d, 5.01e-5, context: $"t={t}");
        // The full-precision values printed by KobaKhit/eCLV for t = 1, 2, 7.
        NumericAssert.Close(0.850692892266428, model.Survival(1), 1e-12);
        NumericAssert.Close(0.746881629563839, model.Survival(2), 1e-12);
        NumericAssert.Close(0.488944620893726, model.Survival(7), 1e-12);
    }

    // SBG-12 (arithmetic on PAPER data): churn_t = (S_{t−1} − S_t)/S_{t−1}; rel 1e-4.
    [Fact]
    public void PeriodChurn_Table1_ReproducesReference_SBG12()
    {
        var regular = new Rate[12];
        var high = new Rate[12];
        Assert.Equal(12, Retention.Metrics.Survival.PeriodChurn(SurvivalData.RegularSurvivors, regular));
        Assert.Equal(12, Retention.Metrics.Survival.PeriodChurn(SurvivalData.HighEndSurvivors, high));
        Assert.Equal(new Rate(369, 1000), regular[0]); // 1000 − 631 = 369
        Assert.Equal(new Rate(163, 631), regular[1]);  // 631 − 468 = 163; 163/631 = 0.25832
        Assert.Equal(new Rate(131, 1000), high[0]);
        Assert.Equal(new Rate(126, 869), high[1]);     // 869 − 743 = 126; 126/869 = 0.14499
        NumericAssert.Close(0.369, regular[0].Value, 1e-4);
        NumericAssert.Close(0.25832, regular[1].Value, 1e-4);
        NumericAssert.Close(0.131, high[0].Value, 1e-4);
        NumericAssert.Close(0.14499, high[1].Value, 1e-4);
    }

    // Validation §J.1: the paper's Regular segment is α = 0.704, β = 1.182 (pymc-marketing's 0.688 is mislabeled).
    [Fact]
    public void Fit_Regular_ReproducesPaper_NotThePeerTypo()
    {
        ShiftedBetaGeometricModel model = ShiftedBetaGeometricModel.Fit(RegularCalibration);
        NumericAssert.Close(0.704, model.Alpha, 0d, 6e-4);
        NumericAssert.Close(1.182, model.Beta, 0d, 6e-4);
        NumericAssert.Close(0.373, model.MeanChurnProbability, 0d, 6e-4);
    }

    // Validation §J.5: jdmaturen's derl(α, β, 0.1, n = 7) at the High End MLE is 7.5296 (README: 7.530); their n counts renewals,
    // which is Fader–Hardie (2010) n = 8.
    [Fact]
    public void DiscountedExpectedResidualLifetime_HighEndSevenRenewals_Is7_5296()
    {
        ShiftedBetaGeometricModel model = ShiftedBetaGeometricModel.Fit(HighEndCalibration);
        NumericAssert.Close(7.5296, model.DiscountedExpectedResidualLifetime(0.1, renewals: 7), 0d, 1e-4);
        Assert.Equal(7.530, Math.Round(model.DiscountedExpectedResidualLifetime(0.1, renewals: 7), 3));
    }

    [Theory]
    [InlineData(0.668, 3.806, 0.1, 0)]
    [InlineData(0.668, 3.806, 0.1, 7)]
    [InlineData(0.704, 1.182, 0.05, 3)]
    [InlineData(2.5, 0.4, 0.01, 20)]
    public void Lifetimes_ClosedForm_MatchTruncatedSums(double alpha, double beta, double d, int renewals)
    {
        var model = ShiftedBetaGeometricModel.FromParameters(alpha, beta);
        double x = 1d / (1d + d);
        // DEL = Σ_{t≥0} S(t) x^t; DERL = Σ_{k≥0} S(r+1+k)/S(r) x^k. Both by the S(t) recurrence, summed until the terms vanish.
        double del = 0d, s = 1d, w = 1d;
        for (int t = 0; t < 20000; t++)
        {
            del += s * w;
            s *= (beta + t) / (alpha + beta + t);
            w *= x;
        }
        double derl = 0d;
        double cond = (beta + renewals) / (alpha + beta + renewals);
        w = 1d;
        for (int k = 0; k < 20000; k++)
        {
            derl += cond * w;
            cond *= (beta + renewals + 1 + k) / (alpha + beta + renewals + 1 + k);
            w *= x;
        }
        NumericAssert.Close(del, model.DiscountedExpectedLifetime(d), 1e-11);
        NumericAssert.Close(derl, model.DiscountedExpectedResidualLifetime(d, renewals), 1e-11);
        NumericAssert.Close(model.DiscountedExpectedLifetime(d), 1d + model.DiscountedExpectedResidualLifetime(d, 0) / (1d + d), 1e-12);
    }

    [Fact]
    public void Curves_AreConsistent()
    {
        var model = ShiftedBetaGeometricModel.FromParameters(0.668, 3.806);
        Assert.Equal(1d, model.Survival(0));
        double cumulative = 0d;
        for (int t = 1; t <= 50; t++)
        {
            cumulative += model.ChurnProbability(t);
            NumericAssert.Close(1d, cumulative + model.Survival(t), 1e-13);
            NumericAssert.Close(model.Survival(t) / model.Survival(t - 1), model.RetentionRate(t), 1e-13);
        }
        // P(T = 1) = α/(α + β) = 0.668/4.474.
        NumericAssert.Close(0.668 / 4.474, model.ChurnProbability(1), 1e-15);
        // The log-beta path beyond 1000 periods continues the product path.
        NumericAssert.Close(model.Survival(1000) * (3.806 + 1000) / (0.668 + 3.806 + 1000), model.Survival(1001), 1e-10);
    }

    [Fact]
    public void FitChurnCounts_And_FitLifetimes_EqualTheSurvivorFit()
    {
        long[] s = HighEndCalibration;
        long[] churned = new long[7];
        var lifetimes = new List<SurvivalObservation>();
        for (int t = 1; t <= 7; t++)
        {
            churned[t - 1] = s[t - 1] - s[t];
            for (long i = 0; i < churned[t - 1]; i++) lifetimes.Add(new SurvivalObservation(t, true));
        }
        for (long i = 0; i < s[7]; i++) lifetimes.Add(new SurvivalObservation(7, false));
        ShiftedBetaGeometricModel a = ShiftedBetaGeometricModel.Fit(s);
        ShiftedBetaGeometricModel b = ShiftedBetaGeometricModel.FitChurnCounts(churned, s[7]);
        ShiftedBetaGeometricModel c = ShiftedBetaGeometricModel.Fit(lifetimes.ToArray());
        Assert.Equal(a.Alpha, b.Alpha);
        Assert.Equal(a.Beta, b.Beta);
        NumericAssert.Close(a.Alpha, c.Alpha, 1e-9);
        NumericAssert.Close(a.LogLikelihood, c.LogLikelihood, 1e-12);
    }

    [Fact]
    public void Fit_StaggeredCohorts_UsesEachCustomersWindow()
    {
        // Two High End-like cohorts: one observed 7 years, one 3 years (censored at 3). Fitting both must not equal fitting one.
        var lifetimes = new List<SurvivalObservation>();
        long[] s = HighEndCalibration;
        for (int t = 1; t <= 7; t++) for (long i = 0; i < s[t - 1] - s[t]; i++) lifetimes.Add(new SurvivalObservation(t, true));
        for (long i = 0; i < s[7]; i++) lifetimes.Add(new SurvivalObservation(7, false));
        for (int t = 1; t <= 3; t++) for (long i = 0; i < s[t - 1] - s[t]; i++) lifetimes.Add(new SurvivalObservation(t, true));
        for (long i = 0; i < s[3]; i++) lifetimes.Add(new SurvivalObservation(3, false));
        SurvivalObservation[] all = lifetimes.ToArray();
        ShiftedBetaGeometricModel model = ShiftedBetaGeometricModel.Fit(all);
        Assert.True(model.Converged);
        // Independent oracle: the likelihood written with MathNet's ln B; the fit is its maximum.
        double atFit = OracleLogLikelihood(all, model.Alpha, model.Beta);
        NumericAssert.Close(atFit, model.LogLikelihood, 1e-10);
        foreach ((double da, double db) in new[] { (1.001, 1d), (0.999, 1d), (1d, 1.001), (1d, 0.999), (1.001, 1.001), (0.999, 0.999) })
            Assert.True(OracleLogLikelihood(all, model.Alpha * da, model.Beta * db) < atFit);
        // Not the same as fitting the seven-year cohort alone: the second cohort only informs years 1–3.
        Assert.NotEqual(ShiftedBetaGeometricModel.Fit(s).Alpha, model.Alpha, 3);
    }

    private static double OracleLogLikelihood(SurvivalObservation[] lifetimes, double alpha, double beta)
    {
        double lb = MathNet.Numerics.SpecialFunctions.BetaLn(alpha, beta);
        return lifetimes.Sum(o => o.Event
            ? MathNet.Numerics.SpecialFunctions.BetaLn(alpha + 1, beta + o.Time - 1) - lb
            : MathNet.Numerics.SpecialFunctions.BetaLn(alpha, beta + o.Time) - lb);
    }

    [Fact]
    public void Fit_NobodyChurned_ThrowsClearly()
    {
        var ex = Assert.Throws<ArgumentException>(() => ShiftedBetaGeometricModel.Fit([100, 100, 100]));
        Assert.Equal("survivorsByPeriod", ex.ParamName);
        Assert.Contains("No customer churned", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new long[] { 100, 0, 0 }, 1)]
    [InlineData(new long[] { 100, 100, 0, 0 }, 2)]
    [InlineData(new long[] { 100, 60, 60, 60 }, 1)]
    public void Fit_AllChurnInOnePeriod_ThrowsClearly(long[] survivors, int period)
    {
        var ex = Assert.Throws<ArgumentException>(() => ShiftedBetaGeometricModel.Fit(survivors));
        Assert.Equal("survivorsByPeriod", ex.ParamName);
        Assert.Contains($"All churn fell in period {period}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_HomogeneousGeometricData_ReportsTheBoundary()
    {
        // Exactly geometric with churn 0.2: no heterogeneity, so α and β run to infinity.
        var ex = Assert.Throws<ArgumentException>(() => ShiftedBetaGeometricModel.Fit([100000, 80000, 64000, 51200, 40960]));
        Assert.Equal("survivorsByPeriod", ex.ParamName);
        Assert.Contains("no finite maximum", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_BadInput_ThrowsNamingTheIndex()
    {
        Assert.Equal("survivorsByPeriod", Assert.Throws<ArgumentException>(() => ShiftedBetaGeometricModel.Fit([100, 50])).ParamName);
        var increasing = Assert.Throws<ArgumentException>(() => ShiftedBetaGeometricModel.Fit([100, 50, 60, 20]));
        Assert.StartsWith("survivorsByPeriod[2] is 60; survivors must not increase", increasing.Message, StringComparison.Ordinal);
        var negative = Assert.Throws<ArgumentException>(() => ShiftedBetaGeometricModel.Fit([100, 50, -1]));
        Assert.StartsWith("survivorsByPeriod[2] is -1", negative.Message, StringComparison.Ordinal);
        var empty = Assert.Throws<ArgumentException>(() => ShiftedBetaGeometricModel.Fit([0, 0, 0]));
        Assert.StartsWith("survivorsByPeriod[0] is 0", empty.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>("activeAtEnd", () => ShiftedBetaGeometricModel.FitChurnCounts([10, 5], -1));
        var churnNegative = Assert.Throws<ArgumentException>(() => ShiftedBetaGeometricModel.FitChurnCounts([10, -5], 3));
        Assert.StartsWith("churnedByPeriod[1] is -5", churnNegative.Message, StringComparison.Ordinal);
        var fractional = Assert.Throws<ArgumentException>(() => ShiftedBetaGeometricModel.Fit([new SurvivalObservation(1, true), new SurvivalObservation(1.5, false)]));
        Assert.StartsWith("lifetimes[1].Time is 1.5", fractional.Message, StringComparison.Ordinal);
        var zeroChurn = Assert.Throws<ArgumentException>(() => ShiftedBetaGeometricModel.Fit([new SurvivalObservation(0, true)]));
        Assert.StartsWith("lifetimes[0].Time is 0; a churn happens in period 1 or later.", zeroChurn.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Members_BadArguments_Throw()
    {
        var model = ShiftedBetaGeometricModel.FromParameters(1d, 2d);
        Assert.Throws<ArgumentOutOfRangeException>("alpha", () => ShiftedBetaGeometricModel.FromParameters(0d, 1d));
        Assert.Throws<ArgumentOutOfRangeException>("beta", () => ShiftedBetaGeometricModel.FromParameters(1d, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>("periods", () => model.Survival(-1));
        Assert.Throws<ArgumentOutOfRangeException>("period", () => model.ChurnProbability(0));
        Assert.Throws<ArgumentOutOfRangeException>("period", () => model.RetentionRate(0));
        Assert.Throws<ArgumentOutOfRangeException>("cohortSize", () => model.ProjectSurvivors(-1, 2));
        Assert.Throws<ArgumentOutOfRangeException>("discountRate", () => model.DiscountedExpectedLifetime(0d));
        Assert.Throws<ArgumentOutOfRangeException>("discountRate", () => model.DiscountedExpectedResidualLifetime(double.PositiveInfinity, 1));
        Assert.Throws<ArgumentOutOfRangeException>("renewals", () => model.DiscountedExpectedResidualLifetime(0.1, -1));
        Assert.True(double.IsNaN(model.LogLikelihood));
        Assert.Equal(0, model.Iterations);
    }

    [Fact]
    public void PeriodChurn_BadInput_Throws()
    {
        var destination = new Rate[3];
        var ex = Assert.Throws<ArgumentException>(() => Retention.Metrics.Survival.PeriodChurn([10, 5, 7], destination));
        Assert.StartsWith("survivorsByPeriod[2] is 7", ex.Message, StringComparison.Ordinal);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => Retention.Metrics.Survival.PeriodChurn([10, 5, 4], new Rate[1])).ParamName);
        Assert.Equal(0, Retention.Metrics.Survival.PeriodChurn([10], destination));
        Assert.Equal(2, Retention.Metrics.Survival.PeriodChurn([10, 0, 0], destination));
        Assert.False(destination[1].IsDefined);
    }
}
