using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Retention.Metrics;

/// <summary>Cross-sell metrics (クロスセル, 併買) over order lines: multi-product buyer shares and product-pair association.</summary>
/// <remarks>Windows are inclusive at both ends. A basket is one customer's lines on one day (orders of the same day are one basket).</remarks>
public static partial class CrossSell
{
    /// <summary>Counts, for the customers who bought in a window, how many distinct products each bought (2品・3品購入者比率).</summary>
    /// <param name="lines">The order lines.</param>
    /// <param name="from">The first day of the window, inclusive.</param>
    /// <param name="to">The last day of the window, inclusive; it is the observation end.</param>
    /// <param name="maxProducts">The largest count kept separately, 2 or greater; customers with more distinct products count as having this many.</param>
    /// <returns>The distribution; no customers for empty lines.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lines"/> is <see langword="null"/>.</exception>
    /// <param name="degreeOfParallelism">The number of customer ranges counted at once: 1 (the default) for the calling thread alone,
    /// <see cref="Environment.ProcessorCount"/> for every core. The result is the same for every degree.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> precedes the first line or <paramref name="from"/>, <paramref name="maxProducts"/>
    /// is less than 2, or <paramref name="degreeOfParallelism"/> is less than 1.</exception>
    /// <remarks>
    /// <c>share(≥ n) = |{c : distinct products(c, [from, to]) ≥ n}| / |{c : lines(c, [from, to]) ≥ 1}|</c>. One pass with a product stamp array
    /// (O(lines + products), memory O(products) per thread). Results over disjoint customer sets combine with <see cref="ProductBreadth.Combine"/>.
    /// </remarks>
    public static ProductBreadth DistinctProducts(OrderLines lines, DateOnly from, DateOnly to, int maxProducts = 10, int degreeOfParallelism = 1)
    {
        ArgumentNullException.ThrowIfNull(lines);
        lines.ValidateAsOf(to, nameof(to));
        if (from > to) ThrowHelper.ThrowOutOfRange(nameof(from), from, $"it must be on or before to ({to:yyyy-MM-dd}).");
        if (maxProducts < 2) ThrowHelper.ThrowOutOfRange(nameof(maxProducts), maxProducts, "it must be 2 or greater.");
        CustomerRanges.Validate(degreeOfParallelism);
        var counts = new long[maxProducts + 1];
        if (lines.IsEmpty) return new ProductBreadth(counts);
        int parts = CustomerRanges.Parts(lines.CustomerCount, degreeOfParallelism);
        if (parts == 1)
        {
            CountDistinct(lines, from.DayNumber, to.DayNumber, 0, lines.CustomerCount, counts);
            return new ProductBreadth(counts);
        }
        // Contiguous customer ranges of about equal work, each counted into its own array on its own thread.
        var bounds = new int[parts + 1];
        CustomerRanges.Split(lines.CustomerStarts, bounds, CustomerRanges.SummaryCustomerWeight);
        var partCounts = new long[parts][];
        Slices.ForEach(parts, p =>
        {
            var local = new long[maxProducts + 1];
            CountDistinct(lines, from.DayNumber, to.DayNumber, bounds[p], bounds[p + 1], local);
            partCounts[p] = local;
        });
        foreach (long[] part in partCounts)
            for (int k = 0; k < counts.Length; k++) counts[k] += part[k];
        return new ProductBreadth(counts);
    }

    /// <summary>Adds the customers at positions <c>[fromCustomer, toCustomer)</c> to <paramref name="counts"/> by distinct products in the window.</summary>
    /// <remarks>One branch-free loop over each customer's lines, so that a customer costs the loop's one exit and nothing else
    /// unpredictable (trimming a run to the window with two searches cost two more mispredicted exits per customer). A line
    /// counts when its product's stamp is not yet the customer's mark and its day is in the window; a line outside the window
    /// writes its product's stamp back unchanged.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CountDistinct(OrderLines lines, int fromDay, int toDay, int fromCustomer, int toCustomer, long[] counts)
    {
        int maxProducts = counts.Length - 1;
        int[] stamp = ArrayPool<int>.Shared.Rent(lines.ProductCount);
        try
        {
            stamp.AsSpan(0, lines.ProductCount).Clear();
            ref int stamp0 = ref MemoryMarshal.GetArrayDataReference(stamp);
            ref int day0 = ref MemoryMarshal.GetArrayDataReference(lines.DayArray);
            ref int product0 = ref MemoryMarshal.GetArrayDataReference(lines.ProductArray);
            ref int start0 = ref MemoryMarshal.GetReference(lines.CustomerStarts);
            ref long count0 = ref MemoryMarshal.GetArrayDataReference(counts);
            uint width = (uint)(toDay - fromDay);
            long none = counts[0];
            int i = Unsafe.Add(ref start0, fromCustomer);
            for (int c = fromCustomer; c < toCustomer; c++)
            {
                int end = Unsafe.Add(ref start0, c + 1);
                int distinct = 0;
                int mark = c + 1;
                for (; i < end; i++)
                {
                    int inWindow = (uint)(Unsafe.Add(ref day0, i) - fromDay) <= width ? 1 : 0;
                    ref int s = ref Unsafe.Add(ref stamp0, Unsafe.Add(ref product0, i));
                    int seen = s;
                    distinct += inWindow & (seen != mark ? 1 : 0);
                    // The customer's mark in the window; outside it, the stamp as it was.
                    s = seen + ((mark - seen) & -inWindow);
                }
                // Customers without a line in the window count at index 0, which is put back below.
                Unsafe.Add(ref count0, distinct < maxProducts ? distinct : maxProducts)++;
            }
            counts[0] = none;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(stamp);
        }
    }
}

/// <summary>The number of customers by how many distinct products they bought in a window.</summary>
/// <remarks>Index k of <see cref="CustomersByProducts"/> holds the customers with exactly k distinct products (the last index: k or more).
/// Results over disjoint customer sets with the same maximum combine with <see cref="Combine"/>.</remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.ProductBreadthJsonConverter))]
public sealed class ProductBreadth
{
    private readonly long[] _counts;

    internal ProductBreadth(long[] counts)
    {
        _counts = counts;
        long total = 0;
        for (int k = 1; k < counts.Length; k++) total += counts[k];
        Customers = total;
    }

    /// <summary>Gets the customers who bought in the window.</summary>
    public long Customers { get; }

    /// <summary>Gets the largest count kept separately.</summary>
    public int MaxProducts => _counts.Length - 1;

    /// <summary>Gets the customers by distinct products: index k holds those with exactly k (the last index: at least <see cref="MaxProducts"/>); index 0 is always 0.</summary>
    public ReadOnlySpan<long> CustomersByProducts => _counts;

    /// <summary>Gets the mean number of distinct products per customer, counting customers above the maximum as the maximum; 0 without customers.</summary>
    public double MeanProducts
    {
        get
        {
            if (Customers == 0) return 0d;
            double sum = 0;
            for (int k = 1; k < _counts.Length; k++) sum += (double)k * _counts[k];
            return sum / Customers;
        }
    }

    /// <summary>Gets the share of customers with at least <paramref name="products"/> distinct products (n = 2: 2品購入者比率).</summary>
    /// <param name="products">n, in <c>1..MaxProducts</c>.</param>
    /// <returns>The rate; 0 / 0 without customers.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="products"/> is outside <c>1..MaxProducts</c>.</exception>
    public Rate AtLeast(int products)
    {
        if (products < 1 || products > MaxProducts) ThrowHelper.ThrowOutOfRange(nameof(products), products, $"it must be in the range 1..{MaxProducts}.");
        long n = 0;
        for (int k = products; k < _counts.Length; k++) n += _counts[k];
        return new Rate(n, Customers);
    }

    /// <summary>Combines results computed over disjoint customer sets.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>The result of the union.</returns>
    /// <exception cref="ArgumentNullException">A result is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The results have different <see cref="MaxProducts"/>.</exception>
    /// <exception cref="OverflowException">A count overflows.</exception>
    public static ProductBreadth Combine(ProductBreadth left, ProductBreadth right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.MaxProducts != right.MaxProducts) ThrowHelper.ThrowArgument(nameof(right), "right has another MaxProducts than left.");
        var counts = new long[left._counts.Length];
        for (int k = 0; k < counts.Length; k++) counts[k] = checked(left._counts[k] + right._counts[k]);
        return new ProductBreadth(counts);
    }

    /// <summary>Gets the serializable form of the result.</summary>
    /// <returns>The data; <see cref="FromData"/> rebuilds an equal result.</returns>
    public ProductBreadthData ToData() => new((long[])_counts.Clone());

    /// <summary>Rebuilds a result from its serializable form, checking the counts.</summary>
    /// <param name="data">The data, for example read back from JSON.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> or its counts are <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">There are fewer than two counts (0 and 1 product), or a count is negative; the message names the index.</exception>
    public static ProductBreadth FromData(ProductBreadthData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        long[] counts = Serialization.DataCheck.NotNull(data.CustomersByProducts, nameof(data.CustomersByProducts));
        Serialization.DataCheck.AtLeastLength(counts.Length, 2, nameof(data.CustomersByProducts));
        Serialization.DataCheck.NonNegative(counts, nameof(data.CustomersByProducts));
        return new ProductBreadth((long[])counts.Clone());
    }
}
