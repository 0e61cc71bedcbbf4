using System.Globalization;
using Retention.Metrics.Cli.Output;

namespace Retention.Metrics.Cli.Commands;

/// <summary><c>sample</c>: writes the deterministic sample shop as an orders CSV.</summary>
internal sealed class SampleCommand : Command
{
    public override string Name => "sample";

    public override string Summary => "Write the deterministic sample shop (customer,date,amount) to a CSV file.";

    protected override string Synopsis => "sample --out <file> [--rows 10000 | --customers <n>] [--seed 42] [--start 2023-01-01]";

    protected override string OptionsHelp => """
          --out <file>           The CSV file to write (required).
          --rows <n>             Number of orders (default 10000).
          --customers <n>        Instead of --rows: about n customers (the sample has about 3.5 orders per customer).
          --seed <n>             The seed (default 42); the same seed gives the same shop on every machine.
          --start <date>         The first day; orders fall in the three years from it (default 2023-01-01).
        """;

    protected override string Example => "retention sample --out shop.csv --customers 1000 --seed 42";

    protected override OptionGroups Groups => OptionGroups.None;

    protected override string[] ValueOptions => ["--out", "--rows", "--customers", "--seed", "--start"];

    public override IReadOnlyList<Table> Execute(CommandArgs args, CommandContext context)
    {
        string path = args.Require("--out", "file");
        if (args.IsSet("--rows") && args.IsSet("--customers")) throw new UsageException("give either --rows or --customers");
        int rows = args.IsSet("--customers") ? checked((int)Math.Round(args.GetInt("--customers", 0, min: 0, max: 500_000_000) * 3.5)) : args.GetInt("--rows", 10_000, min: 0);
        int seed = args.GetInt("--seed", 42, min: int.MinValue);
        DateOnly? start = args.GetDate("--start");
        Purchase[] purchases = SampleShop.Generate(rows, seed, start);
        using (var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false), 1 << 16))
            WriteCsv(purchases, writer);
        int customers = 0;
        decimal total = 0m;
        foreach (Purchase p in purchases)
        {
            if (p.Customer >= customers) customers = p.Customer + 1;
            total += p.Amount;
        }
        var table = new Table("sample", "file", "rows", "customers", "firstDate", "lastDate", "totalAmount");
        table.Add(path, purchases.Length, customers, purchases.Length == 0 ? Cell.Empty : purchases[0].Date,
            purchases.Length == 0 ? Cell.Empty : purchases[^1].Date, total);
        return [table];
    }

    /// <summary>Writes purchases as <c>customer,date,amount</c> rows with a header; the customer key is its index.</summary>
    internal static void WriteCsv(ReadOnlySpan<Purchase> purchases, TextWriter writer)
    {
        writer.Write("customer,date,amount\n");
        Span<char> buffer = stackalloc char[96];
        foreach (Purchase p in purchases)
        {
            int n = 0;
            p.Customer.TryFormat(buffer, out int w, default, CultureInfo.InvariantCulture);
            n += w;
            buffer[n++] = ',';
            p.Date.TryFormat(buffer[n..], out w, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            n += w;
            buffer[n++] = ',';
            p.Amount.TryFormat(buffer[n..], out w, default, CultureInfo.InvariantCulture);
            n += w;
            buffer[n++] = '\n';
            writer.Write(buffer[..n]);
        }
    }
}
