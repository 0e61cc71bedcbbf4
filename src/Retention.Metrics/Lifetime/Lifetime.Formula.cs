
namespace Retention.Metrics;

public static partial class Lifetime
{
    /// <summary>Computes the basic formula LTV (基本LTV): average order value × purchase frequency × lifespan.</summary>
    /// <param name="averageOrderValue">The average order value (平均購入単価); zero or greater.</param>
    /// <param name="purchasesPerPeriod">The purchases per period (購買頻度, for example per year); finite, zero or greater.</param>
    /// <param name="lifespanPeriods">The customer lifespan in the same periods (継続期間); finite, zero or greater.</param>
    /// <returns><c>AOV × frequency × lifespan</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is negative or not finite.</exception>
    /// <remarks>Frequency and lifespan must use the same period (per year and years). Example: 4,000 × 2 × 1 = 8,000.</remarks>
    public static decimal Basic(decimal averageOrderValue, double purchasesPerPeriod, double lifespanPeriods)
    {
        if (averageOrderValue < 0m) ThrowHelper.ThrowOutOfRange(nameof(averageOrderValue), averageOrderValue, "it must be zero or greater.");
        CheckNonNegative(purchasesPerPeriod, nameof(purchasesPerPeriod));
        CheckNonNegative(lifespanPeriods, nameof(lifespanPeriods));
        return averageOrderValue * (decimal)(purchasesPerPeriod * lifespanPeriods);
    }

    /// <summary>Computes the churn-based LTV (解約率LTV): revenue per account and period × margin ÷ churn per period.</summary>
    /// <param name="revenuePerAccount">The revenue per account per period (ARPA/ARPU); zero or greater.</param>
    /// <param name="marginRate">The gross-margin rate in [0, 1]; 1 for a revenue LTV.</param>
    /// <param name="churnRate">The churn per period, in (0, 1].</param>
    /// <returns><c>ARPA × margin ÷ churn</c>; the mean lifetime is <c>1 ÷ churn</c> periods.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    /// <remarks>A pooled churn overstates a new cohort's LTV when early-tenure churn is higher; prefer
    /// <see cref="Subscription"/> with a continuation curve for 定期 courses.</remarks>
    public static decimal FromChurn(decimal revenuePerAccount, double marginRate, double churnRate)
    {
        if (revenuePerAccount < 0m) ThrowHelper.ThrowOutOfRange(nameof(revenuePerAccount), revenuePerAccount, "it must be zero or greater.");
        ContributionCosts.CheckRate(marginRate, nameof(marginRate));
        if (!(churnRate > 0d && churnRate <= 1d)) ThrowHelper.ThrowOutOfRange(nameof(churnRate), churnRate, "it must be in the range (0, 1].");
        return revenuePerAccount * (decimal)marginRate / (decimal)churnRate;
    }

    /// <summary>Computes a subscription (定期) LTV from continuation rates: first-shipment price + regular price × Σ continuation rates from the second shipment.</summary>
    /// <param name="firstPrice">The price of the first shipment (often discounted); zero or greater.</param>
    /// <param name="regularPrice">The regular price of later shipments; zero or greater.</param>
    /// <param name="continuation">Continuation from the first shipment, <c>continuation[k−1] = C_k</c> = share of subscriptions that received
    /// shipment k; <c>C_1</c> (index 0) is normally 1. Each in [0, 1].</param>
    /// <returns><c>firstPrice × C_1 + regularPrice × Σ_{k≥2} C_k</c>; 0 for an empty series.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="firstPrice"/> or <paramref name="regularPrice"/> is negative.</exception>
    /// <exception cref="ArgumentException">A continuation rate is outside [0, 1] (the message names the index).</exception>
    /// <remarks>From the identity <c>E[shipments] = Σ_k C_k</c>; exact on complete (uncensored) data, truncated at the series' end.
    /// Example: first 500, regular 4,000, C = (1, 0.6, 0.3): 500 + 4,000 × 0.9 = 4,100.</remarks>
    public static decimal Subscription(decimal firstPrice, decimal regularPrice, ReadOnlySpan<double> continuation)
    {
        if (firstPrice < 0m) ThrowHelper.ThrowOutOfRange(nameof(firstPrice), firstPrice, "it must be zero or greater.");
        if (regularPrice < 0m) ThrowHelper.ThrowOutOfRange(nameof(regularPrice), regularPrice, "it must be zero or greater.");
        double later = 0d;
        for (int k = 0; k < continuation.Length; k++)
        {
            double c = continuation[k];
            if (!(c >= 0d && c <= 1d)) ThrowHelper.ThrowElement(nameof(continuation), k, c, "continuation rates must be in the range [0, 1].");
            if (k > 0) later += c;
        }
        if (continuation.IsEmpty) return 0m;
        return firstPrice * (decimal)continuation[0] + regularPrice * (decimal)later;
    }

    private static void CheckNonNegative(double value, string paramName)
    {
        if (!(value >= 0d) || !double.IsFinite(value))
            ThrowHelper.ThrowOutOfRange(paramName, value, "it must be finite and zero or greater.");
    }
}
