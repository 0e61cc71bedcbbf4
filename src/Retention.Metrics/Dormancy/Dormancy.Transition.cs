namespace Retention.Metrics;

public static partial class Dormancy
{
    /// <summary>Measures what happened between two dates: retention and churn of the customers active at <paramref name="start"/>, and
    /// reactivation (復帰) of those dormant at <paramref name="start"/>.</summary>
    /// <param name="history">The purchase history.</param>
    /// <param name="start">The first date t0 (inclusive for the state at t0).</param>
    /// <param name="end">The second date t1, on or after <paramref name="start"/>; purchases in <c>(t0, t1]</c> count as activity between them.</param>
    /// <param name="thresholdDays">The dormancy threshold N in days, 1 or greater.</param>
    /// <param name="customers">The customers to measure; <see langword="null"/> for all.</param>
    /// <returns>The counts; all 0 for an empty history.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="start"/> precedes the first purchase, <paramref name="end"/> precedes
    /// <paramref name="start"/>, or <paramref name="thresholdDays"/> is less than 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="customers"/> belongs to another history.</exception>
    /// <remarks>
    /// Retention (維持率) <c>= |active(t0) ∩ active(t1)| / |active(t0)|</c>; churn (離脱率) is its complement; reactivation (復帰率)
    /// <c>= |dormant(t0) ∩ bought in (t0, t1]| / |dormant(t0)|</c>. Customers first seen after t0 are counted as new, not in any rate.
    /// Results over disjoint customer sets combine with <see cref="DormancyTransition.Combine"/>.
    /// </remarks>
    public static DormancyTransition Transition(PurchaseHistory history, DateOnly start, DateOnly end, int thresholdDays, CustomerSet? customers = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        SummaryPass.ValidateAsOf(history, start, nameof(start));
        if (end < start) ThrowHelper.ThrowOutOfRange(nameof(end), end, $"it must be on or after start ({start:yyyy-MM-dd}).");
        ValidateThreshold(thresholdDays);
        ulong[]? bits = CustomerSet.BitsFor(customers, history);
        int t0 = start.DayNumber, t1 = end.DayNumber;
        ReadOnlySpan<int> starts = history.CustomerStarts;
        int[] days = history.DayArray;
        long[] units = history.UnitArray;
        long active0 = 0, stillActive = 0, dormant0 = 0, reactivated = 0, reactivatedOrders = 0, newCustomers = 0;
        Int128 reactivatedUnits = 0;
        int customerCount = history.CustomerCount;
        for (int c = 0; c < customerCount; c++)
        {
            if (!CustomerSet.Includes(bits, c)) continue;
            int s = starts[c], e = starts[c + 1];
            int first = days[s];
            if (first > t1) continue;
            if (first > t0)
            {
                newCustomers++;
                continue;
            }
            int last0 = LastDayOnOrBefore(days, s, e, t0);
            int last1 = LastDayOnOrBefore(days, s, e, t1);
            if (t0 - last0 < thresholdDays)
            {
                active0++;
                if (t1 - last1 < thresholdDays) stillActive++;
            }
            else
            {
                dormant0++;
                if (last1 > t0)
                {
                    reactivated++;
                    for (int i = s; i < e; i++)
                    {
                        int day = days[i];
                        if (day <= t0) continue;
                        if (day > t1) break;
                        reactivatedOrders++;
                        reactivatedUnits += units[i];
                    }
                }
            }
        }
        return new DormancyTransition(active0, stillActive, dormant0, reactivated, reactivatedOrders, history.ToAmount(reactivatedUnits), newCustomers);
    }
}

/// <summary>Retention, churn and reactivation between two dates t0 and t1.</summary>
/// <param name="ActiveAtStart">Customers active at t0.</param>
/// <param name="StillActive">Customers active at t0 and at t1.</param>
/// <param name="DormantAtStart">Customers dormant at t0.</param>
/// <param name="Reactivated">Customers dormant at t0 with a purchase in (t0, t1] (復帰顧客).</param>
/// <param name="ReactivatedOrders">Orders of the reactivated customers in (t0, t1].</param>
/// <param name="ReactivatedRevenue">Revenue of those orders.</param>
/// <param name="NewCustomers">Customers whose first purchase is in (t0, t1]; in no rate.</param>
/// <remarks>Counts over disjoint customer sets add up (<see cref="Combine"/>). The default value is the empty result.</remarks>
public readonly record struct DormancyTransition(
    long ActiveAtStart,
    long StillActive,
    long DormantAtStart,
    long Reactivated,
    long ReactivatedOrders,
    decimal ReactivatedRevenue,
    long NewCustomers)
{
    /// <summary>Gets the retention (維持率): active at t0 and still active at t1, over active at t0.</summary>
    public Rate Retention => new(StillActive, ActiveAtStart);

    /// <summary>Gets the churn (離脱率): active at t0 and dormant at t1, over active at t0.</summary>
    public Rate Churn => Retention.Complement;

    /// <summary>Gets the reactivation rate (復帰率): dormant at t0 who bought in (t0, t1], over dormant at t0.</summary>
    public Rate Reactivation => new(Reactivated, DormantAtStart);

    /// <summary>Combines results computed over disjoint customer sets.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>The result of the union.</returns>
    /// <exception cref="OverflowException">A count overflows.</exception>
    public static DormancyTransition Combine(DormancyTransition left, DormancyTransition right) => new(
        checked(left.ActiveAtStart + right.ActiveAtStart), checked(left.StillActive + right.StillActive),
        checked(left.DormantAtStart + right.DormantAtStart), checked(left.Reactivated + right.Reactivated),
        checked(left.ReactivatedOrders + right.ReactivatedOrders), left.ReactivatedRevenue + right.ReactivatedRevenue,
        checked(left.NewCustomers + right.NewCustomers));
}
