using System.Globalization;
using Retention.Metrics.Tests.Infrastructure;

namespace Retention.Metrics.Tests.Segmentation;

/// <summary>Loads <c>rfm_data_orders.csv</c> (R package rfm, see Data/SOURCES.md): customer names interned to dense indexes.</summary>
public static class RfmData
{
    /// <summary>The package tests' analysis date.</summary>
    public static readonly DateOnly AnalysisDate = new(2006, 12, 31);

    private static readonly Lazy<(PurchaseHistory History, CustomerIndex<string> Index)> s_orders = new(Load);

    public static PurchaseHistory Orders => s_orders.Value.History;

    public static CustomerIndex<string> Index => s_orders.Value.Index;

    private static (PurchaseHistory, CustomerIndex<string>) Load()
    {
        var index = new CustomerIndex<string>(StringComparer.Ordinal);
        var purchases = new List<Purchase>();
        bool header = true;
        foreach (string line in File.ReadLines(TestData.PathOf("rfm_data_orders.csv")))
        {
            if (header) { header = false; continue; }
            if (line.Length == 0) continue;
            // "name",yyyy-MM-dd,revenue — names are quoted and contain no quotes.
            int close = line.IndexOf('"', 1);
            string name = line.Substring(1, close - 1);
            string[] rest = line.Substring(close + 2).Split(',');
            purchases.Add(new Purchase(index.GetOrAdd(name),
                DateOnly.ParseExact(rest[0], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                decimal.Parse(rest[1], CultureInfo.InvariantCulture)));
        }
        return (PurchaseHistory.Create(purchases.ToArray()), index);
    }
}
