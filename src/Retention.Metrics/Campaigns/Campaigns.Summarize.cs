namespace Retention.Metrics;

/// <summary>Campaign and DM test figures (テスト): summaries, lift against a holdout, significance tests and sample sizes.</summary>
public static partial class Campaigns
{
    /// <summary>Summarises one campaign cell: response and conversion rates, CPR, CPO, revenue per mailed, break-even orders and ROI.</summary>
    /// <param name="group">The campaign cell.</param>
    /// <param name="grossMarginRate">The gross margin rate (粗利率) in [0, 1] applied to revenue; pass 1 to judge on revenue.</param>
    /// <param name="roiConvention">How ROI is stated; <see cref="RoiConvention.NetOfCost"/> by default.</param>
    /// <returns>The summary; for an empty group the rates are 0 / 0 and the unit figures are null.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="grossMarginRate"/> is outside [0, 1], or
    /// <paramref name="roiConvention"/> is not a defined value.</exception>
    /// <remarks>
    /// <c>反応率 = Responders / Mailed</c>, <c>CVR = Orders / Mailed</c>, <c>CPR = Cost / Responders</c>, <c>CPO = Cost / Orders</c>,
    /// <c>GrossProfit = Revenue × grossMarginRate</c>, <c>BEP = Cost / (GrossProfit / Orders)</c>,
    /// <c>ROI = (GrossProfit − Cost) / Cost</c> (or <c>GrossProfit / Cost</c>). Summaries of disjoint cells are not added; combine
    /// the cells with <see cref="CampaignGroup.Combine"/> and summarise the result.
    /// </remarks>
    public static CampaignSummary Summarize(CampaignGroup group, decimal grossMarginRate, RoiConvention roiConvention = RoiConvention.NetOfCost)
    {
        if (grossMarginRate < 0m || grossMarginRate > 1m)
            ThrowHelper.ThrowOutOfRange(nameof(grossMarginRate), grossMarginRate, "it must be in the range [0, 1].");
        if (roiConvention is not (RoiConvention.NetOfCost or RoiConvention.GrossOverCost))
            ThrowHelper.ThrowOutOfRange(nameof(roiConvention), roiConvention, "it must be NetOfCost or GrossOverCost.");
        return new CampaignSummary(group, grossMarginRate, roiConvention);
    }
}
