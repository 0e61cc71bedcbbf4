using System.Globalization;

namespace Retention.Metrics;

/// <summary>Cumulative revenue per acquisition cohort (first-purchase month) at horizons of months since each customer's first purchase, with right-censoring.</summary>
/// <remarks>
/// <para>Cohort <c>k</c> is the calendar month <see cref="CohortStart"/>(k); cohorts run from the history's first month to the month of
/// <see cref="AsOf"/>, empty months included (size 0). A cell (k, h) sums the revenue of the cohort's members in
/// <c>[first purchase, first purchase + h months)</c> (DateOnly.AddMonths, month ends clamped) and never beyond <see cref="AsOf"/>.</para>
/// <para>A cell is censored when the window of a customer acquired on the cohort month's last day has not ended by
/// <see cref="AsOf"/>: <c>monthEnd.AddMonths(h) &gt; asOf + 1 day</c>. Censored cells keep their partial revenue but are left out of
/// <see cref="Pooled"/>. Instances are immutable.</para>
/// </remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.CohortLtvResultJsonConverter))]
public sealed class CohortLtvResult
{
    private readonly int[] _horizons;
    private readonly int _firstOrdinal;
    private readonly long[] _sizes;
    private readonly long[] _orders;
    private readonly decimal[] _revenue;

    internal CohortLtvResult(DateOnly asOf, int[] horizons, int firstOrdinal, long[] sizes, long[] orders, decimal[] revenue)
    {
        AsOf = asOf;
        _horizons = horizons;
        _firstOrdinal = firstOrdinal;
        _sizes = sizes;
        _orders = orders;
        _revenue = revenue;
    }

    /// <summary>Gets the observation end the table was computed at.</summary>
    public DateOnly AsOf { get; }

    /// <summary>Gets the horizons in months, ascending.</summary>
    public ReadOnlySpan<int> HorizonMonths => _horizons;

    /// <summary>Gets the number of cohorts (months); 0 for an empty history.</summary>
    public int CohortCount => _sizes.Length;

    /// <summary>Gets the first day of cohort <paramref name="cohort"/>'s month.</summary>
    /// <param name="cohort">The cohort index, 0-based from the history's first month.</param>
    /// <returns>The month's first day.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cohort"/> is out of range.</exception>
    public DateOnly CohortStart(int cohort)
    {
        CheckCohort(cohort);
        return DateOnly.FromDayNumber(Calendar.PeriodStartDay(_firstOrdinal + cohort, PeriodUnit.Month, DayOfWeek.Monday));
    }

    /// <summary>Gets the number of customers acquired in the cohort's month.</summary>
    /// <param name="cohort">The cohort index.</param>
    /// <returns>The cohort size; 0 for a month without new customers.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cohort"/> is out of range.</exception>
    public long CohortSize(int cohort)
    {
        CheckCohort(cohort);
        return _sizes[cohort];
    }

    /// <summary>Gets the cohort's customers, orders and revenue within the horizon.</summary>
    /// <param name="cohort">The cohort index.</param>
    /// <param name="horizon">The index into <see cref="HorizonMonths"/>.</param>
    /// <returns>The cell; its <see cref="LtvResult.PerCustomer"/> is the cohort LTV at that horizon (partial when censored).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public LtvResult Cell(int cohort, int horizon)
    {
        CheckCohort(cohort);
        CheckHorizon(horizon);
        int at = cohort * _horizons.Length + horizon;
        return new LtvResult(_sizes[cohort], _orders[at], _revenue[at]);
    }

    /// <summary>Gets whether the horizon has not fully elapsed for the cohort by <see cref="AsOf"/>.</summary>
    /// <param name="cohort">The cohort index.</param>
    /// <param name="horizon">The index into <see cref="HorizonMonths"/>.</param>
    /// <returns><see langword="true"/> when the cell is right-censored.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public bool IsCensored(int cohort, int horizon)
    {
        CheckCohort(cohort);
        CheckHorizon(horizon);
        return IsCensoredAt(_firstOrdinal + cohort, _horizons[horizon], AsOf.DayNumber);
    }

    /// <summary>Gets the pooled LTV at a horizon over the cohorts whose horizon has elapsed.</summary>
    /// <param name="horizon">The index into <see cref="HorizonMonths"/>.</param>
    /// <returns>The sum of the uncensored cells; empty when every cohort is censored.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="horizon"/> is out of range.</exception>
    /// <remarks>Size-weighted: <c>Σ revenue / Σ customers</c> over complete cohorts.</remarks>
    public LtvResult Pooled(int horizon)
    {
        CheckHorizon(horizon);
        var total = default(LtvResult);
        for (int k = 0; k < _sizes.Length; k++)
        {
            if (IsCensoredAt(_firstOrdinal + k, _horizons[horizon], AsOf.DayNumber)) continue;
            int at = k * _horizons.Length + horizon;
            total = LtvResult.Combine(total, new LtvResult(_sizes[k], _orders[at], _revenue[at]));
        }
        return total;
    }

    /// <summary>Combines tables computed over disjoint customer sets with the same horizons and observation end.</summary>
    /// <param name="left">The first table.</param>
    /// <param name="right">The second table.</param>
    /// <returns>The table of the union: cohort ranges are joined, sizes, orders and revenues add.</returns>
    /// <exception cref="ArgumentNullException">A table is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The horizons or observation ends differ.</exception>
    public static CohortLtvResult Combine(CohortLtvResult left, CohortLtvResult right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.AsOf != right.AsOf || !left.HorizonMonths.SequenceEqual(right.HorizonMonths))
            ThrowHelper.ThrowArgument(nameof(right), "right has other horizons or another observation end; only tables with the same horizons and asOf combine.");
        if (left.CohortCount == 0) return right;
        if (right.CohortCount == 0) return left;
        int h = left._horizons.Length;
        int first = Math.Min(left._firstOrdinal, right._firstOrdinal);
        int last = Math.Max(left._firstOrdinal + left.CohortCount, right._firstOrdinal + right.CohortCount);
        var sizes = new long[last - first];
        var orders = new long[sizes.Length * h];
        var revenue = new decimal[sizes.Length * h];
        foreach (CohortLtvResult part in (ReadOnlySpan<CohortLtvResult>)[left, right])
        {
            int offset = part._firstOrdinal - first;
            for (int k = 0; k < part.CohortCount; k++)
            {
                sizes[offset + k] = checked(sizes[offset + k] + part._sizes[k]);
                for (int j = 0; j < h; j++)
                {
                    int at = (offset + k) * h + j, from = k * h + j;
                    orders[at] = checked(orders[at] + part._orders[from]);
                    revenue[at] += part._revenue[from];
                }
            }
        }
        return new CohortLtvResult(left.AsOf, left._horizons, first, sizes, orders, revenue);
    }

    internal static bool IsCensoredAt(int monthOrdinal, int months, int asOfDay)
    {
        int nextMonthStart = Calendar.PeriodStartDay(monthOrdinal + 1, PeriodUnit.Month, DayOfWeek.Monday);
        DateOnly monthEnd = DateOnly.FromDayNumber(nextMonthStart - 1);
        return monthEnd.AddMonths(months).DayNumber > asOfDay + 1;
    }

    private void CheckCohort(int cohort)
    {
        if ((uint)cohort >= (uint)_sizes.Length)
            ThrowHelper.ThrowOutOfRange(nameof(cohort), cohort, string.Create(CultureInfo.InvariantCulture, $"it must be in the range 0..{_sizes.Length - 1}."));
    }

    private void CheckHorizon(int horizon)
    {
        if ((uint)horizon >= (uint)_horizons.Length)
            ThrowHelper.ThrowOutOfRange(nameof(horizon), horizon, string.Create(CultureInfo.InvariantCulture, $"it must be in the range 0..{_horizons.Length - 1}."));
    }

    /// <summary>Gets the serializable form of the result: one row per cohort, one column per horizon.</summary>
    /// <returns>The data; <see cref="FromData"/> rebuilds an equal result.</returns>
    public CohortLtvResultData ToData()
    {
        int h = _horizons.Length;
        var starts = new DateOnly[CohortCount];
        var orders = new long[CohortCount][];
        var revenue = new decimal[CohortCount][];
        for (int k = 0; k < starts.Length; k++)
        {
            starts[k] = CohortStart(k);
            orders[k] = _orders.AsSpan(k * h, h).ToArray();
            revenue[k] = _revenue.AsSpan(k * h, h).ToArray();
        }
        return new CohortLtvResultData(AsOf, (int[])_horizons.Clone(), starts, (long[])_sizes.Clone(), orders, revenue);
    }

    /// <summary>Rebuilds a result from its serializable form, checking its shape and counts.</summary>
    /// <param name="data">The data, for example read back from JSON.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> or one of its arrays or rows is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The horizons are empty, out of 1..1200 or not increasing; the cohort starts are not the first
    /// days of consecutive months; a row has the wrong length; or a count is negative. The message names the row and column.</exception>
    public static CohortLtvResult FromData(CohortLtvResultData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int[] horizons = Serialization.DataCheck.NotNull(data.HorizonMonths, nameof(data.HorizonMonths));
        DateOnly[] starts = Serialization.DataCheck.NotNull(data.CohortStarts, nameof(data.CohortStarts));
        long[] sizes = Serialization.DataCheck.NotNull(data.CohortSizes, nameof(data.CohortSizes));
        long[][] orderRows = Serialization.DataCheck.NotNull(data.Orders, nameof(data.Orders));
        decimal[][] revenueRows = Serialization.DataCheck.NotNull(data.Revenue, nameof(data.Revenue));
        Serialization.DataCheck.AtLeastLength(horizons.Length, 1, nameof(data.HorizonMonths));
        for (int j = 0; j < horizons.Length; j++)
        {
            if (horizons[j] < 1 || horizons[j] > 1200 || (j > 0 && horizons[j] <= horizons[j - 1]))
                Serialization.DataCheck.Throw(string.Create(CultureInfo.InvariantCulture,
                    $"data.HorizonMonths[{j}] is {horizons[j]}; horizons must be in the range 1..1200 and strictly increasing."));
        }
        int n = starts.Length, h = horizons.Length;
        Serialization.DataCheck.Length(sizes.Length, n, nameof(data.CohortSizes), "one per cohort");
        Serialization.DataCheck.Length(orderRows.Length, n, nameof(data.Orders), "one row per cohort");
        Serialization.DataCheck.Length(revenueRows.Length, n, nameof(data.Revenue), "one row per cohort");
        Serialization.DataCheck.NonNegative(sizes, nameof(data.CohortSizes));
        int first = n == 0 ? 0 : Calendar.PeriodOrdinal(starts[0].DayNumber, PeriodUnit.Month, DayOfWeek.Monday);
        var orders = new long[n * h];
        var revenue = new decimal[n * h];
        for (int k = 0; k < n; k++)
        {
            int start = Calendar.PeriodStartDay(first + k, PeriodUnit.Month, DayOfWeek.Monday);
            if (starts[k].DayNumber != start)
                Serialization.DataCheck.Throw(string.Create(CultureInfo.InvariantCulture,
                    $"data.CohortStarts[{k}] is {starts[k]:yyyy-MM-dd}; cohorts start on the first day of consecutive months, so it must be {DateOnly.FromDayNumber(start):yyyy-MM-dd}."));
            long[] o = Serialization.DataCheck.NotNull(orderRows[k], $"Orders[{k}]");
            decimal[] r = Serialization.DataCheck.NotNull(revenueRows[k], $"Revenue[{k}]");
            Serialization.DataCheck.Length(o.Length, h, $"Orders[{k}]", "one per horizon");
            Serialization.DataCheck.Length(r.Length, h, $"Revenue[{k}]", "one per horizon");
            Serialization.DataCheck.NonNegative(o, $"Orders[{k}]");
            o.CopyTo(orders, k * h);
            r.CopyTo(revenue, k * h);
        }
        return new CohortLtvResult(data.AsOf, (int[])horizons.Clone(), first, (long[])sizes.Clone(), orders, revenue);
    }
}
