using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Retention.Metrics.Cli.Csv;

namespace Retention.Metrics.Cli.Commands;

/// <summary>An orders file read into a history, with the customer keys in id order.</summary>
internal sealed record OrdersData(PurchaseHistory History, IReadOnlyList<string> Keys, string Source)
{
    /// <summary>The observation end: --as-of, else the last order date.</summary>
    public DateOnly AsOf(CommandArgs args) => args.GetDate("--as-of") ?? (History.IsEmpty ? DateOnly.FromDateTime(DateTime.UnixEpoch) : History.LastDate);

    /// <summary>The shop's key of a customer id.</summary>
    public string Key(int customer) => (uint)customer < (uint)Keys.Count ? Keys[customer] : customer.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Reads the files a command names, with the shared layout options.</summary>
internal static class Inputs
{
    /// <summary>The file layout from the shared options (usage errors for bad values).</summary>
    public static CsvFormat Layout(CommandArgs args)
    {
        var format = new CsvFormat
        {
            HasHeader = !args.Has("--no-header"),
            AllowRefunds = args.Has("--refunds"),
            SkipInvalid = args.Has("--skip-invalid"),
            DateFormat = args.Get("--date-format"),
            CustomerColumn = args.Get("--customer") ?? "customer",
            DateColumn = args.Get("--date") ?? "date",
            AmountColumn = args.Get("--amount") ?? "amount",
            OrderColumn = args.Get("--order"),
        };
        try
        {
            if (args.Get("--delimiter") is { } d) format = format with { Delimiter = CsvFormat.ParseDelimiter(d) };
            if (args.Get("--encoding") is { } e) format = format with { Encoding = CsvFormat.ParseEncoding(e) };
        }
        catch (FormatException ex)
        {
            throw new UsageException(ex.Message.TrimEnd('.'));
        }
        if (args.Get("--time-zone") is { } zone)
        {
            try
            {
                format = format with { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(zone) };
            }
            catch (TimeZoneNotFoundException)
            {
                throw new UsageException($"--time-zone '{zone}' is not a known time zone (for example Asia/Tokyo or UTC)");
            }
        }
        return format;
    }

    /// <summary>Reads --orders (or the bundled CDNOW sample) into a history, streaming; reports skipped rows and progress on stderr.</summary>
    public static OrdersData LoadOrders(CommandArgs args, CommandContext context)
    {
        CsvFormat format = Layout(args);
        var builder = new PurchaseHistoryBuilder(new PurchaseHistoryOptions { AllowRefunds = format.AllowRefunds });
        OrdersCsvReader reader;
        string source;
        if (args.Get("--orders") is not { } path)
        {
            source = "bundled CDNOW sample";
            var sample = new CsvFormat { Delimiter = CsvFormat.Whitespace, HasHeader = false, CustomerColumn = "2", DateColumn = "3", AmountColumn = "5" };
            using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CDNOW_sample.txt")
                ?? throw new InvalidOperationException("The bundled sample is missing from the build.");
            reader = new OrdersCsvReader(sample, source);
            reader.Read(stream, builder);
        }
        else
        {
            source = path;
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            var progress = new StderrProgress(context.Error, Path.GetFileName(path), stream.Length);
            reader = new OrdersCsvReader(format, Path.GetFileName(path));
            reader.Read(stream, builder, progress);
            progress.Done();
        }
        CsvReadStats stats = reader.Stats;
        if (stats.Skipped > 0)
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"retention: skipped {stats.Skipped:N0} invalid rows of {stats.Rows + stats.Skipped:N0}; the first: {stats.FirstSkipped}"));
        return new OrdersData(builder.Build(), reader.CustomerKeys, source);
    }
}

/// <summary>Progress on stderr for reads that take more than two seconds: at most one update a second, on one line.</summary>
internal sealed class StderrProgress(TextWriter error, string fileName, long totalBytes) : IProgress<long>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastReportMs;
    private bool _shown;

    /// <inheritdoc/>
    public void Report(long value)
    {
        long ms = _clock.ElapsedMilliseconds;
        if (ms < 2000 || ms - _lastReportMs < 1000) return;
        _lastReportMs = ms;
        _shown = true;
        double share = totalBytes > 0 ? (double)value / totalBytes : 0d;
        error.Write(string.Create(CultureInfo.InvariantCulture, $"\rretention: reading {fileName}: {value / 1048576d:F0} of {totalBytes / 1048576d:F0} MiB ({share:P0})"));
        error.Flush();
    }

    /// <summary>Ends the progress line, if one was shown.</summary>
    public void Done()
    {
        if (_shown) error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\rretention: read {fileName} ({totalBytes / 1048576d:F0} MiB) in {_clock.Elapsed.TotalSeconds:F1} s"));
    }
}
