namespace Retention.Metrics;

/// <summary>The repeat rates of consecutive calendar periods, computed in one pass by <see cref="Repeat.PeriodSeries"/>.</summary>
/// <remarks>
/// Index 0 is the period containing the series' <c>from</c> date; the last period ends on the observation end. The series keeps
/// the counts of the period just before the first one, which the retention rates of the first period need. Series over
/// disjoint customer sets with the same periods combine cell by cell with <see cref="Combine"/>.
/// </remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.RepeatSeriesJsonConverter))]
public sealed class RepeatSeries
{
    private readonly int _firstOrdinal;
    private readonly int _asOfDay;
    private readonly Counts _counts;
    private readonly decimal[] _revenue;
    private readonly decimal[] _repeatRevenue;

    internal RepeatSeries(int firstOrdinal, int count, PeriodUnit unit, DayOfWeek weekStart, int asOfDay, Counts counts, int scale, long acquiredBefore)
        : this(firstOrdinal, count, unit, weekStart, asOfDay, counts, ToDecimal(counts.Revenue, scale), ToDecimal(counts.RepeatRevenue, scale), acquiredBefore)
    {
    }

    private RepeatSeries(int firstOrdinal, int count, PeriodUnit unit, DayOfWeek weekStart, int asOfDay, Counts counts,
        decimal[] revenue, decimal[] repeatRevenue, long acquiredBefore)
    {
        _firstOrdinal = firstOrdinal;
        Count = count;
        Unit = unit;
        WeekStart = weekStart;
        _asOfDay = asOfDay;
        _counts = counts;
        _revenue = revenue;
        _repeatRevenue = repeatRevenue;
        AcquiredBefore = acquiredBefore;
    }

    /// <summary>Gets the number of periods.</summary>
    public int Count { get; }

    /// <summary>Gets the period length.</summary>
    public PeriodUnit Unit { get; }

    /// <summary>Gets the first day of a week, for weekly series.</summary>
    public DayOfWeek WeekStart { get; }

    /// <summary>Gets the observation end, which is the last day of the last period.</summary>
    public DateOnly AsOf => DateOnly.FromDayNumber(_asOfDay);

    /// <summary>Gets the number of customers acquired before the period preceding the first period of the series.</summary>
    public long AcquiredBefore { get; }

    /// <summary>Gets the counts and rates of one period.</summary>
    /// <param name="index">The period index, <c>0..Count−1</c>.</param>
    /// <returns>The period's counts and rates.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside <c>0..Count−1</c>.</exception>
    public RepeatPeriod this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) ThrowHelper.ThrowOutOfRange(nameof(index), index, $"it must be in the range 0..{Count - 1}.");
            int r = index + 1;
            int ordinal = _firstOrdinal + index;
            int start = PeriodTable.StartDayClamped(ordinal, Unit, WeekStart);
            int periodEnd = PeriodTable.EndDay(ordinal, Unit, WeekStart);
            int end = Math.Min(periodEnd, _asOfDay);
            Counts k = _counts;
            return new RepeatPeriod(DateOnly.FromDayNumber(start), DateOnly.FromDayNumber(end), end == periodEnd,
                k.Buyers[r], k.NewBuyers[r], k.RepeatBuyers[r], k.NewRepeatBuyers[r], k.Cumulative[r], k.Orders[r], k.RepeatOrders[r],
                _revenue[r], _repeatRevenue[r], k.Buyers[r - 1], k.NewBuyers[r - 1], k.Retained[r], k.NewRetained[r]);
        }
    }

    /// <summary>Combines series computed over disjoint customer sets with the same periods and observation end.</summary>
    /// <param name="left">The first series.</param>
    /// <param name="right">The second series.</param>
    /// <returns>The series of the union: every count added cell by cell.</returns>
    /// <exception cref="ArgumentNullException">A series is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The series have different periods or observation ends.</exception>
    /// <exception cref="OverflowException">A count overflows.</exception>
    public static RepeatSeries Combine(RepeatSeries left, RepeatSeries right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left._firstOrdinal != right._firstOrdinal || left.Count != right.Count || left.Unit != right.Unit
            || left.WeekStart != right.WeekStart || left._asOfDay != right._asOfDay)
            ThrowHelper.ThrowArgument(nameof(right), "right covers other periods than left; combine series computed with the same from, asOf, unit and weekStart.");
        int length = left.Count + 1;
        var counts = new Counts(length);
        counts.AddFrom(left._counts);
        counts.AddFrom(right._counts);
        var revenue = new decimal[length];
        var repeatRevenue = new decimal[length];
        for (int r = 0; r < length; r++)
        {
            revenue[r] = left._revenue[r] + right._revenue[r];
            repeatRevenue[r] = left._repeatRevenue[r] + right._repeatRevenue[r];
        }
        return new RepeatSeries(left._firstOrdinal, left.Count, left.Unit, left.WeekStart, left._asOfDay, counts, revenue, repeatRevenue,
            checked(left.AcquiredBefore + right.AcquiredBefore));
    }

    private static decimal[] ToDecimal(long[] units, int scale)
    {
        var result = new decimal[units.Length];
        for (int i = 0; i < units.Length; i++) result[i] = Money.FromUnits(units[i], scale);
        return result;
    }

    /// <summary>The count columns, one cell per relative period (0 = the period before the series).</summary>
    internal sealed class Counts(int length)
    {
        internal long[] Buyers { get; } = new long[length];
        internal long[] NewBuyers { get; } = new long[length];
        internal long[] RepeatBuyers { get; } = new long[length];
        internal long[] NewRepeatBuyers { get; } = new long[length];
        internal long[] Cumulative { get; } = new long[length];
        internal long[] Orders { get; } = new long[length];
        internal long[] RepeatOrders { get; } = new long[length];
        internal long[] Retained { get; } = new long[length];
        internal long[] NewRetained { get; } = new long[length];
        internal long[] Revenue { get; } = new long[length];
        internal long[] RepeatRevenue { get; } = new long[length];

        internal void AddFrom(Counts other)
        {
            Add(Buyers, other.Buyers);
            Add(NewBuyers, other.NewBuyers);
            Add(RepeatBuyers, other.RepeatBuyers);
            Add(NewRepeatBuyers, other.NewRepeatBuyers);
            Add(Cumulative, other.Cumulative);
            Add(Orders, other.Orders);
            Add(RepeatOrders, other.RepeatOrders);
            Add(Retained, other.Retained);
            Add(NewRetained, other.NewRetained);
        }

        private static void Add(long[] target, long[] source)
        {
            for (int i = 0; i < target.Length; i++) target[i] = checked(target[i] + source[i]);
        }
    }

    /// <summary>Gets the serializable form of the series: its settings and one row per period.</summary>
    /// <returns>The data; <see cref="FromData"/> rebuilds an equal series.</returns>
    public RepeatSeriesData ToData()
    {
        var periods = new RepeatPeriod[Count];
        for (int i = 0; i < periods.Length; i++) periods[i] = this[i];
        return new RepeatSeriesData(Unit, WeekStart, DateOnly.FromDayNumber(PeriodTable.StartDayClamped(_firstOrdinal, Unit, WeekStart)),
            AsOf, AcquiredBefore, periods);
    }

    /// <summary>Rebuilds a series from its serializable form, checking that the rows are consistent.</summary>
    /// <param name="data">The data, for example read back from JSON.</param>
    /// <returns>The series.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> or its periods are <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The unit or week start is undefined, <c>From</c> is after <c>AsOf</c>, there is not one row per
    /// period from <c>From</c> to <c>AsOf</c>, a row's dates or completeness disagree with its period, a count is negative, or a row's
    /// previous-period counts differ from the row before; the message names the row and field.</exception>
    public static RepeatSeries FromData(RepeatSeriesData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        RepeatPeriod[] periods = Serialization.DataCheck.NotNull(data.Periods, nameof(data.Periods));
        Serialization.DataCheck.Defined(data.Unit, nameof(data.Unit));
        Serialization.DataCheck.WeekStart(data.WeekStart, nameof(data.WeekStart));
        Serialization.DataCheck.NonNegative(data.AcquiredBefore, nameof(data.AcquiredBefore));
        if (data.From > data.AsOf) Serialization.DataCheck.Throw("data.From is after data.AsOf; a series covers at least one period.");
        int first = Calendar.PeriodOrdinal(data.From.DayNumber, data.Unit, data.WeekStart);
        int count = Calendar.PeriodOrdinal(data.AsOf.DayNumber, data.Unit, data.WeekStart) - first + 1;
        Serialization.DataCheck.Length(periods.Length, count, nameof(data.Periods), "one per period from From to AsOf");
        int asOfDay = data.AsOf.DayNumber;
        var counts = new Counts(count + 1);
        var revenue = new decimal[count + 1];
        var repeatRevenue = new decimal[count + 1];
        for (int i = 0; i < count; i++)
        {
            RepeatPeriod p = periods[i];
            int start = PeriodTable.StartDayClamped(first + i, data.Unit, data.WeekStart);
            int periodEnd = PeriodTable.EndDay(first + i, data.Unit, data.WeekStart);
            int end = Math.Min(periodEnd, asOfDay);
            if (p.Start.DayNumber != start || p.End.DayNumber != end || p.IsComplete != (end == periodEnd))
                Serialization.DataCheck.Throw(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"data.Periods[{i}] covers {p.Start:yyyy-MM-dd}..{p.End:yyyy-MM-dd} (complete: {p.IsComplete}); period {i} is {DateOnly.FromDayNumber(start):yyyy-MM-dd}..{DateOnly.FromDayNumber(end):yyyy-MM-dd} (complete: {end == periodEnd})."));
            CheckCounts(p, i);
            if (i > 0 && (p.PreviousBuyers != periods[i - 1].Buyers || p.PreviousNewBuyers != periods[i - 1].NewBuyers))
                Serialization.DataCheck.Throw(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"data.Periods[{i}].PreviousBuyers is {p.PreviousBuyers} and PreviousNewBuyers {p.PreviousNewBuyers}; they must equal Buyers ({periods[i - 1].Buyers}) and NewBuyers ({periods[i - 1].NewBuyers}) of the period before."));
            int r = i + 1;
            counts.Buyers[r] = p.Buyers;
            counts.NewBuyers[r] = p.NewBuyers;
            counts.RepeatBuyers[r] = p.RepeatBuyers;
            counts.NewRepeatBuyers[r] = p.NewRepeatBuyers;
            counts.Cumulative[r] = p.CumulativeCustomers;
            counts.Orders[r] = p.Orders;
            counts.RepeatOrders[r] = p.RepeatOrders;
            counts.Retained[r] = p.Retained;
            counts.NewRetained[r] = p.NewRetained;
            revenue[r] = p.Revenue;
            repeatRevenue[r] = p.RepeatRevenue;
        }
        counts.Buyers[0] = periods[0].PreviousBuyers;
        counts.NewBuyers[0] = periods[0].PreviousNewBuyers;
        return new RepeatSeries(first, count, data.Unit, data.WeekStart, asOfDay, counts, revenue, repeatRevenue, data.AcquiredBefore);
    }

    private static void CheckCounts(in RepeatPeriod p, int row)
    {
        CheckCount(p.Buyers, row, nameof(p.Buyers));
        CheckCount(p.NewBuyers, row, nameof(p.NewBuyers));
        CheckCount(p.RepeatBuyers, row, nameof(p.RepeatBuyers));
        CheckCount(p.NewRepeatBuyers, row, nameof(p.NewRepeatBuyers));
        CheckCount(p.CumulativeCustomers, row, nameof(p.CumulativeCustomers));
        CheckCount(p.Orders, row, nameof(p.Orders));
        CheckCount(p.RepeatOrders, row, nameof(p.RepeatOrders));
        CheckCount(p.PreviousBuyers, row, nameof(p.PreviousBuyers));
        CheckCount(p.PreviousNewBuyers, row, nameof(p.PreviousNewBuyers));
        CheckCount(p.Retained, row, nameof(p.Retained));
        CheckCount(p.NewRetained, row, nameof(p.NewRetained));
    }

    private static void CheckCount(long value, int row, string field)
    {
        if (value < 0)
            Serialization.DataCheck.Throw(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"data.Periods[{row}].{field} is {value}; counts must be zero or greater."));
    }
}

/// <summary>The repeat counts and rates of one calendar period <c>[Start, End]</c> (both inclusive).</summary>
/// <param name="Start">The first day of the period.</param>
/// <param name="End">The last day of the period observed: the period's last day, or the observation end for the last period.</param>
/// <param name="IsComplete">Whether the whole period is observed (<paramref name="End"/> is the period's last day).</param>
/// <param name="Buyers">Customers with at least one order in the period.</param>
/// <param name="NewBuyers">Customers whose first purchase is in the period (新規).</param>
/// <param name="RepeatBuyers">Customers with a purchase in the period that is not their first-ever purchase.</param>
/// <param name="NewRepeatBuyers">New customers of the period who bought again within it.</param>
/// <param name="CumulativeCustomers">Customers acquired on or before <paramref name="End"/> (累計顧客数).</param>
/// <param name="Orders">Orders in the period.</param>
/// <param name="RepeatOrders">Orders in the period that are not the customer's first order.</param>
/// <param name="Revenue">Revenue of the period.</param>
/// <param name="RepeatRevenue">Revenue of the period on days after each customer's first purchase day.</param>
/// <param name="PreviousBuyers">Buyers of the previous period.</param>
/// <param name="PreviousNewBuyers">New customers of the previous period.</param>
/// <param name="Retained">Buyers of the previous period who also bought in this one.</param>
/// <param name="NewRetained">New customers of the previous period who bought in this one.</param>
/// <remarks>Rates keep their counts; equality compares every field.</remarks>
public readonly record struct RepeatPeriod(
    DateOnly Start,
    DateOnly End,
    bool IsComplete,
    long Buyers,
    long NewBuyers,
    long RepeatBuyers,
    long NewRepeatBuyers,
    long CumulativeCustomers,
    long Orders,
    long RepeatOrders,
    decimal Revenue,
    decimal RepeatRevenue,
    long PreviousBuyers,
    long PreviousNewBuyers,
    long Retained,
    long NewRetained)
{
    /// <summary>Gets the cumulative-type repeat rate (リピート率, 累計型): repeat buyers over customers acquired by the end of the period.</summary>
    public Rate CumulativeRepeatRate => new(RepeatBuyers, CumulativeCustomers);

    /// <summary>Gets the repeater share of period buyers (リピーター率): repeat buyers over buyers of the period.</summary>
    public Rate RepeaterShare => new(RepeatBuyers, Buyers);

    /// <summary>Gets the repeat-order share (リピート注文比率): orders that are not the customer's first over all orders of the period.</summary>
    public Rate RepeatOrderShare => new(RepeatOrders, Orders);

    /// <summary>Gets the repeat-revenue share (リピート売上比率): revenue after first purchase days over revenue; 0 when revenue is 0.</summary>
    public double RepeatRevenueShare => Revenue == 0m ? 0d : (double)(RepeatRevenue / Revenue);

    /// <summary>Gets the period-over-period retention (顧客維持率): previous-period buyers who bought again in this period.</summary>
    public Rate Retention => new(Retained, PreviousBuyers);

    /// <summary>Gets the retention of the previous period's new customers (新規顧客維持率, period-over-period form).</summary>
    public Rate NewCustomerRetention => new(NewRetained, PreviousNewBuyers);

    /// <summary>Gets the retention of the previous period's existing (not new) buyers (既存顧客維持率).</summary>
    public Rate ExistingCustomerRetention => new(Retained - NewRetained, PreviousBuyers - PreviousNewBuyers);

    /// <summary>Gets the share of this period's new customers who bought again within it (新規顧客維持率, same-period form).</summary>
    public Rate NewCustomerRepeatRate => new(NewRepeatBuyers, NewBuyers);
}
