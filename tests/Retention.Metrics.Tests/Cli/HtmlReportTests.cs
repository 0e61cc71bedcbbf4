using System.Globalization;
using System.Text.RegularExpressions;
using Retention.Metrics.Cli.Html;

namespace Retention.Metrics.Tests.Cli;

public class HtmlReportTests
{
    private const string Hostile = "<script>alert(1)</script>&\"'";
    private const string HostileEscaped = "&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;";

    private static readonly PurchaseHistory s_history = PurchaseHistory.Create(SampleShop.Generate(4_000, seed: 7));
    private static readonly DateOnly s_asOf = s_history.LastDate;
    private static readonly ReportModel s_model = ReportModel.Compute(s_history, s_asOf, "sample", c => $"#{c}");
    private static readonly string s_html = HtmlReport.Render(s_model);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Metrics.Cli.Cli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>The rows of a table: for each body row, the data-v values of its cells (empty cells give null).</summary>
    private static List<List<string?>> Rows(string html, string id)
    {
        Match table = Regex.Match(html, $"<table id=\"{id}\"[^>]*>(.*?)</table>", RegexOptions.Singleline);
        Assert.True(table.Success, $"table {id} not found");
        Match body = Regex.Match(table.Groups[1].Value, "<tbody>(.*?)</tbody>", RegexOptions.Singleline);
        var rows = new List<List<string?>>();
        foreach (Match tr in Regex.Matches(body.Groups[1].Value, "<tr>(.*?)</tr>", RegexOptions.Singleline))
        {
            var cells = new List<string?>();
            foreach (Match td in Regex.Matches(tr.Groups[1].Value, "<td(?: class=\"[^\"]*\")?(?: data-v=\"([^\"]*)\")?>"))
                cells.Add(td.Groups[1].Success ? td.Groups[1].Value : null);
            rows.Add(cells);
        }
        return rows;
    }

    private static double D(string? v) => double.Parse(v!, CultureInfo.InvariantCulture);
    private static decimal M(string? v) => decimal.Parse(v!, CultureInfo.InvariantCulture);
    private static long L(string? v) => long.Parse(v!, CultureInfo.InvariantCulture);

    [Fact]
    public void Render_Headline_EqualsLibraryTotals()
    {
        SummaryTotals totals = Metrics.Summaries.Totals(s_history, s_asOf);
        string Kpi(string id) => Regex.Match(s_html, $"<tr id=\"kpi-{id}\">.*?data-v=\"([^\"]*)\"").Groups[1].Value;
        Assert.Equal(totals.Customers, L(Kpi("customers")));
        Assert.Equal(totals.Orders, L(Kpi("orders")));
        Assert.Equal(totals.TotalAmount, M(Kpi("revenue")));
        Assert.Equal(totals.RepeatCustomerRate.Value, D(Kpi("repeat")));
        Assert.Equal(Metrics.Repeat.F2Conversion(s_history, s_asOf, 90).Total.Rate.Value, D(Kpi("f2")));
        Assert.Equal(Concentration.Rank(s_history, s_asOf).TopShare(0.2), D(Kpi("top20")));
        Assert.Equal(Metrics.Survival.KaplanMeier(ReportModel.Lifetimes(s_history, s_asOf)).Median.Estimate, D(Kpi("median-lifetime")));
        Assert.Equal(4_000, totals.Orders);
    }

    [Fact]
    public void Render_CohortTable_EqualsLibraryCohorts()
    {
        CohortTable cohorts = Metrics.Cohorts.Compute(s_history, s_asOf);
        List<List<string?>> rows = Rows(s_html, "cohort-table");
        Assert.Equal(cohorts.CohortCount, rows.Count);
        Assert.Equal(36, rows.Count);
        for (int c = 0; c < cohorts.CohortCount; c++)
        {
            Assert.Equal(cohorts.CohortSizes[c], L(rows[c][0]));
            Assert.Equal(cohorts.PeriodCount + 1, rows[c].Count);
            for (int k = 0; k < cohorts.PeriodCount; k++)
            {
                if (cohorts.State(c, k) == CohortCellState.NotStarted) Assert.Null(rows[c][k + 1]);
                else Assert.Equal(cohorts.Retention(c, k).Value, D(rows[c][k + 1]));
            }
        }
        Assert.Equal(1d, D(rows[0][1])); // month 0 is the first purchase month
    }

    [Fact]
    public void Render_CurveTable_EqualsLibraryAverageCurve()
    {
        CohortTable cohorts = Metrics.Cohorts.Compute(s_history, s_asOf);
        List<List<string?>> rows = Rows(s_html, "curve-table");
        int i = 0;
        foreach (CohortAveragePoint p in cohorts.AverageCurve)
        {
            if (p.Cohorts == 0) continue;
            List<string?> row = rows[i++];
            Assert.Equal(p.Cohorts, L(row[0]));
            Assert.Equal(p.Retention.Value, D(row[1]));
            Assert.Equal(p.Retention.Numerator, L(row[2]));
            Assert.Equal(p.SimpleMeanRetention, D(row[3]));
            Assert.Equal(p.RevenuePerMember, M(row[4]));
            Assert.Equal(p.CumulativeRevenuePerMember, M(row[5]));
        }
        Assert.Equal(i, rows.Count);
        Assert.True(rows.Count >= 30);
    }

    [Fact]
    public void Render_LtvTable_EqualsLibraryLtvByCohort()
    {
        CohortLtvResult ltv = Metrics.Lifetime.ByCohort(s_history, s_asOf, [3, 6, 12, 24]);
        List<List<string?>> rows = Rows(s_html, "ltv-table");
        Assert.Equal(ltv.CohortCount + 1, rows.Count);
        int cells = 0;
        for (int c = 0; c < ltv.CohortCount; c++)
        {
            Assert.Equal(ltv.CohortSize(c), L(rows[c][0]));
            for (int j = 0; j < 4; j++)
            {
                if (ltv.IsCensored(c, j)) Assert.Null(rows[c][j + 1]);
                else Assert.Equal(ltv.Cell(c, j).PerCustomer, M(rows[c][j + 1]));
                if (!ltv.IsCensored(c, j)) cells++;
            }
        }
        Assert.True(cells > 60);
        List<string?> pooled = rows[^1];
        Assert.Null(pooled[0]);
        for (int j = 0; j < 4; j++) Assert.Equal(ltv.Pooled(j).PerCustomer, M(pooled[j + 1]));
    }

    [Fact]
    public void Render_SurvivalTable_EqualsLibraryKaplanMeier()
    {
        KaplanMeierCurve km = Metrics.Survival.KaplanMeier(ReportModel.Lifetimes(s_history, s_asOf));
        List<List<string?>> rows = Rows(s_html, "survival-table");
        double maxTime = km.Rows[^1].Time;
        int expected = HtmlReport.SurvivalCheckpoints.Count(t => t <= maxTime);
        Assert.Equal(expected, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            int t = HtmlReport.SurvivalCheckpoints[i];
            Assert.Equal(km.SurvivalAt(t), D(rows[i][0]));
            KaplanMeierRow last = km.Rows.Last(r => r.Time <= t);
            Assert.Equal(last.Lower, D(rows[i][1]));
            Assert.Equal(last.Upper, D(rows[i][2]));
            Assert.Equal(last.AtRisk, L(rows[i][3]));
            Assert.Equal(km.Rows.Where(r => r.Time <= t).Sum(r => r.Events), L(rows[i][4]));
        }
        Assert.Equal(km.Count, s_history.CustomerCount);
    }

    [Fact]
    public void Lifetimes_CustomerStillBuying_IsCensoredAtTheSpanSoFar()
    {
        var d = new DateOnly(2024, 1, 1);
        var history = PurchaseHistory.Create([
            new Purchase(0, d, 10m), new Purchase(0, d.AddDays(30), 10m),      // lapsed: last purchase 200 days before asOf
            new Purchase(1, d, 10m), new Purchase(1, d.AddDays(200), 10m),     // active: last purchase 30 days before asOf
        ]);
        SurvivalObservation[] lifetimes = ReportModel.Lifetimes(history, d.AddDays(230));
        Assert.Equal([new SurvivalObservation(30, true), new SurvivalObservation(200, false)], lifetimes);
    }

    [Fact]
    public void Render_RfmTable_EqualsLibrarySegments()
    {
        RfmResult rfm = Rfm.Compute(s_history, s_asOf);
        List<List<string?>> rows = Rows(s_html, "rfm-table");
        Assert.Equal(rfm.Segments.Length, rows.Count);
        long customers = 0;
        for (int i = 0; i < rows.Count; i++)
        {
            RfmSegmentSummary s = rfm.Segments[i];
            Assert.Equal(s.Customers.Numerator, L(rows[i][0]));
            Assert.Equal(s.Customers.Value, D(rows[i][1]));
            Assert.Equal(s.Orders.Numerator, L(rows[i][2]));
            Assert.Equal(s.Revenue, M(rows[i][3]));
            Assert.Equal(s.RevenueShare, D(rows[i][4]));
            customers += L(rows[i][0]);
        }
        Assert.Equal(s_history.CustomerCount, customers);
        Assert.Contains("Can&#39;t Lose Them", s_html, StringComparison.Ordinal);
        Assert.DoesNotContain("Can't Lose Them", s_html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DecileAndTopCustomerTables_EqualLibraryRanking()
    {
        SpendRanking ranking = Concentration.Rank(s_history, s_asOf);
        DecileResult deciles = ranking.Deciles(10);
        List<List<string?>> rows = Rows(s_html, "decile-table");
        Assert.Equal(10, rows.Count);
        for (int i = 0; i < 10; i++)
        {
            DecileRow r = deciles.Rows[i];
            Assert.Equal(r.Customers, L(rows[i][0]));
            Assert.Equal(r.Amount, M(rows[i][1]));
            Assert.Equal(r.MeanAmount, M(rows[i][2]));
            Assert.Equal(r.Share, D(rows[i][3]));
            Assert.Equal(r.CumulativeShare, D(rows[i][4]));
        }
        Assert.Equal(1d, D(rows[9][4]), 12);

        List<List<string?>> top = Rows(s_html, "top-customers");
        Assert.Equal(10, top.Count);
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(ranking.AmountAt(i), M(top[i][1]));
            Assert.Contains($"<td class=\"key\">#{ranking.Customers[i]}</td>", s_html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_LadderTable_EqualsLibraryFrequencyLadder()
    {
        FrequencyLadder ladder = Metrics.Repeat.FrequencyLadder(s_history, s_asOf, 10);
        List<List<string?>> rows = Rows(s_html, "ladder-table");
        Assert.Equal(10, rows.Count);
        for (int n = 1; n <= 10; n++)
        {
            Assert.Equal(ladder.AtLeast(n), L(rows[n - 1][0]));
            Assert.Equal(ladder.Cumulative(n).Value, D(rows[n - 1][1]));
            if (n == 1) Assert.Null(rows[0][2]);
            else Assert.Equal(ladder.Step(n).Value, D(rows[n - 1][2]));
        }
        Assert.Equal(s_history.CustomerCount, ladder.AtLeast(1));
    }

    [Fact]
    public void Render_Page_IsSelfContainedWithSevenTitledCharts()
    {
        Assert.StartsWith("<!DOCTYPE html>", s_html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", s_html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", s_html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", s_html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", s_html, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", s_html, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", Regex.Replace(s_html, "data-v=\"[^\"]*\"", ""), StringComparison.Ordinal);
        string[] charts = ["chart-cohorts", "chart-retention", "chart-ltv", "chart-survival", "chart-rfm", "chart-deciles", "chart-ladder"];
        Assert.Equal(charts.Length, Regex.Count(s_html, "<svg class=\"chart\""));
        foreach (string id in charts)
        {
            Assert.Matches($"<svg class=\"chart\" id=\"{id}\"[^>]* role=\"img\" aria-labelledby=\"{id}-title\"><title id=\"{id}-title\">[^<]+</title>", s_html);
        }
        Assert.Equal(7, Regex.Count(s_html, "<figure aria-label=\"[^\"]+\">"));
    }

    [Fact]
    public void Render_HostileSourceAndCustomerKey_AppearOnlyEscaped()
    {
        var d = new DateOnly(2024, 1, 1);
        var history = PurchaseHistory.Create([new Purchase(0, d, 10m), new Purchase(0, d.AddDays(40), 5m), new Purchase(1, d.AddDays(3), 3m)]);
        string html = HtmlReport.Render(ReportModel.Compute(history, d.AddDays(60), Hostile, c => c == 0 ? Hostile : "b"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert(1)</", html, StringComparison.Ordinal);
        Assert.Contains($"<title>Retention report: {HostileEscaped}</title>", html, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"source\">{HostileEscaped}</p>", html, StringComparison.Ordinal);
        Assert.Contains($"<td class=\"key\">{HostileEscaped}</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_HostileFileNameAndCustomerKey_AppearOnlyEscaped()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}");
        string path = Path.Combine(dir, Hostile + ".csv"); // a directory "<script>alert(1)<" holding "script>&\"'.csv"
        string outPath = Path.Combine(dir, "report.html");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $"customer,date,amount\n{Hostile},2024-01-01,10\n{Hostile},2024-03-01,20\nb,2024-01-05,3\n");
        try
        {
            var (code, output, error) = Run("report", "--orders", path, "--out", outPath);
            Assert.Equal("", error);
            Assert.Equal(0, code);
            string html = File.ReadAllText(outPath);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains($"<p class=\"source\">{HtmlFormat.Escape(path)}</p>", html, StringComparison.Ordinal);
            Assert.Contains(HostileEscaped + ".csv</p>", html, StringComparison.Ordinal);
            Assert.Contains($"<td class=\"key\">{HostileEscaped}</td>", html, StringComparison.Ordinal);
            Assert.Contains($"Wrote {outPath}", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData("a&b", "a&amp;b")]
    [InlineData("<b>\"x\" 'y'</b>", "&lt;b&gt;&quot;x&quot; &#39;y&#39;&lt;/b&gt;")]
    [InlineData("会員ID", "会員ID")]
    public void Escape_SpecialCharacters_AreEncoded(string text, string expected)
    {
        Assert.Equal(expected, HtmlFormat.Escape(text));
    }

    [Fact]
    public void Report_Sample_WritesTheHtmlFileAndPrintsPathAndHeadline()
    {
        string outPath = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.html");
        try
        {
            var (code, output, error) = Run("report", "--sample", "--purchases", "4000", "--seed", "7", "--out", outPath);
            Assert.Equal("", error);
            Assert.Equal(0, code);
            SummaryTotals totals = Metrics.Summaries.Totals(s_history, s_asOf);
            string[] lines = output.TrimEnd().Split('\n');
            Assert.Equal(2, lines.Length);
            Assert.Equal($"Wrote {outPath}", lines[0]);
            Assert.Equal(
                $"sample shop (4,000 purchases, seed 7): {totals.Customers:N0} customers, 4,000 orders, revenue {totals.TotalAmount:N2}, repeat customers {totals.RepeatCustomerRate}, as of {s_asOf:yyyy-MM-dd}",
                lines[1]);
            string html = File.ReadAllText(outPath);
            Assert.Equal(HtmlReport.Render(ReportModel.Compute(s_history, s_asOf, "sample shop (4,000 purchases, seed 7)", c => $"#{c}")), html);
        }
        finally
        {
            File.Delete(outPath);
        }
    }

    [Fact]
    public void Report_SampleText_PrintsTheTextHeadline()
    {
        var (code, output, _) = Run("report", "--sample", "--purchases", "4000", "--seed", "7", "--format", "text");
        Assert.Equal(0, code);
        Assert.Contains("Retention report: sample shop (4,000 purchases, seed 7)", output, StringComparison.Ordinal);
        Assert.Contains(Metrics.Summaries.Totals(s_history, s_asOf).RepeatCustomerRate.ToString(), output, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_BundledCdnowHtml_ShowsTheCdnowTotals()
    {
        string outPath = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.html");
        try
        {
            var (code, output, _) = Run("report", "--out", outPath);
            Assert.Equal(0, code);
            Assert.Contains("bundled CDNOW sample: 2,357 customers, 6,919 orders, revenue 244,091.94, repeat customers 1139 / 2357 (48.32%)", output, StringComparison.Ordinal);
            string html = File.ReadAllText(outPath);
            Assert.Contains("<tr id=\"kpi-customers\"><th scope=\"row\">Customers</th><td data-v=\"2357\">2,357</td></tr>", html, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(outPath);
        }
    }

    [Theory]
    [InlineData(new[] { "--sample", "--orders", "o.csv" }, "--sample and --orders cannot be combined")]
    [InlineData(new[] { "--sample", "--purchases", "0" }, "--purchases '0' is not a whole number from 1 to 10,000,000")]
    [InlineData(new[] { "--sample", "--seed", "x" }, "--seed 'x' is not a whole number")]
    [InlineData(new[] { "--seed", "3" }, "--seed applies to the generated sample only; add --sample")]
    [InlineData(new[] { "--sample", "--delimiter", "tab" }, "--delimiter applies to an orders file only")]
    [InlineData(new[] { "--format", "pdf" }, "--format 'pdf' is not a report format; use html or text")]
    [InlineData(new[] { "--format", "text", "--out", "r.html" }, "--out applies to --format html only")]
    [InlineData(new[] { "--out", "" }, "--out is empty")]
    public void Report_BadArguments_ExitTwoNamingTheArgument(string[] args, string expected)
    {
        var (code, _, error) = Run(["report", .. args]);
        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_AsOfBeforeTheFirstOrder_ExitsOne()
    {
        var (code, _, error) = Run("report", "--sample", "--purchases", "100", "--as-of", "2022-12-31");
        Assert.Equal(1, code);
        Assert.Contains("--as-of 2022-12-31 precedes the first order (2023-", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Treemap_TileAreas_AreProportionalToValues()
    {
        string svg = HtmlReport.Treemap("t", "tiles", [("a", 60, "a", "#000"), ("b", 30, "b", "#000"), ("c", 10, "c", "#000")], 400, 200);
        string tiles = Regex.Match(svg, "<g class=\"tiles\">(.*?)</g><g class=\"legend\">", RegexOptions.Singleline).Groups[1].Value;
        var areas = Regex.Matches(tiles, "<rect x=\"([^\"]+)\" y=\"([^\"]+)\" width=\"([^\"]+)\" height=\"([^\"]+)\"")
            .Select(m => (D(m.Groups[3].Value) + 2) * (D(m.Groups[4].Value) + 2)).ToArray();
        Assert.Equal(3, areas.Length);
        Assert.Equal(48_000, areas[0], 0.5);
        Assert.Equal(24_000, areas[1], 0.5);
        Assert.Equal(8_000, areas[2], 0.5);
        Assert.Contains(">a · 60 (60.0%)<title>", svg, StringComparison.Ordinal);
        Assert.Contains(">c · 10 (10.0%)<title>", svg, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1, new[] { 0, 0.2, 0.4, 0.6, 0.8, 1 })]
    [InlineData(0, 0.23, new[] { 0, 0.05, 0.1, 0.15, 0.2 })]
    [InlineData(0, 9811, new[] { 0d, 2000, 4000, 6000, 8000 })]
    public void Ticks_Range_AreRoundSteps(double min, double max, double[] expected)
    {
        Assert.Equal(expected, SvgPlot.Ticks(min, max));
    }

    [Theory]
    [InlineData(1, new[] { 0d, 1 })]
    [InlineData(13, new[] { 0d, 2, 4, 6, 8, 10, 12 })]
    [InlineData(35, new[] { 0d, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33 })]
    [InlineData(60, new[] { 0d, 6, 12, 18, 24, 30, 36, 42, 48, 54, 60 })]
    public void MonthTicks_Months_AreWholeAndEvenlySpaced(double max, double[] expected)
    {
        Assert.Equal(expected, SvgPlot.MonthTicks(max));
    }

    [Fact]
    public void Render_EmptyHistory_SaysNoOrders()
    {
        string html = HtmlReport.Render(ReportModel.Compute(PurchaseHistory.Empty, default, "empty.csv", c => ""));
        Assert.Contains("<p>No orders.</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
    }
}
