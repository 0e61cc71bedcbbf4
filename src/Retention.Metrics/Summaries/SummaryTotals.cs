namespace Retention.Metrics;

/// <summary>Totals over the customer summaries of a history as of an observation end.</summary>
/// <param name="Customers">Customers whose first purchase is on or before the observation end.</param>
/// <param name="Orders">Orders on or before the observation end.</param>
/// <param name="PurchaseDays">Distinct customer purchase days (occasions).</param>
/// <param name="RepeatCustomers">Customers with at least two purchase days (<c>Frequency &gt; 0</c>).</param>
/// <param name="MultiOrderCustomers">Customers with at least two orders (same-day orders count separately).</param>
/// <param name="TotalAmount">The spend of all orders.</param>
/// <param name="RepeatAmount">The spend after each customer's first purchase day.</param>
/// <remarks>Totals over disjoint customer sets add up: see <see cref="Combine"/>. The default value is the empty total.</remarks>
public readonly record struct SummaryTotals(
    long Customers,
    long Orders,
    long PurchaseDays,
    long RepeatCustomers,
    long MultiOrderCustomers,
    decimal TotalAmount,
    decimal RepeatAmount)
{
    /// <summary>Gets the number of repeat occasions, <c>Σ Frequency = PurchaseDays − Customers</c>.</summary>
    public long RepeatPurchases => PurchaseDays - Customers;

    /// <summary>Gets the share of customers with at least two purchase days (2回以上購入者比率 by occasions).</summary>
    public Rate RepeatCustomerRate => new(RepeatCustomers, Customers);

    /// <summary>Gets the share of customers with at least two orders (same-day orders counted separately).</summary>
    public Rate MultiOrderCustomerRate => new(MultiOrderCustomers, Customers);

    /// <summary>Combines totals computed over disjoint customer sets.</summary>
    /// <param name="left">The first totals.</param>
    /// <param name="right">The second totals.</param>
    /// <returns>The totals of the union.</returns>
    /// <exception cref="OverflowException">A count overflows.</exception>
    public static SummaryTotals Combine(SummaryTotals left, SummaryTotals right) => new(
        checked(left.Customers + right.Customers),
        checked(left.Orders + right.Orders),
        checked(left.PurchaseDays + right.PurchaseDays),
        checked(left.RepeatCustomers + right.RepeatCustomers),
        checked(left.MultiOrderCustomers + right.MultiOrderCustomers),
        left.TotalAmount + right.TotalAmount,
        left.RepeatAmount + right.RepeatAmount);
}
