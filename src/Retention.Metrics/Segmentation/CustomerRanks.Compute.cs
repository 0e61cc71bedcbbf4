using System.Globalization;

namespace Retention.Metrics;

/// <summary>Customer rank tiers (顧客ランク制度): tiers by spend over a rolling window, and movement between two dates.</summary>
public static partial class CustomerRanks
{
    /// <summary>Assigns tiers by <see cref="CustomerSummary.TotalAmount"/>, for example summaries of the last 12 months.</summary>
    /// <param name="summaries">One summary per customer, over the window the tiers are based on.</param>
    /// <param name="thresholds">Strictly ascending spend thresholds; tier <c>i</c> (1-based) starts at <c>thresholds[i − 1]</c> (inclusive).</param>
    /// <returns>The tiers; no customers and zero sizes for empty input.</returns>
    /// <exception cref="ArgumentException">The thresholds are empty or not strictly ascending; the message names the index.</exception>
    /// <remarks>Tier = the number of thresholds <c>≤ spend</c> (Bronze ≥ 10,000, Silver ≥ 30,000, Gold ≥ 100,000 →
    /// thresholds 10000, 30000, 100000 and tiers 0–3). O(n·tiers).</remarks>
    public static CustomerRankResult Compute(ReadOnlySpan<CustomerSummary> summaries, ReadOnlySpan<decimal> thresholds)
    {
        ValidateThresholds(thresholds);
        int n = summaries.Length;
        var customers = new CustomerRank[n];
        int tiers = thresholds.Length + 1;
        Span<long> counts = stackalloc long[tiers];
        counts.Clear();
        var spend = new decimal[tiers];
        for (int i = 0; i < n; i++)
        {
            decimal amount = summaries[i].TotalAmount;
            int rank = RankOf(amount, thresholds);
            customers[i] = new CustomerRank(summaries[i].Customer, amount, rank);
            counts[rank]++;
            spend[rank] += amount;
        }
        return new CustomerRankResult(customers, Tiers(counts, spend, n), thresholds.ToArray());
    }

    /// <summary>Assigns every customer acquired by <paramref name="asOf"/> a tier by spend in the <paramref name="months"/> months ending on it.</summary>
    /// <param name="history">The purchase history.</param>
    /// <param name="asOf">The last day of the window, inclusive.</param>
    /// <param name="thresholds">Strictly ascending spend thresholds (see <see cref="Compute(ReadOnlySpan{CustomerSummary}, ReadOnlySpan{decimal})"/>).</param>
    /// <param name="months">The window length in calendar months, 1 or greater; 12 by default.</param>
    /// <returns>The tiers; no customers for an empty history.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> precedes the first purchase, or <paramref name="months"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">The thresholds are empty or not strictly ascending.</exception>
    /// <remarks>The window is <c>(asOf − months, asOf]</c>: from the day after <c>asOf.AddMonths(−months)</c> to
    /// <paramref name="asOf"/>, both inclusive (365 or 366 days for 12 months). Customers with no purchase in it are tier 0
    /// with spend 0. O(purchases).</remarks>
    public static CustomerRankResult Compute(PurchaseHistory history, DateOnly asOf, ReadOnlySpan<decimal> thresholds, int months = 12)
    {
        ArgumentNullException.ThrowIfNull(history);
        SummaryPass.ValidateAsOf(history, asOf);
        ValidateThresholds(thresholds);
        ValidateMonths(months);
        int tiers = thresholds.Length + 1;
        Span<long> counts = stackalloc long[tiers];
        counts.Clear();
        var spend = new decimal[tiers];
        var buffer = new CustomerRank[history.CustomerCount];
        int n = 0;
        int asOfDay = asOf.DayNumber, startDay = asOf.AddMonths(-months).DayNumber + 1;
        ReadOnlySpan<int> starts = history.CustomerStarts;
        ReadOnlySpan<int> ids = history.CustomerIds;
        int[] days = history.DayArray;
        long[] units = history.UnitArray;
        for (int c = 0; c < ids.Length; c++)
        {
            int i = starts[c], end = starts[c + 1];
            if (days[i] > asOfDay) continue;
            long total = WindowUnits(days, units, i, end, startDay, asOfDay);
            decimal amount = history.ToAmount(total);
            int rank = RankOf(amount, thresholds);
            buffer[n++] = new CustomerRank(ids[c], amount, rank);
            counts[rank]++;
            spend[rank] += amount;
        }
        CustomerRank[] customers = n == buffer.Length ? buffer : buffer.AsSpan(0, n).ToArray();
        return new CustomerRankResult(customers, Tiers(counts, spend, n), thresholds.ToArray());
    }

    /// <summary>Compares every customer's tier at two dates (each by spend in the <paramref name="months"/> months ending on it).</summary>
    /// <param name="history">The purchase history.</param>
    /// <param name="from">The earlier date.</param>
    /// <param name="to">The later date, on or after <paramref name="from"/>.</param>
    /// <param name="thresholds">Strictly ascending spend thresholds.</param>
    /// <param name="months">The window length in calendar months, 1 or greater; 12 by default.</param>
    /// <returns>The transition matrix and shares; no customers for an empty history.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> precedes the first purchase or <paramref name="from"/>,
    /// or <paramref name="months"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">The thresholds are empty or not strictly ascending.</exception>
    /// <remarks>Customers are those acquired by <paramref name="to"/>; one acquired after <paramref name="from"/> has tier 0 there.
    /// Windows as in <see cref="Compute(PurchaseHistory, DateOnly, ReadOnlySpan{decimal}, int)"/>. Up = tier at <paramref name="to"/>
    /// above the tier at <paramref name="from"/>. O(purchases).</remarks>
    public static RankTransitionResult Transitions(PurchaseHistory history, DateOnly from, DateOnly to, ReadOnlySpan<decimal> thresholds,
        int months = 12)
    {
        ArgumentNullException.ThrowIfNull(history);
        SummaryPass.ValidateAsOf(history, to, nameof(to));
        if (from > to) ThrowHelper.ThrowOutOfRange(nameof(from), from, $"it must be on or before to ({to:yyyy-MM-dd}).");
        ValidateThresholds(thresholds);
        ValidateMonths(months);
        int tiers = thresholds.Length + 1;
        var matrix = new long[tiers * tiers];
        var buffer = new CustomerRankMove[history.CustomerCount];
        int n = 0;
        int fromDay = from.DayNumber, fromStart = from.AddMonths(-months).DayNumber + 1;
        int toDay = to.DayNumber, toStart = to.AddMonths(-months).DayNumber + 1;
        ReadOnlySpan<int> starts = history.CustomerStarts;
        ReadOnlySpan<int> ids = history.CustomerIds;
        int[] days = history.DayArray;
        long[] units = history.UnitArray;
        for (int c = 0; c < ids.Length; c++)
        {
            int i = starts[c], end = starts[c + 1];
            if (days[i] > toDay) continue;
            int a = RankOf(history.ToAmount(WindowUnits(days, units, i, end, fromStart, fromDay)), thresholds);
            int b = RankOf(history.ToAmount(WindowUnits(days, units, i, end, toStart, toDay)), thresholds);
            buffer[n++] = new CustomerRankMove(ids[c], a, b);
            matrix[a * tiers + b]++;
        }
        CustomerRankMove[] customers = n == buffer.Length ? buffer : buffer.AsSpan(0, n).ToArray();
        return new RankTransitionResult(matrix, tiers, customers, from, to);
    }

    private static long WindowUnits(int[] days, long[] units, int i, int end, int startDay, int endDay)
    {
        long total = 0;
        for (; i < end; i++)
        {
            int day = days[i];
            if (day > endDay) break;
            if (day >= startDay) total += units[i];
        }
        return total;
    }

    private static int RankOf(decimal amount, ReadOnlySpan<decimal> thresholds)
    {
        int rank = 0;
        while (rank < thresholds.Length && amount >= thresholds[rank]) rank++;
        return rank;
    }

    private static RankTierSummary[] Tiers(ReadOnlySpan<long> counts, decimal[] spend, int n)
    {
        var tiers = new RankTierSummary[counts.Length];
        for (int t = 0; t < tiers.Length; t++) tiers[t] = new RankTierSummary(t, new Rate(counts[t], n), spend[t]);
        return tiers;
    }

    private static void ValidateThresholds(ReadOnlySpan<decimal> thresholds)
    {
        if (thresholds.IsEmpty) ThrowHelper.ThrowArgument(nameof(thresholds), "thresholds must hold at least one spend threshold.");
        for (int i = 1; i < thresholds.Length; i++)
        {
            if (thresholds[i] <= thresholds[i - 1])
                ThrowHelper.ThrowElement(nameof(thresholds), i, thresholds[i], "thresholds must be strictly ascending.");
        }
    }

    private static void ValidateMonths(int months)
    {
        if (months < 1) ThrowHelper.ThrowOutOfRange(nameof(months), months, string.Create(CultureInfo.InvariantCulture, $"it must be 1 or greater."));
    }
}
