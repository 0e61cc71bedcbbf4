namespace Retention.Metrics;

/// <summary>One customer's CPM segment.</summary>
/// <param name="Customer">The caller's customer index.</param>
/// <param name="Segment">The segment.</param>
public readonly record struct CpmCustomer(int Customer, CpmSegment Segment);

/// <summary>The size of one CPM segment.</summary>
/// <param name="Segment">The segment.</param>
/// <param name="Customers">The segment's customers over all customers.</param>
/// <param name="Revenue">The segment's cumulative spend.</param>
/// <param name="RevenueShare">The segment's spend over all spend; 0 when all spend is 0.</param>
public readonly record struct CpmSegmentSummary(CpmSegment Segment, Rate Customers, decimal Revenue, double RevenueShare);

/// <summary>The result of a CPM analysis: every customer's segment, the segment sizes and the customers of each segment.</summary>
/// <remarks>Results over disjoint customer sets with the same options combine with <see cref="Combine"/>.</remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.CpmResultJsonConverter))]
public sealed class CpmResult
{
    internal const int SegmentCount = 10;

    private readonly CpmCustomer[] _customers;
    private readonly decimal[] _revenue;
    private readonly int[] _grouped;
    private readonly int[] _groupStarts;

    internal CpmResult(CpmCustomer[] customers, decimal[] revenue, CpmOptions options)
    {
        _customers = customers;
        _revenue = revenue;
        Options = options;
        // Counting sort by segment: customers of each segment, in input order.
        _groupStarts = new int[SegmentCount + 1];
        for (int i = 0; i < customers.Length; i++) _groupStarts[(int)customers[i].Segment + 1]++;
        for (int s = 0; s < SegmentCount; s++) _groupStarts[s + 1] += _groupStarts[s];
        _grouped = new int[customers.Length];
        Span<int> next = stackalloc int[SegmentCount];
        _groupStarts.AsSpan(0, SegmentCount).CopyTo(next);
        for (int i = 0; i < customers.Length; i++) _grouped[next[(int)customers[i].Segment]++] = customers[i].Customer;
        decimal total = 0m;
        for (int s = 0; s < SegmentCount; s++) total += revenue[s];
        TotalRevenue = total;
    }

    /// <summary>Gets the options the result was computed with.</summary>
    public CpmOptions Options { get; }

    /// <summary>Gets every customer's segment, in input order.</summary>
    public ReadOnlySpan<CpmCustomer> Customers => _customers;

    /// <summary>Gets the total cumulative spend of all customers.</summary>
    public decimal TotalRevenue { get; }

    /// <summary>Gets the size of a segment.</summary>
    /// <param name="segment">The segment.</param>
    /// <returns>Its customers, spend and spend share.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="segment"/> is not a defined segment.</exception>
    public CpmSegmentSummary Summary(CpmSegment segment)
    {
        int s = Check(segment);
        decimal revenue = _revenue[s];
        return new CpmSegmentSummary(segment, new Rate(_groupStarts[s + 1] - _groupStarts[s], _customers.Length), revenue,
            TotalRevenue == 0m ? 0d : (double)(revenue / TotalRevenue));
    }

    /// <summary>Gets the customers of a segment, in input order.</summary>
    /// <param name="segment">The segment.</param>
    /// <returns>The caller's customer indexes; empty for an empty segment.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="segment"/> is not a defined segment.</exception>
    public ReadOnlySpan<int> CustomersOf(CpmSegment segment)
    {
        int s = Check(segment);
        return _grouped.AsSpan(_groupStarts[s], _groupStarts[s + 1] - _groupStarts[s]);
    }

    /// <summary>Combines results over disjoint customer sets computed with equal options.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>The result of the union: customers of <paramref name="left"/> then <paramref name="right"/>, sizes added.</returns>
    /// <exception cref="ArgumentNullException">A result is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options differ.</exception>
    public static CpmResult Combine(CpmResult left, CpmResult right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.Options != right.Options) ThrowHelper.ThrowArgument(nameof(right), "results computed with different options do not combine.");
        var customers = new CpmCustomer[checked(left._customers.Length + right._customers.Length)];
        left._customers.CopyTo(customers, 0);
        right._customers.CopyTo(customers, left._customers.Length);
        var revenue = new decimal[SegmentCount];
        for (int s = 0; s < SegmentCount; s++) revenue[s] = left._revenue[s] + right._revenue[s];
        return new CpmResult(customers, revenue, left.Options);
    }

    private static int Check(CpmSegment segment)
    {
        if ((uint)segment >= SegmentCount) ThrowHelper.ThrowOutOfRange(nameof(segment), segment, "it must be a defined CpmSegment.");
        return (int)segment;
    }

    /// <summary>Gets the serializable form of the result.</summary>
    /// <returns>The data; <see cref="FromData"/> rebuilds an equal result.</returns>
    public CpmResultData ToData() => new(Options, (CpmCustomer[])_customers.Clone(), (decimal[])_revenue.Clone());

    /// <summary>Rebuilds a result from its serializable form.</summary>
    /// <param name="data">The data, for example read back from JSON.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/>, its options or one of its arrays is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">There are not 10 segment revenues, or a customer's segment is undefined; the message names the index.</exception>
    public static CpmResult FromData(CpmResultData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        CpmOptions options = Serialization.DataCheck.NotNull(data.Options, nameof(data.Options));
        CpmCustomer[] customers = Serialization.DataCheck.NotNull(data.Customers, nameof(data.Customers));
        decimal[] revenue = Serialization.DataCheck.NotNull(data.SegmentRevenue, nameof(data.SegmentRevenue));
        Serialization.DataCheck.Length(revenue.Length, SegmentCount, nameof(data.SegmentRevenue), "one per CpmSegment");
        for (int i = 0; i < customers.Length; i++)
        {
            if ((uint)customers[i].Segment >= SegmentCount)
                Serialization.DataCheck.Throw(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"data.Customers[{i}].Segment is {customers[i].Segment}; it must be a defined CpmSegment."));
        }
        return new CpmResult((CpmCustomer[])customers.Clone(), (decimal[])revenue.Clone(), options);
    }
}
