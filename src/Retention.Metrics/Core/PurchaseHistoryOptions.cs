namespace Retention.Metrics;

/// <summary>Options that decide how records become a <see cref="PurchaseHistory"/>.</summary>
/// <remarks>The default options reject negative amounts and keep one entry per order.</remarks>
public sealed record PurchaseHistoryOptions
{
    /// <summary>Gets the default options: refunds rejected.</summary>
    public static PurchaseHistoryOptions Default { get; } = new();

    /// <summary>
    /// Gets whether negative amounts (refunds, returns, cancellations) are accepted. When <see langword="true"/>, each
    /// customer's records are netted per day into one entry; a day whose net is negative reduces the customer's latest
    /// earlier purchase days (latest first); an entry whose amount a refund brings to zero or below is removed (a returned
    /// order is not a purchase), as is a customer left with none. A refund larger than everything the customer bought up to
    /// that day is an error.
    /// </summary>
    /// <remarks>In this mode order counts equal purchase-day counts, since same-day orders are netted into one entry.</remarks>
    public bool AllowRefunds { get; init; }
}
