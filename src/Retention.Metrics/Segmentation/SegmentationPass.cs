namespace Retention.Metrics;

/// <summary>Per-customer aggregates over a window of a history, shared by the segmentation areas.</summary>
internal static class SegmentationPass
{
    /// <summary>Writes the summary of every customer with a purchase in <c>[startDay, asOfDay]</c> (both inclusive), in position order.</summary>
    /// <remarks>The summary's first purchase, orders, occasions and spend count only purchases inside the window. O(purchases).</remarks>
    internal static int Summaries(PurchaseHistory history, int startDay, int asOfDay, Span<CustomerSummary> destination)
    {
        ReadOnlySpan<int> starts = history.CustomerStarts;
        ReadOnlySpan<int> ids = history.CustomerIds;
        int[] days = history.DayArray;
        long[] units = history.UnitArray;
        int scale = history.AmountScale;
        int written = 0;
        for (int c = 0; c < ids.Length; c++)
        {
            int i = starts[c];
            int end = starts[c + 1];
            while (i < end && days[i] < startDay) i++;
            if (i == end || days[i] > asOfDay) continue;
            int first = days[i];
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
            destination[written++] = new CustomerSummary(ids[c], first, previous, orders, purchaseDays, asOfDay, total, total - firstDayTotal, scale);
        }
        return written;
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
