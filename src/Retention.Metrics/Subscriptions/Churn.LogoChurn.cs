using System.Buffers;
using System.Globalization;

namespace Retention.Metrics;

/// <summary>Subscription churn: logo churn per calendar period or over a trailing window, and annualisation.</summary>
public static partial class Churn
{
    /// <summary>Computes subscriber counts and logo churn (解約率) for every calendar period from <paramref name="from"/> to <paramref name="to"/> in one pass.</summary>
    /// <param name="ledger">The subscriptions.</param>
    /// <param name="from">A date in the first period; the series starts at that period's first day.</param>
    /// <param name="to">A date in the last period (inclusive); the series ends at that period's last day.</param>
    /// <param name="unit">The period length, usually <see cref="PeriodUnit.Month"/>.</param>
    /// <param name="variant">The churn definition of <see cref="LogoChurnPeriod.Churn"/>; every variant can also be read from the counts with <see cref="LogoChurnPeriod.ChurnFor"/>.</param>
    /// <param name="weekStart">The first day of a week when <paramref name="unit"/> is <see cref="PeriodUnit.Week"/>; ISO Monday by default.</param>
    /// <returns>One entry per period; every count is 0 (and every rate 0 / 0) for an empty ledger.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ledger"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is before <paramref name="from"/>, or
    /// <paramref name="unit"/>, <paramref name="variant"/> or <paramref name="weekStart"/> is not a defined value.</exception>
    /// <remarks>
    /// <para>For a period <c>[S, E]</c> (both inclusive): <c>Opening = #{Start &lt; S ∧ (open ∨ End ≥ S)}</c>,
    /// <c>New = #{S ≤ Start ≤ E}</c>, <c>Cancelled = #{S ≤ End ≤ E}</c>, <c>NewCancelled = #{S ≤ Start ≤ End ≤ E}</c>; a sign-up on
    /// the period's first day is new in that period, and a cancellation on its last day is a cancellation of that period.
    /// The default variant's rate is <c>(Cancelled − NewCancelled) / Opening</c>.</para>
    /// <para>O(subscriptions + days in the range), no allocation per subscription. Series from disjoint subscription sets
    /// combine with <see cref="LogoChurnSeries.Combine"/>.</para>
    /// </remarks>
    public static LogoChurnSeries LogoChurn(
        SubscriptionLedger ledger,
        DateOnly from,
        DateOnly to,
        PeriodUnit unit = PeriodUnit.Month,
        LogoChurnVariant variant = LogoChurnVariant.StartOfPeriod,
        DayOfWeek weekStart = DayOfWeek.Monday)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        Calendar.Validate(unit, weekStart);
        ValidateVariant(variant);
        if (to < from)
            ThrowHelper.ThrowOutOfRange(nameof(to), to, string.Create(CultureInfo.InvariantCulture, $"it must not be before from ({from:yyyy-MM-dd})."));

        int firstOrdinal = Calendar.PeriodOrdinal(from.DayNumber, unit, weekStart);
        int lastOrdinal = Calendar.PeriodOrdinal(to.DayNumber, unit, weekStart);
        int periods = lastOrdinal - firstOrdinal + 1;
        int lo = Math.Max(0, Calendar.PeriodStartDay(firstOrdinal, unit, weekStart));
        int hi = PeriodEndDay(lastOrdinal, unit, weekStart);
        int days = hi - lo + 1;

        int[] table = ArrayPool<int>.Shared.Rent(days);
        long[] counts = ArrayPool<long>.Shared.Rent(4 * (periods + 1));
        try
        {
            for (int p = 0; p < periods; p++)
            {
                int a = Math.Max(lo, Calendar.PeriodStartDay(firstOrdinal + p, unit, weekStart));
                int b = p == periods - 1 ? hi : Calendar.PeriodStartDay(firstOrdinal + p + 1, unit, weekStart) - 1;
                for (int d = a; d <= b; d++) table[d - lo] = p;
            }
            Span<long> all = counts.AsSpan(0, 4 * (periods + 1));
            all.Clear();
            CountPeriods(ledger.StartDays, ledger.EndDays, table, lo, hi, periods, all);

            var result = new LogoChurnPeriod[periods];
            long opening = 0;
            int stride = periods + 1;
            for (int p = 0; p < periods; p++)
            {
                opening += all[p];
                int startDay = Math.Max(lo, Calendar.PeriodStartDay(firstOrdinal + p, unit, weekStart));
                int endDay = p == periods - 1 ? hi : Calendar.PeriodStartDay(firstOrdinal + p + 1, unit, weekStart) - 1;
                result[p] = new LogoChurnPeriod(DateOnly.FromDayNumber(startDay), DateOnly.FromDayNumber(endDay),
                    opening, all[stride + p], all[(2 * stride) + p], all[(3 * stride) + p], variant);
            }
            return new LogoChurnSeries(result, unit, variant);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(counts);
            ArrayPool<int>.Shared.Return(table);
        }
    }

    /// <summary>Computes subscriber counts and logo churn over the trailing window of <paramref name="days"/> days ending on <paramref name="asOf"/>.</summary>
    /// <param name="ledger">The subscriptions.</param>
    /// <param name="asOf">The window's last day (inclusive).</param>
    /// <param name="days">The window length in days; 30 by default; at least 1.</param>
    /// <param name="variant">The churn definition applied to the window's counts.</param>
    /// <returns>The window's counts and rate; all counts 0 for an empty ledger.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ledger"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is less than 1 or reaches before 0001-01-01,
    /// or <paramref name="variant"/> is not a defined value.</exception>
    /// <remarks>
    /// <para>The window is <c>[asOf − days + 1, asOf]</c>, both inclusive, counted as one period with the same rules as
    /// <see cref="LogoChurn"/>: opening subscribers started before the window's first day and were not cancelled before it.
    /// The trailing-30-day rate is a derived definition, used where a rolling figure is reported daily instead of per
    /// calendar month.</para>
    /// <para>O(subscriptions). Results from disjoint subscription sets combine with <see cref="LogoChurnPeriod.Combine"/>.</para>
    /// </remarks>
    public static LogoChurnPeriod LogoChurnTrailing(
        SubscriptionLedger ledger,
        DateOnly asOf,
        int days = 30,
        LogoChurnVariant variant = LogoChurnVariant.StartOfPeriod)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ValidateVariant(variant);
        if (days < 1) ThrowHelper.ThrowOutOfRange(nameof(days), days, "it must be at least 1.");
        int hi = asOf.DayNumber;
        int lo = hi - days + 1;
        if (lo < 0) ThrowHelper.ThrowOutOfRange(nameof(days), days, "the window must not reach before 0001-01-01.");

        int[] starts = ledger.StartDays, ends = ledger.EndDays;
        long opening = 0, news = 0, cancelled = 0, newCancelled = 0;
        for (int i = 0; i < starts.Length; i++)
        {
            int s = starts[i], e = ends[i];
            bool isNew = s >= lo && s <= hi;
            bool isCancelled = e >= lo && e <= hi;
            if (s < lo && e >= lo) opening++;
            if (isNew) news++;
            if (isCancelled)
            {
                cancelled++;
                if (isNew) newCancelled++;
            }
        }
        return new LogoChurnPeriod(DateOnly.FromDayNumber(lo), asOf, opening, news, cancelled, newCancelled, variant);
    }

    private static void CountPeriods(int[] starts, int[] ends, int[] table, int lo, int hi, int periods, Span<long> counts)
    {
        // counts layout (stride periods + 1): [0] opening differences, [1] new, [2] cancelled, [3] new and cancelled.
        int stride = periods + 1;
        Span<long> openingDiff = counts.Slice(0, stride);
        Span<long> news = counts.Slice(stride, stride);
        Span<long> cancelled = counts.Slice(2 * stride, stride);
        Span<long> newCancelled = counts.Slice(3 * stride, stride);
        int last = periods - 1;
        for (int i = 0; i < starts.Length; i++)
        {
            int s = starts[i], e = ends[i];
            // Period of the start and of the end: −1 before the range, `periods` after it (or open).
            int ps = s < lo ? -1 : s > hi ? periods : table[s - lo];
            int pe = e > hi ? periods : e < lo ? -1 : table[e - lo];
            if ((uint)ps < (uint)periods) news[ps]++;
            if ((uint)pe < (uint)periods)
            {
                cancelled[pe]++;
                if (pe == ps) newCancelled[pe]++;
            }
            // A subscriber at the start of period p started in an earlier period and ended in p or later: ps < p ≤ pe.
            int a = ps + 1 < 0 ? 0 : ps + 1;
            int b = pe > last ? last : pe;
            if (a <= b)
            {
                openingDiff[a]++;
                openingDiff[b + 1]--;
            }
        }
    }

    /// <summary>Gets the last day of the period with the given ordinal, clamped to <see cref="DateOnly.MaxValue"/>.</summary>
    internal static int PeriodEndDay(int ordinal, PeriodUnit unit, DayOfWeek weekStart)
    {
        int max = DateOnly.MaxValue.DayNumber;
        bool last = unit switch
        {
            PeriodUnit.Month => ordinal + 1 >= 10000 * 12,
            PeriodUnit.Quarter => ordinal + 1 >= 10000 * 4,
            PeriodUnit.Year => ordinal + 1 >= 10000,
            _ => false,
        };
        if (last) return max;
        return Math.Min(max, Calendar.PeriodStartDay(ordinal + 1, unit, weekStart) - 1);
    }

    private static void ValidateVariant(LogoChurnVariant variant)
    {
        if ((uint)variant > (uint)LogoChurnVariant.ExcludeSamePeriodNewCancelled) throw VariantOutOfRange(variant);
    }

    internal static ArgumentOutOfRangeException VariantOutOfRange(LogoChurnVariant variant) =>
        new(nameof(variant), variant, string.Create(CultureInfo.InvariantCulture,
            $"variant is {variant}; it must be StartOfPeriod, IncludeNewInDenominator or ExcludeSamePeriodNewCancelled."));
}
