namespace Retention.Metrics;

/// <summary>The per-order costs of a contribution-margin (限界利益) LTV: the gross-margin rate and the costs taken off each order.</summary>
/// <remarks>
/// <para>Contribution of an order of amount <c>s</c>: <c>s·(MarginRate − PaymentFeeRate − PointsRate − ReturnLossRate) − PaymentFeePerOrder − ShippingPerOrder − PackingPerOrder</c>.
/// Rates are fractions of the order amount (0.03 = 3 %). The default value has every cost 0 and margin rate 0.</para>
/// </remarks>
public readonly record struct ContributionCosts
{
    /// <summary>Gets the gross-margin rate (粗利率) of revenue, in [0, 1].</summary>
    public double MarginRate { get; init; }

    /// <summary>Gets the payment fee (決済手数料) as a fraction of the order amount, in [0, 1].</summary>
    public double PaymentFeeRate { get; init; }

    /// <summary>Gets the fixed payment fee per order.</summary>
    public decimal PaymentFeePerOrder { get; init; }

    /// <summary>Gets the shipping cost (送料) per order borne by the shop.</summary>
    public decimal ShippingPerOrder { get; init; }

    /// <summary>Gets the packing cost (梱包) per order.</summary>
    public decimal PackingPerOrder { get; init; }

    /// <summary>Gets the points and coupons funded by the shop (ポイント/クーポン原資) as a fraction of the order amount, in [0, 1].</summary>
    public double PointsRate { get; init; }

    /// <summary>Gets the loss on returns (返品損) as a fraction of the order amount, in [0, 1].</summary>
    public double ReturnLossRate { get; init; }

    internal void Validate(string paramName)
    {
        CheckRate(MarginRate, paramName + ".MarginRate");
        CheckRate(PaymentFeeRate, paramName + ".PaymentFeeRate");
        CheckRate(PointsRate, paramName + ".PointsRate");
        CheckRate(ReturnLossRate, paramName + ".ReturnLossRate");
        if (PaymentFeePerOrder < 0m) ThrowHelper.ThrowOutOfRange(paramName + ".PaymentFeePerOrder", PaymentFeePerOrder, "it must be zero or greater.");
        if (ShippingPerOrder < 0m) ThrowHelper.ThrowOutOfRange(paramName + ".ShippingPerOrder", ShippingPerOrder, "it must be zero or greater.");
        if (PackingPerOrder < 0m) ThrowHelper.ThrowOutOfRange(paramName + ".PackingPerOrder", PackingPerOrder, "it must be zero or greater.");
    }

    internal static void CheckRate(double rate, string paramName)
    {
        if (!(rate >= 0d && rate <= 1d)) ThrowHelper.ThrowOutOfRange(paramName, rate, "it must be in the range [0, 1].");
    }
}

/// <summary>A contribution-margin LTV: revenue, orders and contribution of a customer set.</summary>
/// <param name="Customers">The number of customers.</param>
/// <param name="Orders">The number of orders.</param>
/// <param name="Revenue">The exact revenue.</param>
/// <param name="Contribution">The contribution after margin and per-order costs.</param>
/// <remarks>The default value is the empty set.</remarks>
public readonly record struct ContributionLtvResult(long Customers, long Orders, decimal Revenue, decimal Contribution)
{
    /// <summary>Gets the contribution per customer; 0 when there are no customers.</summary>
    public decimal PerCustomer => Customers == 0 ? 0m : Contribution / Customers;

    /// <summary>Combines results over disjoint customer sets with the same costs.</summary>
    /// <param name="left">The first part.</param>
    /// <param name="right">The second part.</param>
    /// <returns>The union: every field adds.</returns>
    /// <exception cref="OverflowException">A count overflows.</exception>
    public static ContributionLtvResult Combine(ContributionLtvResult left, ContributionLtvResult right) =>
        new(checked(left.Customers + right.Customers), checked(left.Orders + right.Orders), left.Revenue + right.Revenue, left.Contribution + right.Contribution);
}
