namespace Retention.Metrics.DependencyInjection;

/// <summary>The standard retention dashboard of one history as of one date.</summary>
/// <remarks>Sections are added as the library's areas grow; each is a result type documented on its own.</remarks>
public sealed class RetentionReport
{
    [System.Text.Json.Serialization.JsonConstructor]
    internal RetentionReport(DateOnly asOf, DateOnly firstPurchase, DateOnly lastPurchase, SummaryTotals totals)
    {
        AsOf = asOf;
        FirstPurchase = firstPurchase;
        LastPurchase = lastPurchase;
        Totals = totals;
    }

    /// <summary>Gets the observation end.</summary>
    public DateOnly AsOf { get; }

    /// <summary>Gets the history's first purchase date; <c>default</c> for an empty history.</summary>
    public DateOnly FirstPurchase { get; }

    /// <summary>Gets the history's last purchase date; <c>default</c> for an empty history.</summary>
    public DateOnly LastPurchase { get; }

    /// <summary>Gets the headline totals: customers, orders, revenue, repeat customers.</summary>
    public SummaryTotals Totals { get; }
}
