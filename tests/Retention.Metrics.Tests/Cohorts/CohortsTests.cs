namespace Retention.Metrics.Tests.Cohorts;

/// <summary>Hand-worked cohort tables: each mode, period boundaries, censoring, week starts, year and leap-day crossings.</summary>
public class CohortsTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    // A: 2024-01-15 10, 2024-02-03 20, 2024-04-30 5
    // B: 2024-01-31 7 and 3 (same day)
    // C: 2024-02-29 12 (leap day), 2024-03-01 8
    private static readonly Purchase[] s_shop =
    [
        new(0, D(2024, 1, 15), 10m), new(0, D(2024, 2, 3), 20m), new(0, D(2024, 4, 30), 5m),
        new(1, D(2024, 1, 31), 7m), new(1, D(2024, 1, 31), 3m),
        new(2, D(2024, 2, 29), 12m), new(2, D(2024, 3, 1), 8m),
    ];

    private static CohortTable Shop(DateOnly asOf, CohortOptions? options = null) =>
        Metrics.Cohorts.Compute(PurchaseHistory.Create(s_shop), asOf, options);

    [Fact]
    public void Compute_MonthlyOnAsOfMidApril_HandWorkedTriangle()
    {
        var t = Shop(D(2024, 4, 15));
        // Rows Jan..Apr 2024 (first purchase's month to asOf's month): sizes Jan {A, B} = 2, Feb {C} = 1, Mar 0, Apr 0.
        Assert.Equal([D(2024, 1, 1), D(2024, 2, 1), D(2024, 3, 1), D(2024, 4, 1)], t.CohortStarts.ToArray());
        Assert.Equal([2L, 1, 0, 0], t.CohortSizes.ToArray());
        Assert.Equal(4, t.PeriodCount);
        Assert.Equal(3, t.CustomerCount);

        // Jan row: k0 A and B active (2/2), revenue 10 + 7 + 3 = 20 in 3 orders; k1 (Feb) A 20; k2 (Mar) nobody;
        // k3 (Apr) A's 2024-04-30 purchase is after asOf, so 0 and partial.
        Assert.Equal([2L, 1, 0, 0], t.ActiveRow(0).ToArray());
        Assert.Equal([3L, 1, 0, 0], t.OrdersRow(0).ToArray());
        Assert.Equal(new Rate(2, 2), t.Retention(0, 0));
        Assert.Equal(new Rate(1, 2), t.Retention(0, 1));
        Assert.Equal(20m, t.Revenue(0, 0));
        Assert.Equal(20m, t.Revenue(0, 1));
        // Cumulative revenue per member: 20 / 2 = 10, 40 / 2 = 20, 20, 20.
        Assert.Equal(10m, t.CumulativeRevenuePerMember(0, 0));
        Assert.Equal(20m, t.CumulativeRevenuePerMember(0, 1));
        Assert.Equal(20m, t.CumulativeRevenuePerMember(0, 3));
        Assert.Equal(10m, t.RevenuePerMember(0, 1));
        // Step retention: k1 = |active in 0 and 1| / |active in 0| = 1/2; k2 = 0/1.
        Assert.Equal(new Rate(1, 2), t.StepRetention(0, 1));
        Assert.Equal(new Rate(0, 1), t.StepRetention(0, 2));

        // Feb row: C on the leap day (k0, 12) and 2024-03-01 (k1, 8).
        Assert.Equal([1L, 1, 0, 0], t.ActiveRow(1).ToArray());
        Assert.Equal(12m, t.Revenue(1, 0));
        Assert.Equal(8m, t.Revenue(1, 1));
        Assert.Equal(20m, t.CumulativeRevenue(1, 1));

        // Censoring at 2024-04-15 (not a month end): Jan row k0..k2 observed, k3 (April) partial;
        // Feb row k0, k1 observed, k2 partial, k3 not started; Apr row k0 partial.
        Assert.Equal(
            [CohortCellState.Observed, CohortCellState.Observed, CohortCellState.Observed, CohortCellState.Partial],
            Enumerable.Range(0, 4).Select(k => t.State(0, k)));
        Assert.Equal(
            [CohortCellState.Observed, CohortCellState.Observed, CohortCellState.Partial, CohortCellState.NotStarted],
            Enumerable.Range(0, 4).Select(k => t.State(1, k)));
        Assert.Equal(CohortCellState.Partial, t.State(3, 0));
        Assert.Equal(CohortCellState.NotStarted, t.State(3, 1));
        Assert.Equal((3, 4), (t.ObservedPeriods(0), t.StartedPeriods(0)));
        Assert.Equal((0, 1), (t.ObservedPeriods(3), t.StartedPeriods(3)));
    }

    [Fact]
    public void AverageCurve_MonthlyOnAsOfMidApril_WeightsObservedNonEmptyCohorts()
    {
        var curve = Shop(D(2024, 4, 15)).AverageCurve.ToArray();
        // k0: Jan (2/2) and Feb (1/1) observed; Mar observed but empty, so left out: 3/3.
        Assert.Equal(new CohortAveragePoint(0, 2, new Rate(3, 3), 1d, 32m / 3, 32m / 3, (10m + 12m) / 2), curve[0]);
        // k1: Jan 1/2, Feb 1/1 -> weighted 2/3, simple (0.5 + 1) / 2 = 0.75; revenue (20 + 8) / 3; cumulative (40 + 20) / 3.
        Assert.Equal(2, curve[1].Cohorts);
        Assert.Equal(new Rate(2, 3), curve[1].Retention);
        Assert.Equal(0.75, curve[1].SimpleMeanRetention, 12);
        Assert.Equal(28m / 3, curve[1].RevenuePerMember);
        Assert.Equal(20m, curve[1].CumulativeRevenuePerMember);
        Assert.Equal((20m + 20m) / 2, curve[1].SimpleMeanCumulativeRevenuePerMember);
        // k2: only Jan observed (Feb's March... is k1; Feb's k2 = April is partial): 0/2.
        Assert.Equal((1, new Rate(0, 2)), (curve[2].Cohorts, curve[2].Retention));
        // k3: no cohort has observed it.
        Assert.Equal((0, new Rate(0, 0), 0d), (curve[3].Cohorts, curve[3].Retention, curve[3].SimpleMeanRetention));
    }

    [Fact]
    public void Compute_OnOrAfter_CountsLaterActivityAndIsNonIncreasing()
    {
        var options = new CohortOptions { Retention = CohortRetention.OnOrAfter };
        var mid = Shop(D(2024, 4, 15), options);
        // Jan: A active in k0, k1 (and k3 after asOf): on-or-after = 2, 1, 0, 0. Revenue stays per period.
        Assert.Equal([2L, 1, 0, 0], mid.ActiveRow(0).ToArray());
        Assert.Equal(20m, mid.Revenue(0, 1));
        var end = Shop(D(2024, 4, 30), options);
        // At 2024-04-30 A's April purchase counts: A is active in k3, so in k1..k3 on-or-after: 2, 1, 1, 1.
        Assert.Equal([2L, 1, 1, 1], end.ActiveRow(0).ToArray());
        // Step: active(k) / active(k - 1) = 1/2, 1/1, 1/1.
        Assert.Equal(new Rate(1, 2), end.StepRetention(0, 1));
        Assert.Equal(new Rate(1, 1), end.StepRetention(0, 2));
        // On at the same date: 2, 1, 0, 1.
        Assert.Equal([2L, 1, 0, 1], Shop(D(2024, 4, 30)).ActiveRow(0).ToArray());
    }

    [Theory]
    [InlineData(30, CohortCellState.Partial)] // 2024-03-30: March has not ended
    [InlineData(31, CohortCellState.Observed)] // 2024-03-31: March ends on asOf, observed (asOf is inclusive)
    public void State_PeriodEndingOnAsOf_IsObserved(int day, CohortCellState expected)
    {
        var t = Shop(D(2024, 3, day));
        Assert.Equal(expected, t.State(0, 2));
        Assert.Equal(expected, t.State(1, 1));
        Assert.Equal(CohortCellState.Observed, t.State(0, 1));
    }

    [Fact]
    public void Compute_AsOfOnFirstDay_SingleCustomerPartialCell()
    {
        var t = Metrics.Cohorts.Compute(PurchaseHistory.Create([new Purchase(5, D(2024, 2, 29), 9.99m)]), D(2024, 2, 29));
        Assert.Equal(1, t.CohortCount);
        Assert.Equal(1, t.PeriodCount);
        Assert.Equal(new Rate(1, 1), t.Retention(0, 0));
        Assert.Equal(9.99m, t.CumulativeRevenuePerMember(0, 0));
        // 2024-02-29 is February's last day: the month has ended on asOf, so the cell is observed.
        Assert.Equal(CohortCellState.Observed, t.State(0, 0));
        Assert.Equal(1, t.AverageCurve[0].Cohorts);
        // One day earlier the month is still running: partial, and the average curve has no observed cohort.
        var early = Metrics.Cohorts.Compute(PurchaseHistory.Create([new Purchase(5, D(2024, 2, 28), 9.99m)]), D(2024, 2, 28));
        Assert.Equal(CohortCellState.Partial, early.State(0, 0));
        Assert.Equal(0, early.AverageCurve[0].Cohorts);
    }

    [Fact]
    public void Compute_EmptyHistory_EmptyTable()
    {
        var t = Metrics.Cohorts.Compute(PurchaseHistory.Empty, D(2024, 1, 1));
        Assert.Equal((0, 0, 0L), (t.CohortCount, t.PeriodCount, t.CustomerCount));
        Assert.True(t.AverageCurve.IsEmpty);
        Assert.Equal("Cohort  Size\nAll        0\n", t.ToText());
    }

    [Fact]
    public void Compute_YearCrossing_MonthQuarterYearIndexes()
    {
        // 2023-12-31 then 2024-01-01: one day apart, next month, next quarter and next year.
        var h = PurchaseHistory.Create([new Purchase(0, D(2023, 12, 31), 1m), new Purchase(0, D(2024, 1, 1), 2m)]);
        foreach (PeriodUnit unit in new[] { PeriodUnit.Day, PeriodUnit.Month, PeriodUnit.Quarter, PeriodUnit.Year })
        {
            var t = Metrics.Cohorts.Compute(h, D(2024, 1, 1), new CohortOptions { Unit = unit });
            Assert.Equal(2, t.PeriodCount);
            Assert.Equal([1L, 1], t.ActiveRow(0).ToArray());
            Assert.Equal(2m, t.Revenue(0, 1));
        }
        // ISO weeks: 2023-12-31 is a Sunday (week of Mon 2023-12-25), 2024-01-01 a Monday: k = 1.
        var weeks = Metrics.Cohorts.Compute(h, D(2024, 1, 1), new CohortOptions { Unit = PeriodUnit.Week });
        Assert.Equal(D(2023, 12, 25), weeks.CohortStarts[0]);
        Assert.Equal([1L, 1], weeks.ActiveRow(0).ToArray());
        // Sunday weeks: both days are in the week of Sunday 2023-12-31: one cohort, one period, k = 0 holds both.
        var sunday = Metrics.Cohorts.Compute(h, D(2024, 1, 1), new CohortOptions { Unit = PeriodUnit.Week, WeekStart = DayOfWeek.Sunday });
        Assert.Equal(D(2023, 12, 31), sunday.CohortStarts[0]);
        Assert.Equal(1, sunday.PeriodCount);
        Assert.Equal(2, sunday.Orders(0, 0));
        // Sunday 2024-01-06 is the last day of that Sunday week: asOf then makes it observed, 2024-01-05 partial.
        Assert.Equal(CohortCellState.Observed, Metrics.Cohorts.Compute(h, D(2024, 1, 6), new CohortOptions { Unit = PeriodUnit.Week, WeekStart = DayOfWeek.Sunday }).State(0, 0));
        Assert.Equal(CohortCellState.Partial, Metrics.Cohorts.Compute(h, D(2024, 1, 5), new CohortOptions { Unit = PeriodUnit.Week, WeekStart = DayOfWeek.Sunday }).State(0, 0));
    }

    [Fact]
    public void Compute_LeapDayCrossing_MonthlyAndYearly()
    {
        // First purchase 2024-02-28, then 2024-02-29 (same month, k0), 2024-03-01 (k1), 2025-02-28 (k12).
        var h = PurchaseHistory.Create([
            new Purchase(0, D(2024, 2, 28), 1m), new Purchase(0, D(2024, 2, 29), 2m),
            new Purchase(0, D(2024, 3, 1), 4m), new Purchase(0, D(2025, 2, 28), 8m)]);
        var t = Metrics.Cohorts.Compute(h, D(2025, 2, 28));
        Assert.Equal(13, t.PeriodCount);
        Assert.Equal(3m, t.Revenue(0, 0));
        Assert.Equal(4m, t.Revenue(0, 1));
        Assert.Equal(8m, t.Revenue(0, 12));
        Assert.Equal(15m, t.CumulativeRevenuePerMember(0, 12));
        // 2025-02-28 is February's last day (2025 is not a leap year): k12 observed.
        Assert.Equal(CohortCellState.Observed, t.State(0, 12));
        // Rolling 366 days from 2024-02-28: 2025-02-28 is day 366, so k1.
        var rolling = Metrics.Cohorts.Compute(h, D(2025, 2, 28), new CohortOptions { RollingDays = 366 });
        Assert.Equal(7m, rolling.Revenue(0, 0));
        Assert.Equal(8m, rolling.Revenue(0, 1));
    }

    [Fact]
    public void Compute_Rolling7Days_WindowsFromEachFirstPurchase()
    {
        // Monthly cohorts, 7-day periods. X first buys 2024-01-31: day 6 (02-06) is k0, day 7 (02-07) is k1.
        // Y first buys 2024-01-02: day 7 (01-09) is k1, day 14 (01-16) is k2.
        var h = PurchaseHistory.Create([
            new Purchase(0, D(2024, 1, 31), 1m), new Purchase(0, D(2024, 2, 6), 2m), new Purchase(0, D(2024, 2, 7), 4m),
            new Purchase(1, D(2024, 1, 2), 10m), new Purchase(1, D(2024, 1, 9), 20m), new Purchase(1, D(2024, 1, 16), 40m)]);
        var options = new CohortOptions { RollingDays = 7 };
        Assert.Equal(CohortPeriodMode.Rolling, options.Mode);
        var t = Metrics.Cohorts.Compute(h, D(2024, 2, 7), options);
        // Columns: from the January cohort start (01-01) to asOf (02-07) is 37 days: k up to 37 / 7 = 5, so 6 columns.
        Assert.Equal(6, t.PeriodCount);
        Assert.Equal([2L, 2, 1, 0, 0, 0], t.ActiveRow(0).ToArray());
        Assert.Equal(new[] { 13m, 24m, 40m }, new[] { t.Revenue(0, 0), t.Revenue(0, 1), t.Revenue(0, 2) });
        // Observation: the January cohort's last member may start 01-31, so k is observed when 01-31 + 7(k + 1) − 1 ≤ asOf:
        // k0 needs asOf ≥ 02-06.
        Assert.Equal(1, t.ObservedPeriods(0));
        Assert.Equal(CohortCellState.Observed, Metrics.Cohorts.Compute(h, D(2024, 2, 6), options).State(0, 0));
        Assert.Equal(CohortCellState.Partial, Metrics.Cohorts.Compute(h, D(2024, 2, 5), options).State(0, 0));
        // Started: k starts when 01-01 + 7k ≤ asOf: k5 starts 02-05.
        Assert.Equal(6, t.StartedPeriods(0));
    }

    [Fact]
    public void Compute_DailyCohortsRolling_ExactObservation()
    {
        // Daily cohorts with 1-day rolling periods are exact: k observed when first + k ≤ asOf.
        var h = PurchaseHistory.Create([new Purchase(0, D(2024, 3, 1), 1m), new Purchase(0, D(2024, 3, 3), 1m)]);
        var t = Metrics.Cohorts.Compute(h, D(2024, 3, 3), new CohortOptions { Unit = PeriodUnit.Day, RollingDays = 1 });
        Assert.Equal([1L, 0, 1], t.ActiveRow(0).ToArray());
        Assert.Equal(3, t.ObservedPeriods(0));
    }

    [Fact]
    public void Compute_Brackets_DaysSinceFirstPurchase()
    {
        // Brackets 1–7, 8–30, 31–90. First purchase 2024-01-10 (day 0, in no bracket), then day 7, day 8, day 95 (beyond).
        var brackets = new CohortBracket[] { new(1, 7), new(8, 30), new(31, 90) };
        var options = new CohortOptions { Brackets = brackets };
        Assert.Equal(CohortPeriodMode.Brackets, options.Mode);
        var h = PurchaseHistory.Create([
            new Purchase(0, D(2024, 1, 10), 100m), new Purchase(0, D(2024, 1, 17), 1m),
            new Purchase(0, D(2024, 1, 18), 2m), new Purchase(0, D(2024, 4, 14), 4m)]);
        var t = Metrics.Cohorts.Compute(h, D(2024, 6, 30), options);
        Assert.Equal(3, t.PeriodCount);
        Assert.Equal([1L, 1, 0], t.ActiveRow(0).ToArray());
        Assert.Equal(1m, t.Revenue(0, 0));
        Assert.Equal(2m, t.Revenue(0, 1));
        // Day 0 and day 95 fall in no bracket: cumulative revenue covers the brackets only.
        Assert.Equal(3m, t.CumulativeRevenue(0, 2));
        // Observation: January cohort ends 01-31; bracket 31–90 is observed when 01-31 + 90 = 2024-04-30 ≤ asOf.
        Assert.Equal(CohortCellState.Observed, Metrics.Cohorts.Compute(h, D(2024, 4, 30), options).State(0, 2));
        Assert.Equal(CohortCellState.Partial, Metrics.Cohorts.Compute(h, D(2024, 4, 29), options).State(0, 2));
        // Bracket 8–30 starts when 01-01 + 8 = 01-09 ≤ asOf; at 01-10 bracket 31–90 has not started.
        var early = Metrics.Cohorts.Compute(h, D(2024, 1, 10), options);
        Assert.Equal(CohortCellState.Partial, early.State(0, 1));
        Assert.Equal(CohortCellState.NotStarted, early.State(0, 2));
        Assert.Equal("1-7", brackets[0].ToString());
    }

    [Fact]
    public void Compute_PurchasesAfterAsOf_AndCustomersFirstSeenLater_AreIgnored()
    {
        var t = Shop(D(2024, 1, 31));
        // Only Jan: A (01-15) and B (01-31); C first buys 02-29, after asOf.
        Assert.Equal(1, t.CohortCount);
        Assert.Equal(2, t.CustomerCount);
        Assert.Equal(20m, t.Revenue(0, 0));
        Assert.Equal(CohortCellState.Observed, t.State(0, 0));
    }

    [Fact]
    public void ToText_MonthlyShop_RendersTriangle()
    {
        string text = Shop(D(2024, 4, 15)).ToText();
        // Partial cells end in '*', not-started cells are blank, empty cohorts show '-'; the last row is the weighted average curve.
        Assert.Equal(
            "Cohort   Size       0        1      2      3\n" +
            "2024-01     2  100.0%    50.0%   0.0%   0.0%*\n" +
            "2024-02     1  100.0%   100.0%   0.0%*\n" +
            "2024-03     0       -        -*\n" +
            "2024-04     0       -*\n" +
            "All         3  100.0%    66.7%   0.0%\n",
            text);
        Assert.Equal(
            "Cohort   Size      0       1       2       3\n" +
            "2024-01     2  10.00   20.00   20.00   20.00*\n" +
            "2024-02     1  12.00   20.00   20.00*\n" +
            "2024-03     0      -       -*\n" +
            "2024-04     0      -*\n" +
            "All         3  10.67   20.00   20.00\n",
            Shop(D(2024, 4, 15)).ToText(CohortMeasure.CumulativeRevenuePerMember));
    }

    [Fact]
    public void Compute_Errors_NameTheArgument()
    {
        var h = PurchaseHistory.Create(s_shop);
        var before = Assert.Throws<ArgumentOutOfRangeException>(() => Metrics.Cohorts.Compute(h, D(2024, 1, 14)));
        Assert.Equal("asOf", before.ParamName);
        Assert.Throws<ArgumentNullException>(() => Metrics.Cohorts.Compute(null!, D(2024, 1, 14)));

        var rolling = Assert.Throws<ArgumentException>(() => Metrics.Cohorts.Compute(h, D(2024, 4, 1), new CohortOptions { RollingDays = -1 }));
        Assert.Equal("options", rolling.ParamName);
        Assert.Contains("options.RollingDays is -1", rolling.Message, StringComparison.Ordinal);

        var overlap = Assert.Throws<ArgumentException>(() => Metrics.Cohorts.Compute(h, D(2024, 4, 1),
            new CohortOptions { Brackets = [new(1, 7), new(7, 30)] }));
        Assert.Equal("options", overlap.ParamName);
        Assert.Contains("options.Brackets[1].FirstDay is 7", overlap.Message, StringComparison.Ordinal);

        var inverted = Assert.Throws<ArgumentException>(() => Metrics.Cohorts.Compute(h, D(2024, 4, 1),
            new CohortOptions { Brackets = [new(1, 7), new(9, 8)] }));
        Assert.Contains("options.Brackets[1].LastDay is 8", inverted.Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentException>(() => Metrics.Cohorts.Compute(h, D(2024, 4, 1), new CohortOptions { Brackets = [] }));
        Assert.Throws<ArgumentException>(() => Metrics.Cohorts.Compute(h, D(2024, 4, 1), new CohortOptions { RollingDays = 7, Brackets = [new(0, 1)] }));
        Assert.Throws<ArgumentException>(() => Metrics.Cohorts.Compute(h, D(2024, 4, 1), new CohortOptions { Unit = (PeriodUnit)9 }));

        var tooBig = Assert.Throws<ArgumentException>(() => Metrics.Cohorts.Compute(
            PurchaseHistory.Create([new Purchase(0, D(1900, 1, 1), 1m)]), D(2024, 1, 1), new CohortOptions { Unit = PeriodUnit.Day }));
        Assert.Equal("options", tooBig.ParamName);
    }

    [Fact]
    public void Accessors_OutOfRange_Throw()
    {
        var t = Shop(D(2024, 4, 15));
        Assert.Equal("cohort", Assert.Throws<ArgumentOutOfRangeException>(() => t.Retention(4, 0)).ParamName);
        Assert.Equal("period", Assert.Throws<ArgumentOutOfRangeException>(() => t.Retention(0, 4)).ParamName);
        Assert.Equal("cohort", Assert.Throws<ArgumentOutOfRangeException>(() => t.ActiveRow(-1)).ParamName);
        Assert.Equal("period", Assert.Throws<ArgumentOutOfRangeException>(() => t[0, -1]).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => t.ToText((CohortMeasure)42));
    }

    [Fact]
    public void Indexer_ReturnsEveryMeasure()
    {
        var cell = Shop(D(2024, 4, 15))[0, 1];
        Assert.Equal(new CohortCell(1, CohortCellState.Observed, new Rate(1, 2), new Rate(1, 2), 1, 20m, 40m, 10m, 20m), cell);
        Assert.Equal(1, cell.Active);
        Assert.True(cell.IsObserved);
    }
}
