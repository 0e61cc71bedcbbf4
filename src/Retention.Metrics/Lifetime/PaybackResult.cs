namespace Retention.Metrics;

/// <summary>The payback (回収期間) of an acquisition cost against cumulative margin per customer.</summary>
/// <param name="Reached">Whether cumulative margin reached the acquisition cost within the series.</param>
/// <param name="Period">The first 0-based period at whose end cumulative margin ≥ cost; -1 when not reached.</param>
/// <param name="CumulativeMargin">The cumulative margin at <paramref name="Period"/>, or at the series' end when not reached.</param>
/// <param name="AcquisitionCost">The acquisition cost (CPO/CAC) per customer.</param>
/// <remarks>The default value is "not reached" over an empty series with cost 0.</remarks>
public readonly record struct PaybackResult(bool Reached, int Period, decimal CumulativeMargin, decimal AcquisitionCost)
{
    /// <summary>Gets <c>CumulativeMargin ÷ AcquisitionCost</c> (LTV/CPO over the series); 0 when the cost is 0.</summary>
    public double Ratio => AcquisitionCost == 0m ? 0d : (double)(CumulativeMargin / AcquisitionCost);
}
