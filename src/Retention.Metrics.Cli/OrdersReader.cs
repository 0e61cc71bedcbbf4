using System.Globalization;

namespace Retention.Metrics.Cli;

/// <summary>Reads orders files into a history, streaming line by line.</summary>
internal static class OrdersReader
{
    /// <summary>Reads the CDNOW sample format: master id, sample id, yyyyMMdd, CDs, dollars (whitespace-separated).</summary>
    internal static PurchaseHistory ReadCdnow(TextReader reader, CustomerIndex<string> customers)
    {
        var builder = new PurchaseHistoryBuilder();
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            string[] f = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (f.Length == 0) continue;
            if (f.Length != 5) throw new FormatException($"bundled sample, line {lineNumber}: expected 5 fields, found {f.Length}.");
            builder.Add(customers.GetOrAdd(f[1]),
                DateOnly.ParseExact(f[2], "yyyyMMdd", CultureInfo.InvariantCulture),
                decimal.Parse(f[4], NumberStyles.Number, CultureInfo.InvariantCulture));
        }
        return builder.Build();
    }

    /// <summary>Reads a CSV with a header naming customer, date and amount columns (any order, case-insensitive).</summary>
    internal static PurchaseHistory ReadCsv(TextReader reader, string fileName, CustomerIndex<string> customers)
    {
        string? header = reader.ReadLine() ?? throw new FormatException($"{fileName}: the file is empty; expected a header row customer,date,amount.");
        string[] names = header.Split(',');
        int customer = Find(names, "customer"), date = Find(names, "date"), amount = Find(names, "amount");
        if (customer < 0 || date < 0 || amount < 0)
            throw new FormatException($"{fileName}, line 1: the header must name the columns customer, date and amount; found '{header}'.");
        var builder = new PurchaseHistoryBuilder();
        int lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0) continue;
            string[] f = line.Split(',');
            if (f.Length != names.Length)
                throw new FormatException($"{fileName}, line {lineNumber}: expected {names.Length} fields, found {f.Length}.");
            if (!DateOnly.TryParseExact(f[date].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                throw new FormatException($"{fileName}, line {lineNumber}, column {date + 1} (date): '{f[date]}' is not a date in the form yyyy-MM-dd.");
            if (!decimal.TryParse(f[amount].Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var a))
                throw new FormatException($"{fileName}, line {lineNumber}, column {amount + 1} (amount): '{f[amount]}' is not a number.");
            string key = f[customer].Trim();
            if (key.Length == 0) throw new FormatException($"{fileName}, line {lineNumber}, column {customer + 1} (customer): the customer is empty.");
            try
            {
                builder.Add(customers.GetOrAdd(key), d, a);
            }
            catch (ArgumentException ex)
            {
                throw new FormatException($"{fileName}, line {lineNumber}: {ex.Message}", ex);
            }
        }
        return builder.Build();
    }

    private static int Find(string[] names, string name)
    {
        for (int i = 0; i < names.Length; i++)
            if (string.Equals(names[i].Trim().Trim('"'), name, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }
}
