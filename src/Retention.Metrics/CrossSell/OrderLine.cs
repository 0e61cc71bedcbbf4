namespace Retention.Metrics;

/// <summary>One order line: a customer bought a product on a date for an amount.</summary>
/// <param name="Customer">The customer index, zero or greater (the same index as in the customer's <see cref="PurchaseHistory"/>).</param>
/// <param name="Date">The local purchase date.</param>
/// <param name="Product">The product index, zero or greater (SKU or category, interned by the caller or by <see cref="OrderLines.Create{TSource, TCustomerKey, TProductKey}"/>).</param>
/// <param name="Amount">The line amount, zero or greater.</param>
public readonly record struct OrderLine(int Customer, DateOnly Date, int Product, decimal Amount);
