namespace Retention.Metrics;

/// <summary>How purchases are counted by the customer-based repeat metrics: by purchase occasions (distinct days) or by orders.</summary>
/// <remarks>
/// <see cref="Occasions"/> is the default and the BTYD convention: two orders of a customer on one day are one purchase, so a
/// customer whose only orders fall on their first day is not a repeat customer. <see cref="Orders"/> counts every order
/// (history entry), as many shop tools do. Histories built with refunds are netted per day, so there the two agree.
/// </remarks>
public enum PurchaseCounting
{
    /// <summary>Count distinct purchase days of a customer (same-day orders are one occasion).</summary>
    Occasions = 0,

    /// <summary>Count orders (history entries); a second order on the first day is a repeat purchase.</summary>
    Orders = 1,
}
