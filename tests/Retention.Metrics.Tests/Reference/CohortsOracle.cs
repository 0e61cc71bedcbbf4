namespace Retention.Metrics.Tests.Reference;

/// <summary>One cell of the naive cohort table.</summary>
public sealed record OracleCohortCell(long Active, long Retained, long Orders, decimal Revenue, CohortCellState State);

/// <summary>The naive cohort table: cohort starts, sizes and cells [cohort, period].</summary>
public sealed record OracleCohortTable(DateOnly[] Starts, long[] Sizes, OracleCohortCell[,] Cells);

/// <summary>
/// A naive LINQ cohort table written from the definitions, with its own calendar arithmetic (DateOnly.AddMonths etc.),
/// used as an oracle for <see cref="Cohorts"/>.
/// </summary>
public static class CohortsOracle
{
    public static OracleCohortTable Compute(IReadOnlyList<Purchase> purchases, DateOnly asOf, CohortOptions options)
    {
        if (purchases.Count == 0) return new OracleCohortTable([], [], new OracleCohortCell[0, 0]);
        PeriodUnit unit = options.Unit;
        DayOfWeek weekStart = options.WeekStart;

        DateOnly firstStart = StartOf(purchases.Min(p => p.Date), unit, weekStart);
        var starts = new List<DateOnly>();
        for (DateOnly s = firstStart; s <= asOf; s = Next(s, unit)) starts.Add(s);
        int cohorts = starts.Count;

        int periods = options.Mode switch
        {
            CohortPeriodMode.Calendar => cohorts,
            CohortPeriodMode.Rolling => (asOf.DayNumber - firstStart.DayNumber) / options.RollingDays + 1,
            _ => options.Brackets!.Count,
        };

        var customers = purchases
            .GroupBy(p => p.Customer)
            .Select(g => new { First = g.Min(p => p.Date), Seen = g.Where(p => p.Date <= asOf).ToList() })
            .Where(c => c.First <= asOf)
            .Select(c => new
            {
                Row = starts.IndexOf(StartOf(c.First, unit, weekStart)),
                Purchases = c.Seen.Select(p => (Column: ColumnOf(c.First, p.Date, options), p.Amount)).Where(x => x.Column >= 0).ToList(),
            })
            .ToList();

        long[] sizes = Enumerable.Range(0, cohorts).Select(r => (long)customers.Count(c => c.Row == r)).ToArray();
        var cells = new OracleCohortCell[cohorts, periods];
        for (int r = 0; r < cohorts; r++)
        {
            var members = customers.Where(c => c.Row == r).ToList();
            for (int k = 0; k < periods; k++)
            {
                bool Counted(IEnumerable<(int Column, decimal Amount)> ps, int column) =>
                    options.Retention == CohortRetention.On ? ps.Any(p => p.Column == column) : ps.Any(p => p.Column >= column);
                long active = members.Count(m => Counted(m.Purchases, k));
                long retained = k == 0 ? active : members.Count(m => Counted(m.Purchases, k) && Counted(m.Purchases, k - 1));
                long orders = members.Sum(m => m.Purchases.Count(p => p.Column == k));
                decimal revenue = members.Sum(m => m.Purchases.Where(p => p.Column == k).Sum(p => p.Amount));
                cells[r, k] = new OracleCohortCell(active, retained, orders, revenue, StateOf(starts[r], Next(starts[r], unit).AddDays(-1), k, asOf, options));
            }
        }
        return new OracleCohortTable(starts.ToArray(), sizes, cells);
    }

    private static CohortCellState StateOf(DateOnly cohortStart, DateOnly cohortEnd, int k, DateOnly asOf, CohortOptions options)
    {
        DateOnly first, last;
        switch (options.Mode)
        {
            case CohortPeriodMode.Calendar:
                first = cohortStart;
                for (int i = 0; i < k; i++) first = Next(first, options.Unit);
                last = Next(first, options.Unit).AddDays(-1);
                break;
            case CohortPeriodMode.Rolling:
                first = cohortStart.AddDays(k * options.RollingDays);
                last = cohortEnd.AddDays((k + 1) * options.RollingDays - 1);
                break;
            default:
                first = cohortStart.AddDays(options.Brackets![k].FirstDay);
                last = cohortEnd.AddDays(options.Brackets[k].LastDay);
                break;
        }
        return last <= asOf ? CohortCellState.Observed : first <= asOf ? CohortCellState.Partial : CohortCellState.NotStarted;
    }

    private static int ColumnOf(DateOnly first, DateOnly date, CohortOptions options)
    {
        int days = date.DayNumber - first.DayNumber;
        switch (options.Mode)
        {
            case CohortPeriodMode.Rolling:
                return days / options.RollingDays;
            case CohortPeriodMode.Brackets:
                for (int j = 0; j < options.Brackets!.Count; j++)
                {
                    if (days >= options.Brackets[j].FirstDay && days <= options.Brackets[j].LastDay) return j;
                }
                return -1;
            default:
                DateOnly a = StartOf(first, options.Unit, options.WeekStart), b = StartOf(date, options.Unit, options.WeekStart);
                return options.Unit switch
                {
                    PeriodUnit.Day => b.DayNumber - a.DayNumber,
                    PeriodUnit.Week => (b.DayNumber - a.DayNumber) / 7,
                    PeriodUnit.Month => (b.Year - a.Year) * 12 + b.Month - a.Month,
                    PeriodUnit.Quarter => ((b.Year - a.Year) * 12 + b.Month - a.Month) / 3,
                    _ => b.Year - a.Year,
                };
        }
    }

    public static DateOnly StartOf(DateOnly date, PeriodUnit unit, DayOfWeek weekStart) => unit switch
    {
        PeriodUnit.Day => date,
        PeriodUnit.Week => date.AddDays(-(((int)date.DayOfWeek - (int)weekStart + 7) % 7)),
        PeriodUnit.Month => new DateOnly(date.Year, date.Month, 1),
        PeriodUnit.Quarter => new DateOnly(date.Year, (date.Month - 1) / 3 * 3 + 1, 1),
        _ => new DateOnly(date.Year, 1, 1),
    };

    public static DateOnly Next(DateOnly start, PeriodUnit unit) => unit switch
    {
        PeriodUnit.Day => start.AddDays(1),
        PeriodUnit.Week => start.AddDays(7),
        PeriodUnit.Month => start.AddMonths(1),
        PeriodUnit.Quarter => start.AddMonths(3),
        _ => start.AddYears(1),
    };

    /// <summary>Asserts that a table equals the oracle cell by cell (counts, orders and revenue exactly).</summary>
    public static void AssertEqual(OracleCohortTable expected, CohortTable actual)
    {
        Assert.Equal(expected.Starts, actual.CohortStarts.ToArray());
        Assert.Equal(expected.Sizes, actual.CohortSizes.ToArray());
        Assert.Equal(expected.Cells.GetLength(1), actual.PeriodCount);
        for (int r = 0; r < actual.CohortCount; r++)
        {
            for (int k = 0; k < actual.PeriodCount; k++)
            {
                OracleCohortCell e = expected.Cells[r, k];
                CohortCell a = actual[r, k];
                var where = $"cell [{r}, {k}]";
                Assert.True(e.Active == a.Active, $"{where} active {a.Active}, expected {e.Active}");
                if (k > 0) Assert.True(e.Retained == a.StepRetention.Numerator, $"{where} retained {a.StepRetention.Numerator}, expected {e.Retained}");
                Assert.True(e.Orders == a.Orders, $"{where} orders {a.Orders}, expected {e.Orders}");
                Assert.True(e.Revenue == a.Revenue, $"{where} revenue {a.Revenue}, expected {e.Revenue}");
                Assert.True(e.State == a.State, $"{where} state {a.State}, expected {e.State}");
            }
        }
    }
}
