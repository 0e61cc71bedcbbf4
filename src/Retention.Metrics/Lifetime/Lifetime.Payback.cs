namespace Retention.Metrics;

public static partial class Lifetime
{
    /// <summary>Computes a discounted LTV: per-period margins per customer discounted at a per-period rate.</summary>
    /// <param name="marginPerPeriod">Margin per customer in period 0 (the acquisition period), 1, 2, …</param>
    /// <param name="discountRate">The discount rate per period (0.01 = 1 %); finite and greater than −1.</param>
    /// <returns><c>Σ_t m_t / (1 + d)^t</c>, period 0 undiscounted; 0 for an empty series.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="discountRate"/> is out of range.</exception>
    /// <remarks>The period is whatever the series uses (month, year); state the rate per that period.</remarks>
    public static decimal Discounted(ReadOnlySpan<decimal> marginPerPeriod, double discountRate)
    {
        if (!(discountRate > -1d) || !double.IsFinite(discountRate))
            ThrowHelper.ThrowOutOfRange(nameof(discountRate), discountRate, "it must be finite and greater than -1.");
        decimal total = 0m;
        double factor = 1d;
        for (int t = 0; t < marginPerPeriod.Length; t++)
        {
            total += marginPerPeriod[t] * (decimal)(1d / factor);
            factor *= 1d + discountRate;
        }
        return total;
    }

    /// <summary>Finds the payback period: the first period at which cumulative margin per acquired customer reaches the acquisition cost.</summary>
    /// <param name="marginPerPeriod">Margin per acquired customer in period 0, 1, 2, … (for example a cohort's monthly margin ÷ cohort size).</param>
    /// <param name="acquisitionCost">The acquisition cost per customer (CPO/CAC); zero or greater.</param>
    /// <returns>The payback result; "not reached" (Period −1) when the series ends first, which includes censored series.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="acquisitionCost"/> is negative.</exception>
    /// <remarks>Cohort form (webase): the first m with <c>Σ_{t≤m} margin_t ≥ CPO</c>. <see cref="PaybackResult.Ratio"/> is LTV/CPO
    /// over the series.</remarks>
    public static PaybackResult Payback(ReadOnlySpan<decimal> marginPerPeriod, decimal acquisitionCost)
    {
        if (acquisitionCost < 0m) ThrowHelper.ThrowOutOfRange(nameof(acquisitionCost), acquisitionCost, "it must be zero or greater.");
        decimal cumulative = 0m;
        for (int t = 0; t < marginPerPeriod.Length; t++)
        {
            cumulative += marginPerPeriod[t];
            if (cumulative >= acquisitionCost) return new PaybackResult(true, t, cumulative, acquisitionCost);
        }
        return new PaybackResult(false, -1, cumulative, acquisitionCost);
    }

    /// <summary>Computes the unit-economics ratio LTV ÷ CPO (CAC).</summary>
    /// <param name="ltv">The LTV per customer (revenue or margin, as the caller chooses).</param>
    /// <param name="acquisitionCost">The acquisition cost per customer; greater than 0.</param>
    /// <returns><c>LTV / CPO</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="acquisitionCost"/> is not positive.</exception>
    /// <remarks>A "≥ 3" target is common in SaaS writing, not an established 通販 standard. The margin LTV over a horizon is the
    /// break-even CPO (限界CPO).</remarks>
    public static double LtvToCpo(decimal ltv, decimal acquisitionCost)
    {
        if (acquisitionCost <= 0m) ThrowHelper.ThrowOutOfRange(nameof(acquisitionCost), acquisitionCost, "it must be greater than 0.");
        return (double)(ltv / acquisitionCost);
    }
}
