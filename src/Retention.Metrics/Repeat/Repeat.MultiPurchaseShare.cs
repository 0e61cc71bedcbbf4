namespace Retention.Metrics;

/// <summary>Repeat-purchase metrics: repeat rates (リピート率) in their several definitions, F2/Fn conversion (F2転換率),
/// time to the next purchase (転換日数) and the upgrade rate (引き上げ率).</summary>
/// <remarks>Every function takes the observation end explicitly and never reads the clock. Functions that aggregate over
/// customers accept an optional <see cref="CustomerSet"/> so that a segment or a campaign group can be measured on its own.</remarks>
public static partial class Repeat
{
    /// <summary>Computes the share of customers with at least two purchases (2回以上購入者比率), over each customer's lifetime up to <paramref name="asOf"/>.</summary>
    /// <param name="history">The purchase history.</param>
    /// <param name="asOf">The observation end, inclusive: purchases on this day count, later ones are ignored.</param>
    /// <param name="counting">Whether purchases are occasions (distinct days, the default) or orders.</param>
    /// <param name="customers">The customers to measure; <see langword="null"/> for all.</param>
    /// <returns>Repeat customers over customers first seen by <paramref name="asOf"/>; 0 / 0 for an empty history.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> precedes the first purchase, or <paramref name="counting"/> is not defined.</exception>
    /// <exception cref="ArgumentException"><paramref name="customers"/> belongs to another history.</exception>
    /// <remarks>
    /// <c>rate = |{c : purchases(c, ≤ asOf) ≥ 2}| / |{c : first(c) ≤ asOf}|</c>. Results over disjoint customer sets combine with
    /// <see cref="Rate.Combine"/>. On CDNOW (full file, 1998-06-30) it is 11,516 / 23,570 by occasions and 11,662 / 23,570 by orders.
    /// </remarks>
    public static Rate MultiPurchaseShare(PurchaseHistory history, DateOnly asOf,
        PurchaseCounting counting = PurchaseCounting.Occasions, CustomerSet? customers = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        SummaryPass.ValidateAsOf(history, asOf);
        ValidateCounting(counting);
        return MultiPurchaseCore(history, int.MinValue, asOf.DayNumber, counting, CustomerSet.BitsFor(customers, history));
    }

    /// <summary>Computes the share of the customers who bought in a window that bought at least twice in it.</summary>
    /// <param name="history">The purchase history.</param>
    /// <param name="from">The first day of the window, inclusive.</param>
    /// <param name="to">The last day of the window, inclusive; it is the observation end.</param>
    /// <param name="counting">Whether purchases are occasions (distinct days, the default) or orders.</param>
    /// <param name="customers">The customers to measure; <see langword="null"/> for all.</param>
    /// <returns>Customers with two or more purchases in the window over customers with one or more; 0 / 0 when nobody bought in it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> precedes the first purchase or <paramref name="from"/>, or <paramref name="counting"/> is not defined.</exception>
    /// <exception cref="ArgumentException"><paramref name="customers"/> belongs to another history.</exception>
    /// <remarks><c>rate = |{c : purchases(c, [from, to]) ≥ 2}| / |{c : purchases(c, [from, to]) ≥ 1}|</c>; combine with <see cref="Rate.Combine"/>.</remarks>
    public static Rate MultiPurchaseShare(PurchaseHistory history, DateOnly from, DateOnly to,
        PurchaseCounting counting = PurchaseCounting.Occasions, CustomerSet? customers = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        SummaryPass.ValidateAsOf(history, to, nameof(to));
        if (from > to) ThrowHelper.ThrowOutOfRange(nameof(from), from, $"it must be on or before to ({to:yyyy-MM-dd}).");
        ValidateCounting(counting);
        return MultiPurchaseCore(history, from.DayNumber, to.DayNumber, counting, CustomerSet.BitsFor(customers, history));
    }

    private static Rate MultiPurchaseCore(PurchaseHistory history, int fromDay, int toDay, PurchaseCounting counting, ulong[]? bits)
    {
        ReadOnlySpan<int> starts = history.CustomerStarts;
        int[] days = history.DayArray;
        bool orders = counting == PurchaseCounting.Orders;
        long buyers = 0, repeat = 0;
        int customerCount = history.CustomerCount;
        for (int c = 0; c < customerCount; c++)
        {
            if (!CustomerSet.Includes(bits, c)) continue;
            int i = starts[c], end = starts[c + 1];
            while (i < end && days[i] < fromDay) i++;
            if (i == end || days[i] > toDay) continue;
            buyers++;
            int firstDay = days[i];
            for (i++; i < end; i++)
            {
                int day = days[i];
                if (day > toDay) break;
                if (orders || day != firstDay)
                {
                    repeat++;
                    break;
                }
            }
        }
        return new Rate(repeat, buyers);
    }

    internal static void ValidateCounting(PurchaseCounting counting)
    {
        if ((uint)counting > (uint)PurchaseCounting.Orders)
            ThrowHelper.ThrowOutOfRange(nameof(counting), counting, "it must be Occasions or Orders.");
    }

    internal static void ValidateWindow(int windowDays, string paramName = "windowDays")
    {
        if (windowDays < 0) ThrowHelper.ThrowOutOfRange(paramName, windowDays, "it must be zero or greater (days).");
    }
}
