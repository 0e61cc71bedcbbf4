namespace Retention.Metrics;

/// <summary>One order: who bought, on which day, and for how much.</summary>
/// <param name="Customer">The customer's index: zero or greater, usually from a <see cref="CustomerIndex{TKey}"/>.</param>
/// <param name="Date">The local calendar date of the order (see <see cref="Calendar.ToLocalDate"/> for timestamps).</param>
/// <param name="Amount">The order's amount; zero or greater unless refunds are allowed (<see cref="PurchaseHistoryOptions.AllowRefunds"/>).</param>
/// <remarks>The default value (customer 0, <c>0001-01-01</c>, 0) is not a valid purchase: building a history rejects a default date.</remarks>
public readonly record struct Purchase(int Customer, DateOnly Date, decimal Amount);
