using System.Globalization;

namespace Retention.Metrics;

/// <summary>
/// A shop's subscriptions, plan changes and shipments in compact, sorted, columnar form: validated once, then every
/// subscription metric (<see cref="Churn"/>, <see cref="Continuation"/>, <see cref="RecurringRevenue"/>) is one pass over it.
/// </summary>
/// <remarks>
/// <para>Subscriptions are sorted by <see cref="Subscription.Id"/>; position <c>i</c> holds the subscription with the i-th
/// smallest id (<see cref="SubscriptionIds"/>). Each subscription's plan changes and shipments are contiguous runs sorted by
/// date. Dates are stored as day numbers and an open subscription's end as <see cref="int.MaxValue"/>.</para>
/// <para>The type is immutable and safe to share between threads.</para>
/// </remarks>
public sealed class SubscriptionLedger
{
    internal const int OpenEnd = int.MaxValue;

    private readonly int[] _ids;
    private readonly int[] _customers;
    private readonly int[] _customerPositions;
    private readonly int[] _startDays;
    private readonly int[] _endDays;
    private readonly int[] _planStarts;
    private readonly int[] _planDays;
    private readonly decimal[] _planAmounts;
    private readonly int[] _shipmentStarts;
    private readonly int[] _shipmentDays;
    private readonly decimal[] _shipmentAmounts;

    private SubscriptionLedger(
        int[] ids, int[] customers, int[] customerPositions, int customerCount, int[] startDays, int[] endDays,
        int[] planStarts, int[] planDays, decimal[] planAmounts,
        int[] shipmentStarts, int[] shipmentDays, decimal[] shipmentAmounts)
    {
        _ids = ids;
        _customers = customers;
        _customerPositions = customerPositions;
        CustomerCount = customerCount;
        _startDays = startDays;
        _endDays = endDays;
        _planStarts = planStarts;
        _planDays = planDays;
        _planAmounts = planAmounts;
        _shipmentStarts = shipmentStarts;
        _shipmentDays = shipmentDays;
        _shipmentAmounts = shipmentAmounts;
    }

    /// <summary>Gets an empty ledger.</summary>
    public static SubscriptionLedger Empty { get; } = new([], [], [], 0, [], [], [0], [], [], [0], [], []);

    /// <summary>Gets the number of subscriptions.</summary>
    public int Count => _ids.Length;

    /// <summary>Gets whether the ledger has no subscriptions.</summary>
    public bool IsEmpty => _ids.Length == 0;

    /// <summary>Gets the number of distinct customers.</summary>
    public int CustomerCount { get; }

    /// <summary>Gets the number of plan changes.</summary>
    public int PlanChangeCount => _planDays.Length;

    /// <summary>Gets the number of shipments.</summary>
    public int ShipmentCount => _shipmentDays.Length;

    /// <summary>Gets whether the ledger carries plan amounts (each subscription then has one effective on its start date).</summary>
    public bool HasPlans => _planDays.Length != 0;

    /// <summary>Gets the subscription ids in ascending order; position <c>i</c> of every other column belongs to <c>SubscriptionIds[i]</c>.</summary>
    public ReadOnlySpan<int> SubscriptionIds => _ids;

    internal int[] Customers => _customers;

    internal int[] CustomerPositions => _customerPositions;

    internal int[] StartDays => _startDays;

    internal int[] EndDays => _endDays;

    internal int[] PlanStarts => _planStarts;

    internal int[] PlanDays => _planDays;

    internal decimal[] PlanAmounts => _planAmounts;

    internal int[] ShipmentStarts => _shipmentStarts;

    internal int[] ShipmentDays => _shipmentDays;

    internal decimal[] ShipmentAmounts => _shipmentAmounts;

    /// <summary>Gets the subscription at a position.</summary>
    /// <param name="position">A position in <c>0..Count−1</c>.</param>
    /// <returns>The subscription as it was given.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="position"/> is outside <c>0..Count−1</c>.</exception>
    public Subscription this[int position]
    {
        get
        {
            if ((uint)position >= (uint)_ids.Length)
                ThrowHelper.ThrowOutOfRange(nameof(position), position, string.Create(CultureInfo.InvariantCulture, $"it must be in the range 0..{_ids.Length - 1}."));
            int end = _endDays[position];
            return new Subscription(_ids[position], _customers[position], DateOnly.FromDayNumber(_startDays[position]),
                end == OpenEnd ? null : DateOnly.FromDayNumber(end));
        }
    }

    /// <summary>Gets the position of a subscription id in this ledger.</summary>
    /// <param name="subscriptionId">The subscription's <see cref="Subscription.Id"/>.</param>
    /// <returns>The position in <c>0..Count−1</c>, or −1 when the ledger has no such subscription.</returns>
    public int PositionOf(int subscriptionId)
    {
        int[] ids = _ids;
        if ((uint)subscriptionId < (uint)ids.Length && ids[subscriptionId] == subscriptionId) return subscriptionId;
        int found = Array.BinarySearch(ids, subscriptionId);
        return found >= 0 ? found : -1;
    }

    /// <summary>Validates subscriptions with their plan changes and shipments and builds a ledger.</summary>
    /// <param name="subscriptions">The subscriptions, in any order; ids unique.</param>
    /// <param name="planChanges">The plan amounts over time, in any order; empty when only counts are needed. When not empty,
    /// every subscription needs a plan change effective on its start date.</param>
    /// <param name="shipments">The shipments, in any order; empty when not tracked.</param>
    /// <returns>The ledger; an empty ledger for no subscriptions.</returns>
    /// <exception cref="ArgumentException">A record breaks a rule; the message names the span, the record's index, the field,
    /// the value and the rule: a negative id or customer, a default date, an end before the start, a duplicate id, a plan change
    /// or shipment naming an unknown subscription or dated outside the subscription's <c>[Start, End]</c>, two plan changes of
    /// one subscription on the same date, a negative amount, or a subscription without a plan change on its start date.</exception>
    /// <remarks>O(n log n) in the number of records: one sort of the subscriptions by id and one of the plan changes and of the
    /// shipments by (subscription, date). Plan changes and shipments dated on <c>End</c> are accepted; a plan amount on the
    /// end date never applies, because the subscription is not active at the close of its end date.</remarks>
    public static SubscriptionLedger Create(
        ReadOnlySpan<Subscription> subscriptions,
        ReadOnlySpan<PlanChange> planChanges = default,
        ReadOnlySpan<Shipment> shipments = default)
    {
        int n = subscriptions.Length;
        if (n == 0)
        {
            if (planChanges.Length != 0)
                ThrowHelper.ThrowElement(nameof(planChanges), 0, "Subscription", planChanges[0].Subscription, "it must be the Id of a subscription in subscriptions (there are none).");
            if (shipments.Length != 0)
                ThrowHelper.ThrowElement(nameof(shipments), 0, "Subscription", shipments[0].Subscription, "it must be the Id of a subscription in subscriptions (there are none).");
            return Empty;
        }

        var ids = new int[n];
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            Subscription s = subscriptions[i];
            if (s.Id < 0) ThrowHelper.ThrowElement(nameof(subscriptions), i, "Id", s.Id, "subscription ids must be zero or greater.");
            if (s.Customer < 0) ThrowHelper.ThrowElement(nameof(subscriptions), i, "Customer", s.Customer, "customer indexes must be zero or greater.");
            if (s.Start.DayNumber == 0) ThrowHelper.ThrowElement(nameof(subscriptions), i, "Start", s.Start, "a start date is required (default(DateOnly) is not a date).");
            if (s.End is DateOnly end)
            {
                if (end.DayNumber == 0) ThrowHelper.ThrowElement(nameof(subscriptions), i, "End", end, "an end date must be a date (use null for an open subscription).");
                if (end < s.Start)
                    ThrowHelper.ThrowElement(nameof(subscriptions), i, "End", end, string.Create(CultureInfo.InvariantCulture,
                        $"it must not be before the subscription's Start {s.Start:yyyy-MM-dd}."));
            }
            ids[i] = s.Id;
            order[i] = i;
        }
        Array.Sort(ids, order);

        var customers = new int[n];
        var startDays = new int[n];
        var endDays = new int[n];
        for (int p = 0; p < n; p++)
        {
            if (p > 0 && ids[p] == ids[p - 1])
            {
                int a = Math.Min(order[p], order[p - 1]), b = Math.Max(order[p], order[p - 1]);
                ThrowHelper.ThrowElement(nameof(subscriptions), b, "Id", ids[p], string.Create(CultureInfo.InvariantCulture,
                    $"subscription ids must be unique (subscriptions[{a}] has the same id)."));
            }
            Subscription s = subscriptions[order[p]];
            customers[p] = s.Customer;
            startDays[p] = s.Start.DayNumber;
            endDays[p] = s.End is DateOnly e ? e.DayNumber : OpenEnd;
        }

        (int[] customerPositions, int customerCount) = DenseCustomers(customers);

        // Plan changes: validate, sort by (position, day), reject same-day duplicates, require one on each start date.
        int m = planChanges.Length;
        int[] planStarts = new int[n + 1];
        int[] planDays = m == 0 ? [] : new int[m];
        decimal[] planAmounts = m == 0 ? [] : new decimal[m];
        if (m != 0)
        {
            var keys = new long[m];
            var planOrder = new int[m];
            for (int i = 0; i < m; i++)
            {
                PlanChange c = planChanges[i];
                int p = PositionIn(ids, c.Subscription);
                if (p < 0) ThrowHelper.ThrowElement(nameof(planChanges), i, "Subscription", c.Subscription, "it must be the Id of a subscription in subscriptions.");
                CheckWithin(nameof(planChanges), i, "EffectiveFrom", c.EffectiveFrom, c.Subscription, startDays[p], endDays[p]);
                if (c.AmountPerMonth < 0m) ThrowHelper.ThrowElement(nameof(planChanges), i, "AmountPerMonth", c.AmountPerMonth, "amounts must be zero or greater (0 means paused).");
                keys[i] = ((long)p << 32) | (uint)c.EffectiveFrom.DayNumber;
                planOrder[i] = i;
            }
            SortByPositionAndDay(keys, planOrder, planStarts, planDays);
            for (int j = 0; j < m; j++)
            {
                if (j > 0 && keys[j] == keys[j - 1])
                {
                    int a = Math.Min(planOrder[j], planOrder[j - 1]), b = Math.Max(planOrder[j], planOrder[j - 1]);
                    ThrowHelper.ThrowElement(nameof(planChanges), b, "EffectiveFrom", planChanges[b].EffectiveFrom, string.Create(CultureInfo.InvariantCulture,
                        $"planChanges[{a}] already changes subscription {planChanges[b].Subscription} on that date (overlapping plan changes)."));
                }
                planAmounts[j] = planChanges[planOrder[j]].AmountPerMonth;
            }
            for (int p = 0; p < n; p++)
            {
                int first = planStarts[p];
                if (first == planStarts[p + 1] || planDays[first] != startDays[p])
                {
                    string found = first == planStarts[p + 1]
                        ? "it has none"
                        : string.Create(CultureInfo.InvariantCulture, $"its first is {DateOnly.FromDayNumber(planDays[first]):yyyy-MM-dd}");
                    ThrowHelper.ThrowElement(nameof(subscriptions), order[p], "Start", DateOnly.FromDayNumber(startDays[p]), string.Create(CultureInfo.InvariantCulture,
                        $"when plan changes are given, each subscription needs one effective on its start date (subscription {ids[p]}: {found})."));
                }
            }
        }

        // Shipments: validate and sort by (position, day).
        int k = shipments.Length;
        int[] shipmentStarts = new int[n + 1];
        int[] shipmentDays = k == 0 ? [] : new int[k];
        decimal[] shipmentAmounts = k == 0 ? [] : new decimal[k];
        if (k != 0)
        {
            var keys = new long[k];
            var shipmentOrder = new int[k];
            for (int i = 0; i < k; i++)
            {
                Shipment s = shipments[i];
                int p = PositionIn(ids, s.Subscription);
                if (p < 0) ThrowHelper.ThrowElement(nameof(shipments), i, "Subscription", s.Subscription, "it must be the Id of a subscription in subscriptions.");
                CheckWithin(nameof(shipments), i, "Date", s.Date, s.Subscription, startDays[p], endDays[p]);
                if (s.Amount < 0m) ThrowHelper.ThrowElement(nameof(shipments), i, "Amount", s.Amount, "amounts must be zero or greater.");
                keys[i] = ((long)p << 32) | (uint)s.Date.DayNumber;
                shipmentOrder[i] = i;
            }
            SortByPositionAndDay(keys, shipmentOrder, shipmentStarts, shipmentDays);
            for (int j = 0; j < k; j++) shipmentAmounts[j] = shipments[shipmentOrder[j]].Amount;
        }

        return new SubscriptionLedger(ids, customers, customerPositions, customerCount, startDays, endDays,
            planStarts, planDays, planAmounts, shipmentStarts, shipmentDays, shipmentAmounts);
    }

    /// <summary>Sorts records by their keys, <c>(position &lt;&lt; 32) | day</c>, carrying their input indexes in
    /// <paramref name="order"/>; writes each record's day, and each position's first record into <paramref name="starts"/>
    /// (one more than the positions, zero on entry; the last holds the record count).</summary>
    private static void SortByPositionAndDay(long[] keys, int[] order, int[] starts, int[] days)
    {
        Array.Sort(keys, order);
        for (int j = 0; j < keys.Length; j++)
        {
            starts[(int)(keys[j] >> 32) + 1]++;
            days[j] = (int)(uint)keys[j];
        }
        for (int p = 0; p + 1 < starts.Length; p++) starts[p + 1] += starts[p];
    }

    /// <summary>Gets the plan amount in effect at the close of a day for the subscription at a position (0 when not active).</summary>
    internal decimal AmountAt(int position, int day)
    {
        if (day < _startDays[position] || day >= _endDays[position]) return 0m;
        int lo = _planStarts[position], hi = _planStarts[position + 1] - 1;
        decimal amount = 0m;
        for (int j = lo; j <= hi && _planDays[j] <= day; j++) amount = _planAmounts[j];
        return amount;
    }

    private static int PositionIn(int[] ids, int id)
    {
        if ((uint)id < (uint)ids.Length && ids[id] == id) return id;
        int found = Array.BinarySearch(ids, id);
        return found >= 0 ? found : -1;
    }

    private static void CheckWithin(string paramName, int index, string field, DateOnly date, int subscription, int startDay, int endDay)
    {
        if (date.DayNumber == 0)
            ThrowHelper.ThrowElement(paramName, index, field, date, "a date is required (default(DateOnly) is not a date).");
        if (date.DayNumber < startDay || date.DayNumber > endDay)
        {
            string end = endDay == OpenEnd ? "open" : DateOnly.FromDayNumber(endDay).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            ThrowHelper.ThrowElement(paramName, index, field, date, string.Create(CultureInfo.InvariantCulture,
                $"it must be within subscription {subscription}'s [{DateOnly.FromDayNumber(startDay):yyyy-MM-dd}, {end}] (start and end inclusive)."));
        }
    }

    private static (int[] Positions, int Count) DenseCustomers(int[] customers)
    {
        var sorted = (int[])customers.Clone();
        Array.Sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.Length; i++)
        {
            if (i == 0 || sorted[i] != sorted[i - 1]) sorted[distinct++] = sorted[i];
        }
        var positions = new int[customers.Length];
        for (int i = 0; i < customers.Length; i++) positions[i] = Array.BinarySearch(sorted, 0, distinct, customers[i]);
        return (positions, distinct);
    }
}
