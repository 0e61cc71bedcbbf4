using Retention.Metrics.Cli;
using Retention.Metrics.Cli.Commands;

return Cli.Run(args, Console.Out, Console.Error);

namespace Retention.Metrics.Cli
{
    /// <summary>The <c>retention</c> command line: dispatches to the commands.</summary>
    internal static class Cli
    {
        internal const int Ok = 0;
        internal const int BadInput = 1;
        internal const int Usage = 2;

        private const string HelpText = """
            retention: customer retention metrics from an orders file.

            Usage:
              retention report [--orders <file> | --sample] [--format html|text] [--out <file>] [options]
              retention report --help
              retention --help

            report           Writes the retention report: one self-contained HTML file with charts and tables
                             (--format html, the default) or the text headline (--format text). Without --orders or
                             --sample it uses the bundled CDNOW sample (2,357 customers, 1997-01-01 … 1998-06-30).
                             'retention report --help' lists every option.

            Exit codes: 0 ok, 1 bad input (the message names file, line and column), 2 usage error.

            Example:
              retention report --sample --out report.html
            """;

        internal static int Run(string[] args, TextWriter output, TextWriter error)
        {
            if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
            {
                output.WriteLine(HelpText);
                return args.Length == 0 ? Usage : Ok;
            }
            if (args[0] == "report") return ReportCommand.Run(args[1..], output, error);
            error.WriteLine($"retention: unknown command '{args[0]}'. Run 'retention --help'.");
            return Usage;
        }
    }
}
