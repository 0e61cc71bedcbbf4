using System.Buffers;

namespace Retention.Metrics;

/// <summary>CPM analysis (CPM分析, customer portfolio management): ten segments from tenure, spend and time since last purchase.</summary>
public static partial class Cpm
{
    /// <summary>Classifies every customer of a history as of <paramref name="asOf"/>.</summary>
    /// <param name="history">The purchase history.</param>
    /// <param name="asOf">The observation end, inclusive: purchases on this day count, later ones are ignored.</param>
    /// <param name="options">The thresholds; <see langword="null"/> for <see cref="CpmOptions.Default"/>.</param>
    /// <returns>The result; no customers for an empty history.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> precedes the first purchase, or an option is out of range.</exception>
    /// <remarks>Lifetime summaries (every purchase up to <paramref name="asOf"/>), then
    /// <see cref="Classify(ReadOnlySpan{CustomerSummary}, CpmOptions?)"/>. O(purchases).</remarks>
    public static CpmResult Classify(PurchaseHistory history, DateOnly asOf, CpmOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        CustomerSummary[] buffer = ArrayPool<CustomerSummary>.Shared.Rent(Math.Max(1, history.CustomerCount));
        try
        {
            int n = Summaries.Compute(history, asOf, buffer);
            return Classify(buffer.AsSpan(0, n), options);
        }
        finally
        {
            ArrayPool<CustomerSummary>.Shared.Return(buffer);
        }
    }

    /// <summary>Classifies customers from their lifetime summaries.</summary>
    /// <param name="summaries">One lifetime summary per customer.</param>
    /// <param name="options">The thresholds; <see langword="null"/> for <see cref="CpmOptions.Default"/>.</param>
    /// <returns>The result, customers in input order; no customers and zero sizes for empty input.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <remarks>
    /// <para>With tenure <c>t = last − first purchase</c> (days), lapse <c>d = asOf − last purchase</c> (days), spend <c>m</c>
    /// and purchases <c>p</c> (orders, or purchase days): type = first-time if <c>p = 1</c>; novice (よちよち) if
    /// <c>t &lt; NoviceTenureDays</c>; steady (コツコツ) if <c>m &lt; HighSpend</c>; trendy (流行) if <c>t &lt; LoyalTenureDays</c>;
    /// loyal (優良) otherwise. Lapsed if <c>d ≥ LapsedAfterDays</c>, else active. So spend of exactly 70,000 is high (以上), and
    /// 240 days without a purchase is lapsed.</para>
    /// <para>O(n); results over disjoint customers combine with <see cref="CpmResult.Combine"/>.</para>
    /// </remarks>
    public static CpmResult Classify(ReadOnlySpan<CustomerSummary> summaries, CpmOptions? options = null)
    {
        options ??= CpmOptions.Default;
        if (options.NoviceTenureDays < 0)
            ThrowHelper.ThrowOutOfRange("options.NoviceTenureDays", options.NoviceTenureDays, "it must be zero or greater.");
        if (options.LoyalTenureDays < options.NoviceTenureDays)
            ThrowHelper.ThrowOutOfRange("options.LoyalTenureDays", options.LoyalTenureDays, "it must be at least NoviceTenureDays.");
        if (options.LapsedAfterDays < 1)
            ThrowHelper.ThrowOutOfRange("options.LapsedAfterDays", options.LapsedAfterDays, "it must be 1 or greater.");
        if (options.HighSpend < 0m)
            ThrowHelper.ThrowOutOfRange("options.HighSpend", options.HighSpend, "it must be zero or greater.");
        int n = summaries.Length;
        var customers = new CpmCustomer[n];
        var revenue = new decimal[CpmResult.SegmentCount];
        int novice = options.NoviceTenureDays, loyal = options.LoyalTenureDays, lapsed = options.LapsedAfterDays;
        decimal high = options.HighSpend;
        bool days = options.CountPurchaseDays;
        for (int i = 0; i < n; i++)
        {
            ref readonly CustomerSummary s = ref summaries[i];
            int purchases = days ? s.PurchaseDays : s.Orders;
            int tenure = s.RecencyDays;
            decimal spend = s.TotalAmount;
            int type = purchases == 1 ? 0 : tenure < novice ? 1 : spend < high ? 2 : tenure < loyal ? 3 : 4;
            int segment = 2 * type + (s.DaysSinceLastPurchase >= lapsed ? 1 : 0);
            customers[i] = new CpmCustomer(s.Customer, (CpmSegment)segment);
            revenue[segment] += spend;
        }
        return new CpmResult(customers, revenue, options);
    }
}
