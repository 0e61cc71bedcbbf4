using Retention.Metrics.Tests.Infrastructure;
using Retention.Metrics.Tests.Reference;

namespace Retention.Metrics.Tests.Summaries;

public class SummariesTests
{
    private static readonly DateOnly D = new(2024, 1, 1);

    // Customer 5: 2024-01-01 (10 + 5, two orders on day 0), 2024-01-11 (20), 2024-01-31 (30), 2024-03-01 (99, after asOf).
    // As of 2024-02-01: orders 4, purchase days 3, frequency 2, recency 30, age 31, total 65, repeat 50, m_x 25.
    [Fact]
    public void Compute_HandWorkedCustomer()
    {
        var history = PurchaseHistory.Create([
            new Purchase(5, D, 10m), new Purchase(5, D, 5m), new Purchase(5, D.AddDays(10), 20m),
            new Purchase(5, D.AddDays(30), 30m), new Purchase(5, new DateOnly(2024, 3, 1), 99m)]);
        var s = Assert.Single(Metrics.Summaries.Compute(history, new DateOnly(2024, 2, 1)));
        Assert.Equal(5, s.Customer);
        Assert.Equal(D, s.FirstPurchase);
        Assert.Equal(D.AddDays(30), s.LastPurchase);
        Assert.Equal(4, s.Orders);
        Assert.Equal(3, s.PurchaseDays);
        Assert.Equal(2, s.Frequency);
        Assert.Equal(30, s.RecencyDays);
        Assert.Equal(31, s.AgeDays);
        Assert.Equal(1, s.DaysSinceLastPurchase);
        Assert.Equal(65m, s.TotalAmount);
        Assert.Equal(50m, s.RepeatAmount);
        Assert.Equal(25m, s.MeanRepeatAmount);
        Assert.Equal(0d, s.Recency(TimeUnit.CalendarPeriods(PeriodUnit.Month))); // 1 Jan → 31 Jan: same month
        Assert.Equal(1d, s.Age(TimeUnit.CalendarPeriods(PeriodUnit.Month)));
        Assert.Equal(new DateOnly(2024, 2, 1), s.AsOf);
    }

    [Fact]
    public void Compute_AsOfIsInclusive()
    {
        var history = PurchaseHistory.Create([new Purchase(0, D, 1m), new Purchase(0, D.AddDays(7), 2m)]);
        Assert.Equal(2, Metrics.Summaries.Compute(history, D.AddDays(7))[0].PurchaseDays);
        Assert.Equal(1, Metrics.Summaries.Compute(history, D.AddDays(6))[0].PurchaseDays);
    }

    [Fact]
    public void Compute_CustomersFirstSeenAfterAsOf_AreLeftOut()
    {
        var history = PurchaseHistory.Create([new Purchase(0, D, 1m), new Purchase(1, D.AddDays(3), 2m)]);
        var summaries = Metrics.Summaries.Compute(history, D.AddDays(2));
        Assert.Equal(0, Assert.Single(summaries).Customer);
        Assert.Equal(1, Metrics.Summaries.Totals(history, D.AddDays(2)).Customers);
    }

    [Fact]
    public void Compute_OneCustomerAllOnOneDay()
    {
        var history = PurchaseHistory.Create([new Purchase(0, D, 1m), new Purchase(0, D, 2m), new Purchase(0, D, 3m)]);
        var s = Assert.Single(Metrics.Summaries.Compute(history, D));
        Assert.Equal((3, 1, 0, 0, 0, 0m), (s.Orders, s.PurchaseDays, s.Frequency, s.RecencyDays, s.AgeDays, s.MeanRepeatAmount));
        var totals = Metrics.Summaries.Totals(history, D);
        Assert.Equal(new Rate(0, 1), totals.RepeatCustomerRate);
        Assert.Equal(new Rate(1, 1), totals.MultiOrderCustomerRate);
    }

    [Fact]
    public void Compute_EmptyHistory_IsEmptyForAnyAsOf()
    {
        Assert.Empty(Metrics.Summaries.Compute(PurchaseHistory.Empty, D));
        Assert.Equal(default, Metrics.Summaries.Totals(PurchaseHistory.Empty, D));
        Assert.Empty(Metrics.Summaries.ComputeWithHoldout(PurchaseHistory.Empty, D, D));
    }

    [Fact]
    public void Compute_AsOfBeforeFirstPurchase_Throws()
    {
        var history = PurchaseHistory.Create([new Purchase(0, D, 1m)]);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Metrics.Summaries.Compute(history, D.AddDays(-1)));
        Assert.Equal("asOf", ex.ParamName);
        Assert.Contains("2024-01-01", ex.Message, StringComparison.Ordinal);
        ex = Assert.Throws<ArgumentOutOfRangeException>(() => Metrics.Summaries.ComputeWithHoldout(history, D.AddDays(-1), D));
        Assert.Equal("calibrationEnd", ex.ParamName);
        ex = Assert.Throws<ArgumentOutOfRangeException>(() => Metrics.Summaries.ComputeWithHoldout(history, D.AddDays(2), D.AddDays(1)));
        Assert.Equal("holdoutEnd", ex.ParamName);
    }

    [Fact]
    public void Compute_ShortDestination_Throws()
    {
        var history = PurchaseHistory.Create([new Purchase(0, D, 1m), new Purchase(1, D, 1m)]);
        var ex = Assert.Throws<ArgumentException>(() => Metrics.Summaries.Compute(history, D, new CustomerSummary[1]));
        Assert.Equal("destination", ex.ParamName);
    }

    [Fact]
    public void Compute_NullHistory_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Metrics.Summaries.Compute(null!, D));
        Assert.Throws<ArgumentNullException>(() => Metrics.Summaries.Totals(null!, D));
    }

    // Holdout, hand-worked: purchases on days 0, 5 (calibration, end = day 10) and 12, 12, 15, 40 (holdout end = day 20).
    [Fact]
    public void ComputeWithHoldout_HandWorked()
    {
        var history = PurchaseHistory.Create([
            new Purchase(0, D, 1m), new Purchase(0, D.AddDays(5), 2m), new Purchase(0, D.AddDays(12), 3m),
            new Purchase(0, D.AddDays(12), 4m), new Purchase(0, D.AddDays(15), 5m), new Purchase(0, D.AddDays(40), 6m),
            new Purchase(1, D.AddDays(11), 7m)]);
        var h = Assert.Single(Metrics.Summaries.ComputeWithHoldout(history, D.AddDays(10), D.AddDays(20)));
        Assert.Equal(1, h.Calibration.Frequency);
        Assert.Equal(2, h.HoldoutPurchaseDays);
        Assert.Equal(3, h.HoldoutOrders);
        Assert.Equal(12m, h.HoldoutAmount);
        Assert.Equal(10, h.HoldoutDays);
    }

    [Fact]
    public void Constructor_FromParts_MatchesComputed()
    {
        var history = PurchaseHistory.Create([new Purchase(3, D, 10.5m), new Purchase(3, D.AddDays(4), 2.25m)]);
        var computed = Metrics.Summaries.Compute(history, D.AddDays(9))[0];
        var made = new CustomerSummary(3, D, D.AddDays(4), 2, 2, D.AddDays(9), 12.75m, 2.25m);
        Assert.Equal(computed.TotalAmount, made.TotalAmount);
        Assert.Equal(computed.RepeatAmount, made.RepeatAmount);
        Assert.Equal((computed.Frequency, computed.RecencyDays, computed.AgeDays), (made.Frequency, made.RecencyDays, made.AgeDays));
    }

    [Theory]
    [InlineData(1, 0, 1, 1, 1, "lastPurchase")] // last before first
    [InlineData(0, 0, 1, 1, -1, "asOf")]       // asOf before last
    [InlineData(0, 0, 1, 0, 0, "purchaseDays")]
    [InlineData(0, 2, 1, 2, 2, "orders")]       // fewer orders than days
    [InlineData(0, 1, 3, 3, 1, "purchaseDays")] // 3 days within a 2-day span
    public void Constructor_InconsistentParts_Throws(int firstOffset, int lastOffset, int orders, int days, int asOfOffset, string param)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new CustomerSummary(0, D.AddDays(firstOffset), D.AddDays(lastOffset), orders, days, D.AddDays(lastOffset + asOfOffset), 1m, 0m));
        Assert.Equal(param, ex.ParamName);
    }

    public static TheoryData<int> Seeds => new() { 1, 2, 3, 4, 5, 6, 7, 8 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Compute_RandomHistories_MatchesLinqOracle(int seed)
    {
        var random = new Random(seed);
        for (int customers = 0; customers <= 256; customers += 1 + random.Next(16))
        {
            var purchases = RandomHistories.Purchases(seed * 1000 + customers, customers, days: 400);
            if (purchases.Length == 0) continue;
            var history = PurchaseHistory.Create(purchases);
            var asOf = RandomHistories.Start.AddDays(random.Next(400));
            if (asOf < history.FirstDate) asOf = history.FirstDate;
            var expected = SummaryOracle.Compute(purchases, asOf);
            var actual = Metrics.Summaries.Compute(history, asOf);
            Assert.Equal(expected.Length, actual.Length);
            for (int i = 0; i < expected.Length; i++)
            {
                var e = expected[i];
                var a = actual[i];
                Assert.Equal(e, new SummaryOracle.Row(a.Customer, a.FirstPurchase, a.LastPurchase, a.Orders, a.PurchaseDays, a.TotalAmount, a.RepeatAmount, a.AgeDays));
            }
            var totals = Metrics.Summaries.Totals(history, asOf);
            Assert.Equal(expected.Length, totals.Customers);
            Assert.Equal(expected.Sum(r => r.Total), totals.TotalAmount);
            Assert.Equal(expected.Sum(r => (long)r.PurchaseDays - 1), totals.RepeatPurchases);
            Assert.Equal(expected.Count(r => r.Orders >= 2), totals.MultiOrderCustomers);
        }
    }
}
