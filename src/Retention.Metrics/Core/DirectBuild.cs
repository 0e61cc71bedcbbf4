using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Retention.Metrics;

/// <summary>Builds a history straight from a span of purchases, without a staging copy: one read validates the purchases and
/// counts them per group of customer indexes, a second places each purchase into its customer block (a range of indexes whose
/// purchases fit in the processor's cache), and each block is then counted per customer and sorted by customer in cache.</summary>
/// <remarks>
/// <para>Counting per customer index, or placing purchases straight at their final positions, touches memory all over large
/// arrays: one cache miss per purchase. Counting per group touches a small array; placing by block writes a few hundred
/// sequential streams; and the per-customer count and scatter within a block stay in cache. Nothing is copied: while purchases
/// are placed, the history's day column holds each day (relative to the first) with the purchase's index within its block. Runs
/// are sorted by (day, units) as they fill: a purchase that lands a few places out of order is inserted back, and only a run
/// far out of order is sorted whole.</para>
/// <para>Only the common case is handled here: dense customer indexes, days within 2^16 of each other (179 years), and valid
/// purchases whose amounts have a common scale within the exact range. Anything else returns <see langword="null"/>, and the caller builds through
/// <see cref="PurchaseHistoryBuilder"/>, which reports the first bad record with its position: the outcome is always the
/// builder's.</para>
/// </remarks>
internal static class DirectBuild
{
    /// <summary>The purchases a block aims at, on average: while a block is sorted, its columns and their copy (26 bytes a
    /// purchase) about fit in a 2 MiB second-level cache, and placing purchases by block writes a few hundred streams at most.</summary>
    private const int BlockPurchases = 1 << 16;

    /// <summary>The widest block, in customer indexes: an index within a block fits in 16 bits.</summary>
    private const int MaxBlockShift = 16;

    /// <summary>The first read counts purchases per group of 2^10 customer indexes (a small array, in the first-level cache),
    /// not per index: counting per index would update memory all over a large array, one cache miss per purchase. Blocks are
    /// whole groups.</summary>
    private const int GroupShift = 10;

    /// <summary>Builds the history, or returns <see langword="null"/> when the input leaves the common case.</summary>
    internal static unsafe PurchaseHistory? TryCreate(ReadOnlySpan<Purchase> purchases, PurchaseHistoryOptions options, int parts)
    {
        int n = purchases.Length;
        Debug.Assert(n > 0 && parts >= 1);
        if (!s_layoutKnown) return null;
        long denseLimit = (long)n * 4 + PurchaseHistoryBuilder.DenseCustomerSlack;
        bool allowRefunds = options.AllowRefunds;
        fixed (Purchase* first = purchases)
        {
            nint address = (nint)first;
            var scans = new SliceScan[parts];
            Slices.ForEach(parts, p =>
            {
                int from = Slices.End(n, parts, p - 1);
                scans[p] = Scan(new ReadOnlySpan<Purchase>((Purchase*)address + from, Slices.End(n, parts, p) - from), allowRefunds, denseLimit);
            });

            // The slices agree on one scale, the largest; the sum of absolute units at it must stay within a long.
            int scale = 0, indexes = 0, minDay = int.MaxValue, maxDay = int.MinValue;
            foreach (SliceScan scan in scans)
            {
                if (scan.Groups is null) return null;
                scale = Math.Max(scale, scan.Scale);
                indexes = Math.Max(indexes, scan.Indexes);
                minDay = Math.Min(minDay, scan.MinDay);
                maxDay = Math.Max(maxDay, scan.MaxDay);
            }
            // Placing packs each day, relative to the first, into 16 bits: a history spanning 179 years or more takes the builder.
            if (maxDay - minDay > ushort.MaxValue) return null;
            UInt128 absolute = 0;
            foreach (SliceScan scan in scans) absolute += (UInt128)scan.Absolute * (ulong)Money.Pow10(scale - scan.Scale);
            if (absolute > long.MaxValue) return null;

            // Blocks of 2^shift indexes, holding about BlockPurchases purchases each on average.
            long perBlock = Math.Max(1L, (long)BlockPurchases * indexes / n);
            int shift = Math.Clamp(BitOperations.Log2((ulong)perBlock), GroupShift, MaxBlockShift);
            int blocks = ((indexes - 1) >> shift) + 1;

            // Each slice's purchases per block: block b holds positions blockStarts[b] .. blockStarts[b + 1] − 1, and within it
            // slice p writes after slices 0 .. p − 1.
            var sliceBlockStarts = new int[parts][];
            for (int p = 0; p < parts; p++)
            {
                int[] groups = scans[p].Groups!;
                var perSlice = new int[blocks];
                for (int g = 0; g < groups.Length; g++) if (groups[g] != 0) perSlice[g >> (shift - GroupShift)] += groups[g];
                sliceBlockStarts[p] = perSlice;
            }
            var blockStarts = new int[blocks + 1];
            int offset = 0;
            for (int b = 0; b < blocks; b++)
            {
                blockStarts[b] = offset;
                for (int p = 0; p < parts; p++)
                {
                    int count = sliceBlockStarts[p][b];
                    sliceBlockStarts[p][b] = offset;
                    offset += count;
                }
            }
            blockStarts[blocks] = offset;
            Debug.Assert(offset == n);

            int[] days = GC.AllocateUninitializedArray<int>(n);
            long[] units = GC.AllocateUninitializedArray<long>(n);
            Slices.ForEach(parts, p =>
            {
                int from = Slices.End(n, parts, p - 1);
                Place(new ReadOnlySpan<Purchase>((Purchase*)address + from, Slices.End(n, parts, p) - from), scale, shift,
                    minDay, sliceBlockStarts[p], days, units);
            });

            // Purchases per customer index, block by block (each block's counters stay in cache), and the customers of each block;
            // then the first customer position of each block.
            var blockBounds = new int[parts + 1];
            for (int p = 1; p < parts; p++) blockBounds[p] = BlockAt(blockStarts, (int)((long)n * p / parts));
            blockBounds[parts] = blocks;
            // Cleared block by block, on the thread that counts the block, just before it counts.
            int[] counts = GC.AllocateUninitializedArray<int>(indexes);
            var blockCustomers = new int[blocks + 1];
            Slices.ForEach(parts, p => CountBlocks(blockBounds[p], blockBounds[p + 1], shift, blockStarts, counts, blockCustomers, days));
            int customerCount = 0;
            for (int b = 0; b < blocks; b++)
            {
                int c = blockCustomers[b];
                blockCustomers[b] = customerCount;
                customerCount += c;
            }
            blockCustomers[blocks] = customerCount;
            // Every element is written below: each block lays out its own customers.
            int[] ids = GC.AllocateUninitializedArray<int>(customerCount);
            int[] starts = GC.AllocateUninitializedArray<int>(customerCount + 1);
            starts[customerCount] = n;

            // Lay out each block's customers, sort the block by customer in cache, then each run by (day, units); sum the units.
            var sums = new long[parts];
            Slices.ForEach(parts, p =>
            {
                sums[p] = SortBlocks(blockBounds[p], blockBounds[p + 1], shift, blockStarts, blockCustomers, counts, ids, starts, minDay, days, units);
            });
            if (options.AllowRefunds) return PurchaseHistoryBuilder.NetRefunds(nameof(purchases), starts, ids, days, units, scale);
            long sum = 0;
            foreach (long s in sums) sum += s;
            return new PurchaseHistory(starts, ids, days, units, n, scale, sum);
        }
    }

    /// <summary>What the first read of one slice found: its purchases per group of customer indexes (<see langword="null"/> when
    /// the slice left the common case), the number of indexes (up to the end of its last group with purchases), the amount scale
    /// and the sum of absolute units at that scale.</summary>
    private readonly record struct SliceScan(int[]? Groups, int Indexes, int Scale, ulong Absolute, int MinDay, int MaxDay);

    /// <summary>A <see cref="Purchase"/> field by field (customer, day number, then the amount's flags, high and low bits), so the
    /// loops read the fields straight from the caller's memory.</summary>
    private readonly struct PurchaseLayout
    {
#pragma warning disable CS0649 // assigned only by reinterpreting purchases
        internal readonly int Customer;
        internal readonly int Day;
        internal readonly int Flags;
        internal readonly uint High;
        internal readonly ulong Low;
#pragma warning restore CS0649
    }

    /// <summary>Whether <see cref="PurchaseLayout"/> matches <see cref="Purchase"/> on this runtime; if not, every build takes the builder.</summary>
    private static readonly bool s_layoutKnown = CheckLayout();

    private static bool CheckLayout()
    {
        if (!Money.LayoutKnown || Unsafe.SizeOf<Purchase>() != Unsafe.SizeOf<PurchaseLayout>()) return false;
        var probe = new Purchase(0x12345, DateOnly.FromDayNumber(0x54321), new decimal(unchecked((int)0x89ABCDEF), 0x01234567, 7, true, 3));
        PurchaseLayout p = Unsafe.As<Purchase, PurchaseLayout>(ref probe);
        return p.Customer == 0x12345 && p.Day == 0x54321 && p.Flags == unchecked((int)0x80030000) && p.High == 7 && p.Low == 0x0123456789ABCDEFUL;
    }

    /// <summary>The running state of a slice's first read.</summary>
    private struct ScanState
    {
        internal int[] Groups;
        internal int Scale;
        internal ulong Absolute;
        internal int MinDay;
        internal int MaxDay;
    }

    private static SliceScan Scan(ReadOnlySpan<Purchase> slice, bool allowRefunds, long denseLimit)
    {
        var state = new ScanState { Groups = new int[64], MinDay = int.MaxValue, MaxDay = int.MinValue };
        ReadOnlySpan<PurchaseLayout> fields = MemoryMarshal.Cast<Purchase, PurchaseLayout>(slice);
        int i = 0;
        while ((i = ScanCommon(fields, i, ref state, allowRefunds)) < slice.Length)
        {
            if (!ScanOne(slice[i], ref state, allowRefunds, denseLimit)) return default;
            i++;
        }
        // Fold the two counters of each group (see ScanCommon). The slice's indexes are taken to end with its last counted
        // group: a block may then cover indexes with no purchases, which take no position.
        int[] pairs = state.Groups;
        var groups = new int[pairs.Length / 2];
        int indexes = 0;
        for (int g = 0; g < groups.Length; g++)
        {
            groups[g] = pairs[2 * g] + pairs[2 * g + 1];
            if (groups[g] != 0) indexes = (g + 1) << GroupShift;
        }
        return new SliceScan(groups, indexes, state.Scale, state.Absolute, state.MinDay, state.MaxDay);
    }

    /// <summary>Reads purchases from <paramref name="i"/> while they are the common case (a valid purchase, an amount that needs no
    /// new scale, an index within the counted groups), with no call in the loop; returns where it stopped.</summary>
    /// <remarks>The loop keeps its state in locals, reads the arrays without bounds checks (the group is checked against the
    /// counted groups) and tracks no largest index: that is read off the groups at the end.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ScanCommon(ReadOnlySpan<PurchaseLayout> slice, int i, ref ScanState state, bool allowRefunds)
    {
        ref int groups = ref MemoryMarshal.GetArrayDataReference(state.Groups);
        uint groupCount = (uint)(state.Groups.Length >> 1);
        var convert = new Money.CommonUnits(state.Scale);
        long lowest = allowRefunds ? -long.MaxValue : 0;
        int minDay = state.MinDay, maxDay = state.MaxDay;
        ulong absolute = state.Absolute;
        ref PurchaseLayout p = ref MemoryMarshal.GetReference(slice);
        for (int length = slice.Length; i < length; i++)
        {
            ref PurchaseLayout purchase = ref Unsafe.Add(ref p, i);
            uint group = (uint)(purchase.Customer >> GroupShift); // a negative index wraps above the groups
            int day = purchase.Day;
            if (group >= groupCount || day == 0 || !convert.TryConvert(purchase.Flags, purchase.High, purchase.Low, out long u) || u < lowest)
            {
                break;
            }
            long sign = u >> 63;
            ulong next = absolute + (ulong)((u ^ sign) - sign); // |u| ≤ long.MaxValue and absolute ≤ long.MaxValue: no wrap
            if ((long)next < 0) break;
            absolute = next;
            // Two counters per group, for even and odd positions: consecutive purchases often fall in one group (new customers
            // of a day), and one counter would make each increment wait for the previous one.
            Unsafe.Add(ref groups, (int)(group << 1) | (i & 1))++;
            if (day < minDay) minDay = day;
            if (day > maxDay) maxDay = day;
        }
        state.MinDay = minDay;
        state.MaxDay = maxDay;
        state.Absolute = absolute;
        return i;
    }

    /// <summary>Reads one purchase off the common case with the builder's rules; <see langword="false"/> when it leaves the
    /// common case for good (an invalid purchase, an amount beyond the exact range, a sparse index).</summary>
    private static bool ScanOne(in Purchase p, ref ScanState state, bool allowRefunds, long denseLimit)
    {
        int customer = p.Customer;
        if (customer < 0 || p.Date.DayNumber == 0) return false;
        if (!Money.TryToUnits(p.Amount, state.Scale, out long u) && !Money.TryRaiseScale(p.Amount, ref state.Scale, ref state.Absolute, out u))
        {
            return false;
        }
        if (u < 0 && !allowRefunds) return false;
        ulong next = state.Absolute + (ulong)Math.Abs(u);
        if (next > long.MaxValue) return false;
        state.Absolute = next;
        int group = customer >> GroupShift;
        if (group >= state.Groups.Length >> 1)
        {
            if (customer >= denseLimit) return false;
            Array.Resize(ref state.Groups, 2 * Math.Max(group + 1, state.Groups.Length));
        }
        state.Groups[group << 1]++;
        state.MinDay = Math.Min(state.MinDay, p.Date.DayNumber);
        state.MaxDay = Math.Max(state.MaxDay, p.Date.DayNumber);
        return true;
    }

    /// <summary>Places each purchase of a slice at its block's next position: its units into <paramref name="units"/>, and into
    /// <paramref name="days"/> its day (relative to <paramref name="minDay"/>) in the high 16 bits and its index within the block in
    /// the low 16 bits.</summary>
    private static void Place(ReadOnlySpan<Purchase> slice, int scale, int shift, int minDay, int[] blockCursor, int[] days, long[] units)
    {
        ReadOnlySpan<PurchaseLayout> fields = MemoryMarshal.Cast<Purchase, PurchaseLayout>(slice);
        int i = 0;
        while ((i = PlaceCommon(fields, i, scale, shift, minDay, blockCursor, days, units)) < slice.Length)
        {
            // Validated by the scan: the conversion at the final scale is exact and in range.
            ref readonly Purchase p = ref slice[i];
            bool converted = Money.TryToUnits(p.Amount, scale, out long u);
            Debug.Assert(converted);
            int customer = p.Customer;
            int at = blockCursor[customer >> shift]++;
            days[at] = Pack(p.Date.DayNumber - minDay, customer & ((1 << shift) - 1));
            units[at] = u;
            i++;
        }
    }

    /// <summary>Places purchases from <paramref name="i"/> while their amounts are the common case, with no call in the loop;
    /// returns where it stopped.</summary>
    /// <remarks>The scan has checked every purchase: its block is within the cursors, and the cursors stay within the columns.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int PlaceCommon(ReadOnlySpan<PurchaseLayout> slice, int i, int scale, int shift, int minDay, int[] blockCursor, int[] days, long[] units)
    {
        int mask = (1 << shift) - 1;
        var convert = new Money.CommonUnits(scale);
        ref int cursor = ref MemoryMarshal.GetArrayDataReference(blockCursor);
        ref int day0 = ref MemoryMarshal.GetArrayDataReference(days);
        ref long units0 = ref MemoryMarshal.GetArrayDataReference(units);
        ref PurchaseLayout p = ref MemoryMarshal.GetReference(slice);
        for (int length = slice.Length; i < length; i++)
        {
            ref PurchaseLayout purchase = ref Unsafe.Add(ref p, i);
            if (!convert.TryConvert(purchase.Flags, purchase.High, purchase.Low, out long u)) break;
            int customer = purchase.Customer;
            int at = Unsafe.Add(ref cursor, customer >> shift)++;
            Debug.Assert((uint)at < (uint)days.Length);
            Unsafe.Add(ref day0, at) = Pack(purchase.Day - minDay, customer & mask);
            Unsafe.Add(ref units0, at) = u;
        }
        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CountBlocks(int fromBlock, int toBlock, int shift, int[] blockStarts, int[] counts, int[] blockCustomers, int[] packed)
    {
        for (int b = fromBlock; b < toBlock; b++)
        {
            Span<int> blockCounts = counts.AsSpan(b << shift, Math.Min(1 << shift, counts.Length - (b << shift)));
            blockCounts.Clear();
            // Every local index is below the block's width (the scan checked the indexes): no bounds checks in the loop.
            ref int count0 = ref MemoryMarshal.GetReference(blockCounts);
            for (int k = blockStarts[b], end = blockStarts[b + 1]; k < end; k++) Unsafe.Add(ref count0, packed[k] & 0xFFFF)++;
            int customers = 0;
            foreach (int count in blockCounts) customers += count != 0 ? 1 : 0;
            blockCustomers[b] = customers;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long SortBlocks(int fromBlock, int toBlock, int shift, int[] blockStarts, int[] blockCustomers, int[] cursor,
        int[] ids, int[] starts, int minDay, int[] days, long[] units)
    {
        int largest = 0;
        for (int b = fromBlock; b < toBlock; b++) largest = Math.Max(largest, blockStarts[b + 1] - blockStarts[b]);
        int[] blockDays = GC.AllocateUninitializedArray<int>(largest);
        long[] blockUnits = GC.AllocateUninitializedArray<long>(largest);
        int[] runStarts = GC.AllocateUninitializedArray<int>(1 << shift);
        int[] runsToSort = GC.AllocateUninitializedArray<int>(1 << shift);
        long sum = 0;
        for (int b = fromBlock; b < toBlock; b++)
        {
            int from = blockStarts[b], length = blockStarts[b + 1] - from;
            if (length == 0) continue;
            int first = b << shift;
            Span<int> blockCursor = cursor.AsSpan(first, Math.Min(1 << shift, cursor.Length - first));
            // The block's customers in ascending index order; each count becomes its run's first position (the cursor).
            int next = blockCustomers[b], position = from;
            for (int local = 0; local < blockCursor.Length; local++)
            {
                int count = blockCursor[local];
                if (count == 0) continue;
                ids[next] = first + local;
                starts[next++] = position;
                blockCursor[local] = position;
                position += count;
            }
            blockCursor.CopyTo(runStarts);
            days.AsSpan(from, length).CopyTo(blockDays);
            units.AsSpan(from, length).CopyTo(blockUnits);
            // Each purchase goes to its customer's next position, and each run is kept in (day, units) order as it fills; a run
            // far out of order is listed and sorted once filled.
            var toSort = new RunsToSort(runsToSort);
            sum += Scatter(blockDays.AsSpan(0, length), blockUnits.AsSpan(0, length), blockCursor, runStarts, minDay, days, units, ref toSort);
            // Each listed run is ~runStarts[local] .. blockCursor[local] − 1 (the cursor has reached the run's end).
            for (int r = 0; r < toSort.Count; r++)
            {
                int local = toSort.Locals[r], runFrom = ~runStarts[local], runTo = blockCursor[local];
                PurchaseHistoryBuilder.SortRun(days.AsSpan(runFrom, runTo - runFrom), units.AsSpan(runFrom, runTo - runFrom));
            }
        }
        return sum;
    }

    /// <summary>Moves each purchase of a block from its copy to its customer's next position, restoring its day, and keeps each
    /// run sorted by (day, units) as it fills (see <see cref="InsertBack"/>). Returns the sum of the units.</summary>
    /// <remarks>The block's copy and its part of the columns are in cache; the loop keeps its state in registers and reads the
    /// arrays without bounds checks: every local index is below the block's width and every cursor stays within its run.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long Scatter(ReadOnlySpan<int> blockDays, ReadOnlySpan<long> blockUnits, Span<int> cursor, int[] runStarts, int minDay,
        int[] days, long[] units, ref RunsToSort toSort)
    {
        ref int packed0 = ref MemoryMarshal.GetReference(blockDays);
        ref long blockUnits0 = ref MemoryMarshal.GetReference(blockUnits);
        ref int cursor0 = ref MemoryMarshal.GetReference(cursor);
        ref int runStart0 = ref MemoryMarshal.GetArrayDataReference(runStarts);
        ref int days0 = ref MemoryMarshal.GetArrayDataReference(days);
        ref long units0 = ref MemoryMarshal.GetArrayDataReference(units);
        long total = 0;
        for (int k = 0, length = blockDays.Length; k < length; k++)
        {
            int packed = Unsafe.Add(ref packed0, k);
            int local = packed & 0xFFFF;
            Debug.Assert(local < cursor.Length);
            int at = Unsafe.Add(ref cursor0, local)++;
            int day = (int)((uint)packed >> 16) + minDay;
            long u = Unsafe.Add(ref blockUnits0, k);
            total += u;
            Unsafe.Add(ref days0, at) = day;
            Unsafe.Add(ref units0, at) = u;
            // The previous position (the first position of all has none: it reads itself, which is not behind).
            int previous = at - (at != 0 ? 1 : 0);
            int previousDay = Unsafe.Add(ref days0, previous);
            int behind = (previousDay > day ? 1 : 0) | ((previousDay == day ? 1 : 0) & (Unsafe.Add(ref units0, previous) > u ? 1 : 0));
            if ((behind & (at != Unsafe.Add(ref runStart0, local) ? 1 : 0)) != 0)
            {
                InsertBack(ref days0, ref units0, ref Unsafe.Add(ref runStart0, local), at, local, ref toSort);
            }
        }
        return total;
    }

    /// <summary>The furthest <see cref="InsertBack"/> moves a purchase; a run that needs more is sorted whole once filled.</summary>
    private const int MaxInsertion = 16;

    /// <summary>The runs of a block to sort once filled: the customers' local indexes, each listed once.</summary>
    private ref struct RunsToSort(int[] locals)
    {
        internal readonly int[] Locals = locals;
        internal int Count;
    }

    /// <summary>Moves the purchase at <paramref name="at"/>, which landed behind the one before it, back into its sorted run; a
    /// run whose purchases arrive far out of order is instead listed in <paramref name="toSort"/>, and its start is marked
    /// (complemented) so that it is listed once and left unsorted until it is filled.</summary>
    /// <remarks>Runs arrive sorted from most shops (orders exported in date order), apart from same-day orders out of amount
    /// order, so an insertion moves a purchase back by a position or two: there is no separate sort where there is little to
    /// sort, and a run in random order costs one sort, not a quadratic insertion.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void InsertBack(ref int days, ref long units, ref int runStart, int at, int local, ref RunsToSort toSort)
    {
        int start = runStart;
        if (start < 0) return; // already listed
        int day = Unsafe.Add(ref days, at);
        long u = Unsafe.Add(ref units, at);
        int j = at - 1, limit = Math.Max(start, at - MaxInsertion - 1);
        while (j >= limit && (Unsafe.Add(ref days, j) > day || (Unsafe.Add(ref days, j) == day && Unsafe.Add(ref units, j) > u))) j--;
        if (j < limit && limit > start)
        {
            runStart = ~start;
            toSort.Locals[toSort.Count++] = local;
            return;
        }
        for (int m = at; m > j + 1; m--)
        {
            Unsafe.Add(ref days, m) = Unsafe.Add(ref days, m - 1);
            Unsafe.Add(ref units, m) = Unsafe.Add(ref units, m - 1);
        }
        Unsafe.Add(ref days, j + 1) = day;
        Unsafe.Add(ref units, j + 1) = u;
    }

    /// <summary>A day (relative to the first day of the input, below 2^16) and an index within a block (below 2^16) in one int.</summary>
    private static int Pack(int relativeDay, int inBlock) => (relativeDay << 16) | inBlock;

    /// <summary>Gets the first block starting at or after purchase position <paramref name="position"/>.</summary>
    private static int BlockAt(int[] blockStarts, int position)
    {
        int found = Array.BinarySearch(blockStarts, position);
        if (found < 0) return ~found;
        // Empty blocks share a start: take the first of them.
        while (found > 0 && blockStarts[found - 1] == position) found--;
        return found;
    }
}
