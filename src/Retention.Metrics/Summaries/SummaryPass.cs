using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
        where TSink : struct, ISummarySink, allows ref struct =>
        Run(history, startDay, asOfDay, 0, history.CustomerCount, ref sink);

    /// <summary>Summarizes the customers at positions <c>[fromCustomer, toCustomer)</c> with a purchase in the window
    /// <c>[startDay, asOfDay]</c>, in position order: one part of a pass split by customer ranges (<see cref="CustomerRanges"/>).</summary>
    /// <remarks>Optimized fully on its first call: a pass is often run once per process, and tiered compilation would run it
    /// in less optimized code until it had been called many times.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Run<TSink>(PurchaseHistory history, int startDay, int asOfDay, int fromCustomer, int toCustomer, ref TSink sink)
        where TSink : struct, ISummarySink, allows ref struct
    {
        ReadOnlySpan<int> starts = history.CustomerStarts;
        ReadOnlySpan<int> ids = history.CustomerIds;
        Debug.Assert((uint)fromCustomer <= (uint)toCustomer && toCustomer <= ids.Length);
        ReadOnlySpan<int> days = history.DayNumbers;
        ReadOnlySpan<long> units = history.AmountUnits;
        int scale = history.AmountScale;
        // When the window covers the whole history, no run needs trimming.
        bool trim = asOfDay < history.MaxDayNumber;
        bool trimFront = startDay > history.MinDayNumber;
        // The history's invariants (ascending starts from 0 to Count, non-empty runs, each run sorted by day) keep every
        // index below inside the columns, so the loop reads through references without a bounds check per element.
        ref int day0 = ref MemoryMarshal.GetReference(days);
        ref long unit0 = ref MemoryMarshal.GetReference(units);
        int end = starts[fromCustomer];
        for (int c = fromCustomer; c < toCustomer; c++)
        {
            int start = end;
            end = starts[c + 1];
            int stop = end;
            // Runs are sorted by day: drop the purchases before the window from the front …
            if (trimFront)
            {
                while (start < stop && Unsafe.Add(ref day0, start) < startDay) start++;
                if (start == stop) continue;
            }
            int first = Unsafe.Add(ref day0, start);
            if (first > asOfDay) continue;
            // … and those after the observation end from the back.
            if (trim) while (Unsafe.Add(ref day0, stop - 1) > asOfDay) stop--;
            // The first purchase day's orders, then the rest: a new purchase day wherever the day changes.
            long firstDayTotal = Unsafe.Add(ref unit0, start);
            int k = start + 1;
            while (k < stop && Unsafe.Add(ref day0, k) == first)
            {
                firstDayTotal += Unsafe.Add(ref unit0, k);
                k++;
            }
            long total = firstDayTotal;
            int purchaseDays = 1;
            for (; k < stop; k++)
            {
                purchaseDays += Unsafe.Add(ref day0, k) != Unsafe.Add(ref day0, k - 1) ? 1 : 0;
                total += Unsafe.Add(ref unit0, k);
            }
            var summary = new CustomerSummary(ids[c], first, Unsafe.Add(ref day0, stop - 1), stop - start, purchaseDays, asOfDay, total, total - firstDayTotal, scale);
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
