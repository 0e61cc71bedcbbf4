using System.Buffers;

namespace Retention.Metrics;

public static partial class Lifetime
{
    /// <summary>Computes cumulative revenue per customer for each acquisition month at horizons of months since first purchase (時系列LTV), with right-censoring.</summary>
    /// <param name="history">The purchase history.</param>
    /// <param name="asOf">The observation end, inclusive; purchases after it are ignored.</param>
    /// <param name="horizonMonths">The horizons in months, strictly increasing, each 1..1200 (for example 3, 6, 12, 24).</param>
    /// <returns>The cohort table; no cohorts for an empty history.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> precedes the first purchase.</exception>
    /// <exception cref="ArgumentException"><paramref name="horizonMonths"/> is empty, not increasing, or has a value out of range (the message names the index).</exception>
    /// <remarks>Cell (k, h) = revenue of cohort k's members in <c>[first, first.AddMonths(h))</c> ÷ cohort size; see
    /// <see cref="CohortLtvResult"/> for censoring and <see cref="CohortLtvResult.Combine"/> for merging. One pass over the
    /// purchases; memory O(cohorts × horizons).</remarks>
    public static CohortLtvResult ByCohort(PurchaseHistory history, DateOnly asOf, ReadOnlySpan<int> horizonMonths)
    {
        ArgumentNullException.ThrowIfNull(history);
        SummaryPass.ValidateAsOf(history, asOf);
        if (horizonMonths.IsEmpty) ThrowHelper.ThrowArgument(nameof(horizonMonths), "horizonMonths is empty; give at least one horizon.");
        for (int j = 0; j < horizonMonths.Length; j++)
        {
            int h = horizonMonths[j];
            if (h < 1 || h > 1200) ThrowHelper.ThrowElement(nameof(horizonMonths), j, h, "horizons must be in the range 1..1200 months.");
            if (j > 0 && h <= horizonMonths[j - 1]) ThrowHelper.ThrowElement(nameof(horizonMonths), j, h, "horizons must be strictly increasing.");
        }
        int[] horizons = horizonMonths.ToArray();
        int hCount = horizons.Length;
        int asOfDay = asOf.DayNumber;
        if (history.IsEmpty) return new CohortLtvResult(asOf, horizons, 0, [], [], []);

        int firstOrdinal = Calendar.PeriodOrdinal(history.MinDayNumber, PeriodUnit.Month, DayOfWeek.Monday);
        int cohorts = Calendar.PeriodOrdinal(asOfDay, PeriodUnit.Month, DayOfWeek.Monday) - firstOrdinal + 1;
        var sizes = new long[cohorts];
        var orders = new long[cohorts * hCount];
        Int128[] units = ArrayPool<Int128>.Shared.Rent(cohorts * hCount);
        int[] ends = ArrayPool<int>.Shared.Rent(hCount);
        try
        {
            Array.Clear(units, 0, cohorts * hCount);
            ReadOnlySpan<int> starts = history.CustomerStarts;
            int[] days = history.DayArray;
            long[] amounts = history.UnitArray;
            for (int c = 0; c + 1 < starts.Length; c++)
            {
                int i = starts[c], end = starts[c + 1];
                int first = days[i];
                if (first > asOfDay) continue;
                int k = Calendar.PeriodOrdinal(first, PeriodUnit.Month, DayOfWeek.Monday) - firstOrdinal;
                sizes[k]++;
                DateOnly firstDate = DateOnly.FromDayNumber(first);
                for (int j = 0; j < hCount; j++) ends[j] = firstDate.AddMonths(horizons[j]).DayNumber;
                int bucket = 0;
                int row = k * hCount;
                for (; i < end; i++)
                {
                    int day = days[i];
                    if (day > asOfDay) break;
                    while (bucket < hCount && day >= ends[bucket]) bucket++;
                    if (bucket == hCount) break;
                    // The purchase counts for every horizon from this bucket on.
                    long u = amounts[i];
                    for (int j = bucket; j < hCount; j++)
                    {
                        units[row + j] += u;
                        orders[row + j]++;
                    }
                }
            }
            var revenue = new decimal[cohorts * hCount];
            for (int a = 0; a < revenue.Length; a++) revenue[a] = history.ToAmount(units[a]);
            return new CohortLtvResult(asOf, horizons, firstOrdinal, sizes, orders, revenue);
        }
        finally
        {
            ArrayPool<Int128>.Shared.Return(units);
            ArrayPool<int>.Shared.Return(ends);
        }
    }

    /// <summary>Computes the annual LTV in its cohort form: each acquisition month's revenue in the 12 months from first purchase ÷ cohort size.</summary>
    /// <param name="history">The purchase history.</param>
    /// <param name="asOf">The observation end, inclusive.</param>
    /// <returns>The cohort table with the single horizon 12; cohorts whose 12 months have not elapsed are censored.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> precedes the first purchase.</exception>
    /// <remarks>Same as <c>ByCohort(history, asOf, [12])</c>; the pooled value over complete cohorts is <c>Pooled(0)</c>.</remarks>
    public static CohortLtvResult AnnualCohort(PurchaseHistory history, DateOnly asOf) => ByCohort(history, asOf, [12]);
}
