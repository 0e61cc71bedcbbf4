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
    /// <returns>One <see cref="RepeatPeriod"/> per period; every count is 0 for an empty history.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> precedes the first purchase; <paramref name="from"/> is after
    /// <paramref name="asOf"/>; <paramref name="unit"/>, <paramref name="weekStart"/> or <paramref name="counting"/> is not defined.</exception>
    /// <exception cref="ArgumentException"><paramref name="customers"/> belongs to another history.</exception>
    /// <remarks>
    /// <para>Period <c>P</c> is a calendar period <c>[start, end]</c>, both days inclusive; the last period ends on <paramref name="asOf"/>.
    /// Per period (see <see cref="RepeatPeriod"/>): cumulative repeat rate (リピート率, 累計型) <c>repeat buyers(P) / customers acquired by end(P)</c>;
    /// repeater share (リピーター率) <c>repeat buyers(P) / buyers(P)</c>; repeat-order share (リピート注文比率) <c>non-first orders(P) / orders(P)</c>
    /// and its revenue analogue; period-over-period retention (顧客維持率) <c>|buyers(P−1) ∩ buyers(P)| / |buyers(P−1)|</c> for all, new and
    /// existing customers.</para>
    /// <para>One pass over the history with a day → period table: O(purchases + days), memory O(periods). Series over disjoint customer
    /// sets with the same periods combine cell by cell with <see cref="RepeatSeries.Combine"/>.</para>
    /// </remarks>
    public static RepeatSeries PeriodSeries(PurchaseHistory history, DateOnly from, DateOnly asOf, PeriodUnit unit,
        DayOfWeek weekStart = DayOfWeek.Monday, PurchaseCounting counting = PurchaseCounting.Occasions, CustomerSet? customers = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        Calendar.Validate(unit, weekStart);
        ValidateCounting(counting);
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
        using var table = new PeriodTable(tableStart, asOfDay, baseOrdinal, unit, weekStart);
        int[] map = table.Array;
        ReadOnlySpan<int> starts = history.CustomerStarts;
        int[] days = history.DayArray;
        long[] units = history.UnitArray;
        bool byOrders = counting == PurchaseCounting.Orders;
        long acquiredBefore = 0;
        long[] buyers = counts.Buyers, newBuyers = counts.NewBuyers, repeatBuyers = counts.RepeatBuyers, newRepeat = counts.NewRepeatBuyers;
        long[] orders = counts.Orders, repeatOrders = counts.RepeatOrders, retained = counts.Retained, newRetained = counts.NewRetained;
        long[] revenue = counts.Revenue, repeatRevenue = counts.RepeatRevenue;
        int customerCount = history.CustomerCount;
        for (int c = 0; c < customerCount; c++)
        {
            if (!CustomerSet.Includes(bits, c)) continue;
            int s = starts[c], end = starts[c + 1];
            int first = days[s];
            if (first > asOfDay) continue;
            int firstR = first < tableStart ? -1 : map[first - tableStart];
            if (firstR >= 0) newBuyers[firstR]++;
            else acquiredBefore++;
            // Days ascend within the run: skip the days before the table and stop at the observation end, so the loop
            // below has no branch but its own; everything in it is counted branch-free (the period changes unpredictably).
            int i = s, stop = end;
            while (i < stop && days[i] < tableStart) i++;
            while (stop > i && days[stop - 1] > asOfDay) stop--;
            int lastR = -2;
            int repeatCounted = 0;
            for (; i < stop; i++)
            {
                int day = days[i];
                int r = map[day - tableStart];
                long u = units[i];
                int notFirstOrder = i != s ? 1 : 0;
                int laterDay = day != first ? 1 : 0;
                orders[r]++;
                // Per-period sums cannot overflow: the history keeps the sum of all absolute amounts within a long.
                revenue[r] += u;
                repeatOrders[r] += notFirstOrder;
                repeatRevenue[r] += u & -(long)laterDay;
                int changed = r != lastR ? 1 : 0;
                buyers[r] += changed;
                retained[r] += changed & (lastR == r - 1 ? 1 : 0);
                newRetained[r] += changed & (firstR == r - 1 ? 1 : 0);
                lastR = r;
                int isRepeat = byOrders ? notFirstOrder : laterDay;
                repeatCounted &= changed ^ 1;
                int newRepeater = isRepeat & (repeatCounted ^ 1);
                repeatBuyers[r] += newRepeater;
                newRepeat[r] += newRepeater & (firstR == r ? 1 : 0);
                repeatCounted |= isRepeat;
            }
        }
        long cumulative = acquiredBefore;
        long[] cumulativeCustomers = counts.Cumulative;
        for (int r = 0; r <= n; r++)
        {
            cumulative += newBuyers[r];
            cumulativeCustomers[r] = cumulative;
        }
        return new RepeatSeries(firstOrdinal, n, unit, weekStart, asOfDay, counts, history.AmountScale, acquiredBefore);
    }
}
