namespace Retention.Metrics;

/// <summary>
/// A shop's purchase history in compact, sorted, columnar form: built once, then every metric is one forward pass over it.
/// </summary>
/// <remarks>
/// <para>Purchases are sorted by (customer, day, amount) and stored as two columns, <see cref="DayNumbers"/> and
/// <see cref="AmountUnits"/>, with <see cref="CustomerStarts"/> giving each customer's contiguous run:
/// customer <c>c</c>'s purchases are <c>CustomerStarts[c] .. CustomerStarts[c + 1] − 1</c>. Memory: 12 bytes per purchase and
/// 8 per customer.</para>
/// <para>Customers are the customers with at least one purchase, in ascending order of the caller's customer index
/// (<see cref="CustomerIds"/>); when every index <c>0..N−1</c> has a purchase, position and index coincide.</para>
/// <para>Amounts are exact: each is stored as a <see cref="long"/> count of units of <c>10^−AmountScale</c>, where
/// <see cref="AmountScale"/> is the fewest decimal places that represent every amount; convert with <see cref="ToAmount(long)"/>.</para>
/// <para>The type is immutable and safe to share between threads.</para>
/// </remarks>
public sealed class PurchaseHistory
{
    private readonly int[] _customerStarts;
    private readonly int[] _customerIds;
    private readonly int[] _days;
    private readonly long[] _units;

    internal PurchaseHistory(int[] customerStarts, int[] customerIds, int[] days, long[] units, int count, int scale, Int128 totalUnits)
    {
        _customerStarts = customerStarts;
        _customerIds = customerIds;
        _days = days;
        _units = units;
        Count = count;
        AmountScale = scale;
        TotalAmount = Money.FromUnits(totalUnits, scale);
        int min = int.MaxValue, max = int.MinValue;
        for (int c = 0; c < customerIds.Length; c++)
        {
            // Runs are sorted by day: the first and last entries bound the customer's days.
            int first = days[customerStarts[c]];
            int last = days[customerStarts[c + 1] - 1];
            if (first < min) min = first;
            if (last > max) max = last;
        }
        MinDayNumber = count == 0 ? 0 : min;
        MaxDayNumber = count == 0 ? 0 : max;
    }

    /// <summary>Gets an empty history.</summary>
    public static PurchaseHistory Empty { get; } = new([0], [], [], [], 0, 0, Int128.Zero);

    /// <summary>Gets the number of customers (customers with at least one purchase).</summary>
    public int CustomerCount => _customerIds.Length;

    /// <summary>Gets the number of purchases (entries).</summary>
    public int Count { get; }

    /// <summary>Gets whether the history has no purchases.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>Gets the earliest purchase date; <c>default</c> when the history is empty.</summary>
    public DateOnly FirstDate => Count == 0 ? default : DateOnly.FromDayNumber(MinDayNumber);

    /// <summary>Gets the latest purchase date; <c>default</c> when the history is empty.</summary>
    public DateOnly LastDate => Count == 0 ? default : DateOnly.FromDayNumber(MaxDayNumber);

    /// <summary>Gets the sum of all amounts, exactly.</summary>
    public decimal TotalAmount { get; }

    /// <summary>Gets the number of decimal places of the amount units: <c>amount = units / 10^AmountScale</c>.</summary>
    public int AmountScale { get; }

    /// <summary>Gets the start offsets of each customer's run; length <see cref="CustomerCount"/> + 1, the last element is <see cref="Count"/>.</summary>
    public ReadOnlySpan<int> CustomerStarts => _customerStarts;

    /// <summary>Gets the caller's customer index of each customer, ascending; length <see cref="CustomerCount"/>.</summary>
    public ReadOnlySpan<int> CustomerIds => _customerIds;

    /// <summary>Gets the purchase dates as day numbers (<see cref="DateOnly.DayNumber"/>), sorted within each customer's run.</summary>
    public ReadOnlySpan<int> DayNumbers => new(_days, 0, Count);

    /// <summary>Gets the purchase amounts as units of <c>10^−AmountScale</c>, aligned with <see cref="DayNumbers"/>.</summary>
    public ReadOnlySpan<long> AmountUnits => new(_units, 0, Count);

    internal int MinDayNumber { get; }

    internal int MaxDayNumber { get; }

    internal int[] DayArray => _days;

    internal long[] UnitArray => _units;

    internal int[] StartArray => _customerStarts;

    /// <summary>Converts amount units of this history to an exact <see cref="decimal"/>.</summary>
    /// <param name="units">A count of units of <c>10^−AmountScale</c>, for example a sum over <see cref="AmountUnits"/>.</param>
    /// <returns>The amount.</returns>
    public decimal ToAmount(long units) => Money.FromUnits(units, AmountScale);

    internal decimal ToAmount(Int128 units) => Money.FromUnits(units, AmountScale);

    /// <summary>Gets the position of a caller's customer index in this history.</summary>
    /// <param name="customerId">The caller's customer index.</param>
    /// <returns>The position in <c>0..CustomerCount−1</c>, or −1 when the customer has no purchase in this history.</returns>
    public int PositionOf(int customerId)
    {
        int[] ids = _customerIds;
        if ((uint)customerId < (uint)ids.Length && ids[customerId] == customerId) return customerId;
        int found = Array.BinarySearch(ids, customerId);
        return found >= 0 ? found : -1;
    }

    /// <summary>Builds a history from purchases with dense customer indexes.</summary>
    /// <param name="purchases">The purchases, in any order.</param>
    /// <param name="options">How to treat refunds and how many threads to use; <see langword="null"/> for <see cref="PurchaseHistoryOptions.Default"/>.</param>
    /// <returns>The history; <see cref="Empty"/> for no purchases.</returns>
    /// <exception cref="ArgumentException">A purchase has a negative customer index, a default date, a negative amount
    /// (without refunds), or an amount that cannot be held exactly; the message names the index.</exception>
    /// <remarks>
    /// <para>O(n) for dense customer indexes: a counting sort by customer, then a sort within each run that arrived out of order.
    /// The purchases are read twice (validate and count, then place by customer block) and nothing is staged: besides the
    /// history it allocates 4 bytes per customer index and the columns of one block of about 65,536 purchases per thread.</para>
    /// <para>Customer indexes that are sparse (beyond <c>4n + 2^20</c>), days 179 years apart or more, and any input with a bad
    /// record take <see cref="PurchaseHistoryBuilder"/> instead (16 bytes per purchase while building); the history, or the
    /// error, is the same either way.</para>
    /// </remarks>
    public static PurchaseHistory Create(ReadOnlySpan<Purchase> purchases, PurchaseHistoryOptions? options = null)
    {
        int parts = PurchaseHistoryBuilder.Parts(options?.DegreeOfParallelism ?? 1, purchases.Length);
        if (!purchases.IsEmpty && DirectBuild.TryCreate(purchases, options ?? PurchaseHistoryOptions.Default, parts) is { } history) return history;
        // Sparse customer indexes, and any input with a bad record (whose message the builder words), take the builder.
        var builder = new PurchaseHistoryBuilder(options, purchases.Length);
        if (parts > 1) builder.AddInParallel(purchases, parts);
        else builder.Add(purchases);
        return builder.Build();
    }

    /// <summary>Builds a history from a source read twice, chunk by chunk, without holding a copy of it: for inputs larger than
    /// memory can hold twice, such as a file of hundreds of millions of orders.</summary>
    /// <param name="readChunks">Starts a read of the source and returns its chunks. It is called twice: the first read validates
    /// the purchases and counts them per customer, the second places them. Both reads must yield the same purchases in the same
    /// order (re-reading a file does); a chunk's memory may be reused once the enumeration moves on.</param>
    /// <param name="options">How to treat refunds; <see langword="null"/> for <see cref="PurchaseHistoryOptions.Default"/>.</param>
    /// <returns>The history, equal to <see cref="Create(ReadOnlySpan{Purchase}, PurchaseHistoryOptions?)"/> over the
    /// concatenated chunks; <see cref="Empty"/> for no purchases.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="readChunks"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A purchase is invalid (the message names its position counted over all chunks, with
    /// the rules of <see cref="Create(ReadOnlySpan{Purchase}, PurchaseHistoryOptions?)"/>); a customer index is too sparse for the
    /// per-index counts (use <see cref="CustomerIndex{TKey}"/>); or <paramref name="readChunks"/> returned <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The second read yielded different purchases from the first.</exception>
    /// <remarks>
    /// <para>Peak memory is the history itself (12 bytes per purchase, 8 per customer) plus 4 to 8 bytes per customer index and the
    /// caller's chunk; <see cref="PurchaseHistoryBuilder"/> keeps a 16-byte staging copy per purchase instead. Customer indexes are
    /// positions in the count array, so they must be dense: each below <c>4 × (position + 1) + 2^20</c>.</para>
    /// <para>O(n) over the two reads. docs/scale.md shows it over a 100M-purchase file.</para>
    /// </remarks>
    public static PurchaseHistory CreateFromChunks(Func<IEnumerable<ReadOnlyMemory<Purchase>>> readChunks, PurchaseHistoryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(readChunks);
        return TwoPassBuild.Run(readChunks, options ?? PurchaseHistoryOptions.Default);
    }

    /// <summary>Builds a history from the caller's own records, interning customer keys into <paramref name="customers"/>.</summary>
    /// <typeparam name="TSource">The caller's record type.</typeparam>
    /// <typeparam name="TKey">The caller's customer key type.</typeparam>
    /// <param name="source">The records, in any order.</param>
    /// <param name="customerKey">Selects a record's customer key; it must not return <see langword="null"/>.</param>
    /// <param name="date">Selects a record's local purchase date.</param>
    /// <param name="amount">Selects a record's amount.</param>
    /// <param name="customers">The index that maps keys to customer indexes; new keys are added.</param>
    /// <param name="options">How to treat refunds; <see langword="null"/> for <see cref="PurchaseHistoryOptions.Default"/>.</param>
    /// <returns>The history; <see cref="Empty"/> for no records.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A record has a null key, a default date, a negative amount (without refunds), or
    /// an amount that cannot be held exactly; the message names the record's position in <paramref name="source"/>.</exception>
    public static PurchaseHistory Create<TSource, TKey>(
        IEnumerable<TSource> source,
        Func<TSource, TKey> customerKey,
        Func<TSource, DateOnly> date,
        Func<TSource, decimal> amount,
        CustomerIndex<TKey> customers,
        PurchaseHistoryOptions? options = null)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(customerKey);
        ArgumentNullException.ThrowIfNull(date);
        ArgumentNullException.ThrowIfNull(amount);
        ArgumentNullException.ThrowIfNull(customers);
        var builder = new PurchaseHistoryBuilder(options, source.TryGetNonEnumeratedCount(out int n) ? n : 0, nameof(source));
        long index = 0;
        foreach (TSource record in source)
        {
            TKey key = customerKey(record);
            if (key is null) ThrowHelper.ThrowElement(nameof(source), index, "customer key", null, "a customer key is required.");
            builder.Add(customers.GetOrAdd(key), date(record), amount(record));
            index++;
        }
        return builder.Build();
    }
}
