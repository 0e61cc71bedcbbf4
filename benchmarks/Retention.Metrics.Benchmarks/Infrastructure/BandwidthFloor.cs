using System.Numerics;

namespace Retention.Metrics.Benchmarks.Infrastructure;

/// <summary>The bandwidth floor every pass over a history is compared with.</summary>
public static class BandwidthFloor
{
    /// <summary>One pass reading both columns of the history (12 bytes per purchase); nothing cheaper can read the data.</summary>
    public static long SumColumns(PurchaseHistory history) => SumColumns(history.DayNumbers, history.AmountUnits);

    /// <summary>One pass reading the day and product columns of order lines (8 bytes per line), the columns the cross-sell metrics read.</summary>
    public static long SumColumns(OrderLines lines) => SumColumns(lines.DayNumbers, lines.Products);

    /// <summary>Sums the day column and a second column in one pass (specialised per column type by the JIT).</summary>
    private static long SumColumns<T>(ReadOnlySpan<int> days, ReadOnlySpan<T> other)
        where T : unmanaged, IBinaryInteger<T>
    {
        long daySum = 0, otherSum = 0;
        for (int i = 0; i < days.Length; i++)
        {
            daySum += days[i];
            otherSum += long.CreateTruncating(other[i]);
        }
        return daySum ^ otherSum;
    }
}
