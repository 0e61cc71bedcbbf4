using System.Text;
using static Retention.Metrics.Cli.Html.HtmlFormat;

namespace Retention.Metrics.Cli.Html;

internal static partial class HtmlReport
{
    /// <summary>A squarified treemap: tiles with area proportional to their values, largest first, labelled when they fit.</summary>
    internal static string Treemap(string id, string title, IReadOnlyList<(string Name, double Value, string Tooltip, string Color)> tiles, double width, double height)
    {
        var order = new List<int>();
        double total = 0;
        for (int i = 0; i < tiles.Count; i++)
        {
            if (tiles[i].Value > 0)
            {
                order.Add(i);
                total += tiles[i].Value;
            }
        }
        order.Sort((a, b) => tiles[b].Value.CompareTo(tiles[a].Value));
        // A legend below the tiles names every tile, so that small ones stay readable.
        const int LegendColumns = 4;
        const double LegendRow = 20;
        int legendRows = (order.Count + LegendColumns - 1) / LegendColumns;
        double legendHeight = legendRows == 0 ? 0 : (legendRows * LegendRow) + 12;
        double svgHeight = height + legendHeight;
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"chart\" id=\"{id}\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {N(width)} {N(svgHeight)}\" width=\"{N(width)}\" height=\"{N(svgHeight)}\" role=\"img\" aria-labelledby=\"{id}-title\">")
           .Append($"<title id=\"{id}-title\">{Escape(title)}</title>");
        if (total > 0)
        {
            var rects = new (double X, double Y, double W, double H)[tiles.Count];
            double scale = width * height / total;
            Squarify(order, i => tiles[i].Value * scale, 0, 0, width, height, rects);
            svg.Append("<g class=\"tiles\">");
            foreach (int i in order)
            {
                var (x, y, w, h) = rects[i];
                var t = tiles[i];
                svg.Append($"<g><rect x=\"{N(x + 1)}\" y=\"{N(y + 1)}\" width=\"{N(Math.Max(0, w - 2))}\" height=\"{N(Math.Max(0, h - 2))}\" fill=\"{t.Color}\"/><title>{Escape(t.Tooltip)}</title>");
                // Label only tiles large enough to hold it: about 7 px per character at 13 px.
                if (w >= 60 && h >= 34)
                {
                    int maxChars = (int)((w - 12) / 7);
                    string name = t.Name.Length > maxChars ? string.Concat(t.Name.AsSpan(0, Math.Max(1, maxChars - 1)), "…") : t.Name;
                    svg.Append($"<text class=\"tile-name\" x=\"{N(x + 7)}\" y=\"{N(y + 18)}\">{Escape(name)}</text>")
                       .Append($"<text class=\"tile-value\" x=\"{N(x + 7)}\" y=\"{N(y + 33)}\">{Count((long)t.Value)} · {Percent(t.Value / total)}</text>");
                }
                svg.Append("</g>");
            }
            svg.Append("</g><g class=\"legend\">");
            double columnWidth = width / LegendColumns;
            for (int j = 0; j < order.Count; j++)
            {
                var t = tiles[order[j]];
                double x = (j % LegendColumns) * columnWidth, y = height + 12 + ((j / LegendColumns) * LegendRow);
                svg.Append($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"12\" height=\"12\" fill=\"{t.Color}\"/>")
                   .Append($"<text x=\"{N(x + 18)}\" y=\"{N(y + 10)}\">{Escape(t.Name)} · {Count((long)t.Value)} ({Percent(t.Value / total)})<title>{Escape(t.Tooltip)}</title></text>");
            }
            svg.Append("</g>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>Lays out the items (areas in pixels, descending) into the rectangle, row by row along its shorter side, keeping
    /// aspect ratios close to 1 (Bruls, Huizing and van Wijk).</summary>
    private static void Squarify(List<int> items, Func<int, double> area, double x, double y, double w, double h, (double X, double Y, double W, double H)[] output)
    {
        int start = 0;
        while (start < items.Count)
        {
            double side = Math.Min(w, h);
            int end = start + 1;
            double rowArea = area(items[start]);
            double worst = Worst(items, area, start, end, rowArea, side);
            while (end < items.Count)
            {
                double nextArea = rowArea + area(items[end]);
                double nextWorst = Worst(items, area, start, end + 1, nextArea, side);
                if (nextWorst > worst) break;
                rowArea = nextArea;
                worst = nextWorst;
                end++;
            }
            // Lay the row along the shorter side.
            double thickness = side > 0 ? rowArea / side : 0;
            double offset = 0;
            for (int i = start; i < end; i++)
            {
                double length = thickness > 0 ? area(items[i]) / thickness : 0;
                output[items[i]] = w >= h
                    ? (x, y + offset, thickness, length)
                    : (x + offset, y, length, thickness);
                offset += length;
            }
            if (w >= h)
            {
                x += thickness;
                w -= thickness;
            }
            else
            {
                y += thickness;
                h -= thickness;
            }
            start = end;
        }
    }

    private static double Worst(List<int> items, Func<int, double> area, int start, int end, double rowArea, double side)
    {
        double min = double.MaxValue, max = 0;
        for (int i = start; i < end; i++)
        {
            double a = area(items[i]);
            min = Math.Min(min, a);
            max = Math.Max(max, a);
        }
        double s2 = side * side, r2 = rowArea * rowArea;
        return Math.Max(s2 * max / r2, r2 / (s2 * min));
    }
}
