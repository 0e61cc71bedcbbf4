namespace Retention.Metrics;

public static partial class Lifetime
{
    /// <summary>Computes the gross-margin LTV (粗利LTV): an LTV times the gross-margin rate.</summary>
    /// <param name="ltv">The revenue LTV per customer.</param>
    /// <param name="marginRate">The gross-margin rate in [0, 1].</param>
    /// <returns><c>ltv × marginRate</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="marginRate"/> is outside [0, 1].</exception>
    /// <remarks><c>粗利LTV = LTV × 粗利率</c>. The rate is converted to decimal once (15 significant digits).</remarks>
    public static decimal GrossMargin(decimal ltv, double marginRate)
    {
        ContributionCosts.CheckRate(marginRate, nameof(marginRate));
        return ltv * (decimal)marginRate;
    }

    /// <summary>Computes the contribution-margin LTV (限界利益LTV) of the customers acquired by <paramref name="asOf"/>: per-order margin minus fees, shipping, packing, points and returns.</summary>
    /// <param name="history">The purchase history.</param>
    /// <param name="asOf">The observation end, inclusive.</param>
    /// <param name="costs">The margin rate and per-order costs.</param>
    /// <returns>Customers, orders, revenue and contribution up to <paramref name="asOf"/>; empty for an empty history.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> precedes the first purchase, or a cost is out of range (the parameter name says which).</exception>
    /// <remarks><c>Contribution = Revenue·(m − fee% − points% − returns%) − Orders·(fee + shipping + packing)</c>; an order is one
    /// history entry. Results merge with <see cref="ContributionLtvResult.Combine"/>.</remarks>
    public static ContributionLtvResult Contribution(PurchaseHistory history, DateOnly asOf, ContributionCosts costs)
    {
        ArgumentNullException.ThrowIfNull(history);
        SummaryPass.ValidateAsOf(history, asOf);
        costs.Validate(nameof(costs));
        LtvResult realised = Historical(history, asOf);
        decimal rate = (decimal)costs.MarginRate - (decimal)costs.PaymentFeeRate - (decimal)costs.PointsRate - (decimal)costs.ReturnLossRate;
        decimal perOrder = costs.PaymentFeePerOrder + costs.ShippingPerOrder + costs.PackingPerOrder;
        decimal contribution = realised.Revenue * rate - realised.Orders * perOrder;
        return new ContributionLtvResult(realised.Customers, realised.Orders, realised.Revenue, contribution);
    }
}
