using System.Buffers;

namespace Retention.Metrics;

/// <summary>Revenue concentration (デシル分析, パレート, ABC分析): customers ranked by spend, and the views over that ranking.</summary>
public static partial class Concentration
{
    /// <summary>Ranks the customers of a history by their spend in a window ending on <paramref name="asOf"/>.</summary>
    /// <param name="history">The purchase history.</param>
    /// <param name="asOf">The last day of the window, inclusive; later purchases are ignored.</param>
    /// <param name="windowStart">The first day of the window, inclusive; <see langword="null"/> for the whole history (for
    /// example <c>asOf.AddDays(−729)</c> for the usual two years). Customers without a purchase in the window are left out.</param>
    /// <returns>The ranking; empty for an empty history.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> precedes the first purchase, or
    /// <paramref name="windowStart"/> is after <paramref name="asOf"/>.</exception>
    /// <remarks>Spend = the sum of the customer's amounts in <c>[windowStart, asOf]</c> (never negative: a history nets refunds
    /// into the purchases they return). O(purchases + n log n); see
    /// <see cref="SpendRanking"/> for the order and the measures.</remarks>
    public static SpendRanking Rank(PurchaseHistory history, DateOnly asOf, DateOnly? windowStart = null)
    {
        int startDay = SegmentationPass.WindowStart(history, asOf, windowStart);
        int asOfDay = asOf.DayNumber;
        ReadOnlySpan<int> starts = history.CustomerStarts;
        ReadOnlySpan<int> ids = history.CustomerIds;
        int[] days = history.DayArray;
        long[] units = history.UnitArray;
        int count = 0;
        long[] amounts = ArrayPool<long>.Shared.Rent(Math.Max(1, ids.Length));
        int[] customers = ArrayPool<int>.Shared.Rent(Math.Max(1, ids.Length));
        try
        {
            for (int c = 0; c < ids.Length; c++)
            {
                int i = starts[c], end = starts[c + 1];
                while (i < end && days[i] < startDay) i++;
                if (i == end || days[i] > asOfDay) continue;
                long total = 0;
                for (; i < end && days[i] <= asOfDay; i++) total += units[i];
                amounts[count] = total;
                customers[count] = ids[c];
                count++;
            }
            return SpendRanking.Create(amounts.AsSpan(0, count), customers.AsSpan(0, count), history.AmountScale);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(amounts);
            ArrayPool<int>.Shared.Return(customers);
        }
    }

    /// <summary>Ranks customers by <see cref="CustomerSummary.TotalAmount"/>, for example summaries aggregated in a warehouse.</summary>
    /// <param name="summaries">One summary per customer.</param>
    /// <returns>The ranking; empty for empty input.</returns>
    /// <exception cref="ArgumentException">A total is negative, or cannot be held at the common scale of all totals; the message
    /// names the index.</exception>
    /// <remarks>O(n log n); see <see cref="SpendRanking"/>.</remarks>
    public static SpendRanking Rank(ReadOnlySpan<CustomerSummary> summaries)
    {
        int n = summaries.Length;
        int scale = 0;
        for (int i = 0; i < n; i++)
        {
            if (summaries[i].TotalUnits < 0)
                ThrowHelper.ThrowElement(nameof(summaries), i, "TotalAmount", summaries[i].TotalAmount,
                    "concentration measures need spend of zero or greater.");
            scale = Math.Max(scale, summaries[i].Scale);
        }
        long[] amounts = ArrayPool<long>.Shared.Rent(Math.Max(1, n));
        int[] customers = ArrayPool<int>.Shared.Rent(Math.Max(1, n));
        try
        {
            for (int i = 0; i < n; i++)
            {
                ref readonly CustomerSummary s = ref summaries[i];
                long u = s.TotalUnits;
                if (s.Scale != scale)
                {
                    long factor = Money.Pow10(scale - s.Scale);
                    if (u > long.MaxValue / factor)
                        ThrowHelper.ThrowElement(nameof(summaries), i, "TotalAmount", s.TotalAmount,
                            "it cannot be held exactly at the scale of the other totals.");
                    u *= factor;
                }
                amounts[i] = u;
                customers[i] = s.Customer;
            }
            return SpendRanking.Create(amounts.AsSpan(0, n), customers.AsSpan(0, n), scale);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(amounts);
            ArrayPool<int>.Shared.Return(customers);
        }
    }
}
