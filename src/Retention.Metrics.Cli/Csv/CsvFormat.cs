using System.Text;

namespace Retention.Metrics.Cli.Csv;

/// <summary>How an orders file is laid out: delimiter, header, encoding, date format and the columns to read.</summary>
internal sealed record CsvFormat
{
    /// <summary>The field delimiter; <see cref="Whitespace"/> splits on runs of spaces and tabs.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>The delimiter value meaning "runs of spaces and tabs".</summary>
    public const char Whitespace = '\0';

    /// <summary>Whether the first line names the columns.</summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>The file's encoding; UTF-8 by default (a BOM is skipped). Shift_JIS/CP932 are supported.</summary>
    public Encoding Encoding { get; init; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The date format; <see langword="null"/> accepts ISO dates (yyyy-MM-dd, yyyyMMdd, yyyy/MM/dd) and timestamps.</summary>
    public string? DateFormat { get; init; }

    /// <summary>The time zone that turns timestamps into local dates; UTC by default.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>The customer column: a header name, or a 1-based number.</summary>
    public string CustomerColumn { get; init; } = "customer";

    /// <summary>The date column: a header name, or a 1-based number.</summary>
    public string DateColumn { get; init; } = "date";

    /// <summary>The amount column: a header name, or a 1-based number.</summary>
    public string AmountColumn { get; init; } = "amount";

    /// <summary>The order id column (a header name or 1-based number), or <see langword="null"/> when each row is one order.
    /// When set, consecutive rows with the same order id are order lines: their amounts are summed into one order dated by the first line.</summary>
    public string? OrderColumn { get; init; }

    /// <summary>Whether negative amounts are refunds to net (<see cref="PurchaseHistoryOptions.AllowRefunds"/>) rather than errors.</summary>
    public bool AllowRefunds { get; init; }

    /// <summary>Whether a malformed row is counted and skipped instead of stopping the read.</summary>
    public bool SkipInvalid { get; init; }

    /// <summary>Resolves a delimiter name: comma, tab, semicolon, pipe, whitespace, or a single character.</summary>
    public static char ParseDelimiter(string text) => text switch
    {
        "," or "comma" => ',',
        "\\t" or "\t" or "tab" => '\t',
        ";" or "semicolon" => ';',
        "|" or "pipe" => '|',
        " " or "space" or "whitespace" => Whitespace,
        { Length: 1 } => text[0],
        _ => throw new FormatException($"--delimiter '{text}' is not one character or one of comma, tab, semicolon, pipe, whitespace."),
    };

    /// <summary>Resolves an encoding name: utf-8 (default), shift_jis, cp932, or any name .NET knows.</summary>
    public static Encoding ParseEncoding(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        try
        {
            Encoding e = name.ToUpperInvariant() switch
            {
                "UTF-8" or "UTF8" => new UTF8Encoding(false, true),
                "SJIS" or "SHIFT_JIS" or "SHIFT-JIS" => Encoding.GetEncoding("shift_jis"),
                "CP932" or "WINDOWS-31J" or "MS932" => Encoding.GetEncoding(932),
                _ => Encoding.GetEncoding(name),
            };
            return Encoding.GetEncoding(e.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException)
        {
            throw new FormatException($"--encoding '{name}' is not a known encoding (try utf-8, shift_jis or cp932).");
        }
    }
}
