using System.Globalization;

namespace Retention.Metrics.Benchmarks.Infrastructure;

/// <summary>The figures every summary variant reduces its per-customer results to, so results are consumed and comparable.</summary>
public readonly record struct ShopTotals(long Customers, long Orders, long PurchaseDays, long RepeatCustomers, decimal TotalAmount, decimal RepeatAmount)
{
    public static ShopTotals From(SummaryTotals t) =>
        new(t.Customers, t.Orders, t.PurchaseDays, t.RepeatCustomers, t.TotalAmount, t.RepeatAmount);

    public static ShopTotals From(object[] row) => new(
        Convert.ToInt64(row[0], CultureInfo.InvariantCulture),
        Convert.ToInt64(row[1], CultureInfo.InvariantCulture),
        Convert.ToInt64(row[2], CultureInfo.InvariantCulture),
        Convert.ToInt64(row[3], CultureInfo.InvariantCulture),
        Convert.ToDecimal(row[4], CultureInfo.InvariantCulture),
        Convert.ToDecimal(row[5], CultureInfo.InvariantCulture));

    /// <summary>Throws unless every variant agrees: a benchmark of a wrong answer is worthless.</summary>
    public static void AssertEqual(ShopTotals expected, ShopTotals actual, string variant)
    {
        if (expected != actual) throw new InvalidOperationException($"{variant} disagrees: expected {expected}, got {actual}.");
    }
}
