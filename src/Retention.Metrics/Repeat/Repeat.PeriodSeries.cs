namespace Retention.Metrics;

public static partial class Repeat
{
    /// <summary>Computes the period-based repeat rates of every calendar period from the one containing <paramref name="from"/> to the one containing <paramref name="asOf"/>, in one pass.</summary>
    /// <param name="history">The purchase history.</param>
    /// <param name="from">A day in the first period of the series.</param>
    /// <param name="asOf">The observation end, inclusive; the last period of the series contains it and ends on it.</param>
    /// <param name="unit">The period length, for example <see cref="PeriodUnit.Month"/> or <see cref="PeriodUnit.Week"/>.</param>
    /// <param name="weekStart">The first day of a week when <paramref name="unit"/> is <see cref="PeriodUnit.Week"/>; ISO Monday by default.</param>
    /// <param name="counting">Whether a repeat purchase is a later occasion (distinct day, the default) or any order but the first.</param>
    /// <param name="customers">The customers to measure; <see langword="null"/> for all.</param>
    /// <param name="degreeOfParallelism">The number of customer ranges counted at once: 1 (the default) for the calling thread alone,
    /// <see cref="Environment.ProcessorCount"/> for every core. The series is the same for every degree.</param>
    /// <returns>One <see cref="RepeatPeriod"/> per period; every count is 0 for an empty history.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> precedes the first purchase; <paramref name="from"/> is after
    /// <paramref name="asOf"/>; <paramref name="unit"/>, <paramref name="weekStart"/> or <paramref name="counting"/> is not defined; <paramref name="degreeOfParallelism"/> is less than 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="customers"/> belongs to another history.</exception>
    /// <remarks>
    /// <para>Period <c>P</c> is a calendar period <c>[start, end]</c>, both days inclusive; the last period ends on <paramref name="asOf"/>.
    /// Per period (see <see cref="RepeatPeriod"/>): cumulative repeat rate (リピート率, 累計型) <c>repeat buyers(P) / customers acquired by end(P)</c>;
    /// repeater share (リピーター率) <c>repeat buyers(P) / buyers(P)</c>; repeat-order share (リピート注文比率) <c>non-first orders(P) / orders(P)</c>
    /// and its revenue analogue; period-over-period retention (顧客維持率) <c>|buyers(P−1) ∩ buyers(P)| / |buyers(P−1)|</c> for all, new and
    /// existing customers.</para>
    /// <para>One pass over the history with a day → period table: O(purchases + days), memory O(periods × degree of parallelism). Series over disjoint customer
    /// sets with the same periods combine cell by cell with <see cref="RepeatSeries.Combine"/>.</para>
    /// </remarks>
    public static RepeatSeries PeriodSeries(PurchaseHistory history, DateOnly from, DateOnly asOf, PeriodUnit unit,
        DayOfWeek weekStart = DayOfWeek.Monday, PurchaseCounting counting = PurchaseCounting.Occasions, CustomerSet? customers = null,
        int degreeOfParallelism = 1)
    {
        ArgumentNullException.ThrowIfNull(history);
        Calendar.Validate(unit, weekStart);
        ValidateCounting(counting);
        CustomerRanges.Validate(degreeOfParallelism);
        SummaryPass.ValidateAsOf(history, asOf);
        if (from > asOf) ThrowHelper.ThrowOutOfRange(nameof(from), from, $"it must be on or before asOf ({asOf:yyyy-MM-dd}).");
        ulong[]? bits = CustomerSet.BitsFor(customers, history);

        int firstOrdinal = Calendar.PeriodOrdinal(from.DayNumber, unit, weekStart);
        int lastOrdinal = Calendar.PeriodOrdinal(asOf.DayNumber, unit, weekStart);
        int n = lastOrdinal - firstOrdinal + 1;
        int baseOrdinal = firstOrdinal - 1; // relative index 0 is the period before the series
        var counts = new RepeatSeries.Counts(n + 1);
        if (history.IsEmpty) return new RepeatSeries(firstOrdinal, n, unit, weekStart, asOf.DayNumber, counts, 0, 0);

        int asOfDay = asOf.DayNumber;
        int tableStart = Math.Max(PeriodTable.StartDayClamped(baseOrdinal, unit, weekStart), history.MinDayNumber);
        // Every day of the history has a cell: its period's in the table, from the period before the series to asOf, and the
        // scratch cell past the series' cells otherwise (see SeriesPass).
        int cellCount = n + 1 + SeriesPass.ExtraCells;
        using var table = new PeriodTable(history.MinDayNumber, history.MaxDayNumber, tableStart, asOfDay, baseOrdinal, unit, weekStart,
            outside: cellCount - SeriesPass.ExtraCells);
        var pass = new SeriesPass(history, table.Array, tableStart, counting == PurchaseCounting.Orders, bits);
        int parts = CustomerRanges.Parts(history, degreeOfParallelism);
        var cells = new SeriesCell[cellCount];
        long acquiredBefore;
        if (parts == 1)
        {
            acquiredBefore = pass.Run(0, history.CustomerCount, cells);
        }
        else
        {
            var bounds = new int[parts + 1];
            CustomerRanges.Split(history, bounds, CustomerRanges.CohortCustomerWeight);
            var partCells = new SeriesCell[parts][];
            var partAcquired = new long[parts];
            Slices.ForEach(parts, p =>
            {
                // Each part counts into its own cells, allocated on its own thread, so the cores never share a cache line.
                var local = new SeriesCell[cellCount];
                partAcquired[p] = pass.Run(bounds[p], bounds[p + 1], local);
                partCells[p] = local;
            });
            acquiredBefore = 0;
            for (int p = 0; p < parts; p++)
            {
                SeriesCell.Add(cells, partCells[p]);
                acquiredBefore += partAcquired[p];
            }
        }
        SeriesCell.CopyTo(cells.AsSpan(0, n + 1), counts);
        long cumulative = acquiredBefore;
        long[] cumulativeCustomers = counts.Cumulative;
        for (int r = 0; r <= n; r++)
        {
            cumulative += counts.NewBuyers[r];
            cumulativeCustomers[r] = cumulative;
        }
        return new RepeatSeries(firstOrdinal, n, unit, weekStart, asOfDay, counts, history.AmountScale, acquiredBefore);
    }
}
