namespace Retention.Metrics;

/// <summary>Receives one customer's summary from <see cref="SummaryPass.Run{TSink}"/>.</summary>
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
        where TSink : struct, ISummarySink, allows ref struct
    {
        ReadOnlySpan<int> starts = history.CustomerStarts;
        ReadOnlySpan<int> ids = history.CustomerIds;
        int[] days = history.DayArray;
        long[] units = history.UnitArray;
        int scale = history.AmountScale;
        for (int c = 0; c < ids.Length; c++)
        {
            int i = starts[c];
            int end = starts[c + 1];
            int first = days[i];
            if (first > asOfDay) continue;
            int previous = first;
            int orders = 0, purchaseDays = 1;
            long total = 0, firstDayTotal = 0;
            for (; i < end; i++)
            {
                int day = days[i];
                if (day > asOfDay) break;
                if (day != previous)
                {
                    purchaseDays++;
                    previous = day;
                }
                orders++;
                long u = units[i];
                total += u;
                if (day == first) firstDayTotal += u;
            }
            var summary = new CustomerSummary(ids[c], first, previous, orders, purchaseDays, asOfDay, total, total - firstDayTotal, scale);
            sink.Add(c, in summary);
        }
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
