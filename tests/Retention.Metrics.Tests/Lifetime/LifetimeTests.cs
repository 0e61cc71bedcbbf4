using Ltv = global::Retention.Metrics.Lifetime;
using Retention.Metrics.Tests.Infrastructure;
using Retention.Metrics.Tests.Reference;

namespace Retention.Metrics.Tests.Lifetime;

public class LifetimeTests
{
    private static readonly DateOnly s_start = new(2024, 1, 5);

    // Customer 0: 2,000 then 4,000 × 8 then 7,000 (the 実績LTV example: 41,000). Customer 1: one order of 1,000 on 2024-03-01.
    private static Purchase[] Example()
    {
        var list = new List<Purchase> { new(0, s_start, 2000m) };
        for (int k = 1; k <= 8; k++) list.Add(new Purchase(0, s_start.AddMonths(k), 4000m));
        list.Add(new Purchase(0, s_start.AddMonths(9), 7000m));
        list.Add(new Purchase(1, new DateOnly(2024, 3, 1), 1000m));
        return list.ToArray();
    }

    [Fact]
    public void Historical_OneCustomerExample_Is41000()
    {
        // 2,000 + 4,000 × 8 + 7,000 = 41,000 (tsuhan-marketing 実績LTV example).
        PurchaseHistory history = PurchaseHistory.Create(Example().Where(p => p.Customer == 0).ToArray());
        LtvResult result = Ltv.Historical(history, new DateOnly(2024, 12, 31));
        Assert.Equal(new LtvResult(1, 10, 41000m), result);
        Assert.Equal(41000m, result.PerCustomer);
        Assert.Equal(4100m, result.AverageOrderValue);
    }

    [Fact]
    public void Historical_AsOfCutsLaterOrdersAndLaterCustomers()
    {
        PurchaseHistory history = PurchaseHistory.Create(Example());
        // asOf 2024-02-29: customer 0 has 2,000 (Jan 5) + 4,000 (Feb 5); customer 1 not yet acquired.
        Assert.Equal(new LtvResult(1, 2, 6000m), Ltv.Historical(history, new DateOnly(2024, 2, 29)));
        // asOf 2024-03-01 (inclusive): customer 1 joins with 1,000 → 7,000 / 2 = 3,500.
        LtvResult march = Ltv.Historical(history, new DateOnly(2024, 3, 1));
        Assert.Equal(new LtvResult(2, 3, 7000m), march);
        Assert.Equal(3500m, march.PerCustomer);
    }

    [Fact]
    public void AnnualPeriod_WindowExcludesStartDayIncludesAsOf()
    {
        PurchaseHistory history = PurchaseHistory.Create(Example());
        // 12 months to 2025-01-05 is (2024-01-05, 2025-01-05]: the first 2,000 (on 2024-01-05) is out → 39,000 + 1,000 over 2 customers.
        LtvResult excluded = Ltv.AnnualPeriod(history, new DateOnly(2025, 1, 5));
        Assert.Equal(new LtvResult(2, 10, 40000m), excluded);
        // One day earlier the window (2024-01-04, 2025-01-04] includes it.
        Assert.Equal(new LtvResult(2, 11, 42000m), Ltv.AnnualPeriod(history, new DateOnly(2025, 1, 4)));
        // 3 months to 2024-12-31: only customer 0's 7,000 on 2024-10-05.
        Assert.Equal(new LtvResult(1, 1, 7000m), Ltv.AnnualPeriod(history, new DateOnly(2024, 12, 31), 3));
    }

    [Fact]
    public void ByCohort_Example_CellsAndCensoring()
    {
        PurchaseHistory history = PurchaseHistory.Create(Example());
        CohortLtvResult table = Ltv.ByCohort(history, new DateOnly(2024, 12, 31), [3, 12]);
        Assert.Equal(12, table.CohortCount); // January … December 2024
        Assert.Equal(new DateOnly(2024, 1, 1), table.CohortStart(0));
        Assert.Equal(1, table.CohortSize(0));
        Assert.Equal(1, table.CohortSize(2));
        Assert.Equal(0, table.CohortSize(1));
        // January cohort, 3 months: [Jan 5, Apr 5) → 2,000 + 4,000 (Feb 5) + 4,000 (Mar 5) = 10,000.
        Assert.Equal(new LtvResult(1, 3, 10000m), table.Cell(0, 0));
        Assert.False(table.IsCensored(0, 0)); // Jan 31 + 3 months = Apr 30 ≤ Dec 31 + 1
        // 12 months: all 41,000 so far, but Jan 31 + 12 months = 2025-01-31 > 2025-01-01: censored.
        Assert.Equal(41000m, table.Cell(0, 1).Revenue);
        Assert.True(table.IsCensored(0, 1));
        // March cohort (customer 1): 1,000 at both horizons.
        Assert.Equal(1000m, table.Cell(2, 0).Revenue);
        // Pooled 3-month value over complete cohorts (Jan … Sep): (10,000 + 1,000) / 2.
        LtvResult pooled = table.Pooled(0);
        Assert.Equal(new LtvResult(2, 4, 11000m), pooled);
        Assert.Equal(5500m, pooled.PerCustomer);
        Assert.Equal(default, table.Pooled(1));
        Assert.True(table.IsCensored(9, 0)); // October: Oct 31 + 3 months = Jan 31
        Assert.False(table.IsCensored(8, 0)); // September: Sep 30 + 3 months = Dec 30
    }

    [Fact]
    public void ByCohort_CensoringBoundary_BothSides()
    {
        PurchaseHistory history = PurchaseHistory.Create([new Purchase(0, new DateOnly(2024, 1, 10), 10m)]);
        // January, 1 month: Jan 31 + 1 month = Feb 29 (2024); complete when asOf + 1 ≥ Feb 29, i.e. asOf ≥ Feb 28.
        Assert.True(Ltv.ByCohort(history, new DateOnly(2024, 2, 27), [1]).IsCensored(0, 0));
        Assert.False(Ltv.ByCohort(history, new DateOnly(2024, 2, 28), [1]).IsCensored(0, 0));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ByCohort_RandomHistories_MatchesOracle(int seed)
    {
        Purchase[] purchases = RandomHistories.Purchases(seed, 300);
        PurchaseHistory history = PurchaseHistory.Create(purchases);
        var asOf = new DateOnly(2024, 8, 17);
        int[] horizons = [1, 3, 6, 12, 24];
        CohortLtvResult table = Ltv.ByCohort(history, asOf, horizons);
        var oracle = LifetimeOracle.ByCohort(purchases, asOf, horizons);
        long members = 0;
        for (int k = 0; k < table.CohortCount; k++)
        {
            for (int j = 0; j < horizons.Length; j++)
            {
                var expected = oracle.GetValueOrDefault((table.CohortStart(k), horizons[j]));
                Assert.Equal(new LtvResult(expected.Size, expected.Orders, expected.Revenue), table.Cell(k, j));
            }
            members += table.CohortSize(k);
        }
        Assert.Equal(LifetimeOracle.Historical(purchases, asOf).Customers, members);
        var historical = LifetimeOracle.Historical(purchases, asOf);
        Assert.Equal(new LtvResult(historical.Customers, historical.Orders, historical.Revenue), Ltv.Historical(history, asOf));
        var annual = LifetimeOracle.AnnualPeriod(purchases, asOf, 12);
        Assert.Equal(new LtvResult(annual.Customers, annual.Orders, annual.Revenue), Ltv.AnnualPeriod(history, asOf));
    }

    [Fact]
    public void ByCohort_CombineOfCustomerSplit_EqualsWhole()
    {
        Purchase[] purchases = RandomHistories.Purchases(11, 200);
        var asOf = new DateOnly(2025, 6, 30);
        int[] horizons = [3, 12];
        CohortLtvResult whole = Ltv.ByCohort(PurchaseHistory.Create(purchases), asOf, horizons);
        CohortLtvResult left = Ltv.ByCohort(PurchaseHistory.Create(purchases.Where(p => p.Customer % 2 == 0).ToArray()), asOf, horizons);
        CohortLtvResult right = Ltv.ByCohort(PurchaseHistory.Create(purchases.Where(p => p.Customer % 2 == 1).ToArray()), asOf, horizons);
        CohortLtvResult combined = CohortLtvResult.Combine(left, right);
        for (int j = 0; j < horizons.Length; j++) Assert.Equal(whole.Pooled(j), combined.Pooled(j));
        int offset = whole.CohortCount - combined.CohortCount;
        for (int k = 0; k < combined.CohortCount; k++)
            for (int j = 0; j < horizons.Length; j++) Assert.Equal(whole.Cell(k + offset, j), combined.Cell(k, j));
    }

    [Fact]
    public void AnnualCohort_IsByCohortAtTwelveMonths()
    {
        PurchaseHistory history = PurchaseHistory.Create(Example());
        CohortLtvResult annual = Ltv.AnnualCohort(history, new DateOnly(2025, 3, 1));
        Assert.Equal(12, annual.HorizonMonths[0]);
        // January 2024 cohort complete by 2025-03-01 (Jan 31 + 12 months = 2025-01-31): all 41,000.
        Assert.False(annual.IsCensored(0, 0));
        Assert.Equal(41000m, annual.Cell(0, 0).Revenue);
    }

    [Fact]
    public void ByCohort_BadHorizons_NameIndex()
    {
        PurchaseHistory history = PurchaseHistory.Create(Example());
        var ex = Assert.Throws<ArgumentException>(() => Ltv.ByCohort(history, new DateOnly(2024, 12, 31), [3, 3]));
        Assert.Equal("horizonMonths", ex.ParamName);
        Assert.Contains("horizonMonths[1]", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Ltv.ByCohort(history, new DateOnly(2024, 12, 31), []));
        Assert.Equal("asOf", Assert.Throws<ArgumentOutOfRangeException>(() => Ltv.ByCohort(history, new DateOnly(2023, 12, 31), [3])).ParamName);
    }

    [Fact]
    public void Empty_History_GivesEmptyResults()
    {
        var asOf = new DateOnly(2024, 1, 1);
        Assert.Equal(default, Ltv.Historical(PurchaseHistory.Empty, asOf));
        Assert.Equal(default, Ltv.AnnualPeriod(PurchaseHistory.Empty, asOf));
        Assert.Equal(0, Ltv.ByCohort(PurchaseHistory.Empty, asOf, [3]).CohortCount);
        Assert.Equal(0m, default(LtvResult).PerCustomer);
    }

    [Fact]
    public void Contribution_HandWorked()
    {
        PurchaseHistory history = PurchaseHistory.Create(Example());
        var costs = new ContributionCosts
        {
            MarginRate = 0.6, PaymentFeeRate = 0.03, PaymentFeePerOrder = 10m, ShippingPerOrder = 500m, PackingPerOrder = 90m, PointsRate = 0.01, ReturnLossRate = 0.01,
        };
        // Revenue 42,000 over 11 orders, 2 customers: 42,000 × (0.6 − 0.03 − 0.01 − 0.01) − 11 × 600 = 23,100 − 6,600 = 16,500 → 8,250 per customer.
        ContributionLtvResult result = Ltv.Contribution(history, new DateOnly(2024, 12, 31), costs);
        Assert.Equal(new ContributionLtvResult(2, 11, 42000m, 16500m), result);
        Assert.Equal(8250m, result.PerCustomer);
        Assert.Equal("costs.MarginRate", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Ltv.Contribution(history, new DateOnly(2024, 12, 31), costs with { MarginRate = 1.5 })).ParamName);
    }

    [Fact]
    public void GrossMargin_IsLtvTimesRate()
    {
        // 41,000 × 0.35 = 14,350.
        Assert.Equal(14350m, Ltv.GrossMargin(41000m, 0.35));
        Assert.Equal("marginRate", Assert.Throws<ArgumentOutOfRangeException>(() => Ltv.GrossMargin(1m, -0.1)).ParamName);
    }

    [Fact]
    public void FormulaLtvs_HandWorked()
    {
        // 基本LTV: 4,000 × 2 per year × 1 year = 8,000; against a CPO of 10,000 the ratio is 0.8.
        decimal basic = Ltv.Basic(4000m, 2, 1);
        Assert.Equal(8000m, basic);
        Assert.Equal(0.8, Ltv.LtvToCpo(basic, 10000m), 12);
        // 解約率LTV: 3,000 × 0.7 / 0.05 = 42,000.
        Assert.Equal(42000m, Ltv.FromChurn(3000m, 0.7, 0.05));
        // 定期: 500 + 4,000 × (0.6 + 0.3) = 4,100.
        Assert.Equal(4100m, Ltv.Subscription(500m, 4000m, [1.0, 0.6, 0.3]));
        Assert.Equal(0m, Ltv.Subscription(500m, 4000m, []));
        var ex = Assert.Throws<ArgumentException>(() => Ltv.Subscription(500m, 4000m, [1.0, 1.2]));
        Assert.Contains("continuation[1]", ex.Message, StringComparison.Ordinal);
        Assert.Equal("churnRate", Assert.Throws<ArgumentOutOfRangeException>(() => Ltv.FromChurn(1m, 1, 0)).ParamName);
        Assert.Equal("acquisitionCost", Assert.Throws<ArgumentOutOfRangeException>(() => Ltv.LtvToCpo(1m, 0m)).ParamName);
    }

    [Fact]
    public void Discounted_HandWorked()
    {
        // 1,000 + 1,100/1.1 + 1,210/1.21 = 3,000 (period 0 undiscounted).
        Assert.Equal(3000d, (double)Ltv.Discounted([1000m, 1100m, 1210m], 0.1), 9);
        Assert.Equal(3310m, Ltv.Discounted([1000m, 1100m, 1210m], 0));
        Assert.Equal(0m, Ltv.Discounted([], 0.05));
    }

    [Fact]
    public void Payback_RazorExample()
    {
        // webase razor example: −600 at the start, +1,800 by month 3. Margins −600, +700, +800, +900 against a CPO of 0 after
        // the initial loss: cumulative −600, 100, 900, 1,800 → reaches 900 at period 2, 1,800 at period 3.
        PaybackResult result = Ltv.Payback([-600m, 700m, 800m, 900m], 900m);
        Assert.Equal(new PaybackResult(true, 2, 900m, 900m), result);
        Assert.Equal(1d, result.Ratio);
        PaybackResult never = Ltv.Payback([-600m, 700m, 800m, 900m], 5000m);
        Assert.False(never.Reached);
        Assert.Equal(-1, never.Period);
        Assert.Equal(1800m, never.CumulativeMargin);
        Assert.Equal(0.36, never.Ratio, 12);
    }
}
