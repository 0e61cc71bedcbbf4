using System.Globalization;
using System.Reflection;
using System.Text;
using Retention.Metrics.Cli.Csv;
using Retention.Metrics.Cli.Html;

namespace Retention.Metrics.Cli.Commands;

/// <summary><c>retention report</c>: reads an orders file, the bundled CDNOW sample or a generated sample shop, and writes the
/// HTML report (default) or prints the text headline.</summary>
internal static class ReportCommand
{
    /// <summary>Purchases of the generated sample shop when <c>--purchases</c> is not given (about 10,000 customers).</summary>
    internal const int DefaultSamplePurchases = 35_000;

    /// <summary>The most purchases <c>--purchases</c> accepts.</summary>
    internal const int MaxSamplePurchases = 10_000_000;

    /// <summary>The HTML file written when <c>--out</c> is not given.</summary>
    internal const string DefaultOut = "retention-report.html";

    internal const string HelpText = """
        retention report: the retention report of an orders file, the bundled CDNOW sample or a generated sample shop.

        Usage:
          retention report [--orders <file> | --sample] [options]

        Without --orders or --sample it uses the bundled CDNOW sample (2,357 customers, 1997-01-01 … 1998-06-30).

        Output:
          --format <f>           html (default): one self-contained HTML file with charts and tables;
                                 text: the headline figures on standard output.
          --out <file>           The HTML file to write (default: retention-report.html).

        Data:
          --orders <file>        Orders file: one row per order (CSV by default).
          --sample               Generate the deterministic sample shop in memory (three years from 2023-01-01).
          --purchases <n>        Purchases of the sample shop, 1 … 10,000,000 (default 35,000: about 10,000 customers).
          --seed <n>             Seed of the sample shop (default 42).
          --as-of <yyyy-MM-dd>   Observation end, inclusive; default: the last order date.

        CSV options (with --orders):
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

        Examples:
          retention report --sample --out report.html
          retention report --orders orders.csv --customer 会員ID --date 受注日 --amount 金額 --encoding cp932 --as-of 2024-12-31
          retention report --format text
        """;

    private enum Format
    {
        Html,
        Text,
    }

    /// <summary>Runs the command.</summary>
    /// <param name="args">The arguments after <c>report</c>.</param>
    /// <param name="output">Standard output: the path written and the headline, or the text report.</param>
    /// <param name="error">Standard error: usage and input errors.</param>
    /// <returns>0 ok, 1 bad input, 2 usage error.</returns>
    internal static int Run(string[] args, TextWriter output, TextWriter error)
    {
        string? ordersPath = null;
        string? outPath = null;
        string? csvOption = null;
        DateOnly? asOf = null;
        bool sample = false;
        int? purchases = null;
        int? seed = null;
        Format outputFormat = Format.Html;
        var format = new CsvFormat();
        try
        {
            for (int i = 0; i < args.Length; i++)
            {
                string name = args[i];
                if (name is "--help" or "-h")
                {
                    output.WriteLine(HelpText);
                    return Cli.Ok;
                }
                switch (name)
                {
                    case "--no-header": format = format with { HasHeader = false }; csvOption ??= name; continue;
                    case "--refunds": format = format with { AllowRefunds = true }; csvOption ??= name; continue;
                    case "--skip-invalid": format = format with { SkipInvalid = true }; csvOption ??= name; continue;
                    case "--sample": sample = true; continue;
                }
                if (i + 1 >= args.Length || !name.StartsWith("--", StringComparison.Ordinal))
                {
                    error.WriteLine($"retention: unexpected argument '{name}'. Run 'retention report --help'.");
                    return Cli.Usage;
                }
                string value = args[++i];
                switch (name)
                {
                    case "--orders": ordersPath = value; break;
                    case "--out": outPath = value; break;
                    case "--format":
                        outputFormat = value switch
                        {
                            "html" => Format.Html,
                            "text" => Format.Text,
                            _ => throw new FormatException($"--format '{value}' is not a report format; use html or text."),
                        };
                        break;
                    case "--purchases":
                        purchases = ParseInt(name, value, 1, MaxSamplePurchases);
                        break;
                    case "--seed":
                        seed = ParseInt(name, value, int.MinValue, int.MaxValue);
                        break;
                    case "--as-of":
                        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                            throw new FormatException($"--as-of '{value}' is not a date in the form yyyy-MM-dd.");
                        asOf = d;
                        break;
                    case "--customer": format = format with { CustomerColumn = value }; csvOption ??= name; break;
                    case "--date": format = format with { DateColumn = value }; csvOption ??= name; break;
                    case "--amount": format = format with { AmountColumn = value }; csvOption ??= name; break;
                    case "--delimiter": format = format with { Delimiter = CsvFormat.ParseDelimiter(value) }; csvOption ??= name; break;
                    case "--encoding": format = format with { Encoding = CsvFormat.ParseEncoding(value) }; csvOption ??= name; break;
                    case "--date-format": format = format with { DateFormat = value }; csvOption ??= name; break;
                    case "--time-zone": format = format with { TimeZone = FindZone(value) }; csvOption ??= name; break;
                    default:
                        error.WriteLine($"retention: unknown option '{name}'. Run 'retention report --help'.");
                        return Cli.Usage;
                }
            }
            if (sample && ordersPath is not null)
                throw new FormatException("--sample and --orders cannot be combined: report either a generated sample or an orders file.");
            if (!sample && (purchases is not null || seed is not null))
                throw new FormatException($"{(purchases is not null ? "--purchases" : "--seed")} applies to the generated sample only; add --sample.");
            if (csvOption is not null && ordersPath is null)
                throw new FormatException($"{csvOption} applies to an orders file only; add --orders <file>.");
            if (outPath is not null && outputFormat != Format.Html)
                throw new FormatException("--out applies to --format html only; the text report goes to standard output.");
            if (outPath is { Length: 0 })
                throw new FormatException("--out is empty; give the path of the HTML file to write.");
        }
        catch (FormatException ex)
        {
            error.WriteLine($"retention: {ex.Message}");
            return Cli.Usage;
        }
        try
        {
            Loaded data = sample
                ? LoadSample(purchases ?? DefaultSamplePurchases, seed ?? SampleShop.DefaultSeed, format.AllowRefunds)
                : ordersPath is null ? LoadCdnow() : LoadCsv(ordersPath, format, error);
            PurchaseHistory history = data.History;
            DateOnly end = asOf ?? history.LastDate;
            if (!history.IsEmpty && end < history.FirstDate)
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"--as-of {end:yyyy-MM-dd} precedes the first order ({history.FirstDate:yyyy-MM-dd}); choose a later date."));
            if (outputFormat == Format.Text)
            {
                Report.Write(output, data.Source, history, end);
                return Cli.Ok;
            }
            var model = ReportModel.Compute(history, end, data.Source, data.CustomerKey);
            string path = Path.GetFullPath(outPath ?? DefaultOut);
            File.WriteAllText(path, HtmlReport.Render(model), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            output.WriteLine($"Wrote {path}");
            output.WriteLine(Headline(model));
            return Cli.Ok;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"retention: {ex.Message}");
            return Cli.BadInput;
        }
    }

    /// <summary>The one-line headline printed after the HTML file is written.</summary>
    internal static string Headline(ReportModel model)
    {
        if (model.IsEmpty) return $"{model.Source}: no orders.";
        SummaryTotals t = model.Totals;
        return string.Create(CultureInfo.InvariantCulture,
            $"{model.Source}: {t.Customers:N0} customers, {t.Orders:N0} orders, revenue {HtmlFormat.Money(t.TotalAmount, model.AmountScale)}, repeat customers {t.RepeatCustomerRate}, as of {model.AsOf:yyyy-MM-dd}");
    }

    private sealed record Loaded(string Source, PurchaseHistory History, Func<int, string> CustomerKey);

    private static Loaded LoadSample(int purchases, int seed, bool allowRefunds)
    {
        Purchase[] generated = SampleShop.Generate(purchases, seed);
        var history = PurchaseHistory.Create(generated, new PurchaseHistoryOptions { AllowRefunds = allowRefunds });
        string source = string.Create(CultureInfo.InvariantCulture, $"sample shop ({purchases:N0} purchases, seed {seed})");
        return new Loaded(source, history, static c => string.Create(CultureInfo.InvariantCulture, $"#{c}"));
    }

    private static Loaded LoadCdnow()
    {
        const string Source = "bundled CDNOW sample";
        var sample = new CsvFormat { Delimiter = CsvFormat.Whitespace, HasHeader = false, CustomerColumn = "2", DateColumn = "3", AmountColumn = "5" };
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CDNOW_sample.txt")
            ?? throw new InvalidOperationException("The bundled sample is missing from the build.");
        var builder = new PurchaseHistoryBuilder();
        var reader = new OrdersCsvReader(sample, Source);
        reader.Read(stream, builder);
        IReadOnlyList<string> keys = reader.CustomerKeys;
        return new Loaded(Source, builder.Build(), c => keys[c]);
    }

    private static Loaded LoadCsv(string path, CsvFormat format, TextWriter error)
    {
        var builder = new PurchaseHistoryBuilder(new PurchaseHistoryOptions { AllowRefunds = format.AllowRefunds });
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var reader = new OrdersCsvReader(format, Path.GetFileName(path));
        reader.Read(stream, builder);
        CsvReadStats stats = reader.Stats;
        if (stats.Skipped > 0)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"retention: skipped {stats.Skipped:N0} invalid rows of {stats.Rows + stats.Skipped:N0}; the first: {stats.FirstSkipped}"));
        }
        IReadOnlyList<string> keys = reader.CustomerKeys;
        return new Loaded(path, builder.Build(), c => keys[c]);
    }

    private static int ParseInt(string name, string value, int min, int max)
    {
        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n) || n < min || n > max)
        {
            throw new FormatException(min == int.MinValue
                ? $"{name} '{value}' is not a whole number."
                : string.Create(CultureInfo.InvariantCulture, $"{name} '{value}' is not a whole number from {min:N0} to {max:N0}."));
        }
        return n;
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
