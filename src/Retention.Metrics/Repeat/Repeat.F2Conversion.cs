namespace Retention.Metrics;

public static partial class Repeat
{
    /// <summary>Computes the F2 conversion rate (F2転換率) per acquisition cohort: the share of new customers who buy again within
    /// <paramref name="windowDays"/> days of their first purchase, leaving out customers whose window has not elapsed.</summary>
    /// <param name="history">The purchase history.</param>
    /// <param name="asOf">The observation end, inclusive.</param>
    /// <param name="windowDays">The window W in days after the first purchase day; zero or greater. Presets: <see cref="RepeatPresets.ConversionWindows"/>.</param>
    /// <param name="cohortUnit">The cohort period (first-purchase month by default).</param>
    /// <param name="weekStart">The first day of a week for weekly cohorts; ISO Monday by default.</param>
    /// <param name="counting">Whether the second purchase is a second occasion (another day, the default) or a second order (same day allowed).</param>
    /// <param name="customers">The customers to measure; <see langword="null"/> for all.</param>
    /// <returns>One cohort per period from the first purchase's period to the period of <paramref name="asOf"/>; no cohorts for an empty history.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> precedes the first purchase; <paramref name="windowDays"/> is negative;
    /// <paramref name="cohortUnit"/>, <paramref name="weekStart"/> or <paramref name="counting"/> is not defined.</exception>
    /// <exception cref="ArgumentException"><paramref name="customers"/> belongs to another history.</exception>
    /// <remarks>
    /// <para>With first purchase day <c>f</c> and second purchase day <c>s</c>: converted when <c>s ≤ f + W</c> (the window's last day is
    /// inclusive; by occasions <c>s &gt; f</c>). Right-censoring: a customer is <em>eligible</em> when <c>f + W ≤ asOf</c>; the others are
    /// counted in <see cref="ConversionCohort.Censored"/> and left out of the rate, so recent cohorts do not look worse.</para>
    /// <para><c>F2 = converted eligible / eligible</c>. One pass, O(purchases); results over disjoint customer sets combine with
    /// <see cref="ConversionResult.Combine"/>.</para>
    /// </remarks>
    public static ConversionResult F2Conversion(PurchaseHistory history, DateOnly asOf, int windowDays, PeriodUnit cohortUnit = PeriodUnit.Month,
        DayOfWeek weekStart = DayOfWeek.Monday, PurchaseCounting counting = PurchaseCounting.Occasions, CustomerSet? customers = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        SummaryPass.ValidateAsOf(history, asOf);
        ValidateWindow(windowDays);
        Calendar.Validate(cohortUnit, weekStart);
        ValidateCounting(counting);
        ulong[]? bits = CustomerSet.BitsFor(customers, history);
        if (history.IsEmpty) return new ConversionResult(0, 0, cohortUnit, weekStart, windowDays, asOf.DayNumber, [], [], [], []);

        int asOfDay = asOf.DayNumber;
        int firstOrdinal = Calendar.PeriodOrdinal(history.MinDayNumber, cohortUnit, weekStart);
        int n = Calendar.PeriodOrdinal(asOfDay, cohortUnit, weekStart) - firstOrdinal + 1;
        var customersPer = new long[n];
        var eligible = new long[n];
        var converted = new long[n];
        var censoredConverted = new long[n];
        using var table = new PeriodTable(history.MinDayNumber, asOfDay, firstOrdinal, cohortUnit, weekStart);
        int[] map = table.Array;
        int tableStart = table.StartDay;
        ReadOnlySpan<int> starts = history.CustomerStarts;
        int[] days = history.DayArray;
        bool byOrders = counting == PurchaseCounting.Orders;
        int customerCount = history.CustomerCount;
        for (int c = 0; c < customerCount; c++)
        {
            if (!CustomerSet.Includes(bits, c)) continue;
            int s = starts[c], end = starts[c + 1];
            int first = days[s];
            if (first > asOfDay) continue;
            int cohort = map[first - tableStart];
            customersPer[cohort]++;
            int second = SecondPurchaseDay(days, s, end, byOrders);
            bool hasSecond = second <= asOfDay;
            if ((long)first + windowDays <= asOfDay)
            {
                eligible[cohort]++;
                if (hasSecond && second - first <= windowDays) converted[cohort]++;
            }
            else if (hasSecond && second - first <= windowDays)
            {
                censoredConverted[cohort]++;
            }
        }
        return new ConversionResult(firstOrdinal, n, cohortUnit, weekStart, windowDays, asOfDay, customersPer, eligible, converted, censoredConverted);
    }

    /// <summary>Gets the day of the customer's second purchase (second occasion, or second order), or <see cref="int.MaxValue"/> when there is none.</summary>
    internal static int SecondPurchaseDay(int[] days, int start, int end, bool byOrders)
    {
        int first = days[start];
        for (int i = start + 1; i < end; i++)
        {
            if (byOrders || days[i] != first) return days[i];
        }
        return int.MaxValue;
    }
}
