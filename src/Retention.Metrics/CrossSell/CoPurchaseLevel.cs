namespace Retention.Metrics;

/// <summary>What "bought together" means for product-pair association.</summary>
public enum CoPurchaseLevel
{
    /// <summary>The same customer bought both products within the window (counted once per customer).</summary>
    Customer = 0,

    /// <summary>Both products are in the same basket: one customer's lines on one day.</summary>
    Basket = 1,
}
