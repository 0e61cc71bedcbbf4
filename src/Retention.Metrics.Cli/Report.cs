using System.Globalization;

namespace Retention.Metrics.Cli;

/// <summary>Writes the text report.</summary>
internal static class Report
{
    internal static void Write(TextWriter output, string source, PurchaseHistory history, DateOnly asOf)
    {
        CultureInfo inv = CultureInfo.InvariantCulture;
        output.WriteLine($"Retention report: {source}");
        if (history.IsEmpty)
        {
            output.WriteLine("No orders.");
            return;
        }
        SummaryTotals totals = Summaries.Totals(history, asOf);
        Interval repeatCi = totals.RepeatCustomerRate.Wilson();
        output.WriteLine(string.Create(inv, $"Orders from {history.FirstDate:yyyy-MM-dd} to {history.LastDate:yyyy-MM-dd}, observed as of {asOf:yyyy-MM-dd}"));
        output.WriteLine();
        output.WriteLine(string.Create(inv, $"  Customers                      {totals.Customers,12:N0}"));
        output.WriteLine(string.Create(inv, $"  Orders                         {totals.Orders,12:N0}"));
        output.WriteLine(string.Create(inv, $"  Revenue                        {totals.TotalAmount,12:N2}"));
        output.WriteLine(string.Create(inv, $"  Revenue per customer           {(totals.Customers == 0 ? 0m : totals.TotalAmount / totals.Customers),12:N2}"));
        output.WriteLine(string.Create(inv, $"  Repeat customers (2+ days)     {totals.RepeatCustomerRate}  95% CI {repeatCi.Lower:P2} – {repeatCi.Upper:P2}"));
        output.WriteLine(string.Create(inv, $"  Customers with 2+ orders       {totals.MultiOrderCustomerRate}"));
        output.WriteLine(string.Create(inv, $"  Repeat purchases (occasions)   {totals.RepeatPurchases,12:N0}"));
        output.WriteLine(string.Create(inv, $"  Repeat revenue share           {(totals.TotalAmount == 0 ? 0m : totals.RepeatAmount / totals.TotalAmount),12:P2}"));
    }
}
