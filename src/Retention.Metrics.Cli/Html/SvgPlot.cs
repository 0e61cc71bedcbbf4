using System.Text;
using static Retention.Metrics.Cli.Html.HtmlFormat;

namespace Retention.Metrics.Cli.Html;

/// <summary>A cartesian SVG chart: linear axes with ticks, lines, steps, bands and bars. Text is escaped on the way in.</summary>
internal sealed class SvgPlot
{
    private const double Left = 64, Right = 18, Top = 16, Bottom = 46;

    private readonly StringBuilder _body = new();
    private readonly string _id;
    private readonly string _title;
    private readonly double _width;
    private readonly double _height;
    private double _xMin, _xMax = 1, _yMin, _yMax = 1;

    internal SvgPlot(string id, string title, double width = 460, double height = 300)
    {
        _id = id;
        _title = title;
        _width = width;
        _height = height;
    }

    private double PlotWidth => _width - Left - Right;
    private double PlotHeight => _height - Top - Bottom;

    internal SvgPlot Domain(double xMin, double xMax, double yMin, double yMax)
    {
        _xMin = xMin;
        _xMax = xMax > xMin ? xMax : xMin + 1;
        _yMin = yMin;
        _yMax = yMax > yMin ? yMax : yMin + 1;
        return this;
    }

    internal double X(double v) => Left + ((v - _xMin) / (_xMax - _xMin) * PlotWidth);

    internal double Y(double v) => Top + PlotHeight - ((v - _yMin) / (_yMax - _yMin) * PlotHeight);

    /// <summary>Draws the x axis with ticks at <paramref name="ticks"/> labelled by <paramref name="label"/>.</summary>
    internal SvgPlot XAxis(IEnumerable<double> ticks, Func<double, string> label, string axisTitle)
    {
        double y0 = Top + PlotHeight;
        _body.Append("<g class=\"axis\">");
        _body.Append($"<line x1=\"{N(Left)}\" y1=\"{N(y0)}\" x2=\"{N(Left + PlotWidth)}\" y2=\"{N(y0)}\"/>");
        foreach (double t in ticks)
        {
            double x = X(t);
            _body.Append($"<line x1=\"{N(x)}\" y1=\"{N(y0)}\" x2=\"{N(x)}\" y2=\"{N(y0 + 4)}\"/>");
            _body.Append($"<text x=\"{N(x)}\" y=\"{N(y0 + 16)}\" text-anchor=\"middle\">{Escape(label(t))}</text>");
        }
        _body.Append($"<text class=\"axis-title\" x=\"{N(Left + (PlotWidth / 2))}\" y=\"{N(_height - 6)}\" text-anchor=\"middle\">{Escape(axisTitle)}</text>");
        _body.Append("</g>");
        return this;
    }

    /// <summary>Draws the y axis with grid lines at <paramref name="ticks"/>.</summary>
    internal SvgPlot YAxis(IEnumerable<double> ticks, Func<double, string> label, string axisTitle)
    {
        _body.Append("<g class=\"axis\">");
        foreach (double t in ticks)
        {
            double y = Y(t);
            _body.Append($"<line class=\"grid\" x1=\"{N(Left)}\" y1=\"{N(y)}\" x2=\"{N(Left + PlotWidth)}\" y2=\"{N(y)}\"/>");
            _body.Append($"<text x=\"{N(Left - 6)}\" y=\"{N(y + 4)}\" text-anchor=\"end\">{Escape(label(t))}</text>");
        }
        _body.Append($"<text class=\"axis-title\" transform=\"translate(13 {N(Top + (PlotHeight / 2))}) rotate(-90)\" text-anchor=\"middle\">{Escape(axisTitle)}</text>");
        _body.Append("</g>");
        return this;
    }

    /// <summary>Draws a polyline through the points, with a dot and tooltip at each when <paramref name="tooltip"/> is given.</summary>
    internal SvgPlot Line(IReadOnlyList<(double X, double Y)> points, string cssClass, Func<int, string>? tooltip = null)
    {
        if (points.Count == 0) return this;
        _body.Append($"<polyline class=\"{cssClass}\" fill=\"none\" points=\"");
        foreach (var (x, y) in points) _body.Append(N(X(x))).Append(',').Append(N(Y(y))).Append(' ');
        _body.Append("\"/>");
        if (tooltip is null) return this;
        for (int i = 0; i < points.Count; i++)
        {
            _body.Append($"<circle class=\"{cssClass}-dot\" cx=\"{N(X(points[i].X))}\" cy=\"{N(Y(points[i].Y))}\" r=\"3\"><title>{Escape(tooltip(i))}</title></circle>");
        }
        return this;
    }

    /// <summary>Draws a right-continuous step function starting at (<paramref name="x0"/>, <paramref name="y0"/>).</summary>
    internal SvgPlot Step(double x0, double y0, IReadOnlyList<(double X, double Y)> points, double xEnd, string cssClass)
    {
        var d = new StringBuilder();
        d.Append('M').Append(N(X(x0))).Append(',').Append(N(Y(y0)));
        foreach (var (x, y) in points)
        {
            d.Append('H').Append(N(X(x))).Append('V').Append(N(Y(y)));
        }
        d.Append('H').Append(N(X(xEnd)));
        _body.Append($"<path class=\"{cssClass}\" fill=\"none\" d=\"{d}\"/>");
        return this;
    }

    /// <summary>Fills the area between two step functions sharing the x values (a confidence band).</summary>
    internal SvgPlot StepBand(IReadOnlyList<(double X, double Lower, double Upper)> points, double xEnd, string cssClass)
    {
        if (points.Count == 0) return this;
        var d = new StringBuilder();
        // Upper edge left to right, then the lower edge right to left.
        d.Append('M').Append(N(X(points[0].X))).Append(',').Append(N(Y(points[0].Upper)));
        for (int i = 0; i < points.Count; i++)
        {
            double next = i + 1 < points.Count ? points[i + 1].X : xEnd;
            d.Append('V').Append(N(Y(points[i].Upper))).Append('H').Append(N(X(next)));
        }
        for (int i = points.Count - 1; i >= 0; i--)
        {
            d.Append('V').Append(N(Y(points[i].Lower))).Append('H').Append(N(X(points[i].X)));
        }
        d.Append('Z');
        _body.Append($"<path class=\"{cssClass}\" d=\"{d}\"/>");
        return this;
    }

    /// <summary>Draws a bar from the x axis (value <paramref name="yBase"/>) to <paramref name="y"/>, centred on <paramref name="x"/>.</summary>
    internal SvgPlot Bar(double x, double width, double y, string cssClass, string tooltip, string? label = null, double yBase = 0)
    {
        double px = X(x), w = Math.Abs(X(x + width) - X(x));
        double top = Y(Math.Max(y, yBase)), bottom = Y(Math.Min(y, yBase));
        _body.Append($"<rect class=\"{cssClass}\" x=\"{N(px - (w / 2))}\" y=\"{N(top)}\" width=\"{N(w)}\" height=\"{N(Math.Max(0.5, bottom - top))}\"><title>{Escape(tooltip)}</title></rect>");
        if (label is not null)
        {
            // Inside the top of a tall bar (clear of lines drawn above it), above a short one.
            bool inside = bottom - top > 40;
            _body.Append($"<text class=\"{(inside ? "bar-label inside" : "bar-label")}\" x=\"{N(px)}\" y=\"{N(inside ? top + 15 : top - 4)}\" text-anchor=\"middle\">{Escape(label)}</text>");
        }
        return this;
    }

    /// <summary>Adds a legend entry (a swatch and a label) at the top right, <paramref name="row"/> lines down.</summary>
    internal SvgPlot Legend(int row, string cssClass, string label, bool line = false)
    {
        double x = Left + PlotWidth - 150, y = Top + 6 + (row * 18);
        _body.Append(line
            ? $"<line class=\"{cssClass}\" x1=\"{N(x)}\" y1=\"{N(y + 5)}\" x2=\"{N(x + 16)}\" y2=\"{N(y + 5)}\"/>"
            : $"<rect class=\"{cssClass}\" x=\"{N(x)}\" y=\"{N(y)}\" width=\"16\" height=\"10\"/>");
        _body.Append($"<text class=\"legend\" x=\"{N(x + 22)}\" y=\"{N(y + 9)}\">{Escape(label)}</text>");
        return this;
    }

    /// <summary>The finished <c>&lt;svg&gt;</c> element.</summary>
    public override string ToString() =>
        $"<svg class=\"chart\" id=\"{_id}\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {N(_width)} {N(_height)}\" width=\"{N(_width)}\" height=\"{N(_height)}\" role=\"img\" aria-labelledby=\"{_id}-title\"><title id=\"{_id}-title\">{Escape(_title)}</title>{_body}</svg>";

    /// <summary>About <paramref name="target"/> round tick values covering [min, max] (steps of 1, 2, 2.5 or 5 × 10^k).</summary>
    internal static double[] Ticks(double min, double max, int target = 5)
    {
        if (!(max > min)) return [min];
        double raw = (max - min) / target;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = magnitude;
        foreach (double m in (ReadOnlySpan<double>)[1, 2, 2.5, 5, 10])
        {
            step = m * magnitude;
            if (step >= raw) break;
        }
        var ticks = new List<double>();
        for (double t = Math.Ceiling(min / step) * step; t <= max + (step * 1e-9); t += step) ticks.Add(Math.Round(t, 10));
        return [.. ticks];
    }

    /// <summary>The category positions 1..<paramref name="count"/> of a bar chart.</summary>
    internal static double[] Categories(int count)
    {
        var positions = new double[count];
        for (int i = 0; i < count; i++) positions[i] = i + 1;
        return positions;
    }

    /// <summary>Whole-month ticks from 0 to <paramref name="max"/>, every 1, 2, 3, 6, 12 or 24 months, at most about 12 of them.</summary>
    internal static double[] MonthTicks(double max)
    {
        int step = 24;
        foreach (int s in (ReadOnlySpan<int>)[1, 2, 3, 6, 12])
        {
            if (max / s <= 12)
            {
                step = s;
                break;
            }
        }
        var ticks = new List<double>();
        for (int t = 0; t <= max; t += step) ticks.Add(t);
        return [.. ticks];
    }

    /// <summary>The smallest tick-aligned value at or above <paramref name="max"/> (so the top tick closes the axis).</summary>
    internal static double NiceMax(double max, int target = 5)
    {
        if (!(max > 0)) return 1;
        double[] ticks = Ticks(0, max, target);
        double step = ticks.Length > 1 ? ticks[1] - ticks[0] : max;
        return Math.Ceiling((max / step) - 1e-9) * step;
    }
}
