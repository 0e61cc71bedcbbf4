namespace Retention.Metrics;

/// <summary>A conversion rate per acquisition cohort with right-censoring, as computed by <see cref="Repeat.F2Conversion"/>.</summary>
/// <remarks>
/// Cohort 0 is the period of the history's first purchase; the last cohort contains the observation end. Customers whose window had
/// not elapsed by the observation end are counted as censored and left out of every rate. Results over disjoint customer sets with
/// the same cohorts, window and observation end combine with <see cref="Combine"/>.
/// </remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.ConversionResultJsonConverter))]
public sealed class ConversionResult
{
    private readonly int _firstOrdinal;
    private readonly int _asOfDay;
    private readonly long[] _customers;
    private readonly long[] _eligible;
    private readonly long[] _converted;
    private readonly long[] _censoredConverted;

    internal ConversionResult(int firstOrdinal, int count, PeriodUnit unit, DayOfWeek weekStart, int windowDays, int asOfDay,
        long[] customers, long[] eligible, long[] converted, long[] censoredConverted)
    {
        _firstOrdinal = firstOrdinal;
        Count = count;
        Unit = unit;
        WeekStart = weekStart;
        WindowDays = windowDays;
        _asOfDay = asOfDay;
        _customers = customers;
        _eligible = eligible;
        _converted = converted;
        _censoredConverted = censoredConverted;
    }

    /// <summary>Gets the number of cohorts.</summary>
    public int Count { get; }

    /// <summary>Gets the cohort period.</summary>
    public PeriodUnit Unit { get; }

    /// <summary>Gets the first day of a week, for weekly cohorts.</summary>
    public DayOfWeek WeekStart { get; }

    /// <summary>Gets the conversion window in days.</summary>
    public int WindowDays { get; }

    /// <summary>Gets the observation end.</summary>
    public DateOnly AsOf => DateOnly.FromDayNumber(_asOfDay);

    /// <summary>Gets one cohort.</summary>
    /// <param name="index">The cohort index, <c>0..Count−1</c>.</param>
    /// <returns>The cohort's counts and rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside <c>0..Count−1</c>.</exception>
    public ConversionCohort this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) ThrowHelper.ThrowOutOfRange(nameof(index), index, $"it must be in the range 0..{Count - 1}.");
            return new ConversionCohort(DateOnly.FromDayNumber(PeriodTable.StartDayClamped(_firstOrdinal + index, Unit, WeekStart)),
                _customers[index], _eligible[index], _converted[index], _censoredConverted[index]);
        }
    }

    /// <summary>Gets the totals over all cohorts.</summary>
    public ConversionCohort Total
    {
        get
        {
            long customers = 0, eligible = 0, converted = 0, censoredConverted = 0;
            for (int i = 0; i < Count; i++)
            {
                customers += _customers[i];
                eligible += _eligible[i];
                converted += _converted[i];
                censoredConverted += _censoredConverted[i];
            }
            DateOnly start = Count == 0 ? default : DateOnly.FromDayNumber(PeriodTable.StartDayClamped(_firstOrdinal, Unit, WeekStart));
            return new ConversionCohort(start, customers, eligible, converted, censoredConverted);
        }
    }

    /// <summary>Combines results computed over disjoint customer sets.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>The result of the union; cohorts are aligned by period, the union's range covers both.</returns>
    /// <exception cref="ArgumentNullException">A result is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The results differ in cohort period, window or observation end.</exception>
    /// <exception cref="OverflowException">A count overflows.</exception>
    public static ConversionResult Combine(ConversionResult left, ConversionResult right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.Unit != right.Unit || left.WeekStart != right.WeekStart || left.WindowDays != right.WindowDays || left._asOfDay != right._asOfDay)
            ThrowHelper.ThrowArgument(nameof(right), "right was computed with another cohort period, window or asOf than left.");
        if (left.Count == 0) return right;
        if (right.Count == 0) return left;
        int first = Math.Min(left._firstOrdinal, right._firstOrdinal);
        int n = Math.Max(left._firstOrdinal + left.Count, right._firstOrdinal + right.Count) - first;
        var customers = new long[n];
        var eligible = new long[n];
        var converted = new long[n];
        var censoredConverted = new long[n];
        foreach (ConversionResult part in (ReadOnlySpan<ConversionResult>)[left, right])
        {
            int offset = part._firstOrdinal - first;
            for (int i = 0; i < part.Count; i++)
            {
                customers[offset + i] = checked(customers[offset + i] + part._customers[i]);
                eligible[offset + i] = checked(eligible[offset + i] + part._eligible[i]);
                converted[offset + i] = checked(converted[offset + i] + part._converted[i]);
                censoredConverted[offset + i] = checked(censoredConverted[offset + i] + part._censoredConverted[i]);
            }
        }
        return new ConversionResult(first, n, left.Unit, left.WeekStart, left.WindowDays, left._asOfDay, customers, eligible, converted, censoredConverted);
    }

    /// <summary>Gets the serializable form of the result: its settings and one row per cohort.</summary>
    /// <returns>The data; <see cref="FromData"/> rebuilds an equal result.</returns>
    public ConversionResultData ToData()
    {
        var cohorts = new ConversionCohort[Count];
        for (int i = 0; i < cohorts.Length; i++) cohorts[i] = this[i];
        return new ConversionResultData(Unit, WeekStart, WindowDays, AsOf, cohorts);
    }

    /// <summary>Rebuilds a result from its serializable form, checking that the counts are consistent.</summary>
    /// <param name="data">The data, for example read back from JSON.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> or its cohorts are <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The unit or week start is undefined, the window is negative, the cohorts are not consecutive
    /// periods, or a cohort's counts are negative or out of order (converted ≤ eligible ≤ customers); the message names the cohort.</exception>
    public static ConversionResult FromData(ConversionResultData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        ConversionCohort[] cohorts = Serialization.DataCheck.NotNull(data.Cohorts, nameof(data.Cohorts));
        Serialization.DataCheck.Defined(data.Unit, nameof(data.Unit));
        Serialization.DataCheck.WeekStart(data.WeekStart, nameof(data.WeekStart));
        Serialization.DataCheck.NonNegative(data.WindowDays, nameof(data.WindowDays));
        int n = cohorts.Length;
        int first = n == 0 ? 0 : Calendar.PeriodOrdinal(cohorts[0].Start.DayNumber, data.Unit, data.WeekStart);
        var customers = new long[n];
        var eligible = new long[n];
        var converted = new long[n];
        var censoredConverted = new long[n];
        for (int i = 0; i < n; i++)
        {
            ConversionCohort c = cohorts[i];
            int start = PeriodTable.StartDayClamped(first + i, data.Unit, data.WeekStart);
            if (c.Start.DayNumber != start)
                Serialization.DataCheck.Throw(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"data.Cohorts[{i}].Start is {c.Start:yyyy-MM-dd}; cohorts must be consecutive periods, so it must be {DateOnly.FromDayNumber(start):yyyy-MM-dd}."));
            if (c.Converted < 0 || c.CensoredConverted < 0 || c.Converted > c.Eligible || c.Eligible > c.Customers)
                Serialization.DataCheck.Throw(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"data.Cohorts[{i}] has customers {c.Customers}, eligible {c.Eligible}, converted {c.Converted}, censoredConverted {c.CensoredConverted}; counts must be zero or greater with converted <= eligible <= customers."));
            customers[i] = c.Customers;
            eligible[i] = c.Eligible;
            converted[i] = c.Converted;
            censoredConverted[i] = c.CensoredConverted;
        }
        return new ConversionResult(first, n, data.Unit, data.WeekStart, data.WindowDays, data.AsOf.DayNumber, customers, eligible, converted, censoredConverted);
    }
}

/// <summary>The conversion counts of one acquisition cohort.</summary>
/// <param name="Start">The first day of the cohort period.</param>
/// <param name="Customers">Customers acquired in the period (F1), on or before the observation end.</param>
/// <param name="Eligible">Customers whose whole window is observed (first purchase + window ≤ observation end).</param>
/// <param name="Converted">Eligible customers who converted within the window.</param>
/// <param name="CensoredConverted">Censored customers who have already converted (shown, never in the rate).</param>
/// <remarks>Equality compares every field.</remarks>
public readonly record struct ConversionCohort(DateOnly Start, long Customers, long Eligible, long Converted, long CensoredConverted)
{
    /// <summary>Gets the customers left out because their window has not elapsed.</summary>
    public long Censored => Customers - Eligible;

    /// <summary>Gets the conversion rate over eligible customers.</summary>
    public Rate Rate => new(Converted, Eligible);
}
