using System.Globalization;
using System.Reflection;
using Retention.Metrics.Cli.Csv;

namespace Retention.Metrics.Cli.Commands;

/// <summary>The <c>report</c> command: the headline retention report.</summary>
internal static class ReportCommand
{
    private const int Ok = Cli.Ok;
    private const int BadInput = Cli.BadInput;
    private const int Usage = Cli.Usage;

    private const string HelpText = """
        retention: customer retention metrics from an orders file.

        Usage:
          retention report [--orders <file>] [options]
          retention --help

        report           Prints the headline retention report. Without --orders it uses the bundled
                         CDNOW sample (2,357 customers, 1997-01-01 … 1998-06-30).

        Options:
          --orders <file>        Orders file: one row per order (CSV by default).
          --as-of <yyyy-MM-dd>   Observation end, inclusive; default: the last order date.
          --customer <col>       Customer column, by header name or 1-based number (default: customer).
          --date <col>           Date column (default: date). Dates: yyyy-MM-dd, yyyyMMdd, yyyy/MM/dd or ISO timestamps.
          --amount <col>         Amount column (default: amount), '.' as decimal separator.
          --delimiter <d>        comma (default), tab, semicolon, pipe, whitespace, or one character.
          --no-header            The file has no header row; columns are numbers.
          --encoding <name>      utf-8 (default; a BOM is skipped), shift_jis, cp932, …
          --date-format <fmt>    A .NET date format such as yyyy/M/d or "yyyy-MM-dd HH:mm:ss".
          --time-zone <id>       Time zone for timestamps, e.g. Asia/Tokyo (default: UTC).
          --refunds              Negative amounts are refunds, netted per customer and day.
          --skip-invalid         Count and skip malformed rows instead of stopping at the first.

        Exit codes: 0 ok, 1 bad input (the message names file, line and column), 2 usage error.

        Example:
          retention report --orders orders.csv --customer 会員ID --date 受注日 --amount 金額 --encoding cp932 --as-of 2024-12-31
        """;

    internal static int Run(string[] args, TextWriter output, TextWriter error)
    {
        string? ordersPath = null;
        DateOnly? asOf = null;
        var format = new CsvFormat();
        try
        {
            for (int i = 0; i < args.Length; i++)
            {
                string name = args[i];
                if (name is "--help" or "-h")
                {
                    output.WriteLine(HelpText);
                    return Ok;
                }
                switch (name)
                {
                    case "--no-header": format = format with { HasHeader = false }; continue;
                    case "--refunds": format = format with { AllowRefunds = true }; continue;
                    case "--skip-invalid": format = format with { SkipInvalid = true }; continue;
                }
                if (i + 1 >= args.Length || !name.StartsWith("--", StringComparison.Ordinal))
                {
                    error.WriteLine($"retention: unexpected argument '{name}'. Run 'retention --help'.");
                    return Usage;
                }
                string value = args[++i];
                switch (name)
                {
                    case "--orders": ordersPath = value; break;
                    case "--as-of":
                        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                        {
                            error.WriteLine($"retention: --as-of '{value}' is not a date in the form yyyy-MM-dd.");
                            return Usage;
                        }
                        asOf = d;
                        break;
                    case "--customer": format = format with { CustomerColumn = value }; break;
                    case "--date": format = format with { DateColumn = value }; break;
                    case "--amount": format = format with { AmountColumn = value }; break;
                    case "--delimiter": format = format with { Delimiter = CsvFormat.ParseDelimiter(value) }; break;
                    case "--encoding": format = format with { Encoding = CsvFormat.ParseEncoding(value) }; break;
                    case "--date-format": format = format with { DateFormat = value }; break;
                    case "--time-zone": format = format with { TimeZone = FindZone(value) }; break;
                    default:
                        error.WriteLine($"retention: unknown option '{name}'. Run 'retention --help'.");
                        return Usage;
                }
            }
        }
        catch (FormatException ex)
        {
            error.WriteLine($"retention: {ex.Message}");
            return Usage;
        }
        try
        {
            string source;
            PurchaseHistory history;
            CsvReadStats stats;
            var builder = new PurchaseHistoryBuilder(new PurchaseHistoryOptions { AllowRefunds = format.AllowRefunds });
            if (ordersPath is null)
            {
                source = "bundled CDNOW sample";
                var sample = new CsvFormat { Delimiter = CsvFormat.Whitespace, HasHeader = false, CustomerColumn = "2", DateColumn = "3", AmountColumn = "5" };
                using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CDNOW_sample.txt")
                    ?? throw new InvalidOperationException("The bundled sample is missing from the build.");
                var reader = new OrdersCsvReader(sample, source);
                reader.Read(stream, builder);
                stats = reader.Stats;
            }
            else
            {
                source = ordersPath;
                using var stream = new FileStream(ordersPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                var reader = new OrdersCsvReader(format, Path.GetFileName(ordersPath));
                reader.Read(stream, builder);
                stats = reader.Stats;
            }
            history = builder.Build();
            if (stats.Skipped > 0)
                error.WriteLine($"retention: skipped {stats.Skipped:N0} invalid rows of {stats.Rows + stats.Skipped:N0}; the first: {stats.FirstSkipped}");
            Report.Write(output, source, history, asOf ?? history.LastDate);
            return Ok;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"retention: {ex.Message}");
            return BadInput;
        }
    }

    private static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            throw new FormatException($"--time-zone '{id}' is not a known time zone (for example Asia/Tokyo or UTC).");
        }
    }
}
