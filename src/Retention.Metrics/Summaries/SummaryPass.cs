namespace Retention.Metrics;

/// <summary>Receives one customer's summary from <see cref="SummaryPass"/>.</summary>
/// <remarks>Implement on a struct: the pass is generic over the sink, so the call is inlined and nothing is boxed.</remarks>
internal interface ISummarySink
{
    void Add(int position, in CustomerSummary summary);
}

/// <summary>The one forward pass that turns a history into per-customer summaries as of an observation end.</summary>
internal static class SummaryPass
{
    /// <summary>Summarizes every customer whose first purchase is on or before <paramref name="asOfDay"/> (inclusive), in position order.</summary>
    /// <remarks>Purchases after <paramref name="asOfDay"/> are ignored. O(purchases), no allocation.</remarks>
    internal static void Run<TSink>(PurchaseHistory history, int asOfDay, ref TSink sink)
        where TSink : struct, ISummarySink, allows ref struct =>
        Run(history, int.MinValue, asOfDay, ref sink);

    /// <summary>Summarizes every customer with a purchase in the window <c>[startDay, asOfDay]</c> (both inclusive), in position order.</summary>
    /// <remarks>Only purchases inside the window count: the summary's first purchase, orders, purchase days and spend are
    /// the window's. <c>startDay = int.MinValue</c> means no lower bound. O(purchases), no allocation.</remarks>
    internal static void Run<TSink>(PurchaseHistory history, int startDay, int asOfDay, ref TSink sink)
        where TSink : struct, ISummarySink, allows ref struct
    {
        ReadOnlySpan<int> starts = history.CustomerStarts;
        ReadOnlySpan<int> ids = history.CustomerIds;
        int[] days = history.DayArray;
        long[] units = history.UnitArray;
        int scale = history.AmountScale;
        // When the window covers the whole history, no run needs trimming.
        bool trim = asOfDay < history.MaxDayNumber;
        bool trimFront = startDay > history.MinDayNumber;
        for (int c = 0; c < ids.Length; c++)
        {
            int start = starts[c];
            int end = starts[c + 1];
            // Runs are sorted by day: drop the purchases before the window from the front …
            if (trimFront) while (start < end && days[start] < startDay) start++;
            if (start == end) continue;
            int first = days[start];
            if (first > asOfDay) continue;
            // … and those after the observation end from the back.
            if (trim) while (days[end - 1] > asOfDay) end--;
            ReadOnlySpan<int> runDays = new(days, start, end - start);
            ReadOnlySpan<long> runUnits = new(units, start, end - start);
            // The first purchase day's orders, then the rest: a new purchase day wherever the day changes.
            long firstDayTotal = runUnits[0];
            int k = 1;
            while (k < runDays.Length && runDays[k] == first)
            {
                firstDayTotal += runUnits[k];
                k++;
            }
            long total = firstDayTotal;
            int purchaseDays = 1;
            for (; k < runDays.Length; k++)
            {
                purchaseDays += runDays[k] != runDays[k - 1] ? 1 : 0;
                total += runUnits[k];
            }
            var summary = new CustomerSummary(ids[c], first, runDays[^1], runDays.Length, purchaseDays, asOfDay, total, total - firstDayTotal, scale);
            sink.Add(c, in summary);
        }
    }

    /// <summary>Writes each summary into a span, in pass order; shared by every caller that materializes summaries.</summary>
    internal ref struct SpanSink(Span<CustomerSummary> destination) : ISummarySink
    {
        private readonly Span<CustomerSummary> _destination = destination;

        public int Written { get; private set; }

        public void Add(int position, in CustomerSummary summary) => _destination[Written++] = summary;
    }

    /// <summary>Throws when <paramref name="asOf"/> precedes the history's first purchase: nothing would be observed.</summary>
    internal static void ValidateAsOf(PurchaseHistory history, DateOnly asOf, string paramName = "asOf")
    {
        if (!history.IsEmpty && asOf.DayNumber < history.MinDayNumber)
        {
            ThrowHelper.ThrowOutOfRange(paramName, asOf,
                $"it precedes the history's first purchase on {history.FirstDate:yyyy-MM-dd}, so nothing is observed by then.");
        }
    }
}
