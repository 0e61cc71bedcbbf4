namespace Retention.Metrics;

/// <summary>Splits the customers of a history (or of order lines) into contiguous position ranges of about equal work, for passes
/// that run one range per core and combine the parts (customers are disjoint across ranges, so every combinable result adds up).</summary>
internal static class CustomerRanges
{
    /// <summary>Validates a caller's degree of parallelism: 1 (one thread) or more.</summary>
    internal static void Validate(int degreeOfParallelism, string paramName = "degreeOfParallelism")
    {
        if (degreeOfParallelism < 1)
            ThrowHelper.ThrowOutOfRange(paramName, degreeOfParallelism, "it must be 1 or greater (Environment.ProcessorCount uses every core).");
    }

    /// <summary>Gets the number of ranges to use: the degree of parallelism, but never more than the customers.</summary>
    internal static int Parts(PurchaseHistory history, int degreeOfParallelism) => Parts(history.CustomerCount, degreeOfParallelism);

    /// <summary>The same for any number of customers.</summary>
    internal static int Parts(int customerCount, int degreeOfParallelism) => Math.Max(1, Math.Min(degreeOfParallelism, customerCount));

    /// <summary>The work of one customer, in purchases, for a pass whose per-customer cost (starting a run, writing or
    /// adding a result) is about that of this many purchases: the summary pass.</summary>
    internal const int SummaryCustomerWeight = 8;

    /// <summary>The same for the cohort pass, whose per-purchase work (a period lookup and several cell updates) is larger.</summary>
    internal const int CohortCustomerWeight = 2;

    /// <summary>Writes the range bounds: range <c>p</c> is positions <c>bounds[p] .. bounds[p + 1] − 1</c>; the bounds ascend from
    /// 0 to <see cref="PurchaseHistory.CustomerCount"/>, and each range holds about the same work, counting a purchase as 1 and
    /// a customer as <paramref name="customerWeight"/>.</summary>
    /// <remarks>Customers are in index order, which is usually acquisition order: early customers have long runs, late ones
    /// short runs. Balancing purchases alone would give the last range many more customers, and so more work.</remarks>
    internal static void Split(PurchaseHistory history, Span<int> bounds, int customerWeight) =>
        Split(history.CustomerStarts, bounds, customerWeight);

    /// <summary>The same over any per-customer runs: <paramref name="starts"/> holds each customer's first record and, last,
    /// the record count (a history's purchases, order lines' lines).</summary>
    internal static void Split(ReadOnlySpan<int> starts, Span<int> bounds, int customerWeight)
    {
        int parts = bounds.Length - 1;
        int customers = starts.Length - 1;
        long total = starts[customers] + (long)customerWeight * customers;
        bounds[0] = 0;
        for (int p = 1; p < parts; p++)
        {
            long target = total * p / parts;
            // The first customer c whose work before it, starts[c] + weight × c, reaches the target (monotone in c).
            int lo = bounds[p - 1], hi = customers;
            while (lo < hi)
            {
                int mid = lo + ((hi - lo) >> 1);
                if (starts[mid] + (long)customerWeight * mid >= target) hi = mid;
                else lo = mid + 1;
            }
            bounds[p] = lo;
        }
        bounds[parts] = customers;
    }
}
