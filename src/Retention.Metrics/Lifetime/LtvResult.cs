namespace Retention.Metrics;

/// <summary>A realised lifetime value: the revenue of a customer set and its size.</summary>
/// <param name="Customers">The number of customers in the set.</param>
/// <param name="Orders">The number of orders (history entries) counted.</param>
/// <param name="Revenue">Their exact total revenue.</param>
/// <remarks>Equality compares the counts and the revenue by value. The default value is the empty set.</remarks>
public readonly record struct LtvResult(long Customers, long Orders, decimal Revenue)
{
    /// <summary>Gets the revenue per customer, <c>Revenue / Customers</c>; 0 when there are no customers.</summary>
    public decimal PerCustomer => Customers == 0 ? 0m : Revenue / Customers;

    /// <summary>Gets the average order value, <c>Revenue / Orders</c>; 0 when there are no orders.</summary>
    public decimal AverageOrderValue => Orders == 0 ? 0m : Revenue / Orders;

    /// <summary>Combines results over disjoint customer sets.</summary>
    /// <param name="left">The first part.</param>
    /// <param name="right">The second part.</param>
    /// <returns>The result of the union: counts and revenues add.</returns>
    /// <exception cref="OverflowException">A count overflows.</exception>
    public static LtvResult Combine(LtvResult left, LtvResult right) =>
        new(checked(left.Customers + right.Customers), checked(left.Orders + right.Orders), left.Revenue + right.Revenue);
}
