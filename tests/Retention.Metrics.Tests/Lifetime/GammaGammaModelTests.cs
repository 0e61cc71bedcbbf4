using Retention.Metrics.Numerics;
using Retention.Metrics.Tests.Numerics;

namespace Retention.Metrics.Tests.Lifetime;

public class GammaGammaModelTests
{
    private static readonly GammaGammaModel s_paper = GammaGammaModel.FromParameters(6.25, 3.74, 15.44);
    private static readonly Lazy<GammaGammaModel> s_fitRounded = new(() => GammaGammaModel.Fit(LifetimeData.GammaGamma(LifetimeData.WithValue, 4)));

    [Fact]
    public void Fit_ExactMeanValues_MatchesPaperToTwoDecimals_GG1()
    {
        // GG-1 on btyd_cdnow_cbs.csv m_x (exact): p = 6.25, q = 3.74, γ = 15.44, abs 6e-3.
        GammaGammaModel model = GammaGammaModel.Fit(LifetimeData.GammaGamma(LifetimeData.Exact, 5));
        Assert.True(model.Converged, model.ToString());
        Assert.Equal(946d, model.Customers);
        NumericAssert.Close(6.25, model.P, 0d, 6e-3);
        NumericAssert.Close(3.74, model.Q, 0d, 6e-3);
        NumericAssert.Close(15.44, model.Gamma, 0d, 6e-3);
    }

    [Fact]
    public void Fit_RoundedMeanValues_MatchesPaperAndPeerRun_GG1_GG3()
    {
        // File cdnow_customers_summary_with_transactions.csv (2-dp zbar). GG-1: abs 0.01. GG-3: params rel 2e-4, LL abs 1e-3.
        GammaGammaModel model = s_fitRounded.Value;
        Assert.True(model.Converged, model.ToString());
        NumericAssert.Close(6.25, model.P, 0d, 0.01);
        NumericAssert.Close(3.74, model.Q, 0d, 0.01);
        NumericAssert.Close(15.44, model.Gamma, 0d, 0.01);
        NumericAssert.Close(6.248639, model.P, 2e-4);
        NumericAssert.Close(3.744628, model.Q, 2e-4);
        NumericAssert.Close(15.44836, model.Gamma, 2e-4);
        NumericAssert.Close(-4055.923244, model.LogLikelihood!.Value, 0d, 1e-3);
        Assert.NotNull(model.StandardErrors);
        Assert.False(model.HasCorrelationWarning);
        // Pearson correlation of x and zbar over the 946 repeat customers (the lifetimes documentation shows 0.11).
        Numerics.NumericAssert.Close(0.1138839105, model.FrequencyValueCorrelation, 1e-8);
    }

    [Theory]
    [InlineData(1, 20, 24.63848721)]
    [InlineData(2, 40, 39.14041995)]
    [InlineData(3, 35, 35.02791996)]
    [InlineData(10, 100, 97.27927652)]
    [InlineData(0, 0, 35.21897810)]
    public void ConditionalExpectedAverageValue_PaperParameters_MatchesPeerRun_GG5(double x, double mean, double expected) =>
        NumericAssert.Close(expected, s_paper.ConditionalExpectedAverageValue(x, mean), 1e-8);

    [Fact]
    public void PopulationMeanValue_IsPGammaOverQMinusOne_GG5()
    {
        // 6.25 × 15.44 / 2.74 = 35.2189781…
        NumericAssert.Close(35.21897810, s_paper.PopulationMeanValue, 1e-8);
        Assert.Equal(double.PositiveInfinity, GammaGammaModel.FromParameters(1, 0.5, 10).PopulationMeanValue);
    }

    [Fact]
    public void ConditionalExpectedAverageValue_FirstTenRows_MatchesHardieSheet_GG6()
    {
        double[] sheet = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];
        double[] peer = [24.6587, 18.9117, 35.1710, 35.1710, 35.1710, 71.4628, 18.9117, 35.1710, 27.2825, 35.1710];
        GammaGammaObservation[] rows = LifetimeData.GammaGamma(LifetimeData.WithValue, 4)[..10];
        var values = new double[10];
        s_fitRounded.Value.ConditionalExpectedAverageValue(rows, values);
        for (int i = 0; i < 10; i++)
        {
            NumericAssert.Close(sheet[i], values[i], 0d, 0.1, $"row {i + 1}");
            NumericAssert.Close(peer[i], values[i], 0d, 0.01, $"row {i + 1}");
        }
    }

    [Fact]
    public void CustomerLifetimeValue_LifetimesConvention_MatchesPeerRun_CLV1()
    {
        // CLV-1: Σ_{m=1..12} E[Z]·(CE(4.345m) − CE(4.345(m−1))) / 1.01^m with BG/NBD (0.243, 4.414, 0.793, 2.426), GG (6.25, 3.74, 15.44).
        double[] expected = [36.28921113, 4.637294660, 8.369004359, 8.369004359, 8.369004359, 283.5327763, 6.882355465, 8.369004359, 43.36787227, 8.369004359];
        var bg = BgNbdModel.FromParameters(0.243, 4.414, 0.793, 2.426);
        double[][] rows = LifetimeData.WithValue[..10];
        var customers = new BgNbdObservation[10];
        var means = new double[10];
        for (int i = 0; i < 10; i++)
        {
            customers[i] = new BgNbdObservation(rows[i][1], rows[i][2], rows[i][3]);
            means[i] = rows[i][4];
        }
        ClvHorizon horizon = ClvHorizon.LifetimesMonthsInWeeks(12, 0.01);
        Assert.Equal(4.345, horizon.PeriodLength);
        var clv = new double[10];
        s_paper.CustomerLifetimeValue(bg, customers, means, horizon, clv);
        for (int i = 0; i < 10; i++)
        {
            NumericAssert.Close(expected[i], clv[i], 1e-8, 0d, $"ID {i + 1}");
            Assert.Equal(clv[i], s_paper.CustomerLifetimeValue(bg, customers[i], means[i], horizon));
        }
    }

    [Fact]
    public void Gradient_Analytic_MatchesNumericalGradient()
    {
        GammaGammaObservation[] data = LifetimeData.GammaGamma(LifetimeData.WithValue, 4);
        GammaGammaModel model = GammaGammaModel.FromParameters(6.25, 3.74, 15.44);
        double Ll(ReadOnlySpan<double> p) => GammaGammaModel.FromParameters(p[0], p[1], p[2]).ComputeLogLikelihood(data);
        // Central differences of the log-likelihood against the optimum's vanishing gradient and a generic point.
        var g = new double[3];
        Minimizer.NumericalGradient(Ll, [s_fitRounded.Value.P, s_fitRounded.Value.Q, s_fitRounded.Value.Gamma], g);
        for (int i = 0; i < 3; i++) Assert.True(Math.Abs(g[i]) < 1e-2, $"gradient {i} = {g[i]}");
        NumericAssert.Close(Ll([6.25, 3.74, 15.44]), model.ComputeLogLikelihood(data), 1e-15);
    }

    [Fact]
    public void Fit_NoRepeatCustomers_ThrowsArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => GammaGammaModel.Fit([new GammaGammaObservation(0, 0), new GammaGammaObservation(0, 0)]));
        Assert.Equal("data", ex.ParamName);
    }

    [Fact]
    public void Fit_BadMeanValue_NamesIndexAndField()
    {
        var ex = Assert.Throws<ArgumentException>(() => GammaGammaModel.Fit([new GammaGammaObservation(1, 10), new GammaGammaObservation(2, 0)]));
        Assert.Equal("data", ex.ParamName);
        Assert.Contains("data[1].MeanValue", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_CorrelatedSpend_RaisesWarning()
    {
        var rows = new GammaGammaObservation[200];
        var random = new Random(7);
        for (int i = 0; i < rows.Length; i++)
        {
            int x = 1 + (i % 10);
            rows[i] = new GammaGammaObservation(x, 10d * x + random.NextDouble());
        }
        GammaGammaModel model = GammaGammaModel.Fit(rows);
        Assert.True(model.FrequencyValueCorrelation > 0.9);
        Assert.True(model.HasCorrelationWarning);
    }

    [Fact]
    public void CustomerLifetimeValue_InvalidHorizon_Throws()
    {
        var bg = BgNbdModel.FromParameters(0.243, 4.414, 0.793, 2.426);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => s_paper.CustomerLifetimeValue(bg, new BgNbdObservation(1, 2, 3), 10, new ClvHorizon(0, 4, 0.01)));
        Assert.Equal("horizon.Periods", ex.ParamName);
        ex = Assert.Throws<ArgumentOutOfRangeException>(() => s_paper.CustomerLifetimeValue(bg, new BgNbdObservation(1, 2, 3), 10, new ClvHorizon(3, 4, -1)));
        Assert.Equal("horizon.DiscountRate", ex.ParamName);
    }
}
