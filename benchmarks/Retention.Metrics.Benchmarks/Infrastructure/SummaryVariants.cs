using System.Globalization;

namespace Retention.Metrics.Benchmarks.Infrastructure;

/// <summary>The "customer summary" computed the ways a user could compute it instead of with the library.</summary>
public static class SummaryVariants
{
    /// <summary>What a .NET developer writes by hand: group the purchases by customer, summarize each group with LINQ.</summary>
    public static ShopTotals Linq(Purchase[] purchases, DateOnly asOf)
    {
        var summaries = purchases
            .Where(p => p.Date <= asOf)
            .GroupBy(p => p.Customer)
            .Select(g =>
            {
                DateOnly first = g.Min(p => p.Date);
                return new
                {
                    First = first,
                    Last = g.Max(p => p.Date),
                    Orders = g.Count(),
                    PurchaseDays = g.Select(p => p.Date).Distinct().Count(),
                    Total = g.Sum(p => p.Amount),
                    Repeat = g.Where(p => p.Date > first).Sum(p => p.Amount),
                };
            })
            .ToList();
        return new ShopTotals(
            summaries.Count,
            summaries.Sum(s => (long)s.Orders),
            summaries.Sum(s => (long)s.PurchaseDays),
            summaries.Count(s => s.PurchaseDays >= 2),
            summaries.Sum(s => s.Total),
            summaries.Sum(s => s.Repeat));
    }

    /// <summary>The same per-customer summary in SQL (first, last, orders, distinct days, total, repeat total), reduced to totals.</summary>
    public static string Sql(DateOnly asOf) => string.Create(CultureInfo.InvariantCulture, $"""
        WITH per_day AS (
            SELECT customer, day, count(*) AS orders, sum(amount) AS amount
            FROM purchases
            WHERE day <= DATE '{asOf:yyyy-MM-dd}'
            GROUP BY customer, day),
        per_customer AS (
            SELECT customer, min(day) AS first, max(day) AS last, sum(orders) AS orders, count(*) AS purchase_days,
                   sum(amount) AS total, sum(amount) - arg_min(amount, day) AS repeat_total
            FROM per_day
            GROUP BY customer)
        SELECT count(*), sum(orders)::BIGINT, sum(purchase_days)::BIGINT, count(*) FILTER (WHERE purchase_days >= 2),
               sum(total), sum(repeat_total), sum(last - first)
        FROM per_customer
        """);

    public static ShopTotals DuckDb(DuckDbShop shop, DateOnly asOf) => ShopTotals.From(shop.QueryRow(Sql(asOf)));
}
