using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Retention.Metrics;

/// <summary>The counts of one period of <see cref="Repeat.PeriodSeries"/> while the pass runs, side by side so that one
/// purchase updates one small block of memory.</summary>
/// <remarks>Repeat orders and repeat revenue are not counted per purchase: they are the period's orders and revenue less
/// those of the first purchase day of the customers acquired in it (<see cref="NewBuyers"/> and <see cref="FirstDayRevenue"/>).</remarks>
internal struct SeriesCell
{
    internal long Orders;
    internal long Revenue;
    internal long Buyers;
    internal long Retained;
    internal long NewRetained;
    internal long RepeatBuyers;
    internal long NewRepeatBuyers;
    internal long NewBuyers;
    internal long FirstDayRevenue;

    /// <summary>Adds the cells of another customer range, cell by cell (the ranges' customers are disjoint).</summary>
    internal static void Add(Span<SeriesCell> target, ReadOnlySpan<SeriesCell> source)
    {
        for (int r = 0; r < target.Length; r++)
        {
            ref SeriesCell t = ref target[r];
            ref readonly SeriesCell c = ref source[r];
            t.Orders += c.Orders;
            t.Revenue += c.Revenue;
            t.Buyers += c.Buyers;
            t.Retained += c.Retained;
            t.NewRetained += c.NewRetained;
            t.RepeatBuyers += c.RepeatBuyers;
            t.NewRepeatBuyers += c.NewRepeatBuyers;
            t.NewBuyers += c.NewBuyers;
            t.FirstDayRevenue += c.FirstDayRevenue;
        }
    }

    /// <summary>Writes the cells into the series' count columns, deriving the repeat orders and revenue.</summary>
    internal static void CopyTo(ReadOnlySpan<SeriesCell> cells, RepeatSeries.Counts counts)
    {
        for (int r = 0; r < cells.Length; r++)
        {
            ref readonly SeriesCell c = ref cells[r];
            counts.Orders[r] = c.Orders;
            counts.Revenue[r] = c.Revenue;
            counts.Buyers[r] = c.Buyers;
            counts.Retained[r] = c.Retained;
            counts.NewRetained[r] = c.NewRetained;
            counts.RepeatBuyers[r] = c.RepeatBuyers;
            counts.NewRepeatBuyers[r] = c.NewRepeatBuyers;
            counts.NewBuyers[r] = c.NewBuyers;
            // Every order but a customer's first is a repeat order; each new customer's first order is in its acquisition period.
            counts.RepeatOrders[r] = c.Orders - c.NewBuyers;
            // Repeat revenue is that of later purchase days.
            counts.RepeatRevenue[r] = c.Revenue - c.FirstDayRevenue;
        }
    }
}

/// <summary>The one pass of <see cref="Repeat.PeriodSeries"/> over a range of customers.</summary>
internal readonly struct SeriesPass(PurchaseHistory history, PeriodTable table, int asOfDay, bool byOrders, ulong[]? bits)
{
    /// <summary>Adds the customers at positions <c>[from, to)</c> into <paramref name="cells"/> (relative period index → counts).</summary>
    /// <returns>The number of those customers acquired before the table's first day.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal long Run(int from, int to, Span<SeriesCell> cells)
    {
        ReadOnlySpan<int> starts = history.CustomerStarts;
        int[] days = history.DayArray;
        long[] units = history.UnitArray;
        int tableStart = table.StartDay;
        // The table covers [tableStart, asOfDay] and maps every day in it to a valid cell; the loop reads only days in that range.
        ref int map = ref MemoryMarshal.GetArrayDataReference(table.Array);
        ref SeriesCell cell0 = ref MemoryMarshal.GetReference(cells);
        Debug.Assert(table.Length == 0 || (uint)table.Array[table.Length - 1] < (uint)cells.Length, "The table maps a day outside the cells.");
        int orders = byOrders ? 1 : 0;
        long acquiredBefore = 0;
        for (int c = from; c < to; c++)
        {
            if (!CustomerSet.Includes(bits, c)) continue;
            int s = starts[c], end = starts[c + 1];
            int first = days[s];
            if (first > asOfDay) continue;
            int i = s, stop = end;
            int firstR = -1;
            if (first >= tableStart)
            {
                firstR = Unsafe.Add(ref map, first - tableStart);
                ref SeriesCell acquired = ref Unsafe.Add(ref cell0, firstR);
                acquired.NewBuyers++;
                long firstDayRevenue = 0;
                int j = s;
                do firstDayRevenue += units[j++];
                while (j < end && days[j] == first);
                acquired.FirstDayRevenue += firstDayRevenue;
            }
            else
            {
                acquiredBefore++;
                // Days ascend within the run: skip the days before the table.
                while (i < stop && days[i] < tableStart) i++;
            }
            // ... and stop at the observation end, so the loop below has no branch but its own; everything in it is counted
            // branch-free (the period changes unpredictably).
            while (stop > i && days[stop - 1] > asOfDay) stop--;
            int lastR = -2;
            int repeatCounted = 0;
            for (; i < stop; i++)
            {
                int day = days[i];
                int r = Unsafe.Add(ref map, day - tableStart);
                ref SeriesCell cell = ref Unsafe.Add(ref cell0, r);
                cell.Orders++;
                // Per-period sums cannot overflow: the history keeps the sum of all absolute amounts within a long.
                cell.Revenue += units[i];
                int changed = r != lastR ? 1 : 0;
                cell.Buyers += changed;
                cell.Retained += changed & (lastR == r - 1 ? 1 : 0);
                cell.NewRetained += changed & (firstR == r - 1 ? 1 : 0);
                lastR = r;
                // A later order (by orders) or a later day (by occasions; a later day is always a later order).
                int isRepeat = (i != s ? 1 : 0) & (orders | (day != first ? 1 : 0));
                repeatCounted &= changed ^ 1;
                int newRepeater = isRepeat & (repeatCounted ^ 1);
                cell.RepeatBuyers += newRepeater;
                cell.NewRepeatBuyers += newRepeater & (firstR == r ? 1 : 0);
                repeatCounted |= isRepeat;
            }
        }
        return acquiredBefore;
    }
}
