using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Retention.Metrics;

/// <summary>The counts of one period of <see cref="Repeat.PeriodSeries"/> while the pass runs, side by side so that one
/// purchase updates one small block of memory.</summary>
/// <remarks>
/// <para>Counters updated per purchase come in pairs, one in each half of a <see cref="long"/>, so that a purchase makes four
/// additions to memory instead of seven: every count is below 2^31 (a history holds fewer than 2^31 purchases and customers), so
/// the low half never carries into the high half.</para>
/// <para>Repeat orders and repeat revenue are not counted per purchase: they are the period's orders and revenue less those of
/// the first purchase day of the customers acquired in it (<see cref="NewBuyers"/> and <see cref="FirstDayRevenue"/>).</para>
/// </remarks>
internal struct SeriesCell
{
    /// <summary>Orders (low half) and buyers (high half).</summary>
    internal long OrdersAndBuyers;
    internal long Revenue;
    /// <summary>Retained buyers (low half) and retained new buyers (high half).</summary>
    internal long Retained;
    /// <summary>Repeat buyers (low half) and new repeat buyers (high half).</summary>
    internal long RepeatBuyers;
    internal long NewBuyers;
    internal long FirstDayRevenue;

    /// <summary>The high half of a pair of counters.</summary>
    internal const int High = 32;

    private static long Low(long pair) => pair & uint.MaxValue;

    private static long HighOf(long pair) => (long)((ulong)pair >> High);

    /// <summary>Adds the cells of another customer range, cell by cell (the ranges' customers are disjoint).</summary>
    internal static void Add(Span<SeriesCell> target, ReadOnlySpan<SeriesCell> source)
    {
        for (int r = 0; r < target.Length; r++)
        {
            ref SeriesCell t = ref target[r];
            ref readonly SeriesCell c = ref source[r];
            t.OrdersAndBuyers += c.OrdersAndBuyers;
            t.Revenue += c.Revenue;
            t.Retained += c.Retained;
            t.RepeatBuyers += c.RepeatBuyers;
            t.NewBuyers += c.NewBuyers;
            t.FirstDayRevenue += c.FirstDayRevenue;
        }
    }

    /// <summary>Writes the cells into the series' count columns, unpacking the pairs and deriving the repeat orders and revenue.</summary>
    internal static void CopyTo(ReadOnlySpan<SeriesCell> cells, RepeatSeries.Counts counts)
    {
        for (int r = 0; r < cells.Length; r++)
        {
            ref readonly SeriesCell c = ref cells[r];
            long orders = Low(c.OrdersAndBuyers);
            counts.Orders[r] = orders;
            counts.Revenue[r] = c.Revenue;
            counts.Buyers[r] = HighOf(c.OrdersAndBuyers);
            counts.Retained[r] = Low(c.Retained);
            counts.NewRetained[r] = HighOf(c.Retained);
            counts.RepeatBuyers[r] = Low(c.RepeatBuyers);
            counts.NewRepeatBuyers[r] = HighOf(c.RepeatBuyers);
            counts.NewBuyers[r] = c.NewBuyers;
            // Every order but a customer's first is a repeat order; each new customer's first order is in its acquisition period.
            counts.RepeatOrders[r] = orders - c.NewBuyers;
            // Repeat revenue is that of later purchase days.
            counts.RepeatRevenue[r] = c.Revenue - c.FirstDayRevenue;
        }
    }
}

/// <summary>The one pass of <see cref="Repeat.PeriodSeries"/> over a range of customers.</summary>
internal readonly struct SeriesPass(PurchaseHistory history, PeriodTable table, int asOfDay, bool byOrders, ulong[]? bits)
{
    /// <summary>Adds the customers at positions <c>[from, to)</c> into <paramref name="cells"/>: one cell per relative period
    /// index, and a scratch cell last, which the caller ignores.</summary>
    /// <returns>The number of those customers acquired before the table's first day.</returns>
    internal long Run(int from, int to, Span<SeriesCell> cells) =>
        byOrders ? Run<ByOrders>(from, to, cells) : Run<ByOccasions>(from, to, cells);

    /// <summary>Customers are taken in chunks of this many: the first purchases of a chunk are counted in one branch-free loop,
    /// and only its customers with more purchases are listed for the purchase loop.</summary>
    private const int Chunk = 2048;

    /// <remarks>
    /// <para>Most customers buy once, and a loop over a customer's purchases costs a mispredicted branch when it ends (how many
    /// purchases a customer has is unpredictable). So the pass takes customers a chunk at a time: one loop counts every
    /// customer's first purchase without a branch (into the scratch cell past the series when the customer is not counted:
    /// acquired before the table or after the observation end, or not in the customer set) and lists, also without a branch,
    /// the customers with later purchases; the purchase loop then runs for those only.</para>
    /// <para>The first purchase is never a repeat purchase and always starts a customer's first period: it adds an order, a
    /// buyer, its revenue, a new buyer and first-day revenue to its period, and nothing else.</para>
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private long Run<TRule>(int from, int to, Span<SeriesCell> cells) where TRule : struct, IRepeatRule
    {
        ReadOnlySpan<int> starts = history.CustomerStarts;
        int[] days = history.DayArray;
        int tableStart = table.StartDay;
        // Every day in [tableStart, asOfDay] maps to a cell below the scratch cell, the last one.
        int scratch = cells.Length - 1;
        Debug.Assert(table.Length == 0 || (uint)table.Array[table.Length - 1] < (uint)scratch, "The table maps a day outside the cells.");
        // With no day in the table, every first purchase is after the observation end: nothing counts.
        if (table.Length <= 0) return 0;
        ref int map = ref MemoryMarshal.GetArrayDataReference(table.Array);
        ref SeriesCell cell0 = ref MemoryMarshal.GetReference(cells);
        ref int day0 = ref MemoryMarshal.GetArrayDataReference(days);
        ref long units0 = ref MemoryMarshal.GetArrayDataReference(history.UnitArray);
        ref int start0 = ref MemoryMarshal.GetReference(starts);
        Span<int> listed = stackalloc int[Chunk];
        long acquiredBefore = 0;
        for (int chunk = from; chunk < to; chunk += Chunk)
        {
            int chunkEnd = Math.Min(to, chunk + Chunk);
            int count = 0;
            for (int c = chunk; c < chunkEnd; c++)
            {
                int s = Unsafe.Add(ref start0, c), end = Unsafe.Add(ref start0, c + 1);
                int first = Unsafe.Add(ref day0, s);
                int included = CustomerSet.Includes(bits, c) ? 1 : 0;
                int observed = included & (first <= asOfDay ? 1 : 0);
                int counted = observed & (first >= tableStart ? 1 : 0);
                acquiredBefore += observed & (counted ^ 1);
                int r = Unsafe.Add(ref map, counted != 0 ? first - tableStart : 0);
                ref SeriesCell cell = ref Unsafe.Add(ref cell0, counted != 0 ? r : scratch);
                long units = Unsafe.Add(ref units0, s);
                cell.OrdersAndBuyers += (1L << SeriesCell.High) + 1;
                cell.Revenue += units;
                cell.NewBuyers++;
                cell.FirstDayRevenue += units;
                Unsafe.Add(ref MemoryMarshal.GetReference(listed), count) = c;
                count += observed & (end - s > 1 ? 1 : 0);
            }
            for (int k = 0; k < count; k++)
            {
                int c = listed[k];
                int s = Unsafe.Add(ref start0, c), end = Unsafe.Add(ref start0, c + 1);
                int first = Unsafe.Add(ref day0, s);
                int i, firstR, lastR;
                if (first >= tableStart)
                {
                    // The first purchase is counted: go on from the second, in the first purchase's period.
                    firstR = Unsafe.Add(ref map, first - tableStart);
                    lastR = firstR;
                    i = s + 1;
                }
                else
                {
                    firstR = -1;
                    lastR = -2;
                    i = s;
                    // Days ascend within the run: skip the days before the table.
                    while (i < end && days[i] < tableStart) i++;
                }
                // ... and stop at the observation end.
                int stop = end;
                while (stop > i && days[stop - 1] > asOfDay) stop--;
                long laterFirstDayRevenue = CountPurchases<TRule>(ref day0, ref units0, ref map, ref cell0, tableStart, s, i, stop, first, firstR, lastR);
                if (firstR >= 0) Unsafe.Add(ref cell0, firstR).FirstDayRevenue += laterFirstDayRevenue;
            }
        }
        return acquiredBefore;
    }

    /// <summary>Counts one customer's purchases at positions <c>[i, stop)</c>, all within the table, into the cells:
    /// <paramref name="s"/> is the position and <paramref name="first"/> the day of the customer's first purchase,
    /// <paramref name="firstR"/> the cell of its acquisition period (−1 if acquired before the table), and
    /// <paramref name="lastR"/> the cell of the purchase before <paramref name="i"/> (−2 if none is counted). Everything is
    /// counted branch-free (the period changes unpredictably), so a customer costs the loop's one exit and nothing else
    /// unpredictable, and the loop's state stays in registers.</summary>
    /// <returns>The revenue of the purchases at <c>[i, stop)</c> on the first purchase day.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long CountPurchases<TRule>(ref int day0, ref long units0, ref int map, ref SeriesCell cell0, int tableStart, int s, int i,
        int stop, int first, int firstR, int lastR) where TRule : struct, IRepeatRule
    {
        long repeatCounted = 0, firstDayRevenue = 0;
        for (; i < stop; i++)
        {
            int day = Unsafe.Add(ref day0, i);
            int r = Unsafe.Add(ref map, day - tableStart);
            ref SeriesCell cell = ref Unsafe.Add(ref cell0, r);
            long units = Unsafe.Add(ref units0, i);
            long changed = r != lastR ? 1 : 0;
            cell.OrdersAndBuyers += 1 + (changed << SeriesCell.High);
            // Per-period sums cannot overflow: the history keeps the sum of all absolute amounts within a long.
            cell.Revenue += units;
            firstDayRevenue += units & -(day == first ? 1L : 0L);
            cell.Retained += (changed & (lastR == r - 1 ? 1 : 0)) | ((changed & (firstR == r - 1 ? 1 : 0)) << SeriesCell.High);
            lastR = r;
            // A customer is a repeat buyer of a period from its first repeat purchase in it.
            long isRepeat = TRule.IsRepeat(i, s, day, first) ? 1 : 0;
            repeatCounted &= changed ^ 1;
            long newRepeater = isRepeat & (repeatCounted ^ 1);
            cell.RepeatBuyers += newRepeater | ((newRepeater & (firstR == r ? 1 : 0)) << SeriesCell.High);
            repeatCounted |= isRepeat;
        }
        return firstDayRevenue;
    }

    /// <summary>Which purchases are repeat purchases, given the position <c>s</c> and day <c>first</c> of the customer's first.</summary>
    private interface IRepeatRule
    {
        static abstract bool IsRepeat(int i, int s, int day, int first);
    }

    /// <summary>Every order after the first (<see cref="PurchaseCounting.Orders"/>).</summary>
    private struct ByOrders : IRepeatRule
    {
        public static bool IsRepeat(int i, int s, int day, int first) => i != s;
    }

    /// <summary>Every purchase on a later day than the first (<see cref="PurchaseCounting.Occasions"/>).</summary>
    private struct ByOccasions : IRepeatRule
    {
        public static bool IsRepeat(int i, int s, int day, int first) => day != first;
    }
}
