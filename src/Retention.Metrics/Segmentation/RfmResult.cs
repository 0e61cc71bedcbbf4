namespace Retention.Metrics;

/// <summary>One customer's RFM values, scores and segment.</summary>
/// <param name="Customer">The caller's customer index.</param>
/// <param name="RecencyDays">Days from the last purchase to the observation end (0 when the last purchase is on it).</param>
/// <param name="Frequency">Orders or purchase days in the window, per <see cref="RfmOptions.Frequency"/>.</param>
/// <param name="Monetary">Total or mean spend in the window, per <see cref="RfmOptions.Monetary"/>.</param>
/// <param name="RecencyScore">The recency score, 1 (least recent) to the scale's top.</param>
/// <param name="FrequencyScore">The frequency score, 1 to the scale's top.</param>
/// <param name="MonetaryScore">The monetary score, 1 to the scale's top.</param>
/// <param name="Segment">The segment index: a rule index, or the rule count for the fallback segment.</param>
public readonly record struct RfmCustomer(int Customer, int RecencyDays, int Frequency, decimal Monetary,
    int RecencyScore, int FrequencyScore, int MonetaryScore, int Segment)
{
    /// <summary>Gets the cell code <c>100·R + 10·F + M</c>, for example 555.</summary>
    public int Cell => RecencyScore * 100 + FrequencyScore * 10 + MonetaryScore;
}

/// <summary>The size of one RFM segment: customers, orders and revenue, and their shares of the whole.</summary>
/// <param name="Name">The segment name.</param>
/// <param name="Customers">The customers in the segment, over all customers.</param>
/// <param name="Orders">The segment's orders in the window, over all orders.</param>
/// <param name="Revenue">The segment's spend in the window.</param>
/// <param name="RevenueShare">The segment's spend over all spend; 0 when all spend is 0.</param>
public readonly record struct RfmSegmentSummary(string Name, Rate Customers, Rate Orders, decimal Revenue, double RevenueShare);

/// <summary>The result of an RFM analysis: every customer's scores and segment, the cut-points used and the segment sizes.</summary>
/// <remarks>
/// <para>Customers appear in input order (history order: ascending customer index). Segment rows follow the rule order with
/// the fallback last, empty segments included.</para>
/// <para>Quantile scales depend on every customer, so results over different customer sets do not combine; results scored
/// with fixed thresholds do, by adding the segment counts.</para>
/// </remarks>
public sealed class RfmResult
{
    private readonly RfmCustomer[] _customers;
    private readonly RfmSegmentSummary[] _segments;
    private readonly double[] _recencyCuts;
    private readonly double[] _frequencyCuts;
    private readonly double[] _monetaryCuts;

    internal RfmResult(RfmCustomer[] customers, RfmSegmentSummary[] segments, double[] recencyCuts, double[] frequencyCuts,
        double[] monetaryCuts, RfmOptions options, long orders, decimal revenue)
    {
        _customers = customers;
        _segments = segments;
        _recencyCuts = recencyCuts;
        _frequencyCuts = frequencyCuts;
        _monetaryCuts = monetaryCuts;
        Options = options;
        TotalOrders = orders;
        TotalRevenue = revenue;
    }

    /// <summary>Gets the options the result was computed with.</summary>
    public RfmOptions Options { get; }

    /// <summary>Gets every customer's values, scores and segment, in input order.</summary>
    public ReadOnlySpan<RfmCustomer> Customers => _customers;

    /// <summary>Gets the segment sizes, one row per rule and the fallback last.</summary>
    public ReadOnlySpan<RfmSegmentSummary> Segments => _segments;

    /// <summary>Gets the recency cut-points used (days), ascending: the lower bounds of bins 2..k; empty for equal-count scales.</summary>
    public ReadOnlySpan<double> RecencyCutPoints => _recencyCuts;

    /// <summary>Gets the frequency cut-points used, ascending; empty for equal-count scales.</summary>
    public ReadOnlySpan<double> FrequencyCutPoints => _frequencyCuts;

    /// <summary>Gets the monetary cut-points used, ascending; empty for equal-count scales.</summary>
    public ReadOnlySpan<double> MonetaryCutPoints => _monetaryCuts;

    /// <summary>Gets the total orders of all customers in the window.</summary>
    public long TotalOrders { get; }

    /// <summary>Gets the total spend of all customers in the window.</summary>
    public decimal TotalRevenue { get; }

    /// <summary>Gets the name of a customer's segment.</summary>
    /// <param name="customer">A customer row from <see cref="Customers"/>.</param>
    /// <returns>The segment name.</returns>
    public string SegmentName(in RfmCustomer customer) => Options.Segments.NameOf(customer.Segment);
}
