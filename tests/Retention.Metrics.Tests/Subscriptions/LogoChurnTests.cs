using Retention.Metrics.Tests.Infrastructure;
using Retention.Metrics.Tests.Reference;

namespace Retention.Metrics.Tests.Subscriptions;

public class LogoChurnTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    // The hand-worked ledger of docs/metrics/churn.md (months January–March 2024):
    //   #0 2023-12-10 .. open        opening in Jan, Feb, Mar
    //   #1 2023-11-01 .. 2024-01-31  opening Jan, cancelled on Jan's last day → a January cancellation
    //   #2 2024-01-01 .. open        sign-up on Jan's first day → new in Jan (not opening), opening Feb, Mar
    //   #3 2024-01-15 .. 2024-01-20  new and cancelled in Jan
    //   #4 2023-06-01 .. 2024-02-01  opening Jan, Feb; cancelled on Feb's first day → a February cancellation
    //   #5 2024-02-29 .. 2024-03-31  leap-day sign-up → new in Feb; opening Mar; cancelled Mar
    //   #6 2023-12-31 .. 2024-01-01  opening Jan (it was a subscriber at the close of Dec 31); cancelled Jan
    //   #7 2024-03-10 .. open        new in Mar
    //   #8 2023-01-01 .. 2023-12-31  cancelled before the range: nowhere
    //   #9 2024-04-01 .. open        after the range: nowhere
    internal static readonly Subscription[] Ledger =
    [
        new(0, 0, D(2023, 12, 10), null),
        new(1, 1, D(2023, 11, 1), D(2024, 1, 31)),
        new(2, 2, D(2024, 1, 1), null),
        new(3, 3, D(2024, 1, 15), D(2024, 1, 20)),
        new(4, 4, D(2023, 6, 1), D(2024, 2, 1)),
        new(5, 5, D(2024, 2, 29), D(2024, 3, 31)),
        new(6, 6, D(2023, 12, 31), D(2024, 1, 1)),
        new(7, 7, D(2024, 3, 10), null),
        new(8, 8, D(2023, 1, 1), D(2023, 12, 31)),
        new(9, 9, D(2024, 4, 1), null),
    ];

    [Fact]
    public void LogoChurn_HandWorkedLedger_Counts()
    {
        var series = Churn.LogoChurn(SubscriptionLedger.Create(Ledger), D(2024, 1, 15), D(2024, 3, 2));
        Assert.Equal(3, series.Count);
        // Jan: opening {0,1,4,6} = 4, new {2,3} = 2, cancelled {1,3,6} = 3, new-and-cancelled {3} = 1, closing 4 + 2 − 3 = 3.
        Assert.Equal(new LogoChurnPeriod(D(2024, 1, 1), D(2024, 1, 31), 4, 2, 3, 1, LogoChurnVariant.StartOfPeriod), series[0]);
        Assert.Equal(3, series[0].Closing);
        // Feb: opening {0,2,4} = 3, new {5} = 1, cancelled {4} = 1, closing 3.
        Assert.Equal(new LogoChurnPeriod(D(2024, 2, 1), D(2024, 2, 29), 3, 1, 1, 0, LogoChurnVariant.StartOfPeriod), series[1]);
        // Mar: opening {0,2,5} = 3, new {7} = 1, cancelled {5} = 1, closing 3 = {0,2,7}.
        Assert.Equal(new LogoChurnPeriod(D(2024, 3, 1), D(2024, 3, 31), 3, 1, 1, 0, LogoChurnVariant.StartOfPeriod), series[2]);
        Assert.Equal(series[0].Closing, series[1].Opening);
        Assert.Equal(series[1].Closing, series[2].Opening);
    }

    [Fact]
    public void LogoChurn_StartOfPeriod_HandWorked()
    {
        var series = Churn.LogoChurn(SubscriptionLedger.Create(Ledger), D(2024, 1, 1), D(2024, 3, 31));
        // Jan: (3 − 1) / 4 = 50 %; Feb: 1 / 3; Mar: 1 / 3.
        Assert.Equal(new Rate(2, 4), series[0].Churn);
        Assert.Equal(new Rate(1, 3), series[1].Churn);
        Assert.Equal(new Rate(1, 3), series[2].Churn);
        Assert.Equal(LogoChurnVariant.StartOfPeriod, series.Variant);
    }

    [Fact]
    public void LogoChurn_IncludeNewInDenominator_HandWorked()
    {
        var series = Churn.LogoChurn(SubscriptionLedger.Create(Ledger), D(2024, 1, 1), D(2024, 3, 31), PeriodUnit.Month, LogoChurnVariant.IncludeNewInDenominator);
        // Jan: 3 / (4 + 2) = 50 %; Feb: 1 / (3 + 1) = 25 %; Mar: 1 / (3 + 1).
        Assert.Equal(new Rate(3, 6), series[0].Churn);
        Assert.Equal(new Rate(1, 4), series[1].Churn);
        Assert.Equal(new Rate(1, 4), series[2].Churn);
    }

    [Fact]
    public void LogoChurn_ExcludeSamePeriodNewCancelled_HandWorked()
    {
        var series = Churn.LogoChurn(SubscriptionLedger.Create(Ledger), D(2024, 1, 1), D(2024, 3, 31), PeriodUnit.Month, LogoChurnVariant.ExcludeSamePeriodNewCancelled);
        // Jan: (3 − 1) / (4 + 2 − 1) = 2 / 5 = 40 %; Feb: 1 / 4; Mar: 1 / 4.
        Assert.Equal(new Rate(2, 5), series[0].Churn);
        Assert.Equal(new Rate(1, 4), series[1].Churn);
        Assert.Equal(new Rate(1, 4), series[2].Churn);
        Assert.Equal(new Rate(2, 4), series[0].ChurnFor(LogoChurnVariant.StartOfPeriod));
    }

    [Fact]
    public void LogoChurn_Quarter_HandWorked()
    {
        var q = Churn.LogoChurn(SubscriptionLedger.Create(Ledger), D(2024, 2, 10), D(2024, 2, 10), PeriodUnit.Quarter);
        // Q1 2024: opening {0,1,4,6} = 4, new {2,3,5,7} = 4, cancelled {1,3,4,5,6} = 5, new-and-cancelled {3,5} = 2; (5 − 2) / 4.
        var p = Assert.Single(q.Periods.ToArray());
        Assert.Equal(new LogoChurnPeriod(D(2024, 1, 1), D(2024, 3, 31), 4, 4, 5, 2, LogoChurnVariant.StartOfPeriod), p);
        Assert.Equal(new Rate(3, 4), p.Churn);
        Assert.Equal(3, p.Closing);
    }

    [Fact]
    public void LogoChurn_Weeks_MatchOracle()
    {
        var weeks = Churn.LogoChurn(SubscriptionLedger.Create(Ledger), D(2023, 12, 20), D(2024, 3, 5), PeriodUnit.Week, weekStart: DayOfWeek.Sunday);
        var expected = SubscriptionOracle.Periods(D(2023, 12, 17), D(2024, 3, 5), PeriodUnit.Day)
            .Where(p => p.Start.DayOfWeek == DayOfWeek.Sunday)
            .Select(p => SubscriptionOracle.Window(Ledger, p.Start, p.Start.AddDays(6))).ToList();
        Assert.Equal(expected.Count, weeks.Count);
        for (int i = 0; i < expected.Count; i++) AssertSame(expected[i], weeks[i]);
    }

    [Fact]
    public void LogoChurnTrailing_30Days_HandWorked()
    {
        // Window [2024-01-02, 2024-01-31]: opening {0,1,2,4} = 4 (#6 ended on Jan 1, #2 started on Jan 1, before the window);
        // new {3} = 1; cancelled {1,3} = 2; new-and-cancelled {3} = 1; (2 − 1) / 4 = 25 %.
        var w = Churn.LogoChurnTrailing(SubscriptionLedger.Create(Ledger), D(2024, 1, 31));
        Assert.Equal(new LogoChurnPeriod(D(2024, 1, 2), D(2024, 1, 31), 4, 1, 2, 1, LogoChurnVariant.StartOfPeriod), w);
        Assert.Equal(new Rate(1, 4), w.Churn);
        Assert.Equal(new Rate(2, 5), Churn.LogoChurnTrailing(SubscriptionLedger.Create(Ledger), D(2024, 1, 31), 30, LogoChurnVariant.IncludeNewInDenominator).Churn);
    }

    [Fact]
    public void LogoChurnTrailing_OneDay_IsThatDay()
    {
        // 2024-01-01: opening {0,1,4,6} (started before Jan 1, not cancelled before it), new {2}, cancelled {6}.
        var w = Churn.LogoChurnTrailing(SubscriptionLedger.Create(Ledger), D(2024, 1, 1), 1);
        Assert.Equal(new LogoChurnPeriod(D(2024, 1, 1), D(2024, 1, 1), 4, 1, 1, 0, LogoChurnVariant.StartOfPeriod), w);
    }

    [Fact]
    public void LogoChurn_EmptyLedger_ZeroCounts()
    {
        var series = Churn.LogoChurn(SubscriptionLedger.Empty, D(2024, 1, 1), D(2024, 6, 30));
        Assert.Equal(6, series.Count);
        foreach (var p in series.Periods)
        {
            Assert.Equal(0, p.Opening + p.New + p.Cancelled + p.NewCancelled);
            Assert.False(p.Churn.IsDefined);
        }
        Assert.Equal(0, Churn.LogoChurnTrailing(SubscriptionLedger.Empty, D(2024, 1, 1)).Opening);
    }

    [Fact]
    public void LogoChurn_OneSubscription_SignUpFirstDayCancelLastDay()
    {
        // Sign-up on Feb 1 and cancellation on Mar 31: new in Feb, opening in Mar, cancelled in Mar → March churn 1 / 1.
        var ledger = SubscriptionLedger.Create([new Subscription(0, 0, D(2024, 2, 1), D(2024, 3, 31))]);
        var s = Churn.LogoChurn(ledger, D(2024, 1, 1), D(2024, 4, 30));
        Assert.Equal((0L, 0L, 0L), (s[0].Opening, s[0].New, s[0].Cancelled));
        Assert.Equal((0L, 1L, 0L, 1L), (s[1].Opening, s[1].New, s[1].Cancelled, s[1].Closing));
        Assert.Equal(new Rate(1, 1), s[2].Churn);
        Assert.Equal((0L, 0L, 0L), (s[3].Opening, s[3].New, s[3].Cancelled));
    }

    [Fact]
    public void LogoChurn_SeededLedgers_MatchOracle()
    {
        foreach (var unit in new[] { PeriodUnit.Day, PeriodUnit.Week, PeriodUnit.Month, PeriodUnit.Quarter, PeriodUnit.Year })
        {
            for (int seed = 0; seed < 6; seed++)
            {
                var c = RandomSubscriptions.Create(seed, 200);
                DateOnly from = unit == PeriodUnit.Day ? D(2023, 12, 20) : D(2023, 3, 15);
                DateOnly to = unit == PeriodUnit.Day ? D(2024, 2, 10) : D(2024, 11, 2);
                var actual = Churn.LogoChurn(c.Ledger(), from, to, unit, LogoChurnVariant.StartOfPeriod, DayOfWeek.Monday);
                var expected = SubscriptionOracle.LogoChurn(c.Subscriptions, from, to, unit);
                Assert.Equal(expected.Count, actual.Count);
                for (int i = 0; i < expected.Count; i++) AssertSame(expected[i], actual[i]);
                var asOf = from.AddDays(seed * 37);
                var w = Churn.LogoChurnTrailing(c.Ledger(), asOf);
                AssertSame(SubscriptionOracle.Window(c.Subscriptions, asOf.AddDays(-29), asOf), w);
            }
        }
    }

    [Fact]
    public void LogoChurn_EveryLength0To256_MatchesOracle()
    {
        var from = new DateOnly(2023, 1, 1);
        var to = new DateOnly(2025, 2, 28);
        for (int n = 0; n <= 256; n++)
        {
            var c = RandomSubscriptions.Create(n, n);
            var actual = Churn.LogoChurn(c.Ledger(), from, to);
            var expected = SubscriptionOracle.LogoChurn(c.Subscriptions, from, to, PeriodUnit.Month);
            Assert.Equal(expected.Count, actual.Count);
            for (int i = 0; i < expected.Count; i++) AssertSame(expected[i], actual[i]);
        }
    }

    private static void AssertSame(SubscriptionOracle.ChurnCounts expected, LogoChurnPeriod actual)
    {
        Assert.Equal(expected.Start, actual.Start);
        Assert.Equal(expected.End, actual.End);
        Assert.Equal((expected.Opening, expected.New, expected.Cancelled, expected.NewCancelled),
            (actual.Opening, actual.New, actual.Cancelled, actual.NewCancelled));
    }

    [Fact]
    public void Annualize_FivePercentMonthly_Is45Point96Percent()
    {
        // 1 − 0.95¹² = 1 − 0.540360087662636 = 0.459639912337364 (not 5 % × 12 = 60 %).
        Assert.Equal(0.459639912337364, Churn.Annualize(0.05), 12);
        Assert.Equal(0d, Churn.Annualize(0d));
        Assert.Equal(1d, Churn.Annualize(1d));
        Assert.Equal(0.1, Churn.Annualize(0.1, 1), 15);
        Assert.Equal(1 - Math.Pow(0.9, 4), Churn.Annualize(0.1, 4), 15);
    }

    [Fact]
    public void Errors_NameTheParameter()
    {
        var ledger = SubscriptionLedger.Create(Ledger);
        Assert.Equal("to", Assert.Throws<ArgumentOutOfRangeException>(() => Churn.LogoChurn(ledger, D(2024, 2, 1), D(2024, 1, 31))).ParamName);
        Assert.Equal("unit", Assert.Throws<ArgumentOutOfRangeException>(() => Churn.LogoChurn(ledger, D(2024, 1, 1), D(2024, 1, 31), (PeriodUnit)9)).ParamName);
        Assert.Equal("variant", Assert.Throws<ArgumentOutOfRangeException>(() => Churn.LogoChurn(ledger, D(2024, 1, 1), D(2024, 1, 31), PeriodUnit.Month, (LogoChurnVariant)5)).ParamName);
        Assert.Equal("ledger", Assert.Throws<ArgumentNullException>(() => Churn.LogoChurn(null!, D(2024, 1, 1), D(2024, 1, 31))).ParamName);
        Assert.Equal("days", Assert.Throws<ArgumentOutOfRangeException>(() => Churn.LogoChurnTrailing(ledger, D(2024, 1, 1), 0)).ParamName);
        Assert.Equal("periodRate", Assert.Throws<ArgumentOutOfRangeException>(() => Churn.Annualize(double.NaN)).ParamName);
        Assert.Equal("periodRate", Assert.Throws<ArgumentOutOfRangeException>(() => Churn.Annualize(1.5)).ParamName);
        Assert.Equal("periodsPerYear", Assert.Throws<ArgumentOutOfRangeException>(() => Churn.Annualize(0.1, 0)).ParamName);
        var a = Churn.LogoChurn(ledger, D(2024, 1, 1), D(2024, 2, 1));
        var b = Churn.LogoChurn(ledger, D(2024, 1, 1), D(2024, 3, 1));
        Assert.Equal("right", Assert.Throws<ArgumentException>(() => LogoChurnSeries.Combine(a, b)).ParamName);
        Assert.Equal("right", Assert.Throws<ArgumentException>(() => LogoChurnPeriod.Combine(a[0], a[1])).ParamName);
    }
}
