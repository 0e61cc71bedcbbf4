using System.Globalization;

namespace Retention.Metrics;

public sealed partial class CohortTable
{
    /// <summary>Builds a cohort table from cell rows aggregated elsewhere, such as a warehouse running <c>docs/sql/cohort-cells.sql</c>.</summary>
    /// <param name="options">The options the rows were computed with: calendar periods (no rolling days or brackets) and
    /// <see cref="CohortRetention.On"/> retention; <see langword="null"/> for <see cref="CohortOptions.Monthly"/>.</param>
    /// <param name="asOf">The observation end the rows were computed at, inclusive.</param>
    /// <param name="cells">The cell rows, in any order. Rows for the same cohort and period are added (partial counts of
    /// disjoint customer sets, e.g. one set of rows per warehouse partition); cells without a row are zero.</param>
    /// <returns>The table, equal to <see cref="Cohorts.Compute(PurchaseHistory, DateOnly, CohortOptions?)"/> over the same
    /// purchases when the rows are theirs; with no cohorts for no rows.</returns>
    /// <exception cref="ArgumentException"><paramref name="options"/> are not calendar periods with "on" retention, or a row is
    /// inconsistent: a cohort start that is not the first day of a period or lies after <paramref name="asOf"/>, a period
    /// outside the table, a negative count, revenue that cannot be held exactly, or counts that contradict each other (the
    /// message names the row or the cell).</exception>
    /// <remarks>
    /// <para>The rows define the table as <see cref="Cohorts.Compute(PurchaseHistory, DateOnly, CohortOptions?)"/> does: its first
    /// cohort is the earliest <see cref="CohortCellRow.CohortStart"/>, its rows run to the period containing <paramref name="asOf"/>,
    /// and each cohort's size is the active count of its period 0. Validation is that of <see cref="FromData"/>.</para>
    /// <para>"On or after" retention and rolling or bracket periods need per-customer last activity or first-purchase offsets that
    /// the cell rows do not carry; compute those tables from a history, or partition the history and <see cref="Combine"/>.</para>
    /// </remarks>
    public static CohortTable FromCells(CohortOptions? options, DateOnly asOf, ReadOnlySpan<CohortCellRow> cells)
    {
        options ??= CohortOptions.Monthly;
        options.Validate(nameof(options));
        if (options.Mode != CohortPeriodMode.Calendar || options.Retention != CohortRetention.On)
        {
            ThrowHelper.ThrowArgument(nameof(options),
                "FromCells needs calendar periods (no RollingDays or Brackets) with On retention; cell rows carry nothing else.");
        }
        int scale = 0;
        int firstDay = int.MaxValue;
        for (int i = 0; i < cells.Length; i++)
        {
            CohortCellRow row = cells[i];
            if (row.CohortStart > asOf)
                ThrowHelper.ThrowElement(nameof(cells), i, "CohortStart", row.CohortStart, "cohorts must start on or before asOf.");
            if (row.Period < 0) ThrowHelper.ThrowElement(nameof(cells), i, "Period", row.Period, "periods must be zero or greater.");
            if (row.Active < 0 || row.Retained < 0 || row.Orders < 0)
                ThrowHelper.ThrowElement(nameof(cells), i, "Active", row.Active, "counts must be zero or greater.");
            int needed = Money.MinimalScale(row.Revenue);
            if (needed > Money.MaxScale)
                ThrowHelper.ThrowElement(nameof(cells), i, "Revenue", row.Revenue, $"revenue may have at most {Money.MaxScale} decimal places.");
            scale = Math.Max(scale, needed);
            firstDay = Math.Min(firstDay, row.CohortStart.DayNumber);
        }
        if (cells.IsEmpty) return FromData(new CohortTableData(options, asOf, 0, [], [], [], [], [], []));

        CohortLayout layout = CohortLayout.Create(options, firstDay, asOf.DayNumber);
        int cohorts = layout.CohortCount, periods = layout.PeriodCount;
        var starts = new DateOnly[cohorts];
        var active = new long[cohorts][];
        var retained = new long[cohorts][];
        var orders = new long[cohorts][];
        var revenue = new long[cohorts][];
        for (int r = 0; r < cohorts; r++)
        {
            starts[r] = DateOnly.FromDayNumber(layout.StartDays[r]);
            active[r] = new long[periods];
            retained[r] = new long[periods];
            orders[r] = new long[periods];
            revenue[r] = new long[periods];
        }
        for (int i = 0; i < cells.Length; i++)
        {
            CohortCellRow row = cells[i];
            int day = row.CohortStart.DayNumber;
            int r = Calendar.PeriodOrdinal(day, options.Unit, options.WeekStart) - layout.FirstOrdinal;
            if (layout.StartDays[r] != day)
            {
                ThrowHelper.ThrowElement(nameof(cells), i, "CohortStart", row.CohortStart, string.Create(CultureInfo.InvariantCulture,
                    $"a cohort starts on the first day of its {options.Unit.ToString().ToLowerInvariant()}, here {DateOnly.FromDayNumber(layout.StartDays[r]):yyyy-MM-dd}."));
            }
            if (row.Period >= periods)
            {
                ThrowHelper.ThrowElement(nameof(cells), i, "Period", row.Period, string.Create(CultureInfo.InvariantCulture,
                    $"the table as of {asOf:yyyy-MM-dd} has periods 0..{periods - 1}."));
            }
            if (!Money.TryToUnits(row.Revenue, scale, out long units))
                ThrowHelper.ThrowElement(nameof(cells), i, "Revenue", row.Revenue, "it cannot be held exactly in 64-bit units.");
            int k = row.Period;
            try
            {
                active[r][k] = checked(active[r][k] + row.Active);
                retained[r][k] = checked(retained[r][k] + row.Retained);
                orders[r][k] = checked(orders[r][k] + row.Orders);
                revenue[r][k] = checked(revenue[r][k] + units);
            }
            catch (OverflowException)
            {
                ThrowHelper.ThrowElement(nameof(cells), i, "Orders", row.Orders, "the cell's sums exceed the range of a 64-bit count.");
            }
        }
        var sizes = new long[cohorts];
        for (int r = 0; r < cohorts; r++) sizes[r] = active[r][0];
        try
        {
            return FromData(new CohortTableData(options, asOf, scale, starts, sizes, active, retained, orders, revenue));
        }
        catch (ArgumentException e)
        {
            // FromData names its own fields; say which cell of the summed rows is wrong, in the caller's terms.
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The cell rows are inconsistent (rows [cohort, period], cohort 0 starting {starts[0]:yyyy-MM-dd}; each cohort's size is its period-0 active count): {e.Message}"),
                nameof(cells), e);
        }
    }
}
