using System.Globalization;
using System.Text.Json;

namespace Retention.Metrics.Tests.Cli;

public class ModelCommandTests : CommandTestBase
{
    private const string Lung = """
        time,status,sex
        5,2,1
        8,1,1
        12,2,1
        12,2,2
        15,1,2
        20,2,2
        22,2,1
        30,1,2
        """;

    [Fact]
    public void Survival_GroupsAndLogLog_MatchesKaplanMeierAndLogRank()
    {
        JsonElement root = Json("survival", "--data", File("lung.csv", Lung), "--time", "time", "--event", "status=2", "--group", "sex", "--ci", "log-log");
        var options = new KaplanMeierOptions { Transform = ConfidenceIntervalTransform.LogLog };
        KaplanMeierCurve male = Metrics.Survival.KaplanMeier([new(5, true), new(8, false), new(12, true), new(22, true)], options);
        JsonElement curve = root.GetProperty("curve");
        Assert.Equal(8, curve.GetArrayLength());
        for (int i = 0; i < male.Rows.Length; i++)
        {
            Assert.Equal("1", curve[i].GetProperty("group").GetString());
            Near(male.Rows[i].Survival, curve[i].GetProperty("survival").GetDouble());
            JsonElement lower = curve[i].GetProperty("lower");
            if (double.IsNaN(male.Rows[i].Lower)) Assert.Equal("NaN", lower.GetString());
            else Near(male.Rows[i].Lower, lower.GetDouble());
        }
        Near(0.375, curve[2].GetProperty("survival").GetDouble());
        Assert.Equal(12, root.GetProperty("medians")[0].GetProperty("median").GetDouble());
        SurvivalObservation[] all = [new(5, true), new(8, false), new(12, true), new(12, true), new(15, false), new(20, true), new(22, true), new(30, false)];
        LogRankResult test = Metrics.Survival.LogRank(all, [0, 0, 0, 1, 1, 1, 0, 1]);
        Near(test.PValue, root.GetProperty("logRank")[0].GetProperty("pValue").GetDouble());
    }

    [Fact]
    public void Survival_BadEvent_ExitsOneNamingLineAndColumn()
    {
        var (code, _, error) = Run("survival", "--data", File("lung.csv", "time,dead\n3,1\n4,maybe\n"), "--event", "dead");
        Assert.Equal(1, code);
        Assert.Contains("lung.csv, line 3, column 2 (event): 'maybe' is not 1/0", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sbg_Survivors_MatchesFit()
    {
        JsonElement root = Json("sbg", "--survivors", "1000,631,468,382,326,289,262,241", "--periods", "10");
        ShiftedBetaGeometricModel model = ShiftedBetaGeometricModel.Fit([1000L, 631, 468, 382, 326, 289, 262, 241]);
        JsonElement fit = root.GetProperty("model")[0];
        Near(model.Alpha, fit.GetProperty("alpha").GetDouble());
        Near(model.Beta, fit.GetProperty("beta").GetDouble());
        Assert.True(fit.GetProperty("converged").GetBoolean());
        Near(0.704, fit.GetProperty("alpha").GetDouble(), 1e-2); // Fader & Hardie's "regular" customers
        JsonElement periods = root.GetProperty("periods");
        Assert.Equal(10, periods.GetArrayLength());
        Assert.Equal(631, periods[0].GetProperty("observed").GetInt64());
        Assert.Equal(JsonValueKind.Null, periods[9].GetProperty("observed").ValueKind);
        Near(model.ProjectSurvivors(1000, 10), periods[9].GetProperty("projected").GetDouble());
    }

    [Fact]
    public void FitBgNbd_BundledCdnow_GivesThePublishedParameters()
    {
        JsonElement root = Json("fit", "bgnbd", "--as-of", "1997-09-30");
        JsonElement p = root.GetProperty("parameters");
        Near(0.243, p[0].GetProperty("value").GetDouble(), 2e-3);  // r
        Near(4.414, p[1].GetProperty("value").GetDouble(), 2e-3);  // alpha
        Near(0.793, p[2].GetProperty("value").GetDouble(), 2e-3);  // a
        Near(2.426, p[3].GetProperty("value").GetDouble(), 2e-3);  // b
        JsonElement fit = root.GetProperty("fit")[0];
        Assert.True(fit.GetProperty("converged").GetBoolean());
        Near(-9582.43, fit.GetProperty("logLikelihood").GetDouble(), 1e-5);
    }

    private (PurchaseHistory History, string Path) SampleShopFile()
    {
        string path = PathOf("shop.csv");
        var (code, _, error) = Run("sample", "--out", path, "--rows", "4000", "--seed", "7");
        Assert.True(code == 0, error);
        return (PurchaseHistory.Create(SampleShop.Generate(4000, 7)), path);
    }

    [Fact]
    public void Sample_WritesTheSampleShop()
    {
        var (history, path) = SampleShopFile();
        string[] lines = System.IO.File.ReadAllLines(path);
        Assert.Equal("customer,date,amount", lines[0]);
        Assert.Equal(4001, lines.Length);
        Purchase first = SampleShop.Generate(4000, 7)[0];
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{first.Customer},{first.Date:yyyy-MM-dd},{first.Amount}"), lines[1]);
        JsonElement totals = Json("summary", "--orders", path, "--totals").GetProperty("totals")[0];
        Assert.Equal(history.TotalAmount, totals.GetProperty("totalAmount").GetDecimal());
        Assert.Equal(history.CustomerCount, totals.GetProperty("customers").GetInt64());
    }

    [Fact]
    public void FitBgNbdAndGammaGamma_SampleShop_MatchTheLibraryFits()
    {
        var (history, path) = SampleShopFile();
        CustomerSummary[] summaries = Metrics.Summaries.Compute(history, history.LastDate);
        var purchases = new BgNbdObservation[summaries.Length];
        BgNbdObservation.FromSummaries(summaries, TimeUnit.OfDays(7), purchases);
        BgNbdModel bgnbd = BgNbdModel.Fit(purchases);
        JsonElement p = Json("fit", "bgnbd", "--orders", path).GetProperty("parameters");
        Near(bgnbd.R, p[0].GetProperty("value").GetDouble(), 1e-6);
        Near(bgnbd.B, p[3].GetProperty("value").GetDouble(), 1e-6);

        // Repeat buyers whose repeat orders were all free samples (mean value 0) cannot enter Gamma-Gamma; the CLI leaves them out.
        var values = new List<GammaGammaObservation>();
        var valueCustomers = new List<BgNbdObservation>();
        var kept = new List<int>();
        for (int i = 0; i < summaries.Length; i++)
        {
            GammaGammaObservation o = GammaGammaObservation.FromSummary(summaries[i]);
            if (o.Frequency > 0 && o.MeanValue == 0) continue;
            values.Add(o);
            valueCustomers.Add(purchases[i]);
            kept.Add(i);
        }
        Assert.True(kept.Count < summaries.Length);
        GammaGammaModel gg = GammaGammaModel.Fit(values.ToArray());
        var (code, output, error) = Run("fit", "gamma-gamma", "--orders", path, "--format", "json");
        Assert.Equal(0, code);
        Assert.Contains($"left {summaries.Length - kept.Count} customers with repeat purchases of zero mean value out", error, StringComparison.Ordinal);
        JsonElement q = JsonDocument.Parse(output).RootElement.GetProperty("parameters");
        Near(gg.P, q[0].GetProperty("value").GetDouble(), 1e-6);
        Near(gg.Gamma, q[2].GetProperty("value").GetDouble(), 1e-6);

        var means = new double[values.Count];
        for (int i = 0; i < means.Length; i++) means[i] = values[i].MeanValue;
        var clv = new double[values.Count];
        gg.CustomerLifetimeValue(bgnbd, valueCustomers.ToArray(), means, ClvHorizon.LifetimesMonthsInWeeks(6, 0.02), clv);
        JsonElement rows = Json("clv", "--orders", path, "--horizon", "6", "--discount", "0.02").GetProperty("customers");
        Assert.Equal(summaries.Length, rows.GetArrayLength());
        for (int k = 0; k < 50; k++) Near(clv[k], rows[kept[k]].GetProperty("clv").GetDouble(), 1e-5);
        int left = 0;
        while (kept.Contains(left)) left++;
        Assert.Equal(JsonValueKind.Null, rows[left].GetProperty("clv").ValueKind);
    }

    [Fact]
    public void FitBgNbd_SummaryFile_MatchesFitOnTheSameRows()
    {
        string path = File("rfm.csv", """
            id,x,t_x,T
            1,2,30.43,38.86
            2,1,1.71,38.86
            3,0,0,38.86
            4,0,0,38.86
            5,0,0,38.86
            6,7,29.43,38.86
            7,1,5,38.86
            8,0,0,38.86
            9,2,35.71,38.86
            10,0,0,38.86
            11,5,24.43,38.86
            12,0,0,38.86
            """);
        BgNbdObservation[] data =
        [
            new(2, 30.43, 38.86), new(1, 1.71, 38.86), new(0, 0, 38.86), new(0, 0, 38.86), new(0, 0, 38.86), new(7, 29.43, 38.86),
            new(1, 5, 38.86), new(0, 0, 38.86), new(2, 35.71, 38.86), new(0, 0, 38.86), new(5, 24.43, 38.86), new(0, 0, 38.86),
        ];
        BgNbdModel expected = BgNbdModel.Fit(data);
        JsonElement root = Json("fit", "bgnbd", "--summary", path, "--id", "id", "--frequency", "x", "--recency", "t_x", "--age", "T");
        Near(expected.R, root.GetProperty("parameters")[0].GetProperty("value").GetDouble(), 1e-9);
        Assert.Equal(expected.Converged, root.GetProperty("fit")[0].GetProperty("converged").GetBoolean());
        Assert.Equal(12, root.GetProperty("fit")[0].GetProperty("customers").GetDouble());

        JsonElement rows = Json("predict", "--summary", path, "--id", "id", "--frequency", "x", "--recency", "t_x", "--age", "T",
            "--params", "0.243,4.414,0.793,2.426", "--horizon", "39").GetProperty("customers");
        BgNbdModel paper = BgNbdModel.FromParameters(0.243, 4.414, 0.793, 2.426);
        Assert.Equal("6", rows[5].GetProperty("customer").GetString());
        Near(paper.ConditionalExpectedPurchases(39, 7, 29.43, 38.86), rows[5].GetProperty("expectedPurchases").GetDouble());
        Near(paper.ProbabilityAlive(7, 29.43, 38.86), rows[5].GetProperty("probabilityAlive").GetDouble());
    }

    [Fact]
    public void FitBgNbd_SummaryRecencyAboveAge_ExitsOneNamingTheCell()
    {
        var (code, _, error) = Run("fit", "bgnbd", "--summary", File("s.csv", "frequency,recency,T\n1,5,10\n2,12,10\n"));
        Assert.Equal(1, code);
        Assert.Contains("s.csv, line 3, column 2 (recency): 12 is greater than the age T = 10.", error, StringComparison.Ordinal);
    }
}
