using System.Globalization;
using System.Reflection;
using System.Text;
using static Retention.Metrics.Cli.Html.HtmlFormat;

namespace Retention.Metrics.Cli.Html;

/// <summary>Renders a <see cref="ReportModel"/> as one self-contained HTML page: inline CSS and inline SVG, no scripts, fonts or
/// external resources. Every chart has a title, an <c>aria-label</c>ed figure and a table of its numbers; numeric cells carry
/// the exact value in <c>data-v</c>. Every caller-supplied string is escaped.</summary>
internal static partial class HtmlReport
{
    /// <summary>Days at which the survival table reads the curve.</summary>
    internal static readonly int[] SurvivalCheckpoints = [0, 30, 60, 90, 180, 270, 365, 545, 730, 1095, 1460, 1825];

    private static readonly string[] s_segmentColors =
    [
        "#1d4ed8", "#0f766e", "#65a30d", "#ca8a04", "#ea580c", "#dc2626", "#be185d", "#7c3aed", "#475569", "#0891b2", "#a16207", "#94a3b8",
    ];

    internal static string Render(ReportModel model)
    {
        var html = new StringBuilder(256 * 1024);
        string title = $"Retention report: {model.Source}";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
            .Append($"<title>{Escape(title)}</title>\n<style>{Css}</style>\n</head>\n<body>\n<main>\n");
        html.Append($"<header>\n<h1>Retention report</h1>\n<p class=\"source\">{Escape(model.Source)}</p>\n");
        if (model.IsEmpty)
        {
            html.Append("<p>No orders.</p>\n</header>\n");
        }
        else
        {
            html.Append($"<p>Orders from {Date(model.FirstDate)} to {Date(model.LastDate)}, observed as of {Date(model.AsOf)}.</p>\n</header>\n");
            Headline(html, model);
            CohortSection(html, model);
            CurvesSection(html, model);
            SurvivalSection(html, model);
            RfmSection(html, model);
            ConcentrationSection(html, model);
            LadderSection(html, model);
        }
        string version = typeof(HtmlReport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
        int plus = version.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0) version = version[..plus];
        html.Append($"<footer>Written by <code>retention report</code> {Escape(version)} with Retention.Metrics. Every figure is a library result over the same history; ")
            .Append("each chart's numbers are in the table below it. The page has no scripts and loads nothing from outside.</footer>\n");
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Headline(StringBuilder html, ReportModel m)
    {
        SummaryTotals t = m.Totals;
        ConversionCohort f2 = m.F2!.Total;
        KaplanMeierCurve km = m.Survival!;
        html.Append("<section aria-labelledby=\"kpi-h\">\n<h2 id=\"kpi-h\">Headline</h2>\n<table id=\"kpis\" class=\"kpis\">\n<caption>Headline figures</caption>\n<tbody>\n");
        Kpi(html, "customers", "Customers", Count(t.Customers), Raw(t.Customers));
        Kpi(html, "orders", "Orders", Count(t.Orders), Raw(t.Orders));
        Kpi(html, "revenue", "Revenue", Money(t.TotalAmount, m.AmountScale), Raw(t.TotalAmount));
        Kpi(html, "repeat", "Repeat customers (bought on 2+ days)", RateText(t.RepeatCustomerRate), Raw(t.RepeatCustomerRate.Value));
        Kpi(html, "f2", $"F2 conversion within {ReportModel.F2WindowDays} days (customers whose window has elapsed)", RateText(f2.Rate), Raw(f2.Rate.Value));
        Kpi(html, "top20", "Revenue share of the top 20% of customers", Percent(m.Ranking!.TopShare(0.2)), Raw(m.Ranking.TopShare(0.2)));
        Kpi(html, "median-lifetime", "Median buying lifetime (days)", km.Median.IsReached ? km.Median.Estimate.ToString("0.#", CultureInfo.InvariantCulture) : "not reached", Raw(km.Median.Estimate));
        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Kpi(StringBuilder html, string id, string label, string text, string raw) =>
        html.Append($"<tr id=\"kpi-{id}\"><th scope=\"row\">{Escape(label)}</th><td data-v=\"{raw}\">{Escape(text)}</td></tr>\n");

    private static string RateText(Rate rate) =>
        $"{Percent(rate.Value, 2)} ({Count(rate.Numerator)} / {Count(rate.Denominator)})";

    private static void Figure(StringBuilder html, string label, string svg) =>
        html.Append($"<figure aria-label=\"{Escape(label)}\">{svg}</figure>\n");

    private static void TableStart(StringBuilder html, string id, string caption, string summary, params string[] headers)
    {
        html.Append($"<details><summary>{Escape(summary)}</summary>\n<div class=\"scroll\"><table id=\"{id}\">\n<caption>{Escape(caption)}</caption>\n<thead><tr>");
        foreach (string h in headers) html.Append($"<th scope=\"col\">{Escape(h)}</th>");
        html.Append("</tr></thead>\n<tbody>\n");
    }

    private static void TableEnd(StringBuilder html) => html.Append("</tbody>\n</table></div>\n</details>\n");

    private static string Cell(string text, string raw, string? cssClass = null) =>
        cssClass is null ? $"<td data-v=\"{raw}\">{Escape(text)}</td>" : $"<td class=\"{cssClass}\" data-v=\"{raw}\">{Escape(text)}</td>";

    private static string Cell(long value) => Cell(Count(value), Raw(value));

    private static string Cell(decimal money, int amountScale) => Cell(Money(money, amountScale), Raw(money));

    private static string ShareCell(double share, int decimals = 1) => Cell(Percent(share, decimals), Raw(share));
}
