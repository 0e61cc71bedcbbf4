using System.Buffers;
using System.Diagnostics;
using System.Globalization;

namespace Retention.Metrics;

/// <summary>Accumulates purchases in chunks (spans or an async stream) and builds a <see cref="PurchaseHistory"/> once.</summary>
/// <remarks>
/// Each purchase is validated as it is added; the message of a bad record names its position counted over everything
/// added so far. The builder keeps 16 bytes per purchase until <see cref="Build"/>, which sorts them into the history
/// and releases the builder's storage; a builder builds once.
/// </remarks>
public sealed class PurchaseHistoryBuilder
{
    internal const int DenseCustomerSlack = 1 << 20;

    private readonly PurchaseHistoryOptions _options;
    private readonly string _paramName;
    private int[] _customers;
    private int[] _days;
    private long[] _units;
    private int _count;
    private int _scale;
    private UInt128 _absoluteUnits;
    private int _maxCustomer = -1;
    private bool _built;

    /// <summary>Creates a builder.</summary>
    /// <param name="options">How to treat refunds; <see langword="null"/> for <see cref="PurchaseHistoryOptions.Default"/>.</param>
    /// <param name="capacity">The expected number of purchases, to size storage once; zero or greater.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is negative.</exception>
    public PurchaseHistoryBuilder(PurchaseHistoryOptions? options = null, int capacity = 0)
        : this(options, capacity, "purchases")
    {
    }

    internal PurchaseHistoryBuilder(PurchaseHistoryOptions? options, int capacity, string paramName)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _options = options ?? PurchaseHistoryOptions.Default;
        _paramName = paramName;
        _customers = capacity == 0 ? [] : new int[capacity];
        _days = capacity == 0 ? [] : new int[capacity];
        _units = capacity == 0 ? [] : new long[capacity];
    }

    /// <summary>Gets the number of purchases added so far.</summary>
    public int Count => _count;

    /// <summary>Adds one purchase.</summary>
    /// <param name="customer">The customer index; zero or greater.</param>
    /// <param name="date">The local purchase date; not <c>default</c>.</param>
    /// <param name="amount">The amount; zero or greater unless refunds are allowed.</param>
    /// <exception cref="ArgumentException">The purchase is invalid; the message names its position.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built its history.</exception>
    public void Add(int customer, DateOnly date, decimal amount)
    {
        if (_built) ThrowHelper.ThrowInvalidOperation("This builder has already built its history; create a new builder.");
        long index = _count;
        ValidateRecord(_paramName, index, customer, date, amount, _options.AllowRefunds);
        long units = ToUnits(amount, index);
        if (_count == _days.Length) Grow();
        _customers[_count] = customer;
        _days[_count] = date.DayNumber;
        _units[_count] = units;
        _count++;
        if (customer > _maxCustomer) _maxCustomer = customer;
    }

    /// <summary>Checks the rules every purchase obeys, whatever its amount's scale: the messages name the record's position.</summary>
    internal static void ValidateRecord(string paramName, long index, int customer, DateOnly date, decimal amount, bool allowRefunds)
    {
        if (customer < 0) ThrowHelper.ThrowElement(paramName, index, "Customer", customer, "customer indexes must be zero or greater.");
        if (date.DayNumber == 0) ThrowHelper.ThrowElement(paramName, index, "Date", date, "a purchase date is required (default(DateOnly) is not a date).");
        if (amount < 0m && !allowRefunds)
            ThrowHelper.ThrowElement(paramName, index, "Amount", amount, "amounts must be zero or greater (set PurchaseHistoryOptions.AllowRefunds to net refunds).");
    }

    /// <summary>Adds one purchase.</summary>
    /// <param name="purchase">The purchase.</param>
    /// <exception cref="ArgumentException">The purchase is invalid; the message names its position.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built its history.</exception>
    public void Add(Purchase purchase) => Add(purchase.Customer, purchase.Date, purchase.Amount);

    /// <summary>Adds a chunk of purchases.</summary>
    /// <param name="purchases">The purchases.</param>
    /// <exception cref="ArgumentException">A purchase is invalid; the message names its position.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built its history.</exception>
    public void Add(ReadOnlySpan<Purchase> purchases)
    {
        if (purchases.IsEmpty) return;
        if (_built) ThrowHelper.ThrowInvalidOperation("This builder has already built its history; create a new builder.");
        EnsureCapacity(checked(_count + purchases.Length));
        // The common case (a valid purchase whose amount fits the current scale) runs on locals; anything else, including
        // every error and a rescale, goes through the one-purchase Add after the locals are written back, so messages,
        // positions and state are exactly those of adding the purchases one by one.
        int[] customers = _customers, days = _days;
        long[] units = _units;
        int count = _count, max = _maxCustomer, scale = _scale;
        bool allowRefunds = _options.AllowRefunds;
        ulong absolute = (ulong)_absoluteUnits; // at most long.MaxValue, so adding one |units| cannot wrap
        for (int i = 0; i < purchases.Length; i++)
        {
            ref readonly Purchase p = ref purchases[i];
            int customer = p.Customer;
            int day = p.Date.DayNumber;
            if (customer >= 0 && day != 0 && (allowRefunds || p.Amount >= 0m) && Money.TryToUnits(p.Amount, scale, out long u))
            {
                ulong next = absolute + (ulong)Math.Abs(u);
                if (next <= long.MaxValue)
                {
                    customers[count] = customer;
                    days[count] = day;
                    units[count] = u;
                    count++;
                    if (customer > max) max = customer;
                    absolute = next;
                    continue;
                }
            }
            _count = count;
            _maxCustomer = max;
            _absoluteUnits = absolute;
            Add(customer, p.Date, p.Amount);
            count = _count;
            max = _maxCustomer;
            scale = _scale;
            absolute = (ulong)_absoluteUnits;
        }
        _count = count;
        _maxCustomer = max;
        _absoluteUnits = absolute;
    }

    /// <summary>Adds the purchases of an empty builder on several threads, one contiguous slice each, with exactly the outcome
    /// of <see cref="Add(ReadOnlySpan{Purchase})"/>: a slice that meets anything off the common path (an invalid purchase, an
    /// amount beyond the exact range) sends the whole input through the one-thread path, which reports the first bad record.</summary>
    internal unsafe void AddInParallel(ReadOnlySpan<Purchase> purchases, int parts)
    {
        Debug.Assert(_count == 0 && !_built && parts > 1);
        int n = purchases.Length;
        EnsureCapacity(n);
        int[] customers = _customers, days = _days;
        long[] units = _units;
        bool allowRefunds = _options.AllowRefunds;
        var slices = new SliceState[parts];
        fixed (Purchase* first = purchases)
        {
            nint address = (nint)first;
            Slices.ForEach(parts, p =>
            {
                int from = Slices.End(n, parts, p - 1);
                var slice = new ReadOnlySpan<Purchase>((Purchase*)address + from, Slices.End(n, parts, p) - from);
                slices[p] = StageSlice(slice, from, customers, days, units, allowRefunds);
            });
        }
        int scale = 0, max = -1;
        bool common = true;
        foreach (SliceState slice in slices)
        {
            common &= slice.Common;
            scale = Math.Max(scale, slice.Scale);
            max = Math.Max(max, slice.MaxCustomer);
        }
        UInt128 absolute = 0;
        if (common)
        {
            for (int p = 0; p < parts; p++) absolute += (UInt128)slices[p].Absolute * (ulong)Money.Pow10(scale - slices[p].Scale);
            common = absolute <= long.MaxValue;
        }
        if (!common)
        {
            Add(purchases);
            return;
        }
        for (int p = 0; p < parts; p++)
        {
            if (slices[p].Scale == scale) continue;
            long factor = Money.Pow10(scale - slices[p].Scale);
            for (int i = Slices.End(n, parts, p - 1), end = Slices.End(n, parts, p); i < end; i++) units[i] *= factor;
        }
        _count = n;
        _scale = scale;
        _maxCustomer = max;
        _absoluteUnits = absolute;
    }

    /// <summary>What one slice of <see cref="AddInParallel"/> found: its amount scale, largest customer index and sum of absolute
    /// units at that scale, or that it left the common path.</summary>
    private readonly record struct SliceState(bool Common, int Scale, int MaxCustomer, ulong Absolute);

    private static SliceState StageSlice(ReadOnlySpan<Purchase> slice, int offset, int[] customers, int[] days, long[] units, bool allowRefunds)
    {
        int scale = 0, max = -1;
        ulong absolute = 0;
        for (int i = 0; i < slice.Length; i++)
        {
            ref readonly Purchase p = ref slice[i];
            int customer = p.Customer;
            int day = p.Date.DayNumber;
            if (customer < 0 || day == 0 || (!allowRefunds && p.Amount < 0m)) return default;
            if (!Money.TryToUnits(p.Amount, scale, out long u))
            {
                int before = scale;
                if (!Money.TryRaiseScale(p.Amount, ref scale, ref absolute, out u)) return default;
                long factor = Money.Pow10(scale - before);
                for (int j = offset; j < offset + i; j++) units[j] *= factor;
            }
            absolute += (ulong)Math.Abs(u);
            if (absolute > long.MaxValue) return default;
            customers[offset + i] = customer;
            days[offset + i] = day;
            units[offset + i] = u;
            if (customer > max) max = customer;
        }
        return new SliceState(true, scale, max, absolute);
    }

    /// <summary>Adds every purchase of an asynchronous stream, for example rows read from a database or a file.</summary>
    /// <param name="purchases">The stream.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>A task that completes when the stream ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="purchases"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A purchase is invalid; the message names its position.</exception>
    public async Task AddAsync(IAsyncEnumerable<Purchase> purchases, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(purchases);
        await foreach (Purchase p in purchases.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            Add(p.Customer, p.Date, p.Amount);
        }
    }

    /// <summary>Sorts the added purchases into a history and releases the builder's storage.</summary>
    /// <returns>The history; <see cref="PurchaseHistory.Empty"/> when nothing was added.</returns>
    /// <exception cref="ArgumentException">With refunds allowed, a customer's refunds exceed what they bought up to that day.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built its history.</exception>
    public PurchaseHistory Build()
    {
        if (_built) ThrowHelper.ThrowInvalidOperation("This builder has already built its history; create a new builder.");
        _built = true;
        int n = _count;
        int[] customers = _customers, days = _days;
        long[] units = _units;
        _customers = [];
        _days = [];
        _units = [];
        if (n == 0) return PurchaseHistory.Empty;

        // 1. Count purchases per customer and lay out the runs in ascending customer index order: starts[c] is the first
        //    position of the c-th customer, cursor[k] the next free position of the purchase with key k.
        int[] ids;
        int[] starts;
        int[] cursor;
        bool dense = _maxCustomer < (long)n * 4 + DenseCustomerSlack;
        int parts = Parts(_options.DegreeOfParallelism, n);
        if (dense && parts > 1) return BuildDenseInParallel(customers, days, units, n, parts);
        if (dense)
        {
            // Keys are the customer indexes themselves: the cursor array is indexed by customer, no lookup per purchase.
            cursor = new int[_maxCustomer + 1];
            for (int i = 0; i < n; i++) cursor[customers[i]]++;
            (ids, starts) = LayOutDense(cursor);
        }
        else
        {
            // Sparse indexes: keys are positions, found by binary search over the distinct sorted indexes.
            int[] sorted = ArrayPool<int>.Shared.Rent(n);
            try
            {
                customers.AsSpan(0, n).CopyTo(sorted);
                Span<int> s = sorted.AsSpan(0, n);
                s.Sort();
                int distinct = 0;
                for (int i = 0; i < n; i++) if (i == 0 || s[i] != s[i - 1]) s[distinct++] = s[i];
                ids = s[..distinct].ToArray();
            }
            finally
            {
                ArrayPool<int>.Shared.Return(sorted);
            }
            cursor = new int[ids.Length];
            for (int i = 0; i < n; i++)
            {
                int position = Array.BinarySearch(ids, customers[i]);
                customers[i] = position;
                cursor[position]++;
            }
            starts = new int[ids.Length + 1];
            for (int c = 0; c < ids.Length; c++)
            {
                starts[c + 1] = starts[c] + cursor[c];
                cursor[c] = starts[c];
            }
        }

        // 2. Counting sort: each purchase goes to its customer's next free position (input order kept within a run).
        var sortedDays = new int[n];
        var sortedUnits = new long[n];
        for (int i = 0; i < n; i++)
        {
            int p = cursor[customers[i]]++;
            sortedDays[p] = days[i];
            sortedUnits[p] = units[i];
        }

        return Finish(_options, _paramName, starts, ids, sortedDays, sortedUnits, _scale);
    }

    /// <summary>The fewest purchases worth a thread of their own.</summary>
    private const int MinPurchasesPerPart = 1 << 12;

    /// <summary>Gets how many slices of <paramref name="n"/> purchases to work on at once.</summary>
    internal static int Parts(int degreeOfParallelism, int n) => Math.Max(1, Math.Min(degreeOfParallelism, n / MinPurchasesPerPart));

    /// <summary>The counting sort on several threads: each slice of the staged purchases counts its customers into its own
    /// array; the layout gives each slice, per customer, the positions after the earlier slices' (so input order is kept
    /// within a run, exactly as the one-thread sort does); then every slice places its purchases at once.</summary>
    private PurchaseHistory BuildDenseInParallel(int[] customers, int[] days, long[] units, int n, int parts)
    {
        int indexes = _maxCustomer + 1;
        var counts = new int[parts][];
        Slices.ForEach(parts, p =>
        {
            var c = new int[indexes];
            int end = Slices.End(n, parts, p);
            for (int i = Slices.End(n, parts, p - 1); i < end; i++) c[customers[i]]++;
            counts[p] = c;
        });
        int customerCount = 0;
        for (int id = 0; id < indexes; id++)
        {
            int total = 0;
            for (int p = 0; p < parts; p++) total += counts[p][id];
            if (total != 0) customerCount++;
        }
        var ids = new int[customerCount];
        var starts = new int[customerCount + 1];
        int k = 0, offset = 0;
        for (int id = 0; id < indexes; id++)
        {
            int first = offset;
            for (int p = 0; p < parts; p++)
            {
                int count = counts[p][id];
                counts[p][id] = offset;
                offset += count;
            }
            if (offset == first) continue;
            ids[k] = id;
            starts[k++] = first;
        }
        starts[customerCount] = offset;
        var sortedDays = new int[n];
        var sortedUnits = new long[n];
        Slices.ForEach(parts, p =>
        {
            int[] cursor = counts[p];
            int end = Slices.End(n, parts, p);
            for (int i = Slices.End(n, parts, p - 1); i < end; i++)
            {
                int at = cursor[customers[i]]++;
                sortedDays[at] = days[i];
                sortedUnits[at] = units[i];
            }
        });
        return Finish(_options, _paramName, starts, ids, sortedDays, sortedUnits, _scale);
    }

    /// <summary>Turns purchase counts per customer index into the run layout: the indexes with purchases (ascending), the start of
    /// each run, and, in place, each index's first free position (the cursor of the counting sort).</summary>
    internal static (int[] Ids, int[] Starts) LayOutDense(Span<int> counts)
    {
        int customerCount = 0;
        for (int id = 0; id < counts.Length; id++) if (counts[id] != 0) customerCount++;
        var ids = new int[customerCount];
        var starts = new int[customerCount + 1];
        int c = 0, offset = 0;
        for (int id = 0; id < counts.Length; id++)
        {
            int k = counts[id];
            if (k == 0) continue;
            ids[c] = id;
            starts[c++] = offset;
            counts[id] = offset;
            offset += k;
        }
        starts[customerCount] = offset;
        return (ids, starts);
    }

    /// <summary>Sorts each customer's run by (day, units), nets refunds when allowed, and makes the history from the columns
    /// laid out by customer (<paramref name="starts"/>, <paramref name="ids"/>).</summary>
    internal static PurchaseHistory Finish(PurchaseHistoryOptions options, string paramName, int[] starts, int[] ids, int[] sortedDays, long[] sortedUnits, int scale)
    {
        // Runs usually arrive sorted.
        int parts = Parts(options.DegreeOfParallelism, sortedDays.Length);
        if (parts == 1)
        {
            SortRuns(starts, sortedDays, sortedUnits, 0, ids.Length);
        }
        else
        {
            int customers = ids.Length;
            Slices.ForEach(parts,
                p => SortRuns(starts, sortedDays, sortedUnits, Slices.End(customers, parts, p - 1), Slices.End(customers, parts, p)));
        }

        if (options.AllowRefunds) return NetRefunds(paramName, starts, ids, sortedDays, sortedUnits, scale);
        // The sum of absolute units is at most long.MaxValue (checked as purchases were added), so a long cannot overflow.
        int n = sortedDays.Length;
        long total = 0;
        for (int i = 0; i < n; i++) total += sortedUnits[i];
        return new PurchaseHistory(starts, ids, sortedDays, sortedUnits, n, scale, total);
    }

    internal static PurchaseHistory NetRefunds(string paramName, int[] starts, int[] ids, int[] days, long[] units, int scale)
    {
        int write = 0;
        int keptCustomers = 0;
        Int128 total = 0;
        for (int c = 0; c < ids.Length; c++)
        {
            int runStart = write;
            int i = starts[c], end = starts[c + 1];
            while (i < end)
            {
                int day = days[i];
                long net = 0;
                bool refunded = false;
                for (; i < end && days[i] == day; i++)
                {
                    net = checked(net + units[i]);
                    if (units[i] < 0) refunded = true;
                }
                if (net > 0 || (net == 0 && !refunded))
                {
                    days[write] = day;
                    units[write] = net;
                    write++;
                }
                else if (net < 0)
                {
                    long carry = -net;
                    while (carry > 0 && write > runStart)
                    {
                        if (units[write - 1] > carry)
                        {
                            units[write - 1] -= carry;
                            carry = 0;
                        }
                        else
                        {
                            carry -= units[write - 1];
                            write--;
                        }
                    }
                    if (carry > 0)
                    {
                        ThrowHelper.ThrowArgument(paramName, string.Create(CultureInfo.InvariantCulture,
                            $"{paramName}: customer {ids[c]} refunds {Money.FromUnits(carry, scale)} more on {DateOnly.FromDayNumber(day):yyyy-MM-dd} than they bought up to that day; a refund must follow the purchase it returns."));
                    }
                }
            }
            if (write > runStart)
            {
                for (int k = runStart; k < write; k++) total += units[k];
                ids[keptCustomers] = ids[c];
                starts[keptCustomers] = runStart;
                keptCustomers++;
            }
        }
        starts[keptCustomers] = write;
        if (write == 0) return PurchaseHistory.Empty;
        int[] finalStarts = keptCustomers == ids.Length ? starts : starts.AsSpan(0, keptCustomers + 1).ToArray();
        int[] finalIds = keptCustomers == ids.Length ? ids : ids.AsSpan(0, keptCustomers).ToArray();
        return new PurchaseHistory(finalStarts, finalIds, days, units, write, scale, total);
    }

    private static void SortRuns(int[] starts, int[] days, long[] units, int fromCustomer, int toCustomer)
    {
        for (int c = fromCustomer; c < toCustomer; c++)
            SortRun(days.AsSpan(starts[c], starts[c + 1] - starts[c]), units.AsSpan(starts[c], starts[c + 1] - starts[c]));
    }

    internal static void SortRun(Span<int> days, Span<long> units)
    {
        int length = days.Length;
        // The first purchase out of (day, units) order; none: the run is sorted.
        int inversion = 1;
        while (inversion < length && (days[inversion] > days[inversion - 1]
            || (days[inversion] == days[inversion - 1] && units[inversion] >= units[inversion - 1])))
        {
            inversion++;
        }
        if (inversion >= length) return;
        if (length <= 32)
        {
            // Insertion sort, from the first inversion (the purchases before it are in order).
            for (int i = inversion; i < length; i++)
            {
                int d = days[i];
                long u = units[i];
                int j = i - 1;
                while (j >= 0 && (days[j] > d || (days[j] == d && units[j] > u)))
                {
                    days[j + 1] = days[j];
                    units[j + 1] = units[j];
                    j--;
                }
                days[j + 1] = d;
                units[j + 1] = u;
            }
            return;
        }
        // Runs usually arrive in day order with a few same-day purchases out of amount order: sort by day only if needed (the
        // days before the first inversion are in order).
        for (int i = inversion; i < length; i++)
        {
            if (days[i] < days[i - 1])
            {
                days.Sort(units);
                break;
            }
        }
        // Order equal days by amount so the layout does not depend on input order.
        for (int i = 0; i < length;)
        {
            int j = i + 1;
            while (j < length && days[j] == days[i]) j++;
            if (j - i > 1) units[i..j].Sort();
            i = j;
        }
    }

    private long ToUnits(decimal amount, long index)
    {
        if (Money.TryToUnits(amount, _scale, out long units)) return Track(units, amount, index);
        int needed = Money.MinimalScale(amount);
        if (needed > Money.MaxScale) ThrowTooManyDecimals(_paramName, amount, index);
        if (needed > _scale) Rescale(needed, amount, index);
        if (!Money.TryToUnits(amount, _scale, out units)) ThrowTooLarge(amount, index);
        return Track(units, amount, index);
    }

    private long Track(long units, decimal amount, long index)
    {
        _absoluteUnits += (ulong)Math.Abs(units);
        if (_absoluteUnits > long.MaxValue) ThrowTooLarge(amount, index);
        return units;
    }

    private void Rescale(int scale, decimal amount, long index)
    {
        long factor = Money.Pow10(scale - _scale);
        UInt128 total = _absoluteUnits * (ulong)factor;
        if (total > long.MaxValue) ThrowTooLarge(amount, index);
        for (int i = 0; i < _count; i++) _units[i] *= factor;
        _absoluteUnits = total;
        _scale = scale;
    }

    private void ThrowTooLarge(decimal amount, long index) => ThrowTooLarge(_paramName, _scale, amount, index);

    internal static void ThrowTooLarge(string paramName, int scale, decimal amount, long index) =>
        ThrowHelper.ThrowElement(paramName, index, "Amount", amount, string.Create(CultureInfo.InvariantCulture,
            $"the sum of absolute amounts at {Math.Max(scale, Money.MinimalScale(amount))} decimal places must stay within ±9,223,372,036,854,775,807 units to be summed exactly."));

    internal static void ThrowTooManyDecimals(string paramName, decimal amount, long index) =>
        ThrowHelper.ThrowElement(paramName, index, "Amount", amount, $"amounts may have at most {Money.MaxScale} decimal places.");

    private void EnsureCapacity(int required)
    {
        if (required <= _days.Length) return;
        int size = Math.Max(required, Math.Max(1024, (int)Math.Min(Array.MaxLength, (long)_days.Length * 2)));
        Array.Resize(ref _customers, size);
        Array.Resize(ref _days, size);
        Array.Resize(ref _units, size);
    }

    private void Grow() => EnsureCapacity(checked(_count + 1));
}
