namespace Retention.Metrics;

/// <summary>Practical lifetime value (LTV) as shops compute it: realised revenue per customer, per acquisition cohort, annual,
/// margin and contribution forms, formula LTVs, discounting and payback.</summary>
public static partial class Lifetime
{
    /// <summary>Computes the historical (cumulative) LTV, 実績LTV: all revenue up to <paramref name="asOf"/> of the customers acquired by then, per customer.</summary>
    /// <param name="history">The purchase history.</param>
    /// <param name="asOf">The observation end, inclusive.</param>
    /// <returns>The customers (first purchase on or before <paramref name="asOf"/>), their orders and revenue up to it; empty for an empty history.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> precedes the history's first purchase.</exception>
    /// <remarks><c>LTV = Σ revenue / customers</c> (one customer buying 2,000 + 4,000 × 8 + 7,000 has LTV 41,000). Results over
    /// histories split by customer merge with <see cref="LtvResult.Combine"/>. One pass, no allocation.</remarks>
    public static LtvResult Historical(PurchaseHistory history, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(history);
        SummaryPass.ValidateAsOf(history, asOf);
        return Window(history, int.MinValue, asOf.DayNumber, requireFirstBy: asOf.DayNumber);
    }

    /// <summary>Computes the annual LTV in its period form, 年間LTV: revenue of the last <paramref name="months"/> months ÷ customers who bought in them.</summary>
    /// <param name="history">The purchase history.</param>
    /// <param name="asOf">The last day of the window, inclusive.</param>
    /// <param name="months">The window length in calendar months; 12 for the annual form.</param>
    /// <returns>The customers with at least one order in the window, their orders and revenue there; empty when nobody bought in the window.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> precedes the first purchase, or <paramref name="months"/> is less than 1.</exception>
    /// <remarks>The window is <c>(asOf − months, asOf]</c>: it excludes the day <c>asOf.AddMonths(−months)</c> and includes
    /// <paramref name="asOf"/>, so 12 months to 2024-12-31 start on 2024-01-01. Customers are those with a non-zero number
    /// of orders in the window (直近1年間の売上 ÷ 直近1年顧客数). Results over histories split by customer merge with
    /// <see cref="LtvResult.Combine"/>.</remarks>
    public static LtvResult AnnualPeriod(PurchaseHistory history, DateOnly asOf, int months = 12)
    {
        ArgumentNullException.ThrowIfNull(history);
        SummaryPass.ValidateAsOf(history, asOf);
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        int from = asOf.AddMonths(-months).DayNumber + 1;
        return Window(history, from, asOf.DayNumber, requireFirstBy: int.MaxValue);
    }

    // Customers with an order in [fromDay, toDay] (and first purchase ≤ requireFirstBy), their orders and revenue in the window.
    private static LtvResult Window(PurchaseHistory history, int fromDay, int toDay, int requireFirstBy)
    {
        ReadOnlySpan<int> starts = history.CustomerStarts;
        int[] days = history.DayArray;
        long[] units = history.UnitArray;
        long customers = 0, orders = 0;
        Int128 total = Int128.Zero;
        for (int c = 0; c + 1 < starts.Length; c++)
        {
            int i = starts[c], end = starts[c + 1];
            if (days[i] > requireFirstBy) continue;
            long customerOrders = 0;
            long sum = 0;
            for (; i < end; i++)
            {
                int day = days[i];
                if (day > toDay) break;
                if (day < fromDay) continue;
                customerOrders++;
                sum = checked(sum + units[i]);
            }
            if (customerOrders == 0 && requireFirstBy == int.MaxValue) continue;
            customers++;
            orders += customerOrders;
            total += sum;
        }
        return new LtvResult(customers, orders, history.ToAmount(total));
    }
}
