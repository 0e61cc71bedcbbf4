using System.Globalization;
using System.Text;

namespace Retention.Metrics.Cli.Html;

/// <summary>HTML escaping and the invariant number formats of the report.</summary>
internal static class HtmlFormat
{
    private static CultureInfo Inv => CultureInfo.InvariantCulture;

    /// <summary>Escapes text for HTML element content and quoted attribute values: <c>&amp; &lt; &gt; " '</c>.</summary>
    internal static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (char ch in text)
        {
            switch (ch)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default: sb.Append(ch); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>A count with thousands separators: 12,345.</summary>
    internal static string Count(long value) => value.ToString("N0", Inv);

    /// <summary>A share as a percentage: 48.3% (one decimal by default).</summary>
    internal static string Percent(double share, int decimals = 1) =>
        double.IsNaN(share) ? "–" : (share * 100).ToString("F" + decimals.ToString(Inv), Inv) + "%";

    /// <summary>Money with thousands separators, with two decimals when the history has cents.</summary>
    internal static string Money(decimal amount, int amountScale) => amount.ToString(amountScale == 0 ? "N0" : "N2", Inv);

    /// <summary>Money per member (always two decimals: averages are rarely whole).</summary>
    internal static string MoneyPerMember(decimal amount) => amount.ToString("N2", Inv);

    /// <summary>A double in round-trip form for <c>data-v</c> attributes; <c>NaN</c> for undefined values.</summary>
    internal static string Raw(double value) => value.ToString("R", Inv);

    /// <summary>A decimal in its exact invariant form for <c>data-v</c> attributes.</summary>
    internal static string Raw(decimal value) => value.ToString(Inv);

    /// <summary>A count in invariant form for <c>data-v</c> attributes.</summary>
    internal static string Raw(long value) => value.ToString(Inv);

    /// <summary>A coordinate for SVG: at most two decimals, invariant.</summary>
    internal static string N(double value) => Math.Round(value, 2).ToString("0.##", Inv);

    /// <summary>A date as yyyy-MM-dd.</summary>
    internal static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Inv);

    /// <summary>A month as yyyy-MM.</summary>
    internal static string Month(DateOnly date) => date.ToString("yyyy-MM", Inv);
}
