using System.Text;
using Retention.Metrics.Cli.Output;

namespace Retention.Metrics.Cli.Commands;

/// <summary>Which shared option groups a command accepts.</summary>
[Flags]
internal enum OptionGroups
{
    /// <summary>Only --format, --output and --table.</summary>
    None = 0,

    /// <summary>--orders and the orders column mapping.</summary>
    Orders = 1,

    /// <summary>The file layout options (delimiter, header, encoding, date format, time zone, --skip-invalid) without --orders.</summary>
    FileLayout = 2,

    /// <summary>--as-of.</summary>
    AsOf = 4,
}

/// <summary>What a command may use besides its options: the error stream for warnings and progress.</summary>
internal sealed class CommandContext(TextWriter error)
{
    /// <summary>The error stream (warnings, progress).</summary>
    public TextWriter Error { get; } = error;
}

/// <summary>One <c>retention</c> command: its options, its help and its tables.</summary>
internal abstract class Command
{
    private const string OutputHelp = """
          --format <f>           json, csv or text (default: text, aligned columns).
          --output <file>        Write to a file instead of standard output.
          --table <name>         Write only the named table (for commands producing several).
        """;

    private const string AsOfHelp = """
          --as-of <yyyy-MM-dd>   Observation end, inclusive; default: the last order date.
        """;

    private const string OrdersHelp = """
          --orders <file>        Orders file: one row per order; default: the bundled CDNOW sample.
          --customer <col>       Customer column, by header name or 1-based number (default: customer).
          --date <col>           Date column (default: date).
          --amount <col>         Amount column (default: amount), '.' as decimal separator.
          --order <col>          Order id column, for files with one row per order line: consecutive rows with the
                                 same order id are summed into one order (dated by its first line).
          --refunds              Negative amounts are refunds, netted per customer and day.
        """;

    private const string LayoutHelp = """
          --delimiter <d>        comma (default), tab, semicolon, pipe, whitespace, or one character.
          --no-header            Files have no header row; columns are numbers.
          --encoding <name>      utf-8 (default; a BOM is skipped), shift_jis, cp932, …
          --date-format <fmt>    A .NET date format such as yyyy/M/d; default: yyyy-MM-dd, yyyyMMdd, yyyy/MM/dd or ISO timestamps.
          --time-zone <id>       Time zone turning timestamps into dates, e.g. Asia/Tokyo (default: UTC).
          --skip-invalid         Count and skip malformed rows instead of stopping at the first.
        """;

    private static readonly string[] s_outputOptions = ["--format", "--output", "--table"];
    private static readonly string[] s_ordersOptions = ["--orders", "--customer", "--date", "--amount", "--order"];
    private static readonly string[] s_layoutOptions = ["--delimiter", "--encoding", "--date-format", "--time-zone"];
    private static readonly string[] s_layoutFlags = ["--no-header", "--skip-invalid"];

    /// <summary>The command's name as typed: <c>f2</c>, <c>fit bgnbd</c>.</summary>
    public abstract string Name { get; }

    /// <summary>One line for the global help.</summary>
    public abstract string Summary { get; }

    /// <summary>The usage line(s) after <c>retention</c>.</summary>
    protected abstract string Synopsis { get; }

    /// <summary>The command's own options, one per line, indented like the shared ones.</summary>
    protected abstract string OptionsHelp { get; }

    /// <summary>One or more example command lines.</summary>
    protected abstract string Example { get; }

    /// <summary>The shared option groups the command accepts.</summary>
    protected virtual OptionGroups Groups => OptionGroups.Orders | OptionGroups.FileLayout | OptionGroups.AsOf;

    /// <summary>The command's own value options.</summary>
    protected virtual string[] ValueOptions => [];

    /// <summary>The command's own flags.</summary>
    protected virtual string[] FlagOptions => [];

    /// <summary>Computes the command's tables.</summary>
    public abstract IReadOnlyList<Table> Execute(CommandArgs args, CommandContext context);

    /// <summary>The full help text, with an example.</summary>
    public string HelpText
    {
        get
        {
            var sb = new StringBuilder();
            sb.Append("retention ").Append(Name).Append(": ").AppendLine(Summary).AppendLine();
            sb.AppendLine("Usage:");
            foreach (string line in Synopsis.Split('\n')) sb.Append("  retention ").AppendLine(line.TrimEnd());
            sb.AppendLine().AppendLine("Options:");
            if (OptionsHelp.Length > 0) sb.AppendLine(OptionsHelp.TrimEnd());
            if (Groups.HasFlag(OptionGroups.AsOf)) sb.AppendLine(AsOfHelp.TrimEnd());
            if (Groups.HasFlag(OptionGroups.Orders)) sb.AppendLine(OrdersHelp.TrimEnd());
            if (Groups.HasFlag(OptionGroups.FileLayout)) sb.AppendLine(LayoutHelp.TrimEnd());
            sb.AppendLine(OutputHelp.TrimEnd());
            sb.AppendLine().AppendLine("Exit codes: 0 ok, 1 bad input (the message names file, line and column), 2 usage error.");
            sb.AppendLine().AppendLine("Example:");
            foreach (string line in Example.Split('\n')) sb.Append("  ").AppendLine(line.TrimEnd());
            return sb.ToString();
        }
    }

    /// <summary>Parses the arguments after the command name.</summary>
    public CommandArgs Parse(ReadOnlySpan<string> args)
    {
        var values = new HashSet<string>(ValueOptions, StringComparer.Ordinal);
        var flags = new HashSet<string>(FlagOptions, StringComparer.Ordinal);
        values.UnionWith(s_outputOptions);
        if (Groups.HasFlag(OptionGroups.AsOf)) values.Add("--as-of");
        if (Groups.HasFlag(OptionGroups.Orders))
        {
            values.UnionWith(s_ordersOptions);
            flags.Add("--refunds");
        }
        if (Groups.HasFlag(OptionGroups.FileLayout) || Groups.HasFlag(OptionGroups.Orders))
        {
            values.UnionWith(s_layoutOptions);
            flags.UnionWith(s_layoutFlags);
        }
        return CommandArgs.Parse(args, values, flags);
    }

    /// <summary>Runs the command: help, parsing, computing, writing; returns the exit code.</summary>
    public int Run(ReadOnlySpan<string> args, TextWriter output, TextWriter error)
    {
        foreach (string arg in args)
        {
            if (arg is "--help" or "-h")
            {
                output.Write(HelpText);
                return Cli.Ok;
            }
        }
        try
        {
            CommandArgs parsed = Parse(args);
            OutputFormat format = parsed.Get("--format") is { } f ? TableWriter.ParseFormat(f) : OutputFormat.Text;
            IReadOnlyList<Table> tables = Execute(parsed, new CommandContext(error));
            if (parsed.Get("--table") is { } only)
            {
                Table? match = null;
                var names = new List<string>();
                foreach (Table t in tables)
                {
                    names.Add(t.Name);
                    if (string.Equals(t.Name, only, StringComparison.OrdinalIgnoreCase)) match = t;
                }
                tables = match is null ? throw new UsageException($"--table '{only}' is not one of {string.Join(", ", names)}") : [match];
            }
            if (parsed.Get("--output") is { } path)
            {
                using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
                TableWriter.Write(tables, format, writer);
            }
            else
            {
                TableWriter.Write(tables, format, output);
            }
            return Cli.Ok;
        }
        catch (UsageException ex)
        {
            error.WriteLine($"retention {Name}: {ex.Message}. Run 'retention {Name} --help'.");
            return Cli.Usage;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or IOException or UnauthorizedAccessException or InvalidDataException
            or InvalidOperationException or OverflowException)
        {
            error.WriteLine($"retention {Name}: {ex.Message}");
            return Cli.BadInput;
        }
    }
}
