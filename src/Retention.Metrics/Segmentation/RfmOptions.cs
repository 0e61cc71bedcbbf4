namespace Retention.Metrics;

/// <summary>What the F of RFM counts.</summary>
public enum RfmFrequency
{
    /// <summary>Orders (entries), as the R <c>rfm</c> package's <c>transaction_count</c>. The default.</summary>
    Orders,

    /// <summary>Purchase occasions: distinct purchase days, same-day orders counting once.</summary>
    PurchaseDays,
}

/// <summary>What the M of RFM measures.</summary>
public enum RfmMonetary
{
    /// <summary>Total spend in the window, as the R <c>rfm</c> package's <c>amount</c>. The default.</summary>
    Total,

    /// <summary>Mean spend per order: total spend divided by orders.</summary>
    MeanPerOrder,
}

/// <summary>Options of <see cref="Rfm"/>: the measures, a scale per dimension and the segment rules.</summary>
/// <remarks>The defaults reproduce the R <c>rfm</c> package: orders, total spend, quintiles by its cut-point rule, and the
/// standard 10-segment table.</remarks>
public sealed record RfmOptions
{
    /// <summary>Gets the default options.</summary>
    public static RfmOptions Default { get; } = new();

    /// <summary>Gets what frequency counts; <see cref="RfmFrequency.Orders"/> by default.</summary>
    public RfmFrequency Frequency { get; init; } = RfmFrequency.Orders;

    /// <summary>Gets what the monetary value measures; <see cref="RfmMonetary.Total"/> by default.</summary>
    public RfmMonetary Monetary { get; init; } = RfmMonetary.Total;

    /// <summary>Gets the recency scale (days since the last purchase; fewer days score higher).</summary>
    public RfmScale RecencyScale { get; init; } = RfmScale.Default;

    /// <summary>Gets the frequency scale.</summary>
    public RfmScale FrequencyScale { get; init; } = RfmScale.Default;

    /// <summary>Gets the monetary scale.</summary>
    public RfmScale MonetaryScale { get; init; } = RfmScale.Default;

    /// <summary>Gets the segment rules; <see cref="RfmSegmentRules.Standard"/> by default.</summary>
    public RfmSegmentRules Segments { get; init; } = RfmSegmentRules.Standard;
}
