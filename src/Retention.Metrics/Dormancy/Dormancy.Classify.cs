namespace Retention.Metrics;

/// <summary>Dormancy (休眠) metrics: active/dormant classification as of a date, retention and churn between two dates, reactivation
/// (復帰) and the list of dormant former high-value customers (優良休眠客) for win-back campaigns.</summary>
/// <remarks>
/// A customer is <em>dormant</em> at a date <c>t</c> when their last purchase on or before <c>t</c> is at least <c>thresholdDays</c> days
/// earlier (<c>t − last ≥ N</c>), and <em>active</em> otherwise (<c>t − last &lt; N</c>, a purchase within the last N days counting <c>t</c>).
/// No threshold is standard, so it is always required; <see cref="RepeatPresets.DormancyThresholds"/> lists 180, 240 (CPM) and 365 days.
/// </remarks>
public static partial class Dormancy
{
    /// <summary>Counts the active and dormant customers as of a date.</summary>
    /// <param name="history">The purchase history.</param>
    /// <param name="asOf">The observation end, inclusive.</param>
    /// <param name="thresholdDays">The dormancy threshold N in days, 1 or greater (presets 180, 240, 365).</param>
    /// <param name="customers">The customers to classify; <see langword="null"/> for all.</param>
    /// <returns>The counts; all 0 for an empty history.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> precedes the first purchase, or <paramref name="thresholdDays"/> is less than 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="customers"/> belongs to another history.</exception>
    /// <remarks><c>dormant ⇔ asOf − last ≥ N</c>, over customers first seen by <paramref name="asOf"/>. Combine with <see cref="DormancyStatus.Combine"/>.</remarks>
    public static DormancyStatus Classify(PurchaseHistory history, DateOnly asOf, int thresholdDays, CustomerSet? customers = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        SummaryPass.ValidateAsOf(history, asOf);
        ValidateThreshold(thresholdDays);
        ulong[]? bits = CustomerSet.BitsFor(customers, history);
        int asOfDay = asOf.DayNumber;
        ReadOnlySpan<int> starts = history.CustomerStarts;
        int[] days = history.DayArray;
        long total = 0, dormant = 0;
        int customerCount = history.CustomerCount;
        for (int c = 0; c < customerCount; c++)
        {
            if (!CustomerSet.Includes(bits, c)) continue;
            int last = LastDayOnOrBefore(days, starts[c], starts[c + 1], asOfDay);
            if (last == int.MinValue) continue;
            total++;
            if (asOfDay - last >= thresholdDays) dormant++;
        }
        return new DormancyStatus(total, total - dormant, dormant);
    }

    /// <summary>Gets the last purchase day on or before <paramref name="day"/> in a run, or <see cref="int.MinValue"/> when there is none.</summary>
    internal static int LastDayOnOrBefore(int[] days, int start, int end, int day)
    {
        for (int i = end - 1; i >= start; i--)
        {
            if (days[i] <= day) return days[i];
        }
        return int.MinValue;
    }

    internal static void ValidateThreshold(int thresholdDays)
    {
        if (thresholdDays < 1)
            ThrowHelper.ThrowOutOfRange(nameof(thresholdDays), thresholdDays, "it must be 1 or greater (days; common values are 180, 240 and 365).");
    }
}

/// <summary>Active and dormant customer counts as of a date.</summary>
/// <param name="Customers">Customers first seen on or before the date.</param>
/// <param name="Active">Customers with a purchase within the threshold (稼働顧客).</param>
/// <param name="Dormant">Customers without (休眠顧客).</param>
/// <remarks>Counts over disjoint customer sets add up (<see cref="Combine"/>). The default value is the empty result.</remarks>
public readonly record struct DormancyStatus(long Customers, long Active, long Dormant)
{
    /// <summary>Gets the share of active customers.</summary>
    public Rate ActiveRate => new(Active, Customers);

    /// <summary>Gets the share of dormant customers (休眠率).</summary>
    public Rate DormantRate => new(Dormant, Customers);

    /// <summary>Combines counts computed over disjoint customer sets.</summary>
    /// <param name="left">The first counts.</param>
    /// <param name="right">The second counts.</param>
    /// <returns>The counts of the union.</returns>
    /// <exception cref="OverflowException">A count overflows.</exception>
    public static DormancyStatus Combine(DormancyStatus left, DormancyStatus right) => new(
        checked(left.Customers + right.Customers), checked(left.Active + right.Active), checked(left.Dormant + right.Dormant));
}
