using Retention.Metrics.Tests.Infrastructure;
using Retention.Metrics.Tests.Reference;

namespace Retention.Metrics.Tests.Cohorts;

/// <summary>The fast cohort pass against the naive LINQ oracle on seeded random shops, and against figures derived by hand from the CDNOW sample.</summary>
public class CohortsReferenceTests
{
    public static TheoryData<string> OptionNames() => [.. s_options.Keys];

    private static readonly Dictionary<string, (CohortOptions Options, int Days)> s_options = new()
    {
        ["month-on"] = (new CohortOptions(), 3 * 365),
        ["month-onorafter"] = (new CohortOptions { Retention = CohortRetention.OnOrAfter }, 3 * 365),
        ["quarter-on"] = (new CohortOptions { Unit = PeriodUnit.Quarter }, 3 * 365),
        ["year-onorafter"] = (new CohortOptions { Unit = PeriodUnit.Year, Retention = CohortRetention.OnOrAfter }, 3 * 365),
        ["week-iso-on"] = (new CohortOptions { Unit = PeriodUnit.Week }, 200),
        ["week-sunday-onorafter"] = (new CohortOptions { Unit = PeriodUnit.Week, WeekStart = DayOfWeek.Sunday, Retention = CohortRetention.OnOrAfter }, 200),
        ["week-wednesday-on"] = (new CohortOptions { Unit = PeriodUnit.Week, WeekStart = DayOfWeek.Wednesday }, 200),
        ["day-on"] = (new CohortOptions { Unit = PeriodUnit.Day }, 60),
        ["rolling-30-month"] = (new CohortOptions { RollingDays = 30 }, 3 * 365),
        ["rolling-7-week-onorafter"] = (new CohortOptions { Unit = PeriodUnit.Week, RollingDays = 7, Retention = CohortRetention.OnOrAfter }, 200),
        ["rolling-1-day"] = (new CohortOptions { Unit = PeriodUnit.Day, RollingDays = 1 }, 60),
        ["brackets-month"] = (new CohortOptions { Brackets = [new(0, 0), new(1, 7), new(8, 30), new(31, 90), new(200, 400)] }, 3 * 365),
        ["brackets-gaps-onorafter"] = (new CohortOptions { Brackets = [new(1, 7), new(31, 90)], Retention = CohortRetention.OnOrAfter }, 3 * 365),
    };

    [Theory]
    [MemberData(nameof(OptionNames))]
    public void Compute_SeededRandomShops_EqualsLinqOracle(string name)
    {
        (CohortOptions options, int days) = s_options[name];
        for (int customers = 0; customers <= 60; customers += customers < 12 ? 1 : 12)
        {
            Purchase[] purchases = RandomHistories.Purchases(seed: 1000 + customers, customers, days);
            var history = PurchaseHistory.Create(purchases);
            if (history.IsEmpty) continue;
            // asOf in the middle of the range, at the very end, and exactly on the first purchase day.
            foreach (DateOnly asOf in new[]
            {
                history.FirstDate, history.FirstDate.AddDays(days / 2), history.LastDate, RandomHistories.Start.AddDays(days + 40),
            })
            {
                var expected = CohortsOracle.Compute(purchases, asOf, options);
                var actual = Metrics.Cohorts.Compute(history, asOf, options);
                CohortsOracle.AssertEqual(expected, actual);
            }
        }
    }

    [Fact]
    public void ComputeSegmented_SeededRandomShop_EachSegmentEqualsOracleOfItsCustomers()
    {
        Purchase[] purchases = RandomHistories.Purchases(seed: 7, customers: 300);
        var history = PurchaseHistory.Create(purchases);
        var segments = new int[history.CustomerCount];
        for (int p = 0; p < segments.Length; p++) segments[p] = history.CustomerIds[p] % 3;
        DateOnly asOf = history.FirstDate.AddDays(500);
        var options = new CohortOptions { Retention = CohortRetention.OnOrAfter };
        CohortTable[] tables = Metrics.Cohorts.ComputeSegmented(history, asOf, segments, 3, options);
        Assert.Equal(3, tables.Length);
        CohortTable whole = Metrics.Cohorts.Compute(history, asOf, options);
        for (int s = 0; s < 3; s++)
        {
            // Segments share the whole table's rows; the oracle of the segment's own purchases starts at its own first month,
            // so compare from the matching row.
            Purchase[] own = purchases.Where(p => p.Customer % 3 == s).ToArray();
            var expected = CohortsOracle.Compute(own, asOf, options);
            int offset = Array.IndexOf(tables[s].CohortStarts.ToArray(), expected.Starts[0]);
            Assert.True(offset >= 0);
            for (int r = 0; r < offset; r++) Assert.Equal(0, tables[s].CohortSizes[r]);
            for (int r = 0; r < expected.Starts.Length; r++)
            {
                Assert.Equal(expected.Sizes[r], tables[s].CohortSizes[r + offset]);
                for (int k = 0; k < expected.Cells.GetLength(1); k++)
                {
                    Assert.Equal(expected.Cells[r, k].Active, tables[s].Active(r + offset, k));
                    Assert.Equal(expected.Cells[r, k].Revenue, tables[s].Revenue(r + offset, k));
                    Assert.Equal(expected.Cells[r, k].State, tables[s].State(r + offset, k));
                }
            }
        }
        CohortTable combined = CohortTable.Combine(CohortTable.Combine(tables[0], tables[1]), tables[2]);
        CohortAssert.Equal(whole, combined);
    }

    // Figures derived independently from CDNOW_sample.txt with a one-line awk script (first month per sample id, month index
    // = 12·Δyear + Δmonth, distinct customers, rows and cents per cohort and index). All 2,357 customers first buy in
    // January–March 1997: 781 + 857 + 719.
    [Fact]
    public void Compute_CdnowSampleMonthly_ReproducesHandDerivedCohorts()
    {
        var history = TestData.History(TestData.CdnowSample);
        var t = Metrics.Cohorts.Compute(history, new DateOnly(1998, 6, 30));
        Assert.Equal(18, t.CohortCount); // January 1997 .. June 1998
        Assert.Equal(18, t.PeriodCount);
        Assert.Equal([781L, 857, 719], t.CohortSizes[..3].ToArray());
        Assert.Equal(2357, t.CustomerCount);
        for (int r = 3; r < 18; r++) Assert.Equal(0, t.CohortSizes[r]);

        // January 1997 cohort: k0 781 customers, 885 orders, $28,592.70; k1 124 (15.9 %), 180 orders, $7,003.73;
        // k17 (June 1998) 33 customers, $1,327.56.
        Assert.Equal(new Rate(781, 781), t.Retention(0, 0));
        Assert.Equal((885L, 28592.70m), (t.Orders(0, 0), t.Revenue(0, 0)));
        Assert.Equal(new Rate(124, 781), t.Retention(0, 1));
        Assert.Equal((180L, 7003.73m), (t.Orders(0, 1), t.Revenue(0, 1)));
        Assert.Equal([781L, 124, 95, 70, 65, 77, 65, 53, 52, 45, 62, 59, 45, 47, 63, 37, 37, 33], t.ActiveRow(0).ToArray());
        Assert.Equal(1327.56m, t.Revenue(0, 17));
        // February: 857, 134 (k1, $6,418.37), ... k16 (June 1998) 60, $2,581.67.
        Assert.Equal([857L, 134, 110, 75, 77, 75, 61, 61, 74, 70, 59, 57, 59, 70, 56, 59, 60], t.ActiveRow(1)[..17].ToArray());
        Assert.Equal(6418.37m, t.Revenue(1, 1));
        Assert.Equal(2581.67m, t.Revenue(1, 16));
        // March: 719, 87, ... k15 (June 1998) 45, $1,681.64.
        Assert.Equal([719L, 87, 84, 78, 63, 64, 55, 57, 73, 65, 47, 51, 78, 32, 38, 45], t.ActiveRow(2)[..16].ToArray());
        Assert.Equal(1681.64m, t.Revenue(2, 15));

        // 1998-06-30 ends June, so every started cell is observed. Cumulative revenue of the January cohort over all 18 months
        // equals its members' total spend.
        Assert.Equal(18, t.ObservedPeriods(0));
        Assert.Equal(16, t.ObservedPeriods(2));
        decimal januarySpend = TestData.CdnowSample
            .GroupBy(r => r.CustomerId)
            .Where(g => g.Min(r => r.Date) < new DateOnly(1997, 2, 1))
            .Sum(g => g.Sum(r => r.Dollars));
        Assert.Equal(januarySpend, t.CumulativeRevenue(0, 17));
        Assert.Equal(januarySpend / 781, t.CumulativeRevenuePerMember(0, 17));
        Assert.Equal(history.TotalAmount, t.CumulativeRevenue(0, 17) + t.CumulativeRevenue(1, 16) + t.CumulativeRevenue(2, 15));

        // Average curve at k1: (124 + 134 + 87) / 2,357 weighted; the simple mean of the three rates.
        CohortAveragePoint p1 = t.AverageCurve[1];
        Assert.Equal((3, new Rate(345, 2357)), (p1.Cohorts, p1.Retention));
        Assert.Equal((124d / 781 + 134d / 857 + 87d / 719) / 3, p1.SimpleMeanRetention, 12);
        // k17 is observed for January only.
        Assert.Equal((1, new Rate(33, 781)), (t.AverageCurve[17].Cohorts, t.AverageCurve[17].Retention));
    }

    // The triangle shown in docs/metrics/cohorts.md: CDNOW sample, monthly cohorts, asOf 1997-06-15 (mid-month, so the
    // last started column of every row is partial). Jan k1 = 124 / 781 = 15.9 %, Feb 134 / 857 = 15.6 %, Mar 87 / 719 = 12.1 %;
    // All k1 = 345 / 2,357 = 14.6 %.
    [Fact]
    public void ToText_CdnowSampleMidJune_MatchesDocumentedTriangle()
    {
        var t = Metrics.Cohorts.Compute(TestData.History(TestData.CdnowSample), new DateOnly(1997, 6, 15));
        Assert.Equal(
            """
            Cohort   Size       0       1       2      3      4      5
            1997-01   781  100.0%   15.9%   12.2%   9.0%   8.3%   3.3%*
            1997-02   857  100.0%   15.6%   12.8%   8.8%   3.5%*
            1997-03   719  100.0%   12.1%   11.7%   5.1%*
            1997-04     0       -       -       -*
            1997-05     0       -       -*
            1997-06     0       -*
            All      2357  100.0%   14.6%   12.3%   8.9%   8.3%

            """.ReplaceLineEndings("\n"),
            t.ToText());
        Assert.Equal(
            """
            Cohort   Size      0       1       2       3       4       5
            1997-01   781  36.61   45.58   51.01   55.82   60.73   62.17*
            1997-02   857  39.01   46.50   52.31   56.50   57.94*
            1997-03   719  45.64   51.34   56.15   58.19*
            1997-04     0      -       -       -*
            1997-05     0      -       -*
            1997-06     0      -*
            All      2357  40.24   47.67   53.05   56.18   60.73

            """.ReplaceLineEndings("\n"),
            t.ToText(CohortMeasure.CumulativeRevenuePerMember));
        // 36.61 = $28,592.70 / 781.
        Assert.Equal(28592.70m / 781, t.CumulativeRevenuePerMember(0, 0));
    }

    [Fact]
    public void Compute_CdnowMaster_EqualsLinqOracleMonthlyAndOnOrAfter()
    {
        var rows = TestData.CdnowMaster;
        var purchases = rows.Select(r => new Purchase(r.CustomerId, r.Date, r.Dollars)).ToArray();
        var history = PurchaseHistory.Create(purchases);
        foreach (var options in new[] { new CohortOptions(), new CohortOptions { Retention = CohortRetention.OnOrAfter }, new CohortOptions { Unit = PeriodUnit.Week, RollingDays = 28 } })
        {
            DateOnly asOf = new(1997, 9, 30);
            CohortsOracle.AssertEqual(CohortsOracle.Compute(purchases, asOf, options), Metrics.Cohorts.Compute(history, asOf, options));
        }
    }
}
