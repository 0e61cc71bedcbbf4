namespace Retention.Metrics;

/// <summary>The standard DM / repeat-measure figures of one campaign cell: rates, unit costs, break-even and ROI.</summary>
/// <remarks>
/// <para>Money figures are <see cref="decimal"/> and exact up to the final division (rounded to decimal's 28 digits); a figure
/// whose denominator is zero is <see langword="null"/> instead of a made-up number. Summaries are not combined: combine the
/// <see cref="CampaignGroup"/> inputs with <see cref="CampaignGroup.Combine"/> and summarise again.</para>
/// </remarks>
public readonly record struct CampaignSummary
{
    [System.Text.Json.Serialization.JsonConstructor]
    internal CampaignSummary(CampaignGroup group, decimal grossMarginRate, RoiConvention roiConvention)
    {
        Group = group;
        GrossMarginRate = grossMarginRate;
        RoiConvention = roiConvention;
        ResponseRate = new Rate(group.Responders, group.Mailed);
        ConversionRate = new Rate(group.Orders, group.Mailed);
        CostPerResponse = group.Responders == 0 ? null : group.Cost / group.Responders;
        CostPerOrder = group.Orders == 0 ? null : group.Cost / group.Orders;
        RevenuePerMailed = group.Mailed == 0 ? null : group.Revenue / group.Mailed;
        AverageOrderValue = group.Orders == 0 ? null : group.Revenue / group.Orders;
        GrossProfit = group.Revenue * grossMarginRate;
        Profit = GrossProfit - group.Cost;
        decimal? grossProfitPerOrder = group.Orders == 0 ? null : GrossProfit / group.Orders;
        BreakEvenOrders = grossProfitPerOrder is { } unit && unit > 0m ? group.Cost / unit : null;
        Roi = group.Cost == 0m ? null
            : roiConvention == RoiConvention.GrossOverCost ? (double)(GrossProfit / group.Cost)
            : (double)((GrossProfit - group.Cost) / group.Cost);
    }

    /// <summary>Gets the summarised cell.</summary>
    public CampaignGroup Group { get; }

    /// <summary>Gets the gross margin rate (粗利率) applied to revenue, in [0, 1].</summary>
    public decimal GrossMarginRate { get; }

    /// <summary>Gets the ROI convention used by <see cref="Roi"/>.</summary>
    public RoiConvention RoiConvention { get; }

    /// <summary>Gets the response rate (反応率) <c>Responders / Mailed</c>.</summary>
    public Rate ResponseRate { get; }

    /// <summary>Gets the conversion rate (CVR) <c>Orders / Mailed</c>.</summary>
    public Rate ConversionRate { get; }

    /// <summary>Gets the cost per response (CPR) <c>Cost / Responders</c>; null when there are no responders.</summary>
    public decimal? CostPerResponse { get; }

    /// <summary>Gets the cost per order (CPO) <c>Cost / Orders</c>; null when there are no orders.</summary>
    public decimal? CostPerOrder { get; }

    /// <summary>Gets the revenue per mailed customer <c>Revenue / Mailed</c>; null when nobody was mailed.</summary>
    public decimal? RevenuePerMailed { get; }

    /// <summary>Gets the average order value <c>Revenue / Orders</c>; null when there are no orders.</summary>
    public decimal? AverageOrderValue { get; }

    /// <summary>Gets the gross profit (粗利) <c>Revenue × GrossMarginRate</c>.</summary>
    public decimal GrossProfit { get; }

    /// <summary>Gets the profit after the campaign cost <c>GrossProfit − Cost</c>.</summary>
    public decimal Profit { get; }

    /// <summary>Gets the break-even order count (BEP 件数) <c>Cost / (GrossProfit / Orders)</c>; null when there are no orders or no gross profit.</summary>
    public decimal? BreakEvenOrders { get; }

    /// <summary>Gets the ROI under <see cref="RoiConvention"/>; null when the cost is 0.</summary>
    public double? Roi { get; }
}
