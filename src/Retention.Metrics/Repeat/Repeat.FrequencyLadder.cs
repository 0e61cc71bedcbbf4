namespace Retention.Metrics;

public static partial class Repeat
{
    /// <summary>Counts customers with at least n purchases for n = 1..<paramref name="maxPurchases"/> in one pass, giving the cumulative
    /// Fn rates (≥ n ÷ F1) and the step rates F(n−1)→Fn.</summary>
    /// <param name="history">The purchase history.</param>
    /// <param name="asOf">The observation end, inclusive.</param>
    /// <param name="maxPurchases">The largest n, k ≥ 2; customers with more purchases count as having k.</param>
    /// <param name="windowDays">When given, only purchases within this many days of the first purchase count, and customers whose window
    /// has not elapsed by <paramref name="asOf"/> are left out (right-censoring); <see langword="null"/> counts every purchase up to <paramref name="asOf"/>.</param>
    /// <param name="counting">Whether purchases are occasions (distinct days, the default) or orders.</param>
    /// <param name="customers">The customers to measure; <see langword="null"/> for all.</param>
    /// <returns>The ladder; every count 0 for an empty history.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> precedes the first purchase; <paramref name="maxPurchases"/> is less than 2;
    /// <paramref name="windowDays"/> is negative; <paramref name="counting"/> is not defined.</exception>
    /// <exception cref="ArgumentException"><paramref name="customers"/> belongs to another history.</exception>
    /// <remarks>
    /// <c>cumulative(n) = |{c : purchases(c) ≥ n}| / |F1|</c>, <c>step(n) = |{≥ n}| / |{≥ n − 1}|</c>; the window, when given, keeps purchases
    /// on days <c>d ≤ first + W</c> and customers with <c>first + W ≤ asOf</c>. Ladders over disjoint customer sets combine with
    /// <see cref="FrequencyLadder.Combine"/>.
    /// </remarks>
    public static FrequencyLadder FrequencyLadder(PurchaseHistory history, DateOnly asOf, int maxPurchases, int? windowDays = null,
        PurchaseCounting counting = PurchaseCounting.Occasions, CustomerSet? customers = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        SummaryPass.ValidateAsOf(history, asOf);
        if (maxPurchases < 2) ThrowHelper.ThrowOutOfRange(nameof(maxPurchases), maxPurchases, "it must be 2 or greater.");
        if (windowDays is int w) ValidateWindow(w);
        ValidateCounting(counting);
        ulong[]? bits = CustomerSet.BitsFor(customers, history);
        var atLeast = new long[maxPurchases + 1];
        long censored = 0;
        int asOfDay = asOf.DayNumber;
        ReadOnlySpan<int> starts = history.CustomerStarts;
        int[] days = history.DayArray;
        bool byOrders = counting == PurchaseCounting.Orders;
        bool windowed = windowDays.HasValue;
        int window = windowDays.GetValueOrDefault();
        int customerCount = history.CustomerCount;
        for (int c = 0; c < customerCount; c++)
        {
            if (!CustomerSet.Includes(bits, c)) continue;
            int s = starts[c], end = starts[c + 1];
            int first = days[s];
            if (first > asOfDay) continue;
            int last = asOfDay;
            if (windowed)
            {
                if ((long)first + window > asOfDay)
                {
                    censored++;
                    continue;
                }
                last = first + window;
            }
            int purchases = 1;
            int previous = first;
            for (int i = s + 1; i < end && purchases < maxPurchases; i++)
            {
                int day = days[i];
                if (day > last) break;
                if (byOrders || day != previous)
                {
                    purchases++;
                    previous = day;
                }
            }
            atLeast[purchases]++;
        }
        // Turn "exactly n" (n < k) and "at least k" into "at least n" for every n.
        for (int k = maxPurchases - 1; k >= 1; k--) atLeast[k] += atLeast[k + 1];
        return new FrequencyLadder(atLeast, censored);
    }
}
