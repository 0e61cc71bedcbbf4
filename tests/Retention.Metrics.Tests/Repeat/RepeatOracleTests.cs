using Retention.Metrics.Tests.Infrastructure;
using Retention.Metrics.Tests.Reference;

namespace Retention.Metrics.Tests.Repeat;

/// <summary>The fast paths agree with the naive LINQ versions in <see cref="RepeatOracle"/> on seeded random shops.</summary>
public class RepeatOracleTests
{
    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (int seed = 0; seed < 24; seed++) data.Add(seed);
        return data;
    }

    private static (Purchase[] Purchases, PurchaseHistory History, DateOnly AsOf) Shop(int seed)
    {
        var purchases = RandomHistories.Purchases(seed, customers: seed * 3, days: 400);
        var history = PurchaseHistory.Create(purchases);
        var random = new Random(seed);
        DateOnly asOf = history.IsEmpty ? RandomHistories.Start.AddDays(200)
            : DateOnly.FromDayNumber(history.FirstDate.DayNumber + random.Next(history.LastDate.DayNumber - history.FirstDate.DayNumber + 30));
        return (purchases, history, asOf);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void MultiPurchaseShare_AgreesWithOracle(int seed)
    {
        var (purchases, history, asOf) = Shop(seed);
        foreach (PurchaseCounting counting in new[] { PurchaseCounting.Occasions, PurchaseCounting.Orders })
        {
            var (repeat, buyers) = RepeatOracle.MultiPurchaseShare(purchases, DateOnly.MinValue, asOf, counting);
            Assert.Equal(new Rate(repeat, buyers), Metrics.Repeat.MultiPurchaseShare(history, asOf, counting));
            DateOnly from = asOf.AddDays(-90);
            var (wr, wb) = RepeatOracle.MultiPurchaseShare(purchases, from, asOf, counting);
            Assert.Equal(new Rate(wr, wb), Metrics.Repeat.MultiPurchaseShare(history, from, asOf, counting));
            // A customer set of the even customer indexes.
            var even = CustomerSet.FromIds(history, Enumerable.Range(0, seed * 3).Where(c => c % 2 == 0).ToArray());
            var (er, eb) = RepeatOracle.MultiPurchaseShare(purchases, DateOnly.MinValue, asOf, counting, c => c % 2 == 0);
            Assert.Equal(new Rate(er, eb), Metrics.Repeat.MultiPurchaseShare(history, asOf, counting, even));
        }
    }

    /// <summary>The set of the history's customers whose ids pass <paramref name="keep"/>.</summary>
    private static CustomerSet Keeping(PurchaseHistory history, Func<int, bool> keep) =>
        CustomerSet.FromIds(history, history.CustomerIds.ToArray().Where(keep).ToArray());

    /// <summary>Every period of the series equals the oracle's (completeness is the library's own notion).</summary>
    private static void AssertSameSeries(List<RepeatOracle.PeriodRow> expected, RepeatSeries actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var a = actual[i];
            Assert.Equal(new RepeatPeriod(e.Start, e.End, a.IsComplete, e.Buyers, e.NewBuyers, e.RepeatBuyers, e.NewRepeatBuyers, e.Cumulative,
                e.Orders, e.RepeatOrders, e.Revenue, e.RepeatRevenue, e.PreviousBuyers, e.PreviousNewBuyers, e.Retained, e.NewRetained), a);
        }
    }

    [Theory]
    [InlineData(PurchaseCounting.Occasions, 1)]
    [InlineData(PurchaseCounting.Orders, 2)]
    public void PeriodSeries_ManyCustomersWithACustomerSet_AgreesWithOracle(PurchaseCounting counting, int degreeOfParallelism)
    {
        // Customers are taken in chunks of 2,048 (first purchases, then the customers with more): 7,000 customers cross
        // several chunk bounds. A customer set (every customer whose id is not a multiple of 3) must equal the series over
        // those customers' purchases alone; customers acquired before the series and after the observation end are in both.
        Purchase[] purchases = RandomHistories.Purchases(seed: 41, customers: 7_000, days: 400);
        PurchaseHistory history = PurchaseHistory.Create(purchases);
        DateOnly asOf = history.FirstDate.AddDays(300), from = history.FirstDate.AddDays(120);
        var customers = Keeping(history, id => id % 3 != 0);
        Purchase[] kept = purchases.Where(p => p.Customer % 3 != 0).ToArray();
        foreach (var (all, subset) in new[] { (purchases, (CustomerSet?)null), (kept, customers) })
        {
            var expected = RepeatOracle.PeriodSeries(all, from, asOf, PeriodUnit.Month, DayOfWeek.Monday, counting);
            var actual = Metrics.Repeat.PeriodSeries(history, from, asOf, PeriodUnit.Month, counting: counting, customers: subset,
                degreeOfParallelism: degreeOfParallelism);
            Assert.True(actual.AcquiredBefore > 0);
            AssertSameSeries(expected, actual);
        }
    }

    /// <summary>A shop whose counters pass 2^16 unless the pass flushes them: four customers with more than 65,535 purchases
    /// each, and 3,000 customers with 30 each, all in one month (a chunk of 2,048 of them holds more than a flush allows).</summary>
    private static Purchase[] HeavyShop()
    {
        var random = new Random(5);
        var list = new List<Purchase>();
        DateOnly start = RandomHistories.Start;
        void Add(int customer, int day, int times)
        {
            for (int k = 0; k < times; k++) list.Add(new Purchase(customer, start.AddDays(day), random.Next(1, 50_000) / 100m));
        }
        // Customer 0: 70,000 purchases in the first day's month, 200 of them on the first day.
        Add(0, 70, 200);
        for (int k = 0; k < 69_800; k++) Add(0, 71 + (k % 18), 1);
        // Customer 1: 66,000 purchases on its first day, then 3 a day over the whole history.
        Add(1, 75, 66_000);
        for (int day = 76; day < 400; day++) Add(1, day, 3);
        // Customer 2: acquired before the series, 66,000 purchases before it, then through the observation end and past it.
        Add(2, 1, 66_000);
        for (int day = 2; day < 400; day += 2) Add(2, day, 2);
        // Customer 3: acquired after the observation end, with 66,000 purchases.
        Add(3, 350, 66_000);
        // Customers 4 to 3,003: 90,000 purchases in April (days 90 to 119).
        for (int c = 4; c < 3_004; c++)
        {
            int first = 90 + random.Next(10);
            for (int k = 0; k < 30; k++) Add(c, k == 0 ? first : first + random.Next(120 - first), 1);
        }
        for (int c = 3_004; c < 6_000; c++) Add(c, 40 + random.Next(360), 1);
        RandomHistories.Shuffle(random, list);
        return list.ToArray();
    }

    [Theory]
    [InlineData(PurchaseCounting.Occasions, 1)]
    [InlineData(PurchaseCounting.Orders, 1)]
    [InlineData(PurchaseCounting.Occasions, 2)]
    [InlineData(PurchaseCounting.Orders, 2)]
    public void PeriodSeries_CustomersWithManyPurchases_AgreesWithOracle(PurchaseCounting counting, int degreeOfParallelism)
    {
        Purchase[] purchases = HeavyShop();
        PurchaseHistory history = PurchaseHistory.Create(purchases);
        // The series starts in March; its table, with February, starts after customer 2's first purchase in January.
        DateOnly from = RandomHistories.Start.AddDays(70), asOf = RandomHistories.Start.AddDays(340);
        var expected = RepeatOracle.PeriodSeries(purchases, from, asOf, PeriodUnit.Month, DayOfWeek.Monday, counting);
        var actual = Metrics.Repeat.PeriodSeries(history, from, asOf, PeriodUnit.Month, counting: counting, degreeOfParallelism: degreeOfParallelism);
        Assert.Equal(1, actual.AcquiredBefore);
        // March (the heavy customers) and April (the light ones) hold more than 2^16 orders each.
        Assert.True(actual[0].Orders > 70_000);
        Assert.True(actual[1].Orders > 90_000);
        AssertSameSeries(expected, actual);
        // A customer set without heavy customer 1 and the odd light ones equals the series over the others' purchases.
        static bool Kept(int id) => id != 1 && (id < 4 || id % 2 == 0);
        var some = Metrics.Repeat.PeriodSeries(history, from, asOf, PeriodUnit.Month, counting: counting,
            customers: Keeping(history, Kept), degreeOfParallelism: degreeOfParallelism);
        AssertSameSeries(RepeatOracle.PeriodSeries(purchases.Where(p => Kept(p.Customer)).ToArray(), from, asOf, PeriodUnit.Month,
            DayOfWeek.Monday, counting), some);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void PeriodSeries_AgreesWithOracle(int seed)
    {
        var (purchases, history, asOf) = Shop(seed);
        var units = new[] { (PeriodUnit.Month, DayOfWeek.Monday), (PeriodUnit.Week, DayOfWeek.Sunday), (PeriodUnit.Quarter, DayOfWeek.Monday) };
        foreach (var (unit, weekStart) in units)
        {
            foreach (PurchaseCounting counting in new[] { PurchaseCounting.Occasions, PurchaseCounting.Orders })
            {
                DateOnly from = asOf.AddDays(-200);
                var expected = RepeatOracle.PeriodSeries(purchases, from, asOf, unit, weekStart, counting);
                var actual = Metrics.Repeat.PeriodSeries(history, from, asOf, unit, weekStart, counting);
                AssertSameSeries(expected, actual);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void PeriodRetention_AgreesWithOracle(int seed)
    {
        var (purchases, history, asOf) = Shop(seed);
        DateOnly a0 = asOf.AddDays(-180), a1 = asOf.AddDays(-91), b0 = asOf.AddDays(-90);
        var e = RepeatOracle.PeriodRetention(purchases, a0, a1, b0, asOf);
        Assert.Equal(new PeriodRetentionResult(e.Buyers, e.NewBuyers, e.Retained, e.NewRetained),
            Metrics.Repeat.PeriodRetention(history, a0, a1, b0, asOf));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void F2Conversion_AgreesWithOracle(int seed)
    {
        var (purchases, history, asOf) = Shop(seed);
        foreach (int window in RepeatPresets.ConversionWindows)
        {
            foreach (PurchaseCounting counting in new[] { PurchaseCounting.Occasions, PurchaseCounting.Orders })
            {
                var expected = RepeatOracle.F2Conversion(purchases, asOf, window, PeriodUnit.Month, DayOfWeek.Monday, counting);
                var actual = Metrics.Repeat.F2Conversion(history, asOf, window, counting: counting);
                Assert.Equal(expected.Count, actual.Count);
                for (int i = 0; i < expected.Count; i++)
                {
                    var e = expected[i];
                    Assert.Equal(new ConversionCohort(e.Start, e.Customers, e.Eligible, e.Converted, e.CensoredConverted), actual[i]);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void FrequencyLadder_AgreesWithOracle(int seed)
    {
        var (purchases, history, asOf) = Shop(seed);
        foreach (int? window in new int?[] { null, 0, 30, 90 })
        {
            foreach (PurchaseCounting counting in new[] { PurchaseCounting.Occasions, PurchaseCounting.Orders })
            {
                var (atLeast, censored) = RepeatOracle.FrequencyLadder(purchases, asOf, 6, window, counting);
                var ladder = Metrics.Repeat.FrequencyLadder(history, asOf, 6, window, counting);
                for (int n = 1; n <= 6; n++) Assert.Equal(atLeast[n], ladder.AtLeast(n));
                Assert.Equal(censored, ladder.Censored);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Dormancy_AgreesWithOracle(int seed)
    {
        var (purchases, history, asOf) = Shop(seed);
        foreach (int threshold in RepeatPresets.DormancyThresholds)
        {
            var (customers, dormant) = RepeatOracle.Classify(purchases, asOf, threshold);
            Assert.Equal(new DormancyStatus(customers, customers - dormant, dormant), Metrics.Dormancy.Classify(history, asOf, threshold));
            DateOnly t0 = history.IsEmpty ? asOf : DateOnly.FromDayNumber(Math.Max(history.FirstDate.DayNumber, asOf.DayNumber - 120));
            var e = RepeatOracle.Transition(purchases, t0, asOf, threshold);
            Assert.Equal(new DormancyTransition(e.Active0, e.Still, e.Dormant0, e.Reactivated, e.Orders, e.Revenue, e.New),
                Metrics.Dormancy.Transition(history, t0, asOf, threshold));
            foreach (double share in new[] { 0.1, 0.25, 1.0 })
            {
                var expected = RepeatOracle.HighValueDormant(purchases, asOf, threshold, share);
                var actual = Metrics.Dormancy.HighValueDormant(history, asOf, threshold, share);
                Assert.Equal(expected, actual.Select(s => (s.Customer, s.TotalAmount)).ToList());
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TimeToNextPurchase_AgreesWithOracle(int seed)
    {
        var (purchases, history, asOf) = Shop(seed);
        foreach (int? from in new int?[] { null, 1, 2, 3 })
        {
            foreach (PurchaseCounting counting in new[] { PurchaseCounting.Occasions, PurchaseCounting.Orders })
            {
                var gaps = RepeatOracle.Gaps(purchases, asOf, from, counting);
                var d = Metrics.Repeat.TimeToNextPurchase(history, asOf, from, counting);
                Assert.Equal(gaps.Count, d.Count);
                Assert.Equal(gaps.Count == 0 ? 0 : gaps.Average(), d.MeanDays, 1e-9);
                foreach (double p in new[] { 0, 0.1, 0.25, 0.5, 0.9, 1 }) Assert.Equal(RepeatOracle.Quantile(gaps, p), d.Quantile(p), 1e-9);
                var buckets = new long[IntervalDistribution.DefaultBucketBounds.Length + 1];
                d.CountBuckets(IntervalDistribution.DefaultBucketBounds, buckets);
                Assert.Equal(gaps.Count, buckets.Sum());
                Assert.Equal(gaps.Count(g => g > 30 && g <= 60), buckets[3]);
            }
        }
    }
}
