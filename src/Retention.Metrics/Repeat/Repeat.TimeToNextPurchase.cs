namespace Retention.Metrics;

public static partial class Repeat
{
    /// <summary>Computes the distribution of days from a customer's n-th purchase to the next (転換日数), or of every gap between consecutive purchases.</summary>
    /// <param name="history">The purchase history.</param>
    /// <param name="asOf">The observation end, inclusive: only gaps whose both purchases are on or before it are counted.</param>
    /// <param name="fromPurchase">n ≥ 1 for the gap from purchase n to purchase n + 1 (1 = time to the second purchase); <see langword="null"/> for every gap.</param>
    /// <param name="counting">Whether purchases are occasions (distinct days, the default, so gaps are ≥ 1 day) or orders (same-day gaps of 0 days occur).</param>
    /// <param name="customers">The customers to measure; <see langword="null"/> for all.</param>
    /// <returns>The distribution; empty (count 0) for an empty history or when nobody made purchase n + 1.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> precedes the first purchase, <paramref name="fromPurchase"/> is less than 1,
    /// or <paramref name="counting"/> is not defined.</exception>
    /// <exception cref="ArgumentException"><paramref name="customers"/> belongs to another history.</exception>
    /// <remarks>
    /// The gap is <c>day(n + 1) − day(n)</c> in days. The distribution is of observed gaps only: customers who have not made purchase n + 1 by
    /// <paramref name="asOf"/> are not in it (use <see cref="F2Conversion"/> for a censoring-aware conversion rate). It is held as an exact histogram by
    /// day, so quantiles are exact; memory O(days spanned by the history). Distributions over disjoint customer sets combine with
    /// <see cref="IntervalDistribution.Combine"/>.
    /// </remarks>
    public static IntervalDistribution TimeToNextPurchase(PurchaseHistory history, DateOnly asOf, int? fromPurchase = 1,
        PurchaseCounting counting = PurchaseCounting.Occasions, CustomerSet? customers = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        SummaryPass.ValidateAsOf(history, asOf);
        if (fromPurchase is int n && n < 1) ThrowHelper.ThrowOutOfRange(nameof(fromPurchase), n, "it must be 1 or greater (1 = from the first to the second purchase).");
        ValidateCounting(counting);
        ulong[]? bits = CustomerSet.BitsFor(customers, history);
        if (history.IsEmpty) return new IntervalDistribution([]);
        int asOfDay = asOf.DayNumber;
        var histogram = new long[Math.Max(0, Math.Min(asOfDay, history.MaxDayNumber) - history.MinDayNumber) + 1];
        ReadOnlySpan<int> starts = history.CustomerStarts;
        int[] days = history.DayArray;
        bool byOrders = counting == PurchaseCounting.Orders;
        bool all = !fromPurchase.HasValue;
        int wanted = fromPurchase.GetValueOrDefault();
        int customerCount = history.CustomerCount;
        for (int c = 0; c < customerCount; c++)
        {
            if (!CustomerSet.Includes(bits, c)) continue;
            int s = starts[c], end = starts[c + 1];
            int previous = days[s];
            if (previous > asOfDay) continue;
            int purchase = 1;
            for (int i = s + 1; i < end; i++)
            {
                int day = days[i];
                if (day > asOfDay) break;
                if (!byOrders && day == previous) continue;
                if (all || purchase == wanted) histogram[day - previous]++;
                purchase++;
                previous = day;
                if (!all && purchase > wanted) break;
            }
        }
        int length = histogram.Length;
        while (length > 0 && histogram[length - 1] == 0) length--;
        return new IntervalDistribution(length == histogram.Length ? histogram : histogram.AsSpan(0, length).ToArray());
    }

    /// <summary>Writes, for every customer first seen by <paramref name="asOf"/>, the number of gaps between consecutive purchase occasions and their mean, minimum and maximum in days.</summary>
    /// <param name="history">The purchase history.</param>
    /// <param name="asOf">The observation end, inclusive.</param>
    /// <param name="destination">Receives one entry per customer in history order; at least <see cref="PurchaseHistory.CustomerCount"/> long.</param>
    /// <returns>The number of entries written; 0 for an empty history.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> precedes the first purchase.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    /// <remarks>Occasions (distinct days): <c>mean = (last − first) / (occasions − 1)</c>; a one-time buyer has 0 gaps and mean 0. One pass, no allocation.
    /// Entries of histories split by customer concatenate.</remarks>
    public static int InterPurchaseIntervals(PurchaseHistory history, DateOnly asOf, Span<CustomerIntervals> destination)
    {
        ArgumentNullException.ThrowIfNull(history);
        SummaryPass.ValidateAsOf(history, asOf);
        if (destination.Length < history.CustomerCount)
            ThrowHelper.ThrowDestinationTooShort(nameof(destination), destination.Length, history.CustomerCount);
        int asOfDay = asOf.DayNumber;
        ReadOnlySpan<int> starts = history.CustomerStarts;
        ReadOnlySpan<int> ids = history.CustomerIds;
        int[] days = history.DayArray;
        int written = 0;
        for (int c = 0; c < ids.Length; c++)
        {
            int s = starts[c], end = starts[c + 1];
            int first = days[s];
            if (first > asOfDay) continue;
            int previous = first, gaps = 0, min = 0, max = 0;
            for (int i = s + 1; i < end; i++)
            {
                int day = days[i];
                if (day > asOfDay) break;
                if (day == previous) continue;
                int gap = day - previous;
                min = gaps == 0 ? gap : Math.Min(min, gap);
                max = Math.Max(max, gap);
                gaps++;
                previous = day;
            }
            destination[written++] = new CustomerIntervals(ids[c], gaps, gaps == 0 ? 0d : (double)(previous - first) / gaps, min, max);
        }
        return written;
    }
}

/// <summary>One customer's gaps between consecutive purchase occasions.</summary>
/// <param name="Customer">The caller's customer index.</param>
/// <param name="Intervals">The number of gaps, purchase occasions − 1.</param>
/// <param name="MeanDays">The mean gap in days; 0 when there is no gap.</param>
/// <param name="MinDays">The shortest gap in days; 0 when there is no gap.</param>
/// <param name="MaxDays">The longest gap in days; 0 when there is no gap.</param>
/// <remarks>Equality compares every field.</remarks>
public readonly record struct CustomerIntervals(int Customer, int Intervals, double MeanDays, int MinDays, int MaxDays);
