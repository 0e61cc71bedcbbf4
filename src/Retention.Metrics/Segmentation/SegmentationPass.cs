namespace Retention.Metrics;

/// <summary>Per-customer aggregates over a window of a history, shared by the segmentation areas.</summary>
internal static class SegmentationPass
{
    /// <summary>Writes the summary of every customer with a purchase in <c>[startDay, asOfDay]</c> (both inclusive), in position order.</summary>
    /// <remarks>The summary's first purchase, orders, occasions and spend count only purchases inside the window. O(purchases).</remarks>
    internal static int Summaries(PurchaseHistory history, int startDay, int asOfDay, Span<CustomerSummary> destination)
    {
        var sink = new SummaryPass.SpanSink(destination);
        SummaryPass.Run(history, startDay, asOfDay, ref sink);
        return sink.Written;
    }

    /// <summary>Validates the observation end and an optional window start, returning the first day of the window.</summary>
    internal static int WindowStart(PurchaseHistory history, DateOnly asOf, DateOnly? windowStart)
    {
        ArgumentNullException.ThrowIfNull(history);
        SummaryPass.ValidateAsOf(history, asOf);
        if (windowStart is { } start)
        {
            if (start > asOf)
                ThrowHelper.ThrowOutOfRange(nameof(windowStart), start, $"it must be on or before asOf ({asOf:yyyy-MM-dd}).");
            return start.DayNumber;
        }
        return int.MinValue;
    }
}
