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
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.RfmResultJsonConverter))]
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

    /// <summary>Gets the serializable form of the result.</summary>
    /// <returns>The data; <see cref="FromData"/> rebuilds an equal result.</returns>
    public RfmResultData ToData() =>
        new(Options, (RfmCustomer[])_customers.Clone(), (RfmSegmentSummary[])_segments.Clone(), (double[])_recencyCuts.Clone(),
            (double[])_frequencyCuts.Clone(), (double[])_monetaryCuts.Clone(), TotalOrders, TotalRevenue);

    /// <summary>Rebuilds a result from its serializable form, checking scores and segments against the options.</summary>
    /// <param name="data">The data, for example read back from JSON.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/>, its options or one of its arrays is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">There is not one segment summary per rule plus the catch-all, a customer's score is outside
    /// its scale or its segment outside the rules, or the total orders are negative; the message names the customer index.</exception>
    public static RfmResult FromData(RfmResultData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        RfmOptions options = Serialization.DataCheck.NotNull(data.Options, nameof(data.Options));
        RfmCustomer[] customers = Serialization.DataCheck.NotNull(data.Customers, nameof(data.Customers));
        RfmSegmentSummary[] segments = Serialization.DataCheck.NotNull(data.Segments, nameof(data.Segments));
        double[] recency = Serialization.DataCheck.NotNull(data.RecencyCutPoints, nameof(data.RecencyCutPoints));
        double[] frequency = Serialization.DataCheck.NotNull(data.FrequencyCutPoints, nameof(data.FrequencyCutPoints));
        double[] monetary = Serialization.DataCheck.NotNull(data.MonetaryCutPoints, nameof(data.MonetaryCutPoints));
        Serialization.DataCheck.NotNull(options.RecencyScale, "Options.RecencyScale");
        Serialization.DataCheck.NotNull(options.FrequencyScale, "Options.FrequencyScale");
        Serialization.DataCheck.NotNull(options.MonetaryScale, "Options.MonetaryScale");
        Serialization.DataCheck.NotNull(options.Segments, "Options.Segments");
        Serialization.DataCheck.Length(segments.Length, options.Segments.Count + 1, nameof(data.Segments), "one per rule, then the catch-all");
        Serialization.DataCheck.NonNegative(data.TotalOrders, nameof(data.TotalOrders));
        int rs = options.RecencyScale.Scores, fs = options.FrequencyScale.Scores, ms = options.MonetaryScale.Scores;
        for (int i = 0; i < customers.Length; i++)
        {
            RfmCustomer c = customers[i];
            if (c.RecencyScore < 1 || c.RecencyScore > rs || c.FrequencyScore < 1 || c.FrequencyScore > fs
                || c.MonetaryScore < 1 || c.MonetaryScore > ms || (uint)c.Segment > (uint)options.Segments.Count)
                Serialization.DataCheck.Throw(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"data.Customers[{i}] has scores {c.RecencyScore}/{c.FrequencyScore}/{c.MonetaryScore} and segment {c.Segment}; scores must be in 1..{rs}/1..{fs}/1..{ms} and the segment in 0..{options.Segments.Count}."));
        }
        return new RfmResult((RfmCustomer[])customers.Clone(), (RfmSegmentSummary[])segments.Clone(), (double[])recency.Clone(),
            (double[])frequency.Clone(), (double[])monetary.Clone(), options, data.TotalOrders, data.TotalRevenue);
    }
}
