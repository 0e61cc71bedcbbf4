using System.Buffers;
using System.Globalization;

namespace Retention.Metrics;

/// <summary>Monthly recurring revenue (MRR) of subscriptions: starting and ending MRR and its movements per calendar period.</summary>
public static partial class RecurringRevenue
{
    /// <summary>Computes MRR at each period boundary and the movements between, for every period from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="ledger">The subscriptions with their plan changes.</param>
    /// <param name="from">A date in the first period; the series starts at that period's first day.</param>
    /// <param name="to">A date in the last period (inclusive).</param>
    /// <param name="unit">The period length; <see cref="PeriodUnit.Month"/> by default. The amounts stay per month whatever the unit.</param>
    /// <param name="weekStart">The first day of a week when <paramref name="unit"/> is <see cref="PeriodUnit.Week"/>.</param>
    /// <returns>One entry per period; all amounts 0 for an empty ledger.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ledger"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="ledger"/> has subscriptions but no plan changes.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is before <paramref name="from"/>, or <paramref name="unit"/>
    /// or <paramref name="weekStart"/> is not a defined value.</exception>
    /// <remarks>
    /// <para><b>MRR at a date</b> <c>d</c> is the sum, over subscriptions active at the close of <c>d</c>
    /// (<c>Start ≤ d &lt; End</c>), of the amount of the latest plan change effective on or before <c>d</c>. A period's ending
    /// MRR is MRR at its last day; its starting MRR is MRR at the day before its first day. A subscription that starts and is
    /// cancelled within one period never appears in either.</para>
    /// <para><b>Movements are classified per customer</b> (the sum of the customer's subscriptions): with starting amount
    /// <c>s</c> and ending amount <c>e</c>, <c>s = 0 &lt; e</c> is new, or reactivation when the customer had MRR above 0 at the
    /// close of any earlier day; <c>0 &lt; s &lt; e</c> is expansion <c>e − s</c>; <c>0 &lt; e &lt; s</c> is contraction <c>s − e</c>;
    /// <c>e = 0 &lt; s</c> is churned <c>s</c>. Customer level means a customer who cancels one subscription and starts another
    /// is an expansion or contraction, not a churn plus a new sign-up. A pause (amount 0) counts as churn and its resumption as
    /// reactivation.</para>
    /// <para>O(periods × (subscriptions + customers)). Series from disjoint customer sets combine with <see cref="MrrSeries.Combine"/>.</para>
    /// </remarks>
    public static MrrSeries Movements(
        SubscriptionLedger ledger,
        DateOnly from,
        DateOnly to,
        PeriodUnit unit = PeriodUnit.Month,
        DayOfWeek weekStart = DayOfWeek.Monday)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        Calendar.Validate(unit, weekStart);
        if (to < from)
            ThrowHelper.ThrowOutOfRange(nameof(to), to, string.Create(CultureInfo.InvariantCulture, $"it must not be before from ({from:yyyy-MM-dd})."));
        if (!ledger.IsEmpty && !ledger.HasPlans)
            ThrowHelper.ThrowArgument(nameof(ledger), "The ledger has no plan changes; build it with plan amounts to compute recurring revenue.");

        int firstOrdinal = Calendar.PeriodOrdinal(from.DayNumber, unit, weekStart);
        int lastOrdinal = Calendar.PeriodOrdinal(to.DayNumber, unit, weekStart);
        int periods = lastOrdinal - firstOrdinal + 1;
        int n = ledger.Count;
        int customerCount = ledger.CustomerCount;
        int[] starts = ledger.StartDays, ends = ledger.EndDays, planStarts = ledger.PlanStarts, planDays = ledger.PlanDays;
        int[] customerOf = ledger.CustomerPositions;
        decimal[] planAmounts = ledger.PlanAmounts;

        int[] cursor = ArrayPool<int>.Shared.Rent(Math.Max(1, n));
        int[] firstPaid = ArrayPool<int>.Shared.Rent(Math.Max(1, customerCount));
        decimal[] previous = ArrayPool<decimal>.Shared.Rent(Math.Max(1, customerCount));
        decimal[] current = ArrayPool<decimal>.Shared.Rent(Math.Max(1, customerCount));
        try
        {
            Array.Fill(firstPaid, int.MaxValue, 0, customerCount);
            for (int i = 0; i < n; i++)
            {
                cursor[i] = planStarts[i] - 1;
                for (int j = planStarts[i]; j < planStarts[i + 1]; j++)
                {
                    if (planAmounts[j] > 0m && planDays[j] < ends[i])
                    {
                        int c = customerOf[i];
                        if (planDays[j] < firstPaid[c]) firstPaid[c] = planDays[j];
                        break;
                    }
                }
            }

            int startDay = Math.Max(0, Calendar.PeriodStartDay(firstOrdinal, unit, weekStart));
            MrrAt(startDay - 1, starts, ends, planStarts, planDays, planAmounts, customerOf, cursor, previous.AsSpan(0, customerCount));
            var result = new MrrPeriod[periods];
            for (int p = 0; p < periods; p++)
            {
                int periodStart = Math.Max(0, Calendar.PeriodStartDay(firstOrdinal + p, unit, weekStart));
                int periodEnd = Churn.PeriodEndDay(firstOrdinal + p, unit, weekStart);
                Span<decimal> before = previous.AsSpan(0, customerCount);
                Span<decimal> after = current.AsSpan(0, customerCount);
                MrrAt(periodEnd, starts, ends, planStarts, planDays, planAmounts, customerOf, cursor, after);
                decimal startingMrr = 0m, endingMrr = 0m, news = 0m, expansion = 0m, contraction = 0m, churned = 0m, reactivation = 0m;
                long startingCustomers = 0, endingCustomers = 0;
                for (int c = 0; c < customerCount; c++)
                {
                    decimal s = before[c], e = after[c];
                    startingMrr += s;
                    endingMrr += e;
                    if (s > 0m) startingCustomers++;
                    if (e > 0m) endingCustomers++;
                    if (s == e) continue;
                    if (s == 0m)
                    {
                        if (firstPaid[c] < periodStart) reactivation += e;
                        else news += e;
                    }
                    else if (e == 0m) churned += s;
                    else if (e > s) expansion += e - s;
                    else contraction += s - e;
                }
                result[p] = new MrrPeriod(DateOnly.FromDayNumber(periodStart), DateOnly.FromDayNumber(periodEnd),
                    startingMrr, news, expansion, contraction, churned, reactivation, endingMrr, startingCustomers, endingCustomers);
                (previous, current) = (current, previous);
            }
            return new MrrSeries(result, unit);
        }
        finally
        {
            ArrayPool<decimal>.Shared.Return(current);
            ArrayPool<decimal>.Shared.Return(previous);
            ArrayPool<int>.Shared.Return(firstPaid);
            ArrayPool<int>.Shared.Return(cursor);
        }
    }

    /// <summary>Sums per customer the amount in effect at the close of <paramref name="day"/>, advancing each subscription's plan cursor (days must not decrease between calls).</summary>
    private static void MrrAt(int day, int[] starts, int[] ends, int[] planStarts, int[] planDays, decimal[] planAmounts,
        int[] customerOf, int[] cursor, Span<decimal> byCustomer)
    {
        byCustomer.Clear();
        for (int i = 0; i < starts.Length; i++)
        {
            int j = cursor[i];
            int last = planStarts[i + 1] - 1;
            while (j < last && planDays[j + 1] <= day) j++;
            cursor[i] = j;
            if (day < starts[i] || day >= ends[i] || j < planStarts[i]) continue;
            byCustomer[customerOf[i]] += planAmounts[j];
        }
    }
}
