using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Retention.Metrics.Tests.Cohorts;
using Retention.Metrics.Tests.Infrastructure;

namespace Retention.Metrics.Tests.Scale;

/// <summary>The passes split by customer ranges over several threads give exactly the single-threaded results.</summary>
public class ParallelPassTests
{
    private static DateOnly AsOfWithin(PurchaseHistory history, int shift)
    {
        int span = history.MaxDayNumber - history.MinDayNumber + 60;
        return history.FirstDate.AddDays(Math.Abs(shift) % (span + 1));
    }

    [Property(Arbitrary = [typeof(RetentionArbitraries)])]
    public bool Totals_AnyDegreeOfParallelism_EqualsSingleThreaded(Purchase[] purchases, int shift, PositiveInt degree)
    {
        var history = PurchaseHistory.Create(purchases);
        DateOnly asOf = history.IsEmpty ? default : AsOfWithin(history, shift);
        int dop = degree.Get % 16 + 1;
        return Metrics.Summaries.Totals(history, asOf, dop) == Metrics.Summaries.Totals(history, asOf);
    }

    [Property(Arbitrary = [typeof(RetentionArbitraries)])]
    public bool Compute_AnyDegreeOfParallelism_EqualsSingleThreaded(Purchase[] purchases, int shift, PositiveInt degree)
    {
        var history = PurchaseHistory.Create(purchases);
        DateOnly asOf = history.IsEmpty ? default : AsOfWithin(history, shift);
        int dop = degree.Get % 16 + 1;
        var expected = Metrics.Summaries.Compute(history, asOf);
        // Pre-filled with a sentinel so that anything written past the count, or left unwritten before it, is seen.
        var destination = new CustomerSummary[history.CustomerCount + 1];
        var sentinel = new CustomerSummary(-7, new DateOnly(2000, 1, 1), new DateOnly(2000, 1, 1), 1, 1, new DateOnly(2000, 1, 1), 1m, 0m);
        destination.AsSpan().Fill(sentinel);
        int written = Metrics.Summaries.Compute(history, asOf, destination.AsMemory(), dop);
        return written == expected.Length && destination.AsSpan(0, written).SequenceEqual(expected) && destination[^1] == sentinel;
    }

    [Property(Arbitrary = [typeof(RetentionArbitraries), typeof(CohortArbitraries)])]
    public bool Cohorts_AnyDegreeOfParallelism_EqualsSingleThreaded(Purchase[] purchases, CohortOptions options, int shift, PositiveInt degree)
    {
        var history = PurchaseHistory.Create(purchases);
        DateOnly asOf = history.IsEmpty ? default : AsOfWithin(history, shift);
        int dop = degree.Get % 16 + 1;
        return CohortAssert.Same(Metrics.Cohorts.Compute(history, asOf, options), Metrics.Cohorts.Compute(history, asOf, options, dop), out _);
    }

    [Property(Arbitrary = [typeof(RetentionArbitraries)])]
    public void PeriodSeries_AnyDegreeOfParallelism_EqualsSingleThreaded(Purchase[] purchases, int shift, PositiveInt degree, bool byOrders)
    {
        var history = PurchaseHistory.Create(purchases);
        DateOnly asOf = history.IsEmpty ? new DateOnly(2024, 1, 1) : AsOfWithin(history, shift);
        DateOnly from = history.IsEmpty ? asOf : history.FirstDate.AddDays(40) > asOf ? asOf : history.FirstDate.AddDays(40);
        int dop = degree.Get % 16 + 1;
        PurchaseCounting counting = byOrders ? PurchaseCounting.Orders : PurchaseCounting.Occasions;
        foreach (PeriodUnit unit in new[] { PeriodUnit.Month, PeriodUnit.Week })
        {
            var expected = Metrics.Repeat.PeriodSeries(history, from, asOf, unit, counting: counting);
            var actual = Metrics.Repeat.PeriodSeries(history, from, asOf, unit, counting: counting, degreeOfParallelism: dop);
            Assert.Equal(expected.AcquiredBefore, actual.AcquiredBefore);
            Assert.Equal(expected.Count, actual.Count);
            for (int i = 0; i < expected.Count; i++) Assert.Equal(expected[i], actual[i]);
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(64)]
    public void Passes_LargeSkewedShop_EqualSingleThreaded(int degreeOfParallelism)
    {
        var history = PurchaseHistory.Create(RandomHistories.Purchases(seed: 11, customers: 20_000));
        DateOnly end = history.LastDate, middle = history.FirstDate.AddDays(500);
        foreach (DateOnly asOf in new[] { end, middle })
        {
            Assert.Equal(Metrics.Summaries.Totals(history, asOf), Metrics.Summaries.Totals(history, asOf, degreeOfParallelism));
            var expected = Metrics.Summaries.Compute(history, asOf);
            var destination = new CustomerSummary[history.CustomerCount];
            Assert.Equal(expected.Length, Metrics.Summaries.Compute(history, asOf, destination, degreeOfParallelism));
            Assert.Equal(expected, destination.AsSpan(0, expected.Length).ToArray());
            foreach (CohortOptions options in new[] { CohortOptions.Monthly, CohortOptions.Monthly with { Retention = CohortRetention.OnOrAfter }, new CohortOptions { RollingDays = 30 } })
                CohortAssert.Equal(Metrics.Cohorts.Compute(history, asOf, options), Metrics.Cohorts.Compute(history, asOf, options, degreeOfParallelism));
            var customers = CustomerSet.FromPositions(history, Enumerable.Range(0, history.CustomerCount).Select(p => p % 3 != 0).ToArray());
            var series = Metrics.Repeat.PeriodSeries(history, history.FirstDate.AddDays(90), asOf, PeriodUnit.Month, customers: customers);
            var parallel = Metrics.Repeat.PeriodSeries(history, history.FirstDate.AddDays(90), asOf, PeriodUnit.Month, customers: customers,
                degreeOfParallelism: degreeOfParallelism);
            Assert.Equal(series.AcquiredBefore, parallel.AcquiredBefore);
            Assert.Equal(series.ToData().Periods, parallel.ToData().Periods);
        }
    }

    [Fact]
    public void Passes_EmptyHistory_GiveEmptyResults()
    {
        Assert.Equal(default, Metrics.Summaries.Totals(PurchaseHistory.Empty, new DateOnly(2024, 1, 1), 2));
        Assert.Equal(0, Metrics.Summaries.Compute(PurchaseHistory.Empty, new DateOnly(2024, 1, 1), Memory<CustomerSummary>.Empty, 2));
        Assert.Equal(0, Metrics.Cohorts.Compute(PurchaseHistory.Empty, new DateOnly(2024, 1, 1), null, 2).CustomerCount);
        var series = Metrics.Repeat.PeriodSeries(PurchaseHistory.Empty, new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 1), PeriodUnit.Month, degreeOfParallelism: 2);
        Assert.Equal(3, series.Count);
        Assert.Equal(0, series[2].Buyers);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Passes_DegreeBelowOne_ThrowNamingTheArgument(int degreeOfParallelism)
    {
        var history = PurchaseHistory.Create([new Purchase(0, new DateOnly(2024, 1, 1), 5m)]);
        var asOf = new DateOnly(2024, 2, 1);
        var e1 = Assert.Throws<ArgumentOutOfRangeException>(() => Metrics.Summaries.Totals(history, asOf, degreeOfParallelism));
        Assert.Equal("degreeOfParallelism", e1.ParamName);
        var e2 = Assert.Throws<ArgumentOutOfRangeException>(() => Metrics.Summaries.Compute(history, asOf, new CustomerSummary[1], degreeOfParallelism));
        Assert.Equal("degreeOfParallelism", e2.ParamName);
        var e3 = Assert.Throws<ArgumentOutOfRangeException>(() => Metrics.Cohorts.Compute(history, asOf, null, degreeOfParallelism));
        Assert.Equal("degreeOfParallelism", e3.ParamName);
        Assert.Contains("1 or greater", e3.Message);
        var e4 = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Metrics.Repeat.PeriodSeries(history, asOf, asOf, PeriodUnit.Month, degreeOfParallelism: degreeOfParallelism));
        Assert.Equal("degreeOfParallelism", e4.ParamName);
    }

    [Fact]
    public void Compute_DestinationTooShort_Throws()
    {
        var history = PurchaseHistory.Create([new Purchase(0, new DateOnly(2024, 1, 1), 5m), new Purchase(1, new DateOnly(2024, 1, 2), 5m)]);
        var e = Assert.Throws<ArgumentException>(() => Metrics.Summaries.Compute(history, new DateOnly(2024, 2, 1), new CustomerSummary[1], 2));
        Assert.Equal("destination", e.ParamName);
    }

    [Fact]
    public void Split_BalancesPurchasesAcrossRanges()
    {
        // Customer 0 has 90 purchases, customers 1..10 one each: two ranges split after the heavy customer.
        var purchases = new List<Purchase>();
        for (int i = 0; i < 90; i++) purchases.Add(new Purchase(0, new DateOnly(2024, 1, 1).AddDays(i), 1m));
        for (int c = 1; c <= 10; c++) purchases.Add(new Purchase(c, new DateOnly(2024, 1, 1), 1m));
        var history = PurchaseHistory.Create(purchases.ToArray());
        Span<int> bounds = stackalloc int[3];
        CustomerRanges.Split(history, bounds, customerWeight: 0);
        Assert.Equal([0, 1, 11], bounds.ToArray());
        // Weighing a customer as 90 purchases: work 100 + 90 × 11 = 1,090; half (545) is reached at customer 6 (95 + 6 × 90 = 635; customer 5 has 94 + 5 × 90 = 544).
        CustomerRanges.Split(history, bounds, customerWeight: 90);
        Assert.Equal([0, 6, 11], bounds.ToArray());
        Span<int> four = stackalloc int[5];
        CustomerRanges.Split(PurchaseHistory.Create(RandomHistories.Purchases(3, 4000)), four, CustomerRanges.SummaryCustomerWeight);
        for (int p = 0; p < 4; p++) Assert.True(four[p] < four[p + 1]);
    }
}
