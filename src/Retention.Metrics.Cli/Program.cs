using System.Text;
using Retention.Metrics.Cli;
using Retention.Metrics.Cli.Commands;

return Cli.Run(args, Console.Out, Console.Error);

namespace Retention.Metrics.Cli
{
    /// <summary>The <c>retention</c> command line: dispatches to one command per area.</summary>
    internal static class Cli
    {
        internal const int Ok = 0;
        internal const int BadInput = 1;
        internal const int Usage = 2;

        /// <summary>The commands, in help order; <c>report</c> is dispatched separately.</summary>
        internal static readonly Command[] Commands =
        [
            new SummaryCommand(), new RepeatCommand(), new F2Command(), new DormantCommand(), new CrossSellCommand(),
            new CohortsCommand(), new RfmCommand(), new DecilesCommand(), new CpmCommand(), new ChurnCommand(), new MrrCommand(),
            new ContinuationCommand(), new SurvivalCommand(), new SbgCommand(), new FitBgNbdCommand(), new FitGammaGammaCommand(),
            new PredictCommand(), new ClvCommand(), new CampaignCommand(), new SampleCommand(),
        ];

        internal static string HelpText
        {
            get
            {
                var sb = new StringBuilder();
                sb.AppendLine("retention: customer retention metrics from an orders file.").AppendLine();
                sb.AppendLine("Usage:");
                sb.AppendLine("  retention <command> [options]");
                sb.AppendLine("  retention <command> --help        options and an example for one command").AppendLine();
                sb.AppendLine("Commands:");
                foreach (Command command in Commands) sb.Append("  ").Append(command.Name.PadRight(16)).AppendLine(command.Summary);
                sb.Append("  ").Append("report".PadRight(16)).AppendLine("Writes the HTML report with charts (or --format text for the headline figures).").AppendLine();
                sb.AppendLine("Without --orders, order commands read the bundled CDNOW sample (2,357 customers, 1997-01-01 … 1998-06-30).");
                sb.AppendLine("Every command writes --format text (default), csv or json, to standard output or --output <file>.");
                sb.AppendLine("Exit codes: 0 ok, 1 bad input (the message names file, line and column), 2 usage error.").AppendLine();
                sb.AppendLine("Example:");
                sb.AppendLine("  retention f2 --orders orders.csv --window 90 --cohort month --format csv");
                return sb.ToString();
            }
        }

        internal static int Run(string[] args, TextWriter output, TextWriter error)
        {
            if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
            {
                output.Write(HelpText);
                return args.Length == 0 ? Usage : Ok;
            }
            if (args[0] == "report") return ReportCommand.Run(args[1..], output, error);
            string name = args[0];
            int rest = 1;
            if (name == "fit")
            {
                if (args.Length < 2 || args[1].StartsWith('-'))
                {
                    if (args.Length >= 2 && args[1] is "--help" or "-h")
                    {
                        output.Write(HelpText);
                        return Ok;
                    }
                    error.WriteLine("retention fit: name a model: 'retention fit bgnbd' or 'retention fit gamma-gamma'. Run 'retention --help'.");
                    return Usage;
                }
                name = "fit " + args[1];
                rest = 2;
            }
            foreach (Command command in Commands)
                if (command.Name == name) return command.Run(args.AsSpan(rest), output, error);
            error.WriteLine($"retention: unknown command '{name}'. Run 'retention --help'.");
            return Usage;
        }
    }
}
