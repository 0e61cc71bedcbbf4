using System.Buffers;

namespace Retention.Metrics;

public static partial class Dormancy
{
    /// <summary>Lists the dormant customers whose lifetime spend puts them in the top share of all customers (優良休眠客), for a win-back campaign.</summary>
    /// <param name="history">The purchase history.</param>
    /// <param name="asOf">The observation end, inclusive.</param>
    /// <param name="thresholdDays">The dormancy threshold N in days, 1 or greater.</param>
    /// <param name="topShare">The top share of customers by spend that counts as high value, in (0, 1]; 0.1 (the top decile) by default.</param>
    /// <param name="customers">The customers to consider (both for the ranking and the list); <see langword="null"/> for all.</param>
    /// <returns>The summaries (customer index, dates, orders, spend) of the high-value dormant customers, by spend descending then customer
    /// index ascending; empty for an empty history.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> precedes the first purchase, <paramref name="thresholdDays"/> is less
    /// than 1, or <paramref name="topShare"/> is not in (0, 1].</exception>
    /// <exception cref="ArgumentException"><paramref name="customers"/> belongs to another history.</exception>
    /// <remarks>
    /// With N customers first seen by <paramref name="asOf"/> and <c>k = ⌈topShare · N⌉</c>, the cut-off is the k-th largest lifetime spend; a
    /// customer is high value when their spend is at least the cut-off and above zero (ties at the cut-off are all included, so the list may
    /// hold more than k customers). The ranking is over all customers, active or dormant. Lists over disjoint customer sets do not combine,
    /// because the cut-off depends on everyone.
    /// </remarks>
    public static CustomerSummary[] HighValueDormant(PurchaseHistory history, DateOnly asOf, int thresholdDays, double topShare = 0.1,
        CustomerSet? customers = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        SummaryPass.ValidateAsOf(history, asOf);
        ValidateThreshold(thresholdDays);
        if (!(topShare > 0d && topShare <= 1d)) ThrowHelper.ThrowOutOfRange(nameof(topShare), topShare, "it must be in the range (0, 1].");
        ulong[]? bits = CustomerSet.BitsFor(customers, history);
        if (history.IsEmpty) return [];
        long[] spends = ArrayPool<long>.Shared.Rent(Math.Max(1, history.CustomerCount));
        long cutoff;
        try
        {
            var collect = new SpendSink(spends, bits);
            SummaryPass.Run(history, asOf.DayNumber, ref collect);
            int n = collect.Count;
            if (n == 0) return [];
            Span<long> all = spends.AsSpan(0, n);
            all.Sort();
            int k = (int)Math.Min(n, Math.Ceiling(topShare * n));
            cutoff = Math.Max(1, all[n - k]);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(spends);
        }
        return DormantCore(history, asOf, thresholdDays, cutoff, bits);
    }

    /// <summary>Lists the dormant customers whose lifetime spend is at least <paramref name="minimumSpend"/>.</summary>
    /// <param name="history">The purchase history.</param>
    /// <param name="asOf">The observation end, inclusive.</param>
    /// <param name="thresholdDays">The dormancy threshold N in days, 1 or greater.</param>
    /// <param name="minimumSpend">The smallest lifetime spend to list; 0 lists every dormant customer.</param>
    /// <param name="customers">The customers to consider; <see langword="null"/> for all.</param>
    /// <returns>The summaries of the dormant customers with enough spend, by spend descending then customer index ascending; empty for an empty history.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> precedes the first purchase, or <paramref name="thresholdDays"/> is less than 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="customers"/> belongs to another history.</exception>
    /// <remarks><c>list = {c : asOf − last(c) ≥ N ∧ spend(c) ≥ minimumSpend}</c>. Lists over disjoint customer sets concatenate (then re-sort).</remarks>
    public static CustomerSummary[] DormantCustomers(PurchaseHistory history, DateOnly asOf, int thresholdDays, decimal minimumSpend = 0m,
        CustomerSet? customers = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        SummaryPass.ValidateAsOf(history, asOf);
        ValidateThreshold(thresholdDays);
        ulong[]? bits = CustomerSet.BitsFor(customers, history);
        if (history.IsEmpty) return [];
        // Compare in the history's units: round the minimum up to the next unit so that "spend ≥ minimum" is exact.
        decimal factor = Pow10(history.AmountScale);
        long cutoff;
        if (minimumSpend >= long.MaxValue / factor) cutoff = long.MaxValue;
        else if (minimumSpend <= long.MinValue / factor) cutoff = long.MinValue;
        else cutoff = (long)decimal.Ceiling(minimumSpend * factor);
        return DormantCore(history, asOf, thresholdDays, cutoff, bits);
    }

    private static decimal Pow10(int scale)
    {
        decimal p = 1m;
        for (int i = 0; i < scale; i++) p *= 10m;
        return p;
    }

    private static CustomerSummary[] DormantCore(PurchaseHistory history, DateOnly asOf, int thresholdDays, long minimumUnits, ulong[]? bits)
    {
        var sink = new DormantSink(new List<CustomerSummary>(), bits, thresholdDays, minimumUnits);
        SummaryPass.Run(history, asOf.DayNumber, ref sink);
        CustomerSummary[] result = sink.Found.ToArray();
        Array.Sort(result, SpendDescending.Instance);
        return result;
    }

    private struct SpendSink(long[] spends, ulong[]? bits) : ISummarySink
    {
        public int Count;

        public void Add(int position, in CustomerSummary summary)
        {
            if (CustomerSet.Includes(bits, position)) spends[Count++] = summary.TotalUnits;
        }
    }

    private readonly struct DormantSink(List<CustomerSummary> found, ulong[]? bits, int thresholdDays, long minimumUnits) : ISummarySink
    {
        public List<CustomerSummary> Found => found;

        public void Add(int position, in CustomerSummary summary)
        {
            if (CustomerSet.Includes(bits, position) && summary.DaysSinceLastPurchase >= thresholdDays && summary.TotalUnits >= minimumUnits)
                found.Add(summary);
        }
    }

    private sealed class SpendDescending : IComparer<CustomerSummary>
    {
        public static readonly SpendDescending Instance = new();

        public int Compare(CustomerSummary x, CustomerSummary y)
        {
            int bySpend = y.TotalUnits.CompareTo(x.TotalUnits);
            return bySpend != 0 ? bySpend : x.Customer.CompareTo(y.Customer);
        }
    }
}
