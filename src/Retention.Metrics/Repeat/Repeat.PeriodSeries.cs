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
            int lastR = -2;
            bool repeatCounted = false;
            for (int i = s; i < end; i++)
            {
                int day = days[i];
                if (day > asOfDay) break;
                if (day < tableStart) continue;
                int r = map[day - tableStart];
                long u = units[i];
                orders[r]++;
                revenue[r] = checked(revenue[r] + u);
                if (i != s) repeatOrders[r]++;
                if (day != first) repeatRevenue[r] = checked(repeatRevenue[r] + u);
                if (r != lastR)
                {
                    buyers[r]++;
                    if (lastR == r - 1) retained[r]++;
                    if (firstR == r - 1) newRetained[r]++;
                    lastR = r;
                    repeatCounted = false;
                }
                if (!repeatCounted && (byOrders ? i != s : day != first))
                {
                    repeatCounted = true;
                    repeatBuyers[r]++;
                    if (firstR == r) newRepeat[r]++;
                }
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
