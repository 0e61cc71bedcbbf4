using System.Globalization;

namespace Retention.Metrics.Tests.Infrastructure;

/// <summary>Loads the bundled reference data sets (see Data/SOURCES.md).</summary>
public static class TestData
{
    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Data", file);

    /// <summary>One CDNOW row: customer id, date, number of CDs, dollars.</summary>
    public readonly record struct CdnowRow(int CustomerId, DateOnly Date, int Cds, decimal Dollars);

    private static readonly Lazy<CdnowRow[]> s_sample = new(() => ReadCdnow("CDNOW_sample.txt", idColumn: 1, dateColumn: 2, header: false));
    private static readonly Lazy<CdnowRow[]> s_master = new(() => ReadCdnow("CDNOW_master.txt", idColumn: 0, dateColumn: 1, header: true));

    /// <summary>The 1/10 sample: 6,919 rows; customer ids are the sample ids 1..2357.</summary>
    public static CdnowRow[] CdnowSample => s_sample.Value;

    /// <summary>The full data: 69,659 rows; customer ids 1..23570.</summary>
    public static CdnowRow[] CdnowMaster => s_master.Value;

    /// <summary>Builds a history whose customer index is the CDNOW id (so index 0 has no purchases and is not a customer).</summary>
    public static PurchaseHistory History(CdnowRow[] rows)
    {
        var purchases = new Purchase[rows.Length];
        for (int i = 0; i < rows.Length; i++) purchases[i] = new Purchase(rows[i].CustomerId, rows[i].Date, rows[i].Dollars);
        return PurchaseHistory.Create(purchases);
    }

    private static CdnowRow[] ReadCdnow(string file, int idColumn, int dateColumn, bool header)
    {
        var rows = new List<CdnowRow>();
        bool first = true;
        foreach (string line in File.ReadLines(PathOf(file)))
        {
            if (first && header) { first = false; continue; }
            first = false;
            string[] f = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (f.Length == 0) continue;
            rows.Add(new CdnowRow(
                int.Parse(f[idColumn], CultureInfo.InvariantCulture),
                DateOnly.ParseExact(f[dateColumn], "yyyyMMdd", CultureInfo.InvariantCulture),
                int.Parse(f[dateColumn + 1], CultureInfo.InvariantCulture),
                decimal.Parse(f[dateColumn + 2], CultureInfo.InvariantCulture)));
        }
        return rows.ToArray();
    }
}
