namespace Retention.Metrics.Benchmarks.Infrastructure;

/// <summary>The bandwidth floor every pass over a history is compared with.</summary>
public static class BandwidthFloor
{
    /// <summary>One pass reading both columns of the history (12 bytes per purchase); nothing cheaper can read the data.</summary>
    public static long SumColumns(PurchaseHistory history)
    {
        ReadOnlySpan<int> days = history.DayNumbers;
        ReadOnlySpan<long> units = history.AmountUnits;
        long daySum = 0, unitSum = 0;
        for (int i = 0; i < days.Length; i++)
        {
            daySum += days[i];
            unitSum += units[i];
        }
        return daySum ^ unitSum;
    }

    /// <summary>One pass reading the day and product columns of order lines (8 bytes per line), the columns the cross-sell metrics read.</summary>
    public static long SumColumns(OrderLines lines)
    {
        ReadOnlySpan<int> days = lines.DayNumbers;
        ReadOnlySpan<int> products = lines.Products;
        long daySum = 0, productSum = 0;
        for (int i = 0; i < days.Length; i++)
        {
            daySum += days[i];
            productSum += products[i];
        }
        return daySum ^ productSum;
    }
}
