using System.Globalization;
using System.Text;

namespace Retention.Metrics;

/// <summary>A cohort retention table (コホート表): per cohort and period, the customers counted, orders and exact revenue, with right-censoring.</summary>
/// <remarks>
/// <para>Row r is the cohort of customers whose first purchase falls in the calendar period starting <c>CohortStarts[r]</c>;
/// rows are consecutive periods from the first purchase's period to the as-of date's period. Column k is period (or bracket) k
/// counted from each cohort, 0-based; see <see cref="CohortOptions"/> for the three column modes.</para>
/// <para>Each cell has a <see cref="CohortCellState"/>: <c>Observed</c> when the period has ended for every member on or before the
/// as-of date (a period whose last day is the as-of date is observed), <c>Partial</c> when it has started but not ended, and
/// <c>NotStarted</c> after the as-of date. Partial cells hold the counts up to the as-of date; not-started cells hold zeros that
/// mean "unknown", not "nobody".</para>
/// <para>Revenue is kept exactly as integer units of <c>10^−AmountScale</c> and reported as <see cref="decimal"/>. The type is
/// immutable and safe to share between threads. Tables of disjoint customer sets merge with <see cref="Combine"/>.</para>
/// </remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.CohortTableJsonConverter))]
public sealed partial class CohortTable
{
    private readonly CohortLayout _layout;
    private readonly long[] _sizes;
    private readonly long[] _active;
    private readonly long[] _retained;
    private readonly long[] _orders;
    private readonly long[] _revenue;
    private readonly long[] _cumulative;
    private readonly DateOnly[] _cohortStarts;
    private readonly CohortAveragePoint[] _average;

    internal CohortTable(CohortLayout layout, int amountScale, long[] sizes, long[] active, long[] retained, long[] orders, long[] revenue)
    {
        _layout = layout;
        AmountScale = amountScale;
        _sizes = sizes;
        _active = active;
        _retained = retained;
        _orders = orders;
        _revenue = revenue;
        int cohorts = layout.CohortCount;
        int periods = layout.PeriodCount;
        _cohortStarts = new DateOnly[cohorts];
        for (int r = 0; r < cohorts; r++) _cohortStarts[r] = DateOnly.FromDayNumber(layout.StartDays[r]);
        long customers = 0;
        for (int r = 0; r < cohorts; r++) customers = checked(customers + sizes[r]);
        CustomerCount = customers;
        _cumulative = new long[revenue.Length];
        for (int r = 0; r < cohorts; r++)
        {
            long sum = 0;
            int rowBase = r * periods;
            for (int k = 0; k < periods; k++)
            {
                sum = checked(sum + revenue[rowBase + k]);
                _cumulative[rowBase + k] = sum;
            }
        }
        _average = ComputeAverage();
    }

    /// <summary>Gets the options the table was computed with.</summary>
    public CohortOptions Options => _layout.Options;

    /// <summary>Gets the observation end (inclusive) the table was computed at.</summary>
    public DateOnly AsOf => DateOnly.FromDayNumber(_layout.AsOfDay);

    /// <summary>Gets the number of cohorts (rows); 0 for an empty history.</summary>
    public int CohortCount => _layout.CohortCount;

    /// <summary>Gets the number of periods or brackets (columns); 0 for an empty history.</summary>
    public int PeriodCount => _layout.PeriodCount;

    /// <summary>Gets the number of customers in all cohorts, <c>Σ CohortSizes</c>.</summary>
    public long CustomerCount { get; }

    /// <summary>Gets the number of decimal places of the revenue units: <c>revenue = units / 10^AmountScale</c>.</summary>
    public int AmountScale { get; }

    /// <summary>Gets the first day of each cohort's period.</summary>
    public ReadOnlySpan<DateOnly> CohortStarts => _cohortStarts;

    /// <summary>Gets the number of customers in each cohort.</summary>
    public ReadOnlySpan<long> CohortSizes => _sizes;

    /// <summary>Gets the all-cohorts average curve, one point per period; see <see cref="CohortAveragePoint"/>.</summary>
    /// <remarks>Point k averages the non-empty cohorts whose cell k is <see cref="CohortCellState.Observed"/>: the weighted mean
    /// <c>Σ active / Σ size</c> and the simple mean of the cohorts' rates.</remarks>
    public ReadOnlySpan<CohortAveragePoint> AverageCurve => _average;

    /// <summary>Gets the cell of a cohort and period with every measure.</summary>
    /// <param name="cohort">The row, <c>0 .. CohortCount − 1</c>.</param>
    /// <param name="period">The column, <c>0 .. PeriodCount − 1</c>.</param>
    /// <returns>The cell.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public CohortCell this[int cohort, int period]
    {
        get
        {
            int cell = CellIndex(cohort, period);
            long size = _sizes[cohort];
            return new CohortCell(
                period,
                StateOf(cohort, period),
                new Rate(_active[cell], size),
                StepRate(cohort, period, cell),
                _orders[cell],
                ToAmount(_revenue[cell]),
                ToAmount(_cumulative[cell]),
                PerMember(_revenue[cell], size),
                PerMember(_cumulative[cell], size));
        }
    }

    /// <summary>Gets the observation state of a cell.</summary>
    /// <param name="cohort">The row.</param>
    /// <param name="period">The column.</param>
    /// <returns>The state.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public CohortCellState State(int cohort, int period)
    {
        _ = CellIndex(cohort, period);
        return StateOf(cohort, period);
    }

    /// <summary>Gets whether a cell is fully observed: its period ended on or before the as-of date for every member.</summary>
    /// <param name="cohort">The row.</param>
    /// <param name="period">The column.</param>
    /// <returns><see langword="true"/> for <see cref="CohortCellState.Observed"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public bool IsObserved(int cohort, int period) => State(cohort, period) == CohortCellState.Observed;

    /// <summary>Gets the number of fully observed periods of a cohort; cells <c>0 .. ObservedPeriods − 1</c> are observed.</summary>
    /// <param name="cohort">The row.</param>
    /// <returns>The count, 0 .. <see cref="PeriodCount"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cohort"/> is out of range.</exception>
    public int ObservedPeriods(int cohort)
    {
        CheckCohort(cohort);
        return _layout.Observed[cohort];
    }

    /// <summary>Gets the number of started periods of a cohort (observed or partial); later cells are not started.</summary>
    /// <param name="cohort">The row.</param>
    /// <returns>The count, 0 .. <see cref="PeriodCount"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cohort"/> is out of range.</exception>
    public int StartedPeriods(int cohort)
    {
        CheckCohort(cohort);
        return _layout.Started[cohort];
    }

    /// <summary>Gets the number of customers counted in a cell (active in the period, or in it or later, per the options).</summary>
    /// <param name="cohort">The row.</param>
    /// <param name="period">The column.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public long Active(int cohort, int period) => _active[CellIndex(cohort, period)];

    /// <summary>Gets a cell's retention: customers counted over the cohort size.</summary>
    /// <param name="cohort">The row.</param>
    /// <param name="period">The column.</param>
    /// <returns>The rate; 0 / 0 for an empty cohort.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public Rate Retention(int cohort, int period) => new(_active[CellIndex(cohort, period)], _sizes[cohort]);

    /// <summary>Gets a cell's retention relative to the previous period: counted in both k − 1 and k, over counted in k − 1.</summary>
    /// <param name="cohort">The row.</param>
    /// <param name="period">The column; for 0, the same as <see cref="Retention"/>.</param>
    /// <returns>The rate; 0 / 0 when nobody was counted in the previous period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    /// <remarks>With <see cref="CohortRetention.OnOrAfter"/> this is <c>Active(k) / Active(k − 1)</c>.</remarks>
    public Rate StepRetention(int cohort, int period) => StepRate(cohort, period, CellIndex(cohort, period));

    /// <summary>Gets the number of orders members placed in a period.</summary>
    /// <param name="cohort">The row.</param>
    /// <param name="period">The column.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public long Orders(int cohort, int period) => _orders[CellIndex(cohort, period)];

    /// <summary>Gets members' revenue in a period, exactly.</summary>
    /// <param name="cohort">The row.</param>
    /// <param name="period">The column.</param>
    /// <returns>The revenue.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public decimal Revenue(int cohort, int period) => ToAmount(_revenue[CellIndex(cohort, period)]);

    /// <summary>Gets members' revenue in periods 0 through <paramref name="period"/>, exactly.</summary>
    /// <param name="cohort">The row.</param>
    /// <param name="period">The column.</param>
    /// <returns>The cumulative revenue.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public decimal CumulativeRevenue(int cohort, int period) => ToAmount(_cumulative[CellIndex(cohort, period)]);

    /// <summary>Gets revenue per cohort member in a period.</summary>
    /// <param name="cohort">The row.</param>
    /// <param name="period">The column.</param>
    /// <returns><c>Revenue / size</c>; 0 for an empty cohort.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public decimal RevenuePerMember(int cohort, int period) => PerMember(_revenue[CellIndex(cohort, period)], _sizes[cohort]);

    /// <summary>Gets cumulative revenue per cohort member through a period: the cohort's LTV curve (実績LTV).</summary>
    /// <param name="cohort">The row.</param>
    /// <param name="period">The column.</param>
    /// <returns><c>CumulativeRevenue / size</c>; 0 for an empty cohort.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public decimal CumulativeRevenuePerMember(int cohort, int period) => PerMember(_cumulative[CellIndex(cohort, period)], _sizes[cohort]);

    /// <summary>Gets a cohort's counts per period.</summary>
    /// <param name="cohort">The row.</param>
    /// <returns>The row, <see cref="PeriodCount"/> long.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cohort"/> is out of range.</exception>
    public ReadOnlySpan<long> ActiveRow(int cohort) => Row(_active, cohort);

    /// <summary>Gets a cohort's orders per period.</summary>
    /// <param name="cohort">The row.</param>
    /// <returns>The row, <see cref="PeriodCount"/> long.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cohort"/> is out of range.</exception>
    public ReadOnlySpan<long> OrdersRow(int cohort) => Row(_orders, cohort);

    /// <summary>Gets a cohort's revenue per period in units of <c>10^−AmountScale</c>.</summary>
    /// <param name="cohort">The row.</param>
    /// <returns>The row, <see cref="PeriodCount"/> long.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cohort"/> is out of range.</exception>
    public ReadOnlySpan<long> RevenueUnitsRow(int cohort) => Row(_revenue, cohort);

    /// <summary>Gets a cohort's cumulative revenue per period in units of <c>10^−AmountScale</c>.</summary>
    /// <param name="cohort">The row.</param>
    /// <returns>The row, <see cref="PeriodCount"/> long.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cohort"/> is out of range.</exception>
    public ReadOnlySpan<long> CumulativeRevenueUnitsRow(int cohort) => Row(_cumulative, cohort);

    /// <summary>Converts revenue units of this table to an exact <see cref="decimal"/>.</summary>
    /// <param name="units">A count of units of <c>10^−AmountScale</c>.</param>
    /// <returns>The amount.</returns>
    public decimal ToAmount(long units) => Money.FromUnits(units, AmountScale);

    /// <summary>Combines tables computed over disjoint customer sets with the same options and as-of date.</summary>
    /// <param name="left">The first table.</param>
    /// <param name="right">The second table.</param>
    /// <returns>The table of the union: rows from the earlier first cohort, counts, orders and revenue added cell by cell.</returns>
    /// <exception cref="ArgumentNullException">A table is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The tables have different options or as-of dates.</exception>
    /// <exception cref="OverflowException">A sum overflows.</exception>
    /// <remarks>Cohort sizes, active counts (both modes count each customer within one cohort), step numerators, orders and
    /// revenue are additive over disjoint customers; revenue is brought to the finer amount scale first. An empty table is the
    /// identity.</remarks>
    public static CohortTable Combine(CohortTable left, CohortTable right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (!left.Options.Equals(right.Options))
            ThrowHelper.ThrowArgument(nameof(right), "The tables have different options; only tables computed with equal options combine.");
        if (left._layout.AsOfDay != right._layout.AsOfDay)
        {
            ThrowHelper.ThrowArgument(nameof(right), string.Create(CultureInfo.InvariantCulture,
                $"The tables have different as-of dates ({left.AsOf:yyyy-MM-dd} and {right.AsOf:yyyy-MM-dd}); only tables at the same date combine."));
        }
        int scale = Math.Max(left.AmountScale, right.AmountScale);
        if (left.CohortCount == 0 && right.CohortCount == 0) return left.AmountScale >= right.AmountScale ? left : right;
        if (right.CohortCount == 0 && left.AmountScale == scale) return left;
        if (left.CohortCount == 0 && right.AmountScale == scale) return right;

        int firstOrdinal = int.MaxValue;
        if (left.CohortCount > 0) firstOrdinal = left._layout.FirstOrdinal;
        if (right.CohortCount > 0) firstOrdinal = Math.Min(firstOrdinal, right._layout.FirstOrdinal);
        CohortLayout layout = CohortLayout.CreateFromOrdinal(left.Options, firstOrdinal, left._layout.AsOfDay);
        int cells = layout.CohortCount * layout.PeriodCount;
        var sizes = new long[layout.CohortCount];
        var active = new long[cells];
        long[] retained = left.Options.Retention == CohortRetention.OnOrAfter ? active : new long[cells];
        var orders = new long[cells];
        var revenue = new long[cells];
        foreach (CohortTable part in (ReadOnlySpan<CohortTable>)[left, right])
        {
            if (part.CohortCount == 0) continue;
            int rowOffset = part._layout.FirstOrdinal - firstOrdinal;
            long factor = Money.Pow10(scale - part.AmountScale);
            int partPeriods = part.PeriodCount;
            for (int r = 0; r < part.CohortCount; r++)
            {
                int target = r + rowOffset;
                sizes[target] = checked(sizes[target] + part._sizes[r]);
                for (int k = 0; k < partPeriods; k++)
                {
                    int from = (r * partPeriods) + k;
                    int to = (target * layout.PeriodCount) + k;
                    active[to] = checked(active[to] + part._active[from]);
                    if (!ReferenceEquals(retained, active)) retained[to] = checked(retained[to] + part._retained[from]);
                    orders[to] = checked(orders[to] + part._orders[from]);
                    revenue[to] = checked(revenue[to] + checked(part._revenue[from] * factor));
                }
            }
        }
        return new CohortTable(layout, scale, sizes, active, retained, orders, revenue);
    }

    /// <summary>Gets the compact, serializable form of the table (its defining counts, one array per row).</summary>
    /// <returns>The data; with empty arrays for an empty table.</returns>
    /// <remarks><see cref="FromData"/> rebuilds an equal table from it.</remarks>
    public CohortTableData ToData()
    {
        int cohorts = CohortCount;
        var active = new long[cohorts][];
        var retained = new long[cohorts][];
        var orders = new long[cohorts][];
        var revenue = new long[cohorts][];
        for (int r = 0; r < cohorts; r++)
        {
            active[r] = Row(_active, r).ToArray();
            retained[r] = Row(_retained, r).ToArray();
            orders[r] = Row(_orders, r).ToArray();
            revenue[r] = Row(_revenue, r).ToArray();
        }
        return new CohortTableData(Options, AsOf, AmountScale, (DateOnly[])_cohortStarts.Clone(), (long[])_sizes.Clone(), active, retained, orders, revenue);
    }

    /// <summary>Rebuilds a table from its compact form, checking that the counts are consistent.</summary>
    /// <param name="data">The data, for example read back from JSON.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> or one of its arrays is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The data are inconsistent: options invalid, cohort starts not the consecutive periods
    /// up to the as-of date, a row of the wrong length, a negative count, an active count above the cohort size, a step
    /// numerator above its denominator, or activity in a period not started by the as-of date. The message names the row and column.</exception>
    public static CohortTable FromData(CohortTableData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(data.Options, "data.Options");
        ArgumentNullException.ThrowIfNull(data.CohortStarts, "data.CohortStarts");
        ArgumentNullException.ThrowIfNull(data.CohortSizes, "data.CohortSizes");
        ArgumentNullException.ThrowIfNull(data.Active, "data.Active");
        ArgumentNullException.ThrowIfNull(data.Retained, "data.Retained");
        ArgumentNullException.ThrowIfNull(data.Orders, "data.Orders");
        ArgumentNullException.ThrowIfNull(data.RevenueUnits, "data.RevenueUnits");
        const string name = nameof(data);
        data.Options.Validate(name);
        if ((uint)data.AmountScale > Money.MaxScale)
        {
            ThrowHelper.ThrowArgument(name, string.Create(CultureInfo.InvariantCulture,
                $"data.AmountScale is {data.AmountScale}; it must be in the range 0..{Money.MaxScale}."));
        }
        int cohorts = data.CohortStarts.Length;
        int asOfDay = data.AsOf.DayNumber;
        CohortLayout layout;
        if (cohorts == 0)
        {
            layout = CohortLayout.Empty(data.Options, asOfDay);
        }
        else
        {
            if (data.CohortStarts[0] > data.AsOf)
                ThrowHelper.ThrowArgument(name, "data.CohortStarts[0] is after data.AsOf; the first cohort must start on or before the as-of date.");
            layout = CohortLayout.Create(data.Options, data.CohortStarts[0].DayNumber, asOfDay);
            if (layout.CohortCount != cohorts)
            {
                ThrowHelper.ThrowArgument(name, string.Create(CultureInfo.InvariantCulture,
                    $"data.CohortStarts has {cohorts} cohorts; the periods from the first cohort to data.AsOf are {layout.CohortCount}."));
            }
            for (int r = 0; r < cohorts; r++)
            {
                if (data.CohortStarts[r].DayNumber != layout.StartDays[r])
                {
                    ThrowHelper.ThrowArgument(name, string.Create(CultureInfo.InvariantCulture,
                        $"data.CohortStarts[{r}] is {data.CohortStarts[r]:yyyy-MM-dd}; it must be {DateOnly.FromDayNumber(layout.StartDays[r]):yyyy-MM-dd}, the start of the next period."));
                }
            }
        }
        int periods = layout.PeriodCount;
        CheckShape(data.CohortSizes.Length, cohorts, "data.CohortSizes");
        long[] sizes = (long[])data.CohortSizes.Clone();
        long[] active = Flatten(data.Active, cohorts, periods, "data.Active");
        long[] retained = data.Options.Retention == CohortRetention.OnOrAfter ? active : Flatten(data.Retained, cohorts, periods, "data.Retained");
        long[] orders = Flatten(data.Orders, cohorts, periods, "data.Orders");
        long[] revenue = Flatten(data.RevenueUnits, cohorts, periods, "data.RevenueUnits");
        for (int r = 0; r < cohorts; r++)
        {
            if (sizes[r] < 0) ThrowCell("data.CohortSizes", r, -1, sizes[r], "counts must be zero or greater.");
            for (int k = 0; k < periods; k++)
            {
                int cell = (r * periods) + k;
                if (active[cell] < 0 || active[cell] > sizes[r])
                    ThrowCell("data.Active", r, k, active[cell], string.Create(CultureInfo.InvariantCulture, $"it must be in the range 0..{sizes[r]} (the cohort size)."));
                long previous = k == 0 ? sizes[r] : active[cell - 1];
                if (retained[cell] < 0 || retained[cell] > Math.Min(active[cell], previous))
                    ThrowCell("data.Retained", r, k, retained[cell], "it must be zero or greater and at most the active counts of this and the previous period.");
                if (orders[cell] < 0 || orders[cell] < (data.Options.Retention == CohortRetention.On ? active[cell] : 0))
                    ThrowCell("data.Orders", r, k, orders[cell], "it must be zero or greater and, with On retention, at least the active count.");
                if (k >= layout.Started[r] && (active[cell] != 0 || orders[cell] != 0 || revenue[cell] != 0))
                    ThrowCell("data", r, k, active[cell], "the period starts after the as-of date, so every count must be zero.");
            }
        }
        return new CohortTable(layout, data.AmountScale, sizes, active, retained, orders, revenue);
    }

    private static void CheckShape(int length, int expected, string field)
    {
        if (length != expected)
        {
            ThrowHelper.ThrowArgument("data", string.Create(CultureInfo.InvariantCulture,
                $"{field} has length {length}; it must be {expected}."));
        }
    }

    private static long[] Flatten(long[][] rows, int cohorts, int periods, string field)
    {
        CheckShape(rows.Length, cohorts, field);
        var flat = new long[cohorts * periods];
        for (int r = 0; r < cohorts; r++)
        {
            long[]? row = rows[r];
            if (row is null) ThrowHelper.ThrowArgument("data", string.Create(CultureInfo.InvariantCulture, $"{field}[{r}] is null."));
            CheckShape(row.Length, periods, string.Create(CultureInfo.InvariantCulture, $"{field}[{r}]"));
            row.CopyTo(flat, r * periods);
        }
        return flat;
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowCell(string field, int row, int column, long value, string rule) =>
        ThrowHelper.ThrowArgument("data", column < 0
            ? string.Create(CultureInfo.InvariantCulture, $"{field}[{row}] is {value}; {rule}")
            : string.Create(CultureInfo.InvariantCulture, $"{field}[{row}][{column}] is {value}; {rule}"));

    /// <summary>Renders the table as fixed-width text: one row per cohort with its size, one column per period; partial cells end in <c>*</c>, not-started cells are blank, empty cohorts show <c>-</c>.</summary>
    /// <param name="measure">The figure to show in each cell.</param>
    /// <returns>The text, with a final row for the weighted average curve; a header line only for an empty table.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="measure"/> is not a defined value.</exception>
    public string ToText(CohortMeasure measure = CohortMeasure.Retention)
    {
        if ((uint)measure > (uint)CohortMeasure.Orders)
            ThrowHelper.ThrowOutOfRange(nameof(measure), measure, "it must be a defined CohortMeasure.");
        CultureInfo inv = CultureInfo.InvariantCulture;
        int periods = PeriodCount;
        var cells = new string[CohortCount + 1, periods];
        var labels = new string[CohortCount + 1];
        var sizes = new string[CohortCount + 1];
        var headers = new string[periods];
        IReadOnlyList<CohortBracket>? brackets = Options.Brackets;
        for (int k = 0; k < periods; k++) headers[k] = (brackets is null ? k.ToString(inv) : brackets[k].ToString()) + " ";
        for (int r = 0; r < CohortCount; r++)
        {
            labels[r] = Label(_cohortStarts[r]);
            sizes[r] = _sizes[r].ToString(inv);
            for (int k = 0; k < periods; k++)
            {
                CohortCellState state = StateOf(r, k);
                cells[r, k] = state == CohortCellState.NotStarted ? string.Empty
                    : (_sizes[r] == 0 ? "-" : Format(measure, r, k)) + (state == CohortCellState.Partial ? "*" : " ");
            }
        }
        labels[CohortCount] = "All";
        long observedMembers = 0;
        for (int r = 0; r < CohortCount; r++) observedMembers += _sizes[r];
        sizes[CohortCount] = observedMembers.ToString(inv);
        for (int k = 0; k < periods; k++)
        {
            CohortAveragePoint p = _average[k];
            cells[CohortCount, k] = p.Cohorts == 0 ? string.Empty : measure switch
            {
                CohortMeasure.Retention => (p.Retention.Value * 100d).ToString("0.0", inv) + "%",
                CohortMeasure.RevenuePerMember => p.RevenuePerMember.ToString("0.00", inv),
                CohortMeasure.CumulativeRevenuePerMember => p.CumulativeRevenuePerMember.ToString("0.00", inv),
                _ => string.Empty,
            };
            if (cells[CohortCount, k].Length > 0) cells[CohortCount, k] += " ";
        }

        int labelWidth = "Cohort".Length, sizeWidth = "Size".Length;
        for (int r = 0; r <= CohortCount; r++)
        {
            labelWidth = Math.Max(labelWidth, labels[r].Length);
            sizeWidth = Math.Max(sizeWidth, sizes[r].Length);
        }
        var widths = new int[periods];
        for (int k = 0; k < periods; k++)
        {
            int w = headers[k].Length;
            for (int r = 0; r <= CohortCount; r++) w = Math.Max(w, cells[r, k].Length);
            widths[k] = w;
        }
        var text = new StringBuilder();
        text.Append("Cohort".PadRight(labelWidth)).Append("  ").Append("Size".PadLeft(sizeWidth));
        for (int k = 0; k < periods; k++) text.Append("  ").Append(headers[k].PadLeft(widths[k]));
        TrimEndAndNewLine(text);
        for (int r = 0; r <= CohortCount; r++)
        {
            text.Append(labels[r].PadRight(labelWidth)).Append("  ").Append(sizes[r].PadLeft(sizeWidth));
            for (int k = 0; k < periods; k++) text.Append("  ").Append(cells[r, k].PadLeft(widths[k]));
            TrimEndAndNewLine(text);
        }
        return text.ToString();
    }

    /// <summary>Renders the retention triangle; see <see cref="ToText"/>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => ToText(CohortMeasure.Retention);

    private static void TrimEndAndNewLine(StringBuilder text)
    {
        int end = text.Length;
        while (end > 0 && text[end - 1] == ' ') end--;
        text.Length = end;
        text.Append('\n');
    }

    private string Format(CohortMeasure measure, int r, int k)
    {
        CultureInfo inv = CultureInfo.InvariantCulture;
        int cell = (r * PeriodCount) + k;
        return measure switch
        {
            CohortMeasure.Retention => (new Rate(_active[cell], _sizes[r]).Value * 100d).ToString("0.0", inv) + "%",
            CohortMeasure.Active => _active[cell].ToString(inv),
            CohortMeasure.Revenue => ToAmount(_revenue[cell]).ToString("0.00", inv),
            CohortMeasure.RevenuePerMember => PerMember(_revenue[cell], _sizes[r]).ToString("0.00", inv),
            CohortMeasure.CumulativeRevenuePerMember => PerMember(_cumulative[cell], _sizes[r]).ToString("0.00", inv),
            _ => _orders[cell].ToString(inv),
        };
    }

    private string Label(DateOnly start)
    {
        CultureInfo inv = CultureInfo.InvariantCulture;
        return Options.Unit switch
        {
            PeriodUnit.Year => start.ToString("yyyy", inv),
            PeriodUnit.Quarter => start.ToString("yyyy", inv) + "-Q" + (((start.Month - 1) / 3) + 1).ToString(inv),
            PeriodUnit.Month => start.ToString("yyyy-MM", inv),
            _ => start.ToString("yyyy-MM-dd", inv),
        };
    }

    private CohortAveragePoint[] ComputeAverage()
    {
        int cohorts = CohortCount, periods = PeriodCount;
        var points = new CohortAveragePoint[periods];
        int[] observed = _layout.Observed;
        for (int k = 0; k < periods; k++)
        {
            int count = 0;
            long members = 0, active = 0;
            Int128 revenue = 0, cumulative = 0;
            double rateSum = 0;
            decimal cumulativePerMemberSum = 0;
            for (int r = 0; r < cohorts; r++)
            {
                long size = _sizes[r];
                if (size == 0 || observed[r] <= k) continue;
                int cell = (r * periods) + k;
                count++;
                members += size;
                active += _active[cell];
                revenue += _revenue[cell];
                cumulative += _cumulative[cell];
                rateSum += (double)_active[cell] / size;
                cumulativePerMemberSum += PerMember(_cumulative[cell], size);
            }
            points[k] = new CohortAveragePoint(
                k,
                count,
                new Rate(active, members),
                count == 0 ? 0d : rateSum / count,
                members == 0 ? 0m : Money.FromUnits(revenue, AmountScale) / members,
                members == 0 ? 0m : Money.FromUnits(cumulative, AmountScale) / members,
                count == 0 ? 0m : cumulativePerMemberSum / count);
        }
        return points;
    }

    private Rate StepRate(int cohort, int period, int cell) =>
        period == 0 ? new Rate(_active[cell], _sizes[cohort]) : new Rate(_retained[cell], _active[cell - 1]);

    private decimal PerMember(long units, long size) => size == 0 ? 0m : ToAmount(units) / size;

    private CohortCellState StateOf(int cohort, int period) =>
        period < _layout.Observed[cohort] ? CohortCellState.Observed
        : period < _layout.Started[cohort] ? CohortCellState.Partial
        : CohortCellState.NotStarted;

    private ReadOnlySpan<long> Row(long[] values, int cohort)
    {
        CheckCohort(cohort);
        return new ReadOnlySpan<long>(values, cohort * PeriodCount, PeriodCount);
    }

    private void CheckCohort(int cohort)
    {
        if ((uint)cohort >= (uint)CohortCount)
        {
            ThrowHelper.ThrowOutOfRange(nameof(cohort), cohort, CohortCount == 0
                ? "the table has no cohorts."
                : string.Create(CultureInfo.InvariantCulture, $"it must be in the range 0..{CohortCount - 1}."));
        }
    }

    private int CellIndex(int cohort, int period)
    {
        CheckCohort(cohort);
        if ((uint)period >= (uint)PeriodCount)
        {
            ThrowHelper.ThrowOutOfRange(nameof(period), period,
                string.Create(CultureInfo.InvariantCulture, $"it must be in the range 0..{PeriodCount - 1}."));
        }
        return (cohort * PeriodCount) + period;
    }
}
