using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Retention.Metrics;

/// <summary>The counts of one period of <see cref="Repeat.PeriodSeries"/> while the pass runs, side by side so that one
/// purchase updates one small block of memory.</summary>
/// <remarks>
/// <para>A purchase makes two additions to memory: one to <see cref="Packed"/>, which holds four 16-bit counters (orders,
/// retained buyers, buyers, new buyers), and one to <see cref="Revenue"/>. The pass moves the packed counters into the wide
/// pairs <see cref="OrdersAndBuyers"/> and <see cref="RetainedAndNewBuyers"/> (<see cref="Flush"/>) before any of them can
/// reach 2^16, that is, at least once every <see cref="FlushEvery"/> purchases.</para>
/// <para>A wide pair holds two counts, one in each half of a <see cref="long"/>: every count is below 2^31 (a history holds fewer
/// than 2^31 purchases and customers), so the low half never carries into the high half.</para>
/// <para>The rest is derived when the pass ends (<see cref="CopyTo"/>): repeat orders are the orders less the new buyers' first
/// orders, repeat revenue the revenue less that of the new buyers' first purchase days, and repeat buyers the buyers that are not
/// new plus the new buyers with a repeat purchase in their first period.</para>
/// </remarks>
internal struct SeriesCell
{
    /// <summary>Orders (bits 0–15), retained buyers (16–31), buyers (32–47) and new buyers (48–63) since the last flush.</summary>
    internal long Packed;
    internal long Revenue;
    internal long FirstDayRevenue;
    /// <summary>New buyers with a repeat purchase in their first period (low half) and new buyers of the previous period who
    /// bought in this one (high half).</summary>
    internal long NewRepeatAndRetained;
    /// <summary>Orders (low half) and buyers (high half), flushed.</summary>
    internal long OrdersAndBuyers;
    /// <summary>Retained buyers (low half) and new buyers (high half), flushed.</summary>
    internal long RetainedAndNewBuyers;

    /// <summary>The packed counters' bit offsets.</summary>
    internal const int RetainedBit = 16, BuyerBit = 32, NewBuyerBit = 48;

    /// <summary>The high half of a wide pair.</summary>
    internal const int High = 32;

    /// <summary>A packed counter counts at most this many purchases between flushes.</summary>
    internal const int FlushEvery = ushort.MaxValue;

    /// <summary>The 16-bit counters at bits 0–15 and 32–47 of a packed value, as a wide pair.</summary>
    private const long EvenCounters = 0x0000_FFFF_0000_FFFFL;

    private static long Low(long pair) => pair & uint.MaxValue;

    private static long HighOf(long pair) => (long)((ulong)pair >> High);

    /// <summary>Moves every cell's packed counters into its wide pairs.</summary>
    internal static void Flush(Span<SeriesCell> cells)
    {
        for (int r = 0; r < cells.Length; r++)
        {
            ref SeriesCell c = ref cells[r];
            long packed = c.Packed;
            c.OrdersAndBuyers += packed & EvenCounters;
            c.RetainedAndNewBuyers += (packed >>> RetainedBit) & EvenCounters;
            c.Packed = 0;
        }
    }

    /// <summary>Adds the flushed cells of another customer range, cell by cell (the ranges' customers are disjoint).</summary>
    internal static void Add(Span<SeriesCell> target, ReadOnlySpan<SeriesCell> source)
    {
        for (int r = 0; r < target.Length; r++)
        {
            ref SeriesCell t = ref target[r];
            ref readonly SeriesCell c = ref source[r];
            t.Revenue += c.Revenue;
            t.FirstDayRevenue += c.FirstDayRevenue;
            t.NewRepeatAndRetained += c.NewRepeatAndRetained;
            t.OrdersAndBuyers += c.OrdersAndBuyers;
            t.RetainedAndNewBuyers += c.RetainedAndNewBuyers;
        }
    }

    /// <summary>Writes the flushed cells into the series' count columns, unpacking the pairs and deriving the repeat counts.</summary>
    internal static void CopyTo(ReadOnlySpan<SeriesCell> cells, RepeatSeries.Counts counts)
    {
        for (int r = 0; r < cells.Length; r++)
        {
            ref readonly SeriesCell c = ref cells[r];
            long orders = Low(c.OrdersAndBuyers), buyers = HighOf(c.OrdersAndBuyers);
            long newBuyers = HighOf(c.RetainedAndNewBuyers), newRepeatBuyers = Low(c.NewRepeatAndRetained);
            counts.Orders[r] = orders;
            counts.Revenue[r] = c.Revenue;
            counts.Buyers[r] = buyers;
            counts.Retained[r] = Low(c.RetainedAndNewBuyers);
            counts.NewRetained[r] = HighOf(c.NewRepeatAndRetained);
            counts.NewBuyers[r] = newBuyers;
            counts.NewRepeatBuyers[r] = newRepeatBuyers;
            // Every purchase in a period other than the customer's first period is a repeat purchase, so every buyer that is not
            // new is a repeat buyer; a new buyer is one if it has a repeat purchase in its first period.
            counts.RepeatBuyers[r] = buyers - newBuyers + newRepeatBuyers;
            // Every order but a customer's first is a repeat order; each new customer's first order is in its acquisition period.
            counts.RepeatOrders[r] = orders - newBuyers;
            // Repeat revenue is that of later purchase days.
            counts.RepeatRevenue[r] = c.Revenue - c.FirstDayRevenue;
        }
    }
}

/// <summary>The one pass of <see cref="Repeat.PeriodSeries"/> over a range of customers.</summary>
/// <param name="history">The history.</param>
/// <param name="map">Maps every day of the history, <c>day − history.MinDayNumber</c>, to its cell: the relative period index for
/// the days of the series' table (from the period before the series to the observation end), and the scratch cell,
/// <c>cells.Length − 2</c>, for any other day.</param>
/// <param name="tableStart">The table's first day: customers whose first purchase is earlier were acquired before it.</param>
/// <param name="byOrders">Whether every order but the first is a repeat purchase, rather than every later purchase day.</param>
/// <param name="bits">The customer set's bits; <see langword="null"/> for all customers.</param>
internal readonly struct SeriesPass(PurchaseHistory history, int[] map, int tableStart, bool byOrders, ulong[]? bits)
{
    /// <summary>The cells past the series' cells: a scratch cell for the purchases that are not counted, and the cell after it.</summary>
    internal const int ExtraCells = 2;

    /// <summary>Adds the customers at positions <c>[from, to)</c> into <paramref name="cells"/> and flushes them: one cell per
    /// relative period index, then the <see cref="ExtraCells"/>, which the caller ignores.</summary>
    /// <returns>The number of those customers acquired before the table's first day.</returns>
    internal long Run(int from, int to, Span<SeriesCell> cells)
    {
        if (bits is null)
            return byOrders ? Run<ByOrders, AllCustomers>(from, to, cells, default) : Run<ByOccasions, AllCustomers>(from, to, cells, default);
        var some = new SomeCustomers(bits);
        return byOrders ? Run<ByOrders, SomeCustomers>(from, to, cells, some) : Run<ByOccasions, SomeCustomers>(from, to, cells, some);
    }

    /// <summary>Customers are taken in chunks of this many: the first purchases of a chunk are counted in one branch-free loop,
    /// and only its customers with more purchases are listed for the purchase loop.</summary>
    private const int Chunk = 2048;

    /// <summary>The packed counter increment of a customer's first purchase: an order, a buyer and a new buyer.</summary>
    private const long FirstStep = 1 | (1L << SeriesCell.BuyerBit) | (1L << SeriesCell.NewBuyerBit);

    /// <remarks>
    /// <para>Most customers buy once, and a loop over a customer's purchases costs a mispredicted branch when it ends (how many
    /// purchases a customer has is unpredictable). So the pass takes customers a chunk at a time (at most <see cref="Chunk"/>
    /// customers and <see cref="SeriesCell.FlushEvery"/> purchases, so that the packed counters are flushed between chunks
    /// only): one loop counts every customer's first purchase without a branch (into the scratch cell when the customer is not
    /// in the set) and lists, also without a branch, the customers with later purchases; the purchase loop then runs for those
    /// only. A customer with more purchases than a flush allows is a chunk of its own, flushed as it is counted.</para>
    /// <para>The first purchase is never a repeat purchase and always starts a customer's first period: it adds an order, a
    /// buyer, its revenue, a new buyer and first-day revenue to its period, and nothing else. Every later purchase adds an order
    /// and its revenue, and a buyer or a retained buyer when it starts a period. What depends on the customer's first period is
    /// counted once per customer: the later purchases on the first day (they lead the run), a repeat purchase in the first
    /// period (the customer's first repeat purchase is in it), and a purchase in the next period (a flag the loop keeps in a
    /// register).</para>
    /// <para>Purchases outside the table map to the scratch cell, so the loop needs no test for them: a customer acquired before
    /// the table, or after the observation end, has the scratch cell as its first period and counts nothing until its first
    /// purchase in the table, which starts a period that retains nothing; the purchases after the observation end count into
    /// the scratch cell.</para>
    /// </remarks>
    private long Run<TRule, TCustomers>(int from, int to, Span<SeriesCell> cells, TCustomers customers)
        where TRule : struct, IRepeatRule where TCustomers : struct, ICustomers
    {
        ReadOnlySpan<int> starts = history.CustomerStarts;
        Span<int> listed = stackalloc int[Chunk];
        long acquiredBefore = 0;
        // Purchases counted since the last flush: no packed counter can exceed it.
        int pending = 0;
        for (int chunk = from, chunkEnd; chunk < to; chunk = chunkEnd)
        {
            chunkEnd = ChunkEnd(starts, chunk, Math.Min(to, chunk + Chunk));
            int purchases = starts[chunkEnd] - starts[chunk];
            // A customer with more purchases than a flush allows is a chunk of its own.
            bool heavy = purchases > SeriesCell.FlushEvery;
            if (heavy || pending + purchases > SeriesCell.FlushEvery)
            {
                SeriesCell.Flush(cells);
                pending = 0;
            }
            pending += purchases;
            int count = CountFirstPurchases(chunk, chunkEnd, cells, customers, listed, ref acquiredBefore);
            if (heavy)
            {
                if (count > 0) CountHeavyCustomer<TRule>(chunk, cells);
                // Its last counts are not flushed yet: the next chunk, or the end, flushes first.
                pending = SeriesCell.FlushEvery;
            }
            else
            {
                CountLaterPurchases<TRule>(listed[..count], cells);
            }
        }
        SeriesCell.Flush(cells);
        return acquiredBefore;
    }

    /// <summary>Counts the first purchase of the customers at positions <c>[from, to)</c>, branch-free, and lists those in the set
    /// with later purchases.</summary>
    /// <returns>The number of customers listed.</returns>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private int CountFirstPurchases<TCustomers>(int from, int to, Span<SeriesCell> cells, TCustomers customers, Span<int> listed,
        ref long acquiredBefore) where TCustomers : struct, ICustomers
    {
        int minDay = history.MinDayNumber;
        int scratch = cells.Length - ExtraCells;
        int before = tableStart - minDay;
        ref int map0 = ref MemoryMarshal.GetArrayDataReference(map);
        ref SeriesCell cell0 = ref MemoryMarshal.GetReference(cells);
        ref int day0 = ref MemoryMarshal.GetArrayDataReference(history.DayArray);
        ref long units0 = ref MemoryMarshal.GetArrayDataReference(history.UnitArray);
        ref int start0 = ref MemoryMarshal.GetReference(history.CustomerStarts);
        ref int listed0 = ref MemoryMarshal.GetReference(listed);
        int count = 0;
        long acquired = 0;
        int s = Unsafe.Add(ref start0, from);
        for (int c = from; c < to; c++)
        {
            int end = Unsafe.Add(ref start0, c + 1);
            int firstOffset = Unsafe.Add(ref day0, s) - minDay;
            int included = customers.Includes(c) ? 1 : 0;
            acquired += included & (firstOffset < before ? 1 : 0);
            int r = Unsafe.Add(ref map0, firstOffset);
            ref SeriesCell cell = ref Unsafe.Add(ref cell0, included != 0 ? r : scratch);
            long units = Unsafe.Add(ref units0, s);
            cell.Packed += FirstStep;
            cell.Revenue += units;
            cell.FirstDayRevenue += units;
            Unsafe.Add(ref listed0, count) = c;
            count += included & (end - s > 1 ? 1 : 0);
            s = end;
        }
        acquiredBefore += acquired;
        return count;
    }

    /// <summary>Counts the later purchases of the listed customers; the caller has room for all of them before a flush.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private void CountLaterPurchases<TRule>(ReadOnlySpan<int> listed, Span<SeriesCell> cells) where TRule : struct, IRepeatRule
    {
        int minDay = history.MinDayNumber;
        ref int map0 = ref MemoryMarshal.GetArrayDataReference(map);
        ref SeriesCell cell0 = ref MemoryMarshal.GetReference(cells);
        ref int day0 = ref MemoryMarshal.GetArrayDataReference(history.DayArray);
        ref long units0 = ref MemoryMarshal.GetArrayDataReference(history.UnitArray);
        ref int start0 = ref MemoryMarshal.GetReference(history.CustomerStarts);
        for (int k = 0; k < listed.Length; k++)
        {
            int c = listed[k];
            CountCustomer<TRule>(ref day0, ref units0, ref map0, ref cell0, cells, minDay,
                Unsafe.Add(ref start0, c), Unsafe.Add(ref start0, c + 1), heavy: false);
        }
    }

    /// <summary>The end of the chunk of customers from <paramref name="chunk"/>: as many as fit in <paramref name="limit"/> whose
    /// purchases fit in one flush, and at least one.</summary>
    private static int ChunkEnd(ReadOnlySpan<int> starts, int chunk, int limit)
    {
        int budget = starts[chunk] + SeriesCell.FlushEvery;
        if (starts[limit] <= budget) return limit;
        // The largest end whose purchases fit: starts ascend.
        int lo = chunk + 1, hi = limit - 1;
        while (lo <= hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            if (starts[mid] <= budget) lo = mid + 1;
            else hi = mid - 1;
        }
        return Math.Max(chunk + 1, hi);
    }

    /// <summary>Counts the later purchases of a customer with more purchases than a flush allows, flushing as it goes (all but
    /// the last part of the run: the caller flushes before it counts more).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void CountHeavyCustomer<TRule>(int c, Span<SeriesCell> cells) where TRule : struct, IRepeatRule
    {
        ReadOnlySpan<int> starts = history.CustomerStarts;
        CountCustomer<TRule>(ref MemoryMarshal.GetArrayDataReference(history.DayArray), ref MemoryMarshal.GetArrayDataReference(history.UnitArray),
            ref MemoryMarshal.GetArrayDataReference(map), ref MemoryMarshal.GetReference(cells), cells, history.MinDayNumber,
            starts[c], starts[c + 1], heavy: true);
    }

    /// <summary>Counts the purchases after the first of the customer at positions <c>[start, end)</c> (at least two). When
    /// <paramref name="heavy"/>, the run holds more purchases than a flush allows, and the packed counters are flushed as the
    /// purchases are counted; otherwise the caller has room for the whole run.</summary>
    /// <remarks>A customer outside the table keeps the scratch cell as its first period: nothing it does counts.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CountCustomer<TRule>(ref int day0, ref long units0, ref int map0, ref SeriesCell cell0, Span<SeriesCell> cells,
        int minDay, int start, int end, bool heavy) where TRule : struct, IRepeatRule
    {
        int first = Unsafe.Add(ref day0, start);
        int firstR = Unsafe.Add(ref map0, first - minDay);
        // The later purchases on the first day lead the run (days ascend within it): orders and first-day revenue of the first
        // period, counted wide, and neither a new period nor a retained one.
        int i = start + 1;
        long firstDayRevenue = 0;
        while (i < end && Unsafe.Add(ref day0, i) == first)
        {
            firstDayRevenue += Unsafe.Add(ref units0, i);
            i++;
        }
        ref SeriesCell firstCell = ref Unsafe.Add(ref cell0, firstR);
        firstCell.OrdersAndBuyers += i - start - 1;
        firstCell.Revenue += firstDayRevenue;
        firstCell.FirstDayRevenue += firstDayRevenue;
        // The customer's first repeat purchase by the rule: a repeat buyer of its first period if it is in it.
        int candidate = Math.Min(end - 1, TRule.FirstRepeat(start, i));
        int candidateDay = Unsafe.Add(ref day0, candidate);
        firstCell.NewRepeatAndRetained += (TRule.IsRepeat(candidate, start, candidateDay, first) ? 1 : 0)
            & (Unsafe.Add(ref map0, candidateDay - minDay) == firstR ? 1 : 0);
        int nextR = firstR + 1, lastR = firstR;
        long next = 0;
        if (heavy)
        {
            SeriesCell.Flush(cells);
            for (; end - i > SeriesCell.FlushEvery; i += SeriesCell.FlushEvery)
            {
                long state = CountLater(ref day0, ref units0, ref map0, ref cell0, minDay, i, i + SeriesCell.FlushEvery, lastR, nextR);
                lastR = (int)state;
                next |= state >>> SeriesCell.High;
                SeriesCell.Flush(cells);
            }
        }
        next |= CountLater(ref day0, ref units0, ref map0, ref cell0, minDay, i, end, lastR, nextR) >>> SeriesCell.High;
        Unsafe.Add(ref cell0, nextR).NewRepeatAndRetained += next << SeriesCell.High;
    }

    /// <summary>Counts the purchases at positions <c>[i, stop)</c> of one customer, all after its first day, into the packed
    /// counters and revenue of their cells: <paramref name="lastR"/> is the cell of the purchase before <paramref name="i"/>, and
    /// <paramref name="nextR"/> the one after the customer's first period. Branch-free, so a customer costs the loop's one exit and
    /// nothing else unpredictable.</summary>
    /// <returns>The cell of the last purchase (low half), and 1 in the high half if a purchase is in <paramref name="nextR"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long CountLater(ref int day0, ref long units0, ref int map0, ref SeriesCell cell0, int minDay, int i, int stop,
        int lastR, int nextR)
    {
        int next = 0;
        for (; i < stop; i++)
        {
            int r = Unsafe.Add(ref map0, Unsafe.Add(ref day0, i) - minDay);
            int delta = r - lastR;
            ref SeriesCell cell = ref Unsafe.Add(ref cell0, r);
            // An order; a buyer on a new period (or after a purchase in the scratch cell); a retained buyer on the next period.
            cell.Packed += 1 + ((long)(delta != 0 ? 1 : 0) << SeriesCell.BuyerBit) + ((long)(delta == 1 ? 1 : 0) << SeriesCell.RetainedBit);
            // Per-period sums cannot overflow: the history keeps the sum of all absolute amounts within a long.
            cell.Revenue += Unsafe.Add(ref units0, i);
            next |= r == nextR ? 1 : 0;
            lastR = r;
        }
        return (uint)lastR | ((long)next << SeriesCell.High);
    }

    /// <summary>Which purchases are repeat purchases, given the position <c>s</c> and day <c>first</c> of the customer's first.</summary>
    private interface IRepeatRule
    {
        static abstract bool IsRepeat(int i, int s, int day, int first);

        /// <summary>The position of the customer's first repeat purchase, given the position <c>afterFirstDay</c> of its first
        /// purchase on a later day (either may be past the run's end).</summary>
        static abstract int FirstRepeat(int s, int afterFirstDay);
    }

    /// <summary>Every order after the first (<see cref="PurchaseCounting.Orders"/>).</summary>
    private struct ByOrders : IRepeatRule
    {
        public static bool IsRepeat(int i, int s, int day, int first) => i != s;

        public static int FirstRepeat(int s, int afterFirstDay) => s + 1;
    }

    /// <summary>Every purchase on a later day than the first (<see cref="PurchaseCounting.Occasions"/>).</summary>
    private struct ByOccasions : IRepeatRule
    {
        public static bool IsRepeat(int i, int s, int day, int first) => day != first;

        public static int FirstRepeat(int s, int afterFirstDay) => afterFirstDay;
    }

    /// <summary>Which customers the pass counts.</summary>
    private interface ICustomers
    {
        bool Includes(int position);
    }

    private readonly struct AllCustomers : ICustomers
    {
        public bool Includes(int position) => true;
    }

    private readonly struct SomeCustomers(ulong[] bits) : ICustomers
    {
        public bool Includes(int position) => (bits[position >> 6] & (1UL << position)) != 0;
    }
}
