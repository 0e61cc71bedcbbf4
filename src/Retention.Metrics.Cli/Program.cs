using System.Globalization;
using System.Reflection;
using Retention.Metrics.Cli;

return Cli.Run(args, Console.Out, Console.Error);

namespace Retention.Metrics.Cli
{
    /// <summary>The <c>retention</c> command line.</summary>
    internal static class Cli
    {
        internal const int Ok = 0;
        internal const int BadInput = 1;
        internal const int Usage = 2;

        private const string HelpText = """
            retention: customer retention metrics from an orders file.

            Usage:
              retention report [--orders <file.csv>] [--as-of <yyyy-MM-dd>]
              retention --help

            report    Prints the headline retention report. Without --orders it uses the bundled
                      CDNOW sample (2,357 customers, 1997-01-01 … 1998-06-30).
            --orders  A CSV file with a header row and the columns customer,date,amount
                      (date as yyyy-MM-dd; amount with '.' as decimal separator).
            --as-of   The observation end (inclusive); defaults to the last order date.

            Example:
              retention report --orders orders.csv --as-of 2024-12-31
            """;

        internal static int Run(string[] args, TextWriter output, TextWriter error)
        {
            if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
            {
                output.WriteLine(HelpText);
                return args.Length == 0 ? Usage : Ok;
            }
            if (args[0] != "report")
            {
                error.WriteLine($"retention: unknown command '{args[0]}'. Run 'retention --help'.");
                return Usage;
            }
            string? ordersPath = null;
            DateOnly? asOf = null;
            for (int i = 1; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--orders" when i + 1 < args.Length:
                        ordersPath = args[++i];
                        break;
                    case "--as-of" when i + 1 < args.Length:
                        if (!DateOnly.TryParseExact(args[++i], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                        {
                            error.WriteLine($"retention: --as-of '{args[i]}' is not a date in the form yyyy-MM-dd.");
                            return Usage;
                        }
                        asOf = d;
                        break;
                    case "--help" or "-h":
                        output.WriteLine(HelpText);
                        return Ok;
                    default:
                        error.WriteLine($"retention: unexpected argument '{args[i]}'. Run 'retention --help'.");
                        return Usage;
                }
            }
            try
            {
                var customers = new CustomerIndex<string>();
                string source;
                PurchaseHistory history;
                if (ordersPath is null)
                {
                    source = "bundled CDNOW sample";
                    using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CDNOW_sample.txt")
                        ?? throw new InvalidOperationException("The bundled sample is missing from the build.");
                    using var reader = new StreamReader(stream);
                    history = OrdersReader.ReadCdnow(reader, customers);
                }
                else
                {
                    source = ordersPath;
                    using var reader = new StreamReader(ordersPath);
                    history = OrdersReader.ReadCsv(reader, ordersPath, customers);
                }
                Report.Write(output, source, history, asOf ?? history.LastDate);
                return Ok;
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"retention: {ex.Message}");
                return BadInput;
            }
        }
    }
}
