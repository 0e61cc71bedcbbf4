using System.Buffers;
using System.Globalization;

namespace Retention.Metrics;

/// <summary>Order lines (customer, date, product, amount) in compact, sorted, columnar form, for cross-sell and upgrade metrics.</summary>
/// <remarks>
/// <para>Built like <see cref="PurchaseHistory"/>: lines are sorted by (customer, day, product, amount) into columns, with
/// <see cref="CustomerStarts"/> giving each customer's contiguous run. A <em>basket</em> is one customer's lines on one day. Lines live
/// beside the history, so the order-level metrics keep their 12 bytes per order; lines cost 16 bytes each.</para>
/// <para>Products are dense indexes <c>0..ProductCount−1</c>; intern product keys with a <see cref="CustomerIndex{TKey}"/> (a general key
/// interner), as <see cref="Create{TSource, TCustomerKey, TProductKey}"/> does. The type is immutable and safe to share between threads.</para>
/// </remarks>
public sealed class OrderLines
{
    private readonly int[] _customerStarts;
    private readonly int[] _customerIds;
    private readonly int[] _days;
    private readonly int[] _products;
    private readonly long[] _units;

    private OrderLines(int[] customerStarts, int[] customerIds, int[] days, int[] products, long[] units, int scale, int productCount)
    {
        _customerStarts = customerStarts;
        _customerIds = customerIds;
        _days = days;
        _products = products;
        _units = units;
        AmountScale = scale;
        ProductCount = productCount;
        int min = int.MaxValue, max = int.MinValue;
        for (int c = 0; c < customerIds.Length; c++)
        {
            min = Math.Min(min, days[customerStarts[c]]);
            max = Math.Max(max, days[customerStarts[c + 1] - 1]);
        }
        MinDayNumber = days.Length == 0 ? 0 : min;
        MaxDayNumber = days.Length == 0 ? 0 : max;
    }

    /// <summary>Gets empty order lines.</summary>
    public static OrderLines Empty { get; } = new([0], [], [], [], [], 0, 0);

    /// <summary>Gets the number of lines.</summary>
    public int Count => _days.Length;

    /// <summary>Gets whether there are no lines.</summary>
    public bool IsEmpty => _days.Length == 0;

    /// <summary>Gets the number of customers with at least one line.</summary>
    public int CustomerCount => _customerIds.Length;

    /// <summary>Gets the number of product indexes, one more than the largest product index (0 when empty).</summary>
    public int ProductCount { get; }

    /// <summary>Gets the earliest line date; <c>default</c> when empty.</summary>
    public DateOnly FirstDate => IsEmpty ? default : DateOnly.FromDayNumber(MinDayNumber);

    /// <summary>Gets the latest line date; <c>default</c> when empty.</summary>
    public DateOnly LastDate => IsEmpty ? default : DateOnly.FromDayNumber(MaxDayNumber);

    /// <summary>Gets the number of decimal places of the amount units.</summary>
    public int AmountScale { get; }

    /// <summary>Gets the start offsets of each customer's run; length <see cref="CustomerCount"/> + 1.</summary>
    public ReadOnlySpan<int> CustomerStarts => _customerStarts;

    /// <summary>Gets the caller's customer index of each customer, ascending.</summary>
    public ReadOnlySpan<int> CustomerIds => _customerIds;

    /// <summary>Gets the line dates as day numbers, sorted within each customer's run.</summary>
    public ReadOnlySpan<int> DayNumbers => _days;

    /// <summary>Gets the product index of each line, sorted within each basket.</summary>
    public ReadOnlySpan<int> Products => _products;

    /// <summary>Gets the line amounts as units of <c>10^−AmountScale</c>.</summary>
    public ReadOnlySpan<long> AmountUnits => _units;

    internal int MinDayNumber { get; }

    internal int MaxDayNumber { get; }

    internal int[] DayArray => _days;

    internal int[] ProductArray => _products;

    internal int[] StartArray => _customerStarts;

    /// <summary>Builds order lines from lines with dense customer and product indexes.</summary>
    /// <param name="lines">The lines, in any order.</param>
    /// <returns>The order lines; <see cref="Empty"/> for no lines.</returns>
    /// <exception cref="ArgumentException">A line has a negative customer or product index, a default date, a negative amount, or an amount that
    /// cannot be held exactly; the message names the line's index.</exception>
    /// <remarks>O(n + customers) for dense customer indexes plus a sort of each customer's run when it is not already sorted.</remarks>
    public static OrderLines Create(ReadOnlySpan<OrderLine> lines)
    {
        const string ParamName = "lines";
        int n = lines.Length;
        if (n == 0) return Empty;
        int scale = 0, maxCustomer = 0, maxProduct = 0;
        for (int i = 0; i < n; i++)
        {
            ref readonly OrderLine line = ref lines[i];
            if (line.Customer < 0) ThrowHelper.ThrowElement(ParamName, i, "Customer", line.Customer, "customer indexes must be zero or greater.");
            if (line.Product < 0) ThrowHelper.ThrowElement(ParamName, i, "Product", line.Product, "product indexes must be zero or greater.");
            if (line.Date.DayNumber == 0) ThrowHelper.ThrowElement(ParamName, i, "Date", line.Date, "a date is required (default(DateOnly) is not a date).");
            if (line.Amount < 0m) ThrowHelper.ThrowElement(ParamName, i, "Amount", line.Amount, "amounts must be zero or greater.");
            int s = Money.MinimalScale(line.Amount);
            if (s > Money.MaxScale) ThrowHelper.ThrowElement(ParamName, i, "Amount", line.Amount, $"amounts may have at most {Money.MaxScale} decimal places.");
            scale = Math.Max(scale, s);
            maxCustomer = Math.Max(maxCustomer, line.Customer);
            maxProduct = Math.Max(maxProduct, line.Product);
        }

        // Customer positions: dense counting when indexes are compact, else sorted distinct ids.
        int[] ids;
        int[] positionOf;
        bool dense = maxCustomer < (long)n * 4 + (1 << 20);
        if (dense)
        {
            positionOf = new int[maxCustomer + 1];
            for (int i = 0; i < n; i++) positionOf[lines[i].Customer] = 1;
            int count = 0;
            for (int id = 0; id <= maxCustomer; id++) if (positionOf[id] != 0) count++;
            ids = new int[count];
            int c = 0;
            for (int id = 0; id <= maxCustomer; id++)
            {
                if (positionOf[id] == 0) continue;
                ids[c] = id;
                positionOf[id] = c++;
            }
        }
        else
        {
            var all = new int[n];
            for (int i = 0; i < n; i++) all[i] = lines[i].Customer;
            Array.Sort(all);
            int distinct = 0;
            for (int i = 0; i < n; i++) if (i == 0 || all[i] != all[i - 1]) all[distinct++] = all[i];
            ids = all.AsSpan(0, distinct).ToArray();
            positionOf = [];
        }

        int customerCount = ids.Length;
        var starts = new int[customerCount + 1];
        int[] position = ArrayPool<int>.Shared.Rent(n);
        try
        {
            for (int i = 0; i < n; i++)
            {
                int p = dense ? positionOf[lines[i].Customer] : Array.BinarySearch(ids, lines[i].Customer);
                position[i] = p;
                starts[p + 1]++;
            }
            for (int c = 0; c < customerCount; c++) starts[c + 1] += starts[c];
            var cursor = starts.AsSpan(0, customerCount).ToArray();
            var keys = new long[n];
            var units = new long[n];
            for (int i = 0; i < n; i++)
            {
                ref readonly OrderLine line = ref lines[i];
                int at = cursor[position[i]]++;
                keys[at] = ((long)line.Date.DayNumber << 32) | (uint)line.Product;
                if (!Money.TryToUnits(line.Amount, scale, out units[at]))
                    ThrowHelper.ThrowElement(ParamName, i, "Amount", line.Amount, "the amount is too large to be held exactly.");
            }
            for (int c = 0; c < customerCount; c++) SortRun(keys.AsSpan(starts[c], starts[c + 1] - starts[c]), units.AsSpan(starts[c], starts[c + 1] - starts[c]));
            var days = new int[n];
            var products = new int[n];
            for (int i = 0; i < n; i++)
            {
                days[i] = (int)(keys[i] >> 32);
                products[i] = (int)(keys[i] & 0xFFFF_FFFF);
            }
            return new OrderLines(starts, ids, days, products, units, scale, maxProduct + 1);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(position);
        }
    }

    /// <summary>Builds order lines from the caller's records, interning customer and product keys.</summary>
    /// <typeparam name="TSource">The caller's record type.</typeparam>
    /// <typeparam name="TCustomerKey">The customer key type.</typeparam>
    /// <typeparam name="TProductKey">The product key type (SKU, category …).</typeparam>
    /// <param name="source">The records, in any order.</param>
    /// <param name="customerKey">Selects a record's customer key; not <see langword="null"/>.</param>
    /// <param name="date">Selects a record's local date.</param>
    /// <param name="productKey">Selects a record's product key; not <see langword="null"/>.</param>
    /// <param name="amount">Selects a record's amount.</param>
    /// <param name="customers">The customer index, shared with the customers' <see cref="PurchaseHistory"/> so indexes agree.</param>
    /// <param name="products">The product index; new keys are added.</param>
    /// <returns>The order lines; <see cref="Empty"/> for no records.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A record has a null key, a default date or a bad amount; the message names its position in <paramref name="source"/>.</exception>
    public static OrderLines Create<TSource, TCustomerKey, TProductKey>(
        IEnumerable<TSource> source,
        Func<TSource, TCustomerKey> customerKey,
        Func<TSource, DateOnly> date,
        Func<TSource, TProductKey> productKey,
        Func<TSource, decimal> amount,
        CustomerIndex<TCustomerKey> customers,
        CustomerIndex<TProductKey> products)
        where TCustomerKey : notnull
        where TProductKey : notnull
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(customerKey);
        ArgumentNullException.ThrowIfNull(date);
        ArgumentNullException.ThrowIfNull(productKey);
        ArgumentNullException.ThrowIfNull(amount);
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(products);
        var lines = new List<OrderLine>(source.TryGetNonEnumeratedCount(out int n) ? n : 0);
        long index = 0;
        foreach (TSource record in source)
        {
            TCustomerKey customer = customerKey(record);
            if (customer is null) ThrowHelper.ThrowElement(nameof(source), index, "customer key", null, "a customer key is required.");
            TProductKey product = productKey(record);
            if (product is null) ThrowHelper.ThrowElement(nameof(source), index, "product key", null, "a product key is required.");
            lines.Add(new OrderLine(customers.GetOrAdd(customer), date(record), products.GetOrAdd(product), amount(record)));
            index++;
        }
        return Create(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(lines));
    }

    /// <summary>Throws when <paramref name="asOf"/> precedes the first line.</summary>
    internal void ValidateAsOf(DateOnly asOf, string paramName)
    {
        if (!IsEmpty && asOf.DayNumber < MinDayNumber)
        {
            ThrowHelper.ThrowOutOfRange(paramName, asOf, string.Create(CultureInfo.InvariantCulture,
                $"it precedes the first order line on {FirstDate:yyyy-MM-dd}, so nothing is observed by then."));
        }
    }

    private static void SortRun(Span<long> keys, Span<long> units)
    {
        for (int i = 1; i < keys.Length; i++)
        {
            if (keys[i] < keys[i - 1] || (keys[i] == keys[i - 1] && units[i] < units[i - 1]))
            {
                keys.Sort(units);
                // Equal (day, product) keys: order by amount so the layout does not depend on input order.
                for (int a = 0; a < keys.Length;)
                {
                    int b = a + 1;
                    while (b < keys.Length && keys[b] == keys[a]) b++;
                    if (b - a > 1) units[a..b].Sort();
                    a = b;
                }
                return;
            }
        }
    }
}
