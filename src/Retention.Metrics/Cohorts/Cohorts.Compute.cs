using System.Buffers;
using System.Globalization;

namespace Retention.Metrics;

/// <summary>Cohort retention (コホート分析): customers grouped by the period of their first purchase, followed period by period.</summary>
public static partial class Cohorts
{
    /// <summary>Marks a purchase beyond the last bracket: the rest of the customer's run is skipped.</summary>
    private const int Stop = int.MinValue;

    /// <summary>Computes the cohort table of a history as of an observation end: active customers, revenue and orders per cohort and period.</summary>
    /// <param name="history">The purchase history.</param>
    /// <param name="asOf">The observation end, inclusive: purchases on this day count, later ones (and customers first seen later) are ignored.</param>
    /// <param name="options">Cohort unit, period mode and retention mode; <see langword="null"/> for <see cref="CohortOptions.Monthly"/>.</param>
    /// <returns>The table; with no cohorts and no periods for an empty history.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> precedes the history's first purchase.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> are inconsistent (negative rolling days, bad brackets), or the table would exceed <c>2^24</c> cells.</exception>
    /// <exception cref="OverflowException">The revenue of one cell exceeds the range of <see cref="long"/> amount units.</exception>
    /// <remarks>
    /// <para>Rows are every cohort period from the one containing the first purchase to the one containing <paramref name="asOf"/>.
    /// A customer is counted in period k of the cohort when at least one purchase falls in period k (mode
    /// <see cref="CohortRetention.On"/>) or in period k or any later one up to <paramref name="asOf"/> (<see cref="CohortRetention.OnOrAfter"/>);
    /// revenue and orders are always those of period k itself. Period 0 contains the first purchase, so with periods (not brackets)
    /// "on" retention in period 0 is 100 %.</para>
    /// <para>One pass over the purchases; allocation is O(cohorts × periods), nothing per purchase. Tables of disjoint customer sets
    /// with the same options and as-of date merge with <see cref="CohortTable.Combine"/>.</para>
    /// </remarks>
    public static CohortTable Compute(PurchaseHistory history, DateOnly asOf, CohortOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        options ??= CohortOptions.Monthly;
        options.Validate(nameof(options));
        SummaryPass.ValidateAsOf(history, asOf);
        return Run(history, asOf.DayNumber, options, [], 1, 1)[0];
    }

    /// <summary>Computes the cohort table of a history as of an observation end, splitting the customers into ranges that run on several threads.</summary>
    /// <param name="history">The purchase history.</param>
    /// <param name="asOf">The observation end, inclusive.</param>
    /// <param name="options">Cohort unit, period mode and retention mode; <see langword="null"/> for <see cref="CohortOptions.Monthly"/>.</param>
    /// <param name="degreeOfParallelism">The number of customer ranges run at once: 1 for the calling thread alone,
    /// <see cref="Environment.ProcessorCount"/> for every core. It pays from about a hundred thousand purchases.</param>
    /// <returns>The table, identical to <see cref="Compute(PurchaseHistory, DateOnly, CohortOptions?)"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> precedes the history's first purchase, or
    /// <paramref name="degreeOfParallelism"/> is less than 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> are inconsistent, or the table would exceed <c>2^24</c> cells.</exception>
    /// <exception cref="OverflowException">The revenue of one cell exceeds the range of <see cref="long"/> amount units.</exception>
    /// <remarks>Each range fills its own cells (O(cohorts × periods) per range), which are then added cell by cell: the same
    /// merge as <see cref="CohortTable.Combine"/>.</remarks>
    public static CohortTable Compute(PurchaseHistory history, DateOnly asOf, CohortOptions? options, int degreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(history);
        options ??= CohortOptions.Monthly;
        options.Validate(nameof(options));
        SummaryPass.ValidateAsOf(history, asOf);
        CustomerRanges.Validate(degreeOfParallelism);
        return Run(history, asOf.DayNumber, options, [], 1, CustomerRanges.Parts(history, degreeOfParallelism))[0];
    }

    /// <summary>Computes one cohort table per customer segment (for example acquisition channel or first product) in a single pass.</summary>
    /// <param name="history">The purchase history.</param>
    /// <param name="asOf">The observation end, inclusive.</param>
    /// <param name="segmentOfCustomer">The segment of each customer, indexed by history position (the order of <see cref="PurchaseHistory.CustomerIds"/>); length <see cref="PurchaseHistory.CustomerCount"/>, values in <c>0 .. segmentCount − 1</c>.</param>
    /// <param name="segmentCount">The number of segments; at least 1.</param>
    /// <param name="options">Cohort unit, period mode and retention mode; <see langword="null"/> for <see cref="CohortOptions.Monthly"/>.</param>
    /// <returns>The tables, indexed by segment; every table has the rows and columns of the whole history's table (segments without
    /// customers in a cohort show size 0). For an empty history, <paramref name="segmentCount"/> empty tables.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> precedes the history's first purchase, or <paramref name="segmentCount"/> is less than 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="segmentOfCustomer"/> has the wrong length or a segment out of range (the message names the index), or <paramref name="options"/> are inconsistent.</exception>
    /// <exception cref="OverflowException">The revenue of one cell exceeds the range of <see cref="long"/> amount units.</exception>
    /// <remarks>
    /// Same definitions as <see cref="Compute(PurchaseHistory, DateOnly, CohortOptions?)"/>. Combining all segment tables with <see cref="CohortTable.Combine"/> gives the
    /// whole history's table. One pass; allocation O(segments × cohorts × periods).
    /// To segment by the caller's customer id, build the span as <c>segmentOfCustomer[p] = segmentOfId[history.CustomerIds[p]]</c>.
    /// </remarks>
    public static CohortTable[] ComputeSegmented(PurchaseHistory history, DateOnly asOf, ReadOnlySpan<int> segmentOfCustomer, int segmentCount, CohortOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        options ??= CohortOptions.Monthly;
        options.Validate(nameof(options));
        SummaryPass.ValidateAsOf(history, asOf);
        if (segmentCount < 1) ThrowHelper.ThrowOutOfRange(nameof(segmentCount), segmentCount, "it must be at least 1.");
        if (segmentOfCustomer.Length != history.CustomerCount)
        {
            ThrowHelper.ThrowArgument(nameof(segmentOfCustomer), string.Create(CultureInfo.InvariantCulture,
                $"{nameof(segmentOfCustomer)} has length {segmentOfCustomer.Length}; it must have one segment per customer of the history ({history.CustomerCount})."));
        }
        for (int i = 0; i < segmentOfCustomer.Length; i++)
        {
            if ((uint)segmentOfCustomer[i] >= (uint)segmentCount)
            {
                ThrowHelper.ThrowElement(nameof(segmentOfCustomer), i, segmentOfCustomer[i],
                    string.Create(CultureInfo.InvariantCulture, $"segments must be in the range 0..{segmentCount - 1}."));
            }
        }
        return Run(history, asOf.DayNumber, options, segmentOfCustomer, segmentCount, 1);
    }

    // parts: the number of customer ranges run at once; 1 unless unsegmented (segmentOf empty).
    private static CohortTable[] Run(PurchaseHistory history, int asOfDay, CohortOptions options, ReadOnlySpan<int> segmentOf, int segmentCount, int parts)
    {
        var tables = new CohortTable[segmentCount];
        if (history.IsEmpty)
        {
            CohortLayout empty = CohortLayout.Empty(options, asOfDay);
            for (int s = 0; s < tables.Length; s++) tables[s] = new CohortTable(empty, history.AmountScale, [], [], [], [], []);
            return tables;
        }

        int minDay = history.MinDayNumber;
        CohortLayout layout = CohortLayout.Create(options, minDay, asOfDay);
        int lastDay = Math.Min(asOfDay, history.MaxDayNumber);
        int span = lastDay - minDay + 1;
        var cells = new CohortCells[segmentCount];
        for (int s = 0; s < cells.Length; s++) cells[s] = new CohortCells(layout.CohortCount, layout.PeriodCount, options.Retention);

        int[] rows = ArrayPool<int>.Shared.Rent(span);
        int[]? offsets = null;
        try
        {
            FillRows(rows.AsSpan(0, span), minDay, layout.FirstOrdinal, options.Unit, options.WeekStart);
            switch (options.Mode)
            {
                case CohortPeriodMode.Calendar:
                    RunPass(history, asOfDay, layout, new CalendarMap(rows, minDay), rows, minDay, segmentOf, cells, parts, options.Retention);
                    break;
                case CohortPeriodMode.Rolling:
                    {
                        offsets = ArrayPool<int>.Shared.Rent(span);
                        int n = options.RollingDays;
                        for (int d = 0; d < span; d++) offsets[d] = d / n;
                        RunPass(history, asOfDay, layout, new OffsetMap(offsets, span), rows, minDay, segmentOf, cells, parts, options.Retention);
                        break;
                    }
                default:
                    {
                        IReadOnlyList<CohortBracket> brackets = options.Brackets!;
                        int length = (int)Math.Min(span, (long)brackets[^1].LastDay + 1);
                        offsets = ArrayPool<int>.Shared.Rent(length);
                        offsets.AsSpan(0, length).Fill(-1);
                        for (int j = 0; j < brackets.Count; j++)
                        {
                            int to = Math.Min(brackets[j].LastDay, length - 1);
                            for (int d = brackets[j].FirstDay; d <= to; d++) offsets[d] = j;
                        }
                        RunPass(history, asOfDay, layout, new OffsetMap(offsets, length), rows, minDay, segmentOf, cells, parts, options.Retention);
                        break;
                    }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rows);
            if (offsets is not null) ArrayPool<int>.Shared.Return(offsets);
        }

        for (int s = 0; s < tables.Length; s++)
        {
            CohortCells c = cells[s];
            c.Finish(layout.CohortCount, layout.PeriodCount);
            tables[s] = new CohortTable(layout, history.AmountScale, c.Sizes, c.Active, c.Retained, c.Orders, c.Revenue);
        }
        return tables;
    }

    /// <summary>Writes, for each day from <paramref name="minDay"/>, the row (cohort index) of the period containing it.</summary>
    private static void FillRows(Span<int> rows, int minDay, int firstOrdinal, PeriodUnit unit, DayOfWeek weekStart)
    {
        for (int d = 0; d < rows.Length; d++) rows[d] = Calendar.PeriodOrdinal(minDay + d, unit, weekStart) - firstOrdinal;
    }

    /// <summary>Runs the pass over all customers, or over <paramref name="parts"/> customer ranges at once, each into its own
    /// cells, which are then added into <paramref name="cells"/>.</summary>
    private static void RunPass<TMap>(PurchaseHistory history, int asOfDay, CohortLayout layout, TMap map, int[] rows, int minDay,
        ReadOnlySpan<int> segmentOf, CohortCells[] cells, int parts, CohortRetention retention)
        where TMap : struct, IPeriodMap
    {
        if (parts == 1)
        {
            Pass(history, asOfDay, layout.PeriodCount, map, rows, minDay, segmentOf, cells, 0, history.CustomerCount);
            return;
        }
        var bounds = new int[parts + 1];
        CustomerRanges.Split(history, bounds, CustomerRanges.CohortCustomerWeight);
        var partCells = new CohortCells[parts][];
        partCells[0] = cells;
        for (int p = 1; p < parts; p++) partCells[p] = [new CohortCells(layout.CohortCount, layout.PeriodCount, retention)];
        Slices.ForEach(parts, p =>
            Pass(history, asOfDay, layout.PeriodCount, map, rows, minDay, [], partCells[p], bounds[p], bounds[p + 1]));
        for (int p = 1; p < parts; p++) cells[0].Add(partCells[p][0]);
    }

    private static void Pass<TMap>(PurchaseHistory history, int asOfDay, int periods, TMap map, int[] rows, int minDay, ReadOnlySpan<int> segmentOf, CohortCells[] cells,
        int fromCustomer, int toCustomer)
        where TMap : struct, IPeriodMap
    {
        ReadOnlySpan<int> starts = history.CustomerStarts;
        int[] days = history.DayArray;
        long[] units = history.UnitArray;
        bool segmented = !segmentOf.IsEmpty;
        CohortCells target = cells[0];
        long[] sizes = target.Sizes, active = target.Active, retained = target.Retained, orders = target.Orders, revenue = target.Revenue;
        long[]? last = target.Last;
        bool countOn = last is null;
        for (int c = fromCustomer; c < toCustomer; c++)
        {
            int i = starts[c];
            int end = starts[c + 1];
            int first = days[i];
            if (first > asOfDay) continue;
            if (segmented)
            {
                target = cells[segmentOf[c]];
                sizes = target.Sizes;
                active = target.Active;
                retained = target.Retained;
                orders = target.Orders;
                revenue = target.Revenue;
                last = target.Last;
            }
            int row = rows[first - minDay];
            sizes[row]++;
            int rowBase = row * periods;
            // Days ascend within a run, so k never decreases: a new period starts exactly when k differs from the previous one.
            // Branch-free counting: the period changes unpredictably from one purchase to the next.
            int previous = -1;
            for (; i < end; i++)
            {
                int day = days[i];
                if (day > asOfDay) break;
                int k = map.Period(day, first, row);
                if (k < 0)
                {
                    if (k == Stop) break;
                    continue;
                }
                int cell = rowBase + k;
                orders[cell]++;
                revenue[cell] = checked(revenue[cell] + units[i]);
                if (countOn)
                {
                    active[cell] += k != previous ? 1 : 0;
                    retained[cell] += k == previous + 1 ? 1 : 0;
                }
                previous = k;
            }
            if (last is not null && previous >= 0) last[rowBase + previous]++;
        }
    }

    private interface IPeriodMap
    {
        /// <summary>Gets the column of a purchase day, −1 for a day in no column, or <see cref="Stop"/> when no later day has a column.</summary>
        int Period(int day, int firstDay, int row);
    }

    /// <summary>Calendar periods: the period ordinal of the day minus the cohort's ordinal (row indexes are ordinals relative to row 0).</summary>
    private readonly struct CalendarMap(int[] rows, int minDay) : IPeriodMap
    {
        private readonly int[] _rows = rows;
        private readonly int _minDay = minDay;

        public int Period(int day, int firstDay, int row) => _rows[day - _minDay] - row;
    }

    /// <summary>Periods by days since the first purchase, through a table of offsets (rolling windows or brackets).</summary>
    private readonly struct OffsetMap(int[] periods, int length) : IPeriodMap
    {
        private readonly int[] _periods = periods;
        private readonly int _length = length;

        public int Period(int day, int firstDay, int row)
        {
            int offset = day - firstDay;
            return offset < _length ? _periods[offset] : Stop;
        }
    }

    /// <summary>The cell arrays of one table during the pass.</summary>
    private sealed class CohortCells
    {
        internal CohortCells(int cohorts, int periods, CohortRetention retention)
        {
            int cells = cohorts * periods;
            Sizes = new long[cohorts];
            Active = new long[cells];
            Orders = new long[cells];
            Revenue = new long[cells];
            if (retention == CohortRetention.OnOrAfter)
            {
                // The pass counts customers by their last active period into Active; Finish turns that into suffix sums.
                // Active in k or later is a subset of active in k − 1 or later, so the step numerator is the count itself.
                Last = Active;
                Retained = Active;
            }
            else
            {
                Retained = new long[cells];
            }
        }

        internal long[] Sizes { get; }

        internal long[] Active { get; }

        internal long[] Retained { get; }

        internal long[] Orders { get; }

        internal long[] Revenue { get; }

        /// <summary>Customers by last active period (on-or-after mode only, shares storage with <see cref="Active"/>); <see langword="null"/> in "on" mode.</summary>
        internal long[]? Last { get; }

        /// <summary>Adds the cells of a disjoint customer range (before <see cref="Finish"/>).</summary>
        internal void Add(CohortCells part)
        {
            AddInto(Sizes, part.Sizes);
            AddInto(Active, part.Active);
            if (!ReferenceEquals(Retained, Active)) AddInto(Retained, part.Retained);
            AddInto(Orders, part.Orders);
            for (int i = 0; i < Revenue.Length; i++) Revenue[i] = checked(Revenue[i] + part.Revenue[i]);

            static void AddInto(long[] target, long[] source)
            {
                for (int i = 0; i < target.Length; i++) target[i] += source[i];
            }
        }

        /// <summary>In on-or-after mode, turns counts by last active period into counts of customers active in k or later.</summary>
        internal void Finish(int cohorts, int periods)
        {
            if (Last is null) return;
            for (int r = 0; r < cohorts; r++)
            {
                Span<long> row = Last.AsSpan(r * periods, periods);
                long sum = 0;
                for (int k = row.Length - 1; k >= 0; k--)
                {
                    sum += row[k];
                    row[k] = sum;
                }
            }
        }
    }
}
