using System.Globalization;
using System.Text;
using static Retention.Metrics.Cli.Html.HtmlFormat;

namespace Retention.Metrics.Cli.Html;

internal static partial class HtmlReport
{
    private static CultureInfo Inv => CultureInfo.InvariantCulture;

    private static void CohortSection(StringBuilder html, ReportModel m)
    {
        CohortTable table = m.Cohorts!;
        html.Append("<section aria-labelledby=\"cohorts-h\">\n<h2 id=\"cohorts-h\">Cohort retention</h2>\n")
            .Append("<p>Customers grouped by the month of their first purchase (rows); each cell is the share of the cohort that bought in ")
            .Append("month <i>k</i> after it (columns, month 0 = the first purchase month, 100% by definition, so the map starts at month 1). ")
            .Append("Faded cells are months still running at the as-of date.</p>\n");
        Figure(html, "Cohort retention heatmap", CohortHeatmap(table));

        var headers = new List<string> { "Cohort", "Customers" };
        for (int k = 0; k < table.PeriodCount; k++) headers.Add($"M{k}");
        TableStart(html, "cohort-table", "Share of each monthly cohort buying in month k (italic: month still running)", "Cohort retention table", [.. headers]);
        for (int c = 0; c < table.CohortCount; c++)
        {
            html.Append($"<tr><th scope=\"row\">{Month(table.CohortStarts[c])}</th>").Append(Cell(table.CohortSizes[c]));
            for (int k = 0; k < table.PeriodCount; k++)
            {
                CohortCellState state = table.State(c, k);
                if (state == CohortCellState.NotStarted || table.CohortSizes[c] == 0)
                {
                    html.Append("<td></td>");
                    continue;
                }
                Rate r = table.Retention(c, k);
                html.Append(Cell(Percent(r.Value), Raw(r.Value), state == CohortCellState.Partial ? "partial" : null));
            }
            html.Append("</tr>\n");
        }
        TableEnd(html);
        html.Append("</section>\n");
    }

    private static string CohortHeatmap(CohortTable table)
    {
        int periods = table.PeriodCount;
        // Rows: the cohorts with customers (a month without new customers has nothing to show; the table lists it).
        var rows = new List<int>();
        for (int c = 0; c < table.CohortCount; c++)
        {
            if (table.CohortSizes[c] > 0) rows.Add(c);
        }
        int columns = Math.Max(1, periods - 1);
        const double LabelWidth = 132, TopPad = 34, LegendHeight = 58, LegendWidth = 240;
        double cw = Math.Clamp((900 - LabelWidth) / columns, 8, 30);
        double ch = Math.Clamp(cw * 0.62, 11, 18);
        double width = Math.Max(LabelWidth + (columns * cw) + 10, LabelWidth + LegendWidth + 180);
        double height = TopPad + (rows.Count * ch) + LegendHeight;

        double max = 0;
        foreach (int c in rows)
        {
            for (int k = 1; k < periods; k++)
            {
                if (table.State(c, k) != CohortCellState.NotStarted) max = Math.Max(max, table.Retention(c, k).Value);
            }
        }
        max = SvgPlot.NiceMax(max, 4);

        var svg = new StringBuilder();
        svg.Append($"<svg class=\"chart\" id=\"chart-cohorts\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {N(width)} {N(height)}\" width=\"{N(width)}\" height=\"{N(height)}\" role=\"img\" aria-labelledby=\"chart-cohorts-title\">")
           .Append("<title id=\"chart-cohorts-title\">Cohort retention heatmap: monthly cohorts by months since the first purchase</title>")
           .Append("<defs><linearGradient id=\"heat-scale\" x1=\"0\" x2=\"1\" y1=\"0\" y2=\"0\">")
           .Append($"<stop offset=\"0\" stop-color=\"{HeatColor(0)}\"/><stop offset=\"0.5\" stop-color=\"{HeatColor(0.5)}\"/><stop offset=\"1\" stop-color=\"{HeatColor(1)}\"/>")
           .Append("</linearGradient></defs>");
        int labelEvery = cw >= 22 ? 1 : cw >= 12 ? 3 : 6;
        svg.Append("<g class=\"axis\">");
        svg.Append($"<text class=\"axis-title\" x=\"{N(LabelWidth)}\" y=\"12\">Months since first purchase →</text>")
           .Append($"<text class=\"axis-title\" x=\"{N(LabelWidth - 6)}\" y=\"{N(TopPad - 6)}\" text-anchor=\"end\">Cohort · customers</text>");
        for (int k = 1; k < periods; k++)
        {
            if (k % labelEvery != 0 && k != 1) continue;
            svg.Append($"<text x=\"{N(LabelWidth + ((k - 1) * cw) + (cw / 2))}\" y=\"{N(TopPad - 6)}\" text-anchor=\"middle\">{k}</text>");
        }
        for (int i = 0; i < rows.Count; i++)
        {
            int c = rows[i];
            double y = TopPad + (i * ch);
            svg.Append($"<text x=\"{N(LabelWidth - 6)}\" y=\"{N(y + (ch / 2) + 4)}\" text-anchor=\"end\">{Month(table.CohortStarts[c])} · {Count(table.CohortSizes[c])}</text>");
        }
        svg.Append("</g><g class=\"cells\">");
        for (int i = 0; i < rows.Count; i++)
        {
            int c = rows[i];
            double y = TopPad + (i * ch);
            for (int k = 1; k < periods; k++)
            {
                CohortCellState state = table.State(c, k);
                if (state == CohortCellState.NotStarted) continue;
                Rate r = table.Retention(c, k);
                double x = LabelWidth + ((k - 1) * cw);
                string partial = state == CohortCellState.Partial ? " class=\"partial\"" : "";
                svg.Append($"<rect{partial} x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(cw - 1)}\" height=\"{N(ch - 1)}\" fill=\"{HeatColor(r.Value / max)}\">")
                   .Append($"<title>{Month(table.CohortStarts[c])} cohort, month {k}: {Percent(r.Value)} ({Count(r.Numerator)} / {Count(r.Denominator)}){(state == CohortCellState.Partial ? ", month still running" : "")}</title></rect>");
            }
        }
        svg.Append("</g>");
        double ly = TopPad + (rows.Count * ch) + 18;
        svg.Append("<g class=\"axis\">")
           .Append($"<text x=\"{N(LabelWidth - 6)}\" y=\"{N(ly + 11)}\" text-anchor=\"end\">Retention</text>")
           .Append($"<rect x=\"{N(LabelWidth)}\" y=\"{N(ly)}\" width=\"{N(LegendWidth)}\" height=\"14\" fill=\"url(#heat-scale)\" stroke=\"#94a3b8\" stroke-width=\"0.5\"/>");
        foreach (double t in SvgPlot.Ticks(0, max, 4))
        {
            double x = LabelWidth + (t / max * LegendWidth);
            svg.Append($"<line x1=\"{N(x)}\" y1=\"{N(ly + 14)}\" x2=\"{N(x)}\" y2=\"{N(ly + 18)}\"/><text x=\"{N(x)}\" y=\"{N(ly + 30)}\" text-anchor=\"middle\">{Percent(t, 0)}</text>");
        }
        svg.Append($"<rect class=\"partial\" x=\"{N(LabelWidth + LegendWidth + 30)}\" y=\"{N(ly)}\" width=\"14\" height=\"14\" fill=\"{HeatColor(0.6)}\"/>")
           .Append($"<text x=\"{N(LabelWidth + LegendWidth + 50)}\" y=\"{N(ly + 11)}\">month still running</text>");
        svg.Append("</g></svg>");
        return svg.ToString();
    }

    /// <summary>A colour on the sequential scale: pale blue at 0, mid blue at 0.5, dark navy at 1 (clamped).</summary>
    internal static string HeatColor(double t)
    {
        t = double.IsNaN(t) ? 0 : Math.Clamp(t, 0, 1);
        ReadOnlySpan<int> a = [0xEF, 0xF6, 0xFF], b = [0x4A, 0x90, 0xD9], c = [0x0B, 0x25, 0x63];
        Span<int> rgb = stackalloc int[3];
        for (int i = 0; i < 3; i++)
        {
            rgb[i] = t <= 0.5
                ? (int)Math.Round(a[i] + ((b[i] - a[i]) * (t / 0.5)))
                : (int)Math.Round(b[i] + ((c[i] - b[i]) * ((t - 0.5) / 0.5)));
        }
        return string.Create(Inv, $"#{rgb[0]:X2}{rgb[1]:X2}{rgb[2]:X2}");
    }

    private static void CurvesSection(StringBuilder html, ReportModel m)
    {
        CohortTable table = m.Cohorts!;
        ReadOnlySpan<CohortAveragePoint> curve = table.AverageCurve;
        var retention = new List<(double X, double Y)>();
        var ltv = new List<(double X, double Y)>();
        var retentionPoints = new List<CohortAveragePoint>();
        var ltvPoints = new List<CohortAveragePoint>();
        foreach (CohortAveragePoint p in curve)
        {
            if (p.Cohorts == 0) continue;
            ltv.Add((p.Period, (double)p.CumulativeRevenuePerMember));
            ltvPoints.Add(p);
            if (p.Period == 0) continue;
            retention.Add((p.Period, p.Retention.Value));
            retentionPoints.Add(p);
        }
        html.Append("<section aria-labelledby=\"curves-h\">\n<h2 id=\"curves-h\">Retention and lifetime value curves</h2>\n")
            .Append("<p>Averages over the cohorts that have fully observed each month, weighted by cohort size (Σ active ÷ Σ customers), so ")
            .Append("recent cohorts drop out instead of pulling the curve down. The value curve is the cumulative revenue per cohort member (LTV).</p>\n<div class=\"pair\">\n");

        double lastPeriod = Math.Max(1, ltv.Count == 0 ? 1 : ltv[^1].X);
        double rMax = SvgPlot.NiceMax(MaxY(retention), 5);
        var plot = new SvgPlot("chart-retention", "Retention curve: weighted average share of a cohort buying in month k")
            .Domain(0, lastPeriod, 0, rMax)
            .YAxis(SvgPlot.Ticks(0, rMax), t => Percent(t, rMax < 0.05 ? 1 : 0), "customers buying in the month")
            .XAxis(SvgPlot.MonthTicks(lastPeriod), t => t.ToString("0", Inv), "months since first purchase")
            .Line(retention, "series-a", i => $"Month {retentionPoints[i].Period}: {Percent(retentionPoints[i].Retention.Value, 2)} over {retentionPoints[i].Cohorts} cohorts");
        Figure(html, "Retention curve", plot.ToString());

        double vMax = SvgPlot.NiceMax(MaxY(ltv), 5);
        plot = new SvgPlot("chart-ltv", "Cumulative revenue per cohort member (LTV curve)")
            .Domain(0, lastPeriod, 0, vMax)
            .YAxis(SvgPlot.Ticks(0, vMax), t => t.ToString("N0", Inv), "cumulative revenue per member")
            .XAxis(SvgPlot.MonthTicks(lastPeriod), t => t.ToString("0", Inv), "months since first purchase")
            .Line(ltv, "series-b", i => $"Month {ltvPoints[i].Period}: {MoneyPerMember(ltvPoints[i].CumulativeRevenuePerMember)} per member over {ltvPoints[i].Cohorts} cohorts");
        Figure(html, "Lifetime value curve", plot.ToString());
        html.Append("</div>\n");

        TableStart(html, "curve-table", "Weighted average over fully observed cohorts, by month since the first purchase", "Curve table",
            "Month", "Cohorts", "Retention", "Active / customers", "Simple mean retention", "Revenue per member", "Cumulative revenue per member");
        foreach (CohortAveragePoint p in ltvPoints)
        {
            html.Append($"<tr><th scope=\"row\">{p.Period}</th>")
                .Append(Cell(p.Cohorts))
                .Append(ShareCell(p.Retention.Value, 2))
                .Append(Cell($"{Count(p.Retention.Numerator)} / {Count(p.Retention.Denominator)}", Raw(p.Retention.Numerator)))
                .Append(ShareCell(p.SimpleMeanRetention, 2))
                .Append(Cell(MoneyPerMember(p.RevenuePerMember), Raw(p.RevenuePerMember)))
                .Append(Cell(MoneyPerMember(p.CumulativeRevenuePerMember), Raw(p.CumulativeRevenuePerMember)))
                .Append("</tr>\n");
        }
        TableEnd(html);

        CohortLtvResult ltvByCohort = m.Ltv!;
        ReadOnlySpan<int> horizons = ltvByCohort.HorizonMonths;
        var ltvHeaders = new List<string> { "Cohort", "Customers" };
        foreach (int h in horizons) ltvHeaders.Add($"{h} months");
        TableStart(html, "ltv-table", "Revenue per customer within 3, 6, 12 and 24 months of the first purchase, by acquisition month (blank: horizon not yet elapsed; last row: pooled over the cohorts that have elapsed)",
            "LTV by acquisition month", [.. ltvHeaders]);
        for (int c = 0; c < ltvByCohort.CohortCount; c++)
        {
            html.Append($"<tr><th scope=\"row\">{Month(ltvByCohort.CohortStart(c))}</th>").Append(Cell(ltvByCohort.CohortSize(c)));
            for (int j = 0; j < horizons.Length; j++)
            {
                html.Append(ltvByCohort.IsCensored(c, j) || ltvByCohort.CohortSize(c) == 0
                    ? "<td></td>"
                    : Cell(MoneyPerMember(ltvByCohort.Cell(c, j).PerCustomer), Raw(ltvByCohort.Cell(c, j).PerCustomer)));
            }
            html.Append("</tr>\n");
        }
        html.Append("<tr><th scope=\"row\">Pooled</th><td></td>");
        for (int j = 0; j < horizons.Length; j++)
        {
            LtvResult pooled = ltvByCohort.Pooled(j);
            html.Append(pooled.Customers == 0 ? "<td></td>" : Cell(MoneyPerMember(pooled.PerCustomer), Raw(pooled.PerCustomer)));
        }
        html.Append("</tr>\n");
        TableEnd(html);
        html.Append("</section>\n");
    }

    private static double MaxY(List<(double X, double Y)> points)
    {
        double max = 0;
        foreach (var (_, y) in points) max = Math.Max(max, y);
        return max;
    }

    private static void SurvivalSection(StringBuilder html, ReportModel m)
    {
        KaplanMeierCurve km = m.Survival!;
        var rows = km.Rows;
        double maxTime = rows.Length == 0 ? 1 : Math.Max(1, rows[^1].Time);
        string level = Percent(km.Options.ConfidenceLevel, 0);
        html.Append("<section aria-labelledby=\"survival-h\">\n<h2 id=\"survival-h\">Customer survival (Kaplan–Meier)</h2>\n")
            .Append($"<p>Lifetime measured: <b>days from a customer's first purchase to their last purchase</b>. A customer with no purchase in the ")
            .Append($"{ReportModel.DormancyDays} days up to {Date(m.AsOf)} has ended (an event); the others are still active and censored at their ")
            .Append($"span so far. S(t) is the share of customers whose buying span exceeds t days, with its {level} pointwise confidence band ")
            .Append($"(Greenwood, log transform). {Count(km.Count)} customers: {Count(km.Events)} ended, {Count(km.Censored)} still active. ");
        SurvivalTimeEstimate median = km.Median;
        html.Append(median.IsReached
            ? string.Create(Inv, $"Median lifetime {median.Estimate:0.#} days ({level} CI {IntervalPart(median.Lower)} – {IntervalPart(median.Upper)}).")
            : "The median lifetime is not reached: more than half the customers are still buying.");
        html.Append("</p>\n");

        var steps = new List<(double X, double Y)>();
        var band = new List<(double X, double Lower, double Upper)>();
        foreach (KaplanMeierRow r in rows)
        {
            if (r.Events > 0) steps.Add((r.Time, r.Survival));
            if (!double.IsNaN(r.Lower) && !double.IsNaN(r.Upper)) band.Add((r.Time, r.Lower, r.Upper));
        }
        var plot = new SvgPlot("chart-survival", $"Kaplan–Meier survival of customer lifetimes with the {level} confidence band", 940, 320)
            .Domain(0, maxTime, 0, 1)
            .YAxis(SvgPlot.Ticks(0, 1), t => Percent(t, 0), "share still buying")
            .XAxis(SvgPlot.Ticks(0, maxTime, 10), t => t.ToString("0", Inv), "days since the first purchase")
            .StepBand(band, maxTime, "band")
            .Step(0, 1, steps, maxTime, "series-a")
            .Legend(0, "series-a", "S(t)", line: true)
            .Legend(1, "band", $"{level} confidence band");
        Figure(html, "Survival curve", plot.ToString());

        TableStart(html, "survival-table", $"Survival S(t) at selected days with the {level} band (read from the last step at or before t)", "Survival table",
            "Days t", "S(t)", "Lower", "Upper", "At risk at that step", "Events up to t");
        long events = 0;
        int j = 0;
        foreach (int t in SurvivalCheckpoints)
        {
            if (t > maxTime) break;
            while (j < rows.Length && rows[j].Time <= t) events += rows[j++].Events;
            if (j == 0)
            {
                html.Append($"<tr><th scope=\"row\">{t}</th>{ShareCell(1, 2)}<td></td><td></td><td></td>{Cell(0)}</tr>\n");
                continue;
            }
            KaplanMeierRow r = rows[j - 1];
            html.Append($"<tr><th scope=\"row\">{t}</th>{ShareCell(r.Survival, 2)}{ShareCell(r.Lower, 2)}{ShareCell(r.Upper, 2)}{Cell(r.AtRisk)}{Cell(events)}</tr>\n");
        }
        TableEnd(html);
        html.Append("</section>\n");
    }

    private static string IntervalPart(double value) => double.IsNaN(value) ? "not reached" : value.ToString("0.#", Inv);

    private static void RfmSection(StringBuilder html, ReportModel m)
    {
        RfmResult rfm = m.Rfm!;
        ReadOnlySpan<RfmSegmentSummary> segments = rfm.Segments;
        html.Append("<section aria-labelledby=\"rfm-h\">\n<h2 id=\"rfm-h\">RFM segments</h2>\n")
            .Append("<p>Customers scored 1–5 on recency, frequency (orders) and monetary value (total spend) by quantiles, then named by the ")
            .Append("standard segment rules. Tile area is the number of customers.</p>\n");
        var tiles = new List<(string Name, double Value, string Tooltip, string Color)>();
        for (int i = 0; i < segments.Length; i++)
        {
            RfmSegmentSummary s = segments[i];
            if (s.Customers.Numerator == 0) continue;
            tiles.Add((s.Name, s.Customers.Numerator,
                $"{s.Name}: {Count(s.Customers.Numerator)} customers ({Percent(s.Customers.Value)}), {Percent(s.RevenueShare)} of revenue",
                s_segmentColors[i % s_segmentColors.Length]));
        }
        Figure(html, "RFM segment treemap", Treemap("chart-rfm", "RFM segments by number of customers", tiles, 940, 380));

        TableStart(html, "rfm-table", "RFM segments: customers, orders and revenue", "RFM segment table",
            "Segment", "Customers", "Share of customers", "Orders", "Revenue", "Share of revenue");
        foreach (RfmSegmentSummary s in segments)
        {
            html.Append($"<tr><th scope=\"row\">{Escape(s.Name)}</th>")
                .Append(Cell(s.Customers.Numerator)).Append(ShareCell(s.Customers.Value))
                .Append(Cell(s.Orders.Numerator)).Append(Cell(s.Revenue, m.AmountScale)).Append(ShareCell(s.RevenueShare))
                .Append("</tr>\n");
        }
        TableEnd(html);
        html.Append("</section>\n");
    }

    private static void ConcentrationSection(StringBuilder html, ReportModel m)
    {
        DecileResult deciles = m.Deciles!;
        SpendRanking ranking = m.Ranking!;
        html.Append("<section aria-labelledby=\"deciles-h\">\n<h2 id=\"deciles-h\">Revenue concentration (deciles and Pareto)</h2>\n")
            .Append(string.Create(Inv, $"<p>Customers ranked by spend and split into ten equal groups, top spenders first. Bars: each decile's share of revenue; "))
            .Append($"line: the cumulative share (Pareto). The top 20% of customers make {Percent(ranking.TopShare(0.2))} of revenue; ")
            .Append(string.Create(Inv, $"the Gini coefficient of spend is {ranking.Gini:0.000}.</p>\n"));

        ReadOnlySpan<DecileRow> rows = deciles.Rows;
        var plot = new SvgPlot("chart-deciles", "Revenue share by spend decile with the cumulative Pareto line", 940, 320)
            .Domain(0.4, rows.Length + 0.6, 0, 1)
            .YAxis(SvgPlot.Ticks(0, 1), t => Percent(t, 0), "share of revenue")
            .XAxis(SvgPlot.Categories(rows.Length), t => $"D{t:0}", "spend decile (D1 = top 10% of customers)");
        var cumulative = new List<(double X, double Y)>();
        var cumulativeRows = new List<DecileRow>();
        foreach (DecileRow r in rows)
        {
            plot.Bar(r.Group, 0.7, r.Share, "bar", $"D{r.Group}: {Count(r.Customers)} customers, {Money(r.Amount, m.AmountScale)} ({Percent(r.Share)} of revenue)", Percent(r.Share));
            cumulative.Add((r.Group, r.CumulativeShare));
            cumulativeRows.Add(r);
        }
        plot.Line(cumulative, "series-c", i => $"D1–D{cumulativeRows[i].Group}: {Percent(cumulativeRows[i].CumulativeShare)} of revenue")
            .Legend(0, "bar", "decile share")
            .Legend(1, "series-c", "cumulative share", line: true);
        Figure(html, "Decile and Pareto chart", plot.ToString());

        TableStart(html, "decile-table", "Spend deciles: customers, revenue and shares", "Decile table",
            "Decile", "Customers", "Revenue", "Mean per customer", "Share", "Cumulative share");
        foreach (DecileRow r in rows)
        {
            html.Append($"<tr><th scope=\"row\">D{r.Group}</th>")
                .Append(Cell(r.Customers)).Append(Cell(r.Amount, m.AmountScale))
                .Append(Cell(MoneyPerMember(r.MeanAmount), Raw(r.MeanAmount)))
                .Append(ShareCell(r.Share)).Append(ShareCell(r.CumulativeShare))
                .Append("</tr>\n");
        }
        TableEnd(html);

        html.Append($"<h3>Top {m.TopCustomers.Count} customers by spend</h3>\n<div class=\"scroll\"><table id=\"top-customers\">\n<caption>The customers with the highest spend</caption>\n")
            .Append("<thead><tr><th scope=\"col\">Rank</th><th scope=\"col\">Customer</th><th scope=\"col\">Spend</th><th scope=\"col\">Share of revenue</th></tr></thead>\n<tbody>\n");
        foreach (TopCustomer c in m.TopCustomers)
        {
            html.Append($"<tr><th scope=\"row\">{c.Rank}</th><td class=\"key\">{Escape(c.Key)}</td>")
                .Append(Cell(c.Amount, m.AmountScale)).Append(ShareCell(c.Share, 2)).Append("</tr>\n");
        }
        html.Append("</tbody>\n</table></div>\n</section>\n");
    }

    private static void LadderSection(StringBuilder html, ReportModel m)
    {
        FrequencyLadder ladder = m.Ladder!;
        ConversionCohort f2 = m.F2!.Total;
        int k = ladder.MaxPurchases;
        html.Append("<section aria-labelledby=\"ladder-h\">\n<h2 id=\"ladder-h\">F2 and the Fn ladder</h2>\n")
            .Append($"<p>Customers with at least <i>n</i> purchase days (F1 = every customer; the last bar counts {k} or more). Labels: the step ")
            .Append($"rate F(n−1) → Fn. F2 conversion within {ReportModel.F2WindowDays} days of the first purchase: {RateText(f2.Rate)} of the customers whose ")
            .Append($"window has elapsed ({Count(f2.Censored)} more are too recent to tell).</p>\n");
        double yMax = SvgPlot.NiceMax(ladder.AtLeast(1), 5);
        var plot = new SvgPlot("chart-ladder", "Fn ladder: customers with at least n purchase days", 940, 320)
            .Domain(0.4, k + 0.6, 0, yMax)
            .YAxis(SvgPlot.Ticks(0, yMax), t => t.ToString("N0", Inv), "customers")
            .XAxis(SvgPlot.Categories(k), t => $"F{t:0}", "purchase days, at least n");
        for (int n = 1; n <= k; n++)
        {
            Rate cumulative = ladder.Cumulative(n);
            string stepText = n == 1 ? "" : $", step {Percent(ladder.Step(n).Value)}";
            plot.Bar(n, 0.7, ladder.AtLeast(n), "bar",
                $"F{n}: {Count(ladder.AtLeast(n))} customers, {Percent(cumulative.Value)} of F1{stepText}",
                n == 1 ? Count(ladder.AtLeast(1)) : Percent(ladder.Step(n).Value));
        }
        Figure(html, "Fn ladder chart", plot.ToString());

        TableStart(html, "ladder-table", "Customers with at least n purchase days, cumulative and step rates", "Ladder table",
            "n", "Customers", "Cumulative (÷ F1)", "Step F(n−1) → Fn");
        for (int n = 1; n <= k; n++)
        {
            html.Append($"<tr><th scope=\"row\">F{n}</th>")
                .Append(Cell(ladder.AtLeast(n))).Append(ShareCell(ladder.Cumulative(n).Value, 2))
                .Append(n == 1 ? "<td></td>" : ShareCell(ladder.Step(n).Value, 2))
                .Append("</tr>\n");
        }
        TableEnd(html);
        html.Append("</section>\n");
    }
}
