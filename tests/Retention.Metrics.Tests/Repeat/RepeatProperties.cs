using FsCheck;
using FsCheck.Xunit;
using Retention.Metrics.Tests.Infrastructure;

namespace Retention.Metrics.Tests.Repeat;

public class RepeatProperties
{
    private static DateOnly AsOfFor(Purchase[] purchases) => purchases.Length == 0 ? RandomHistories.Start : purchases.Max(p => p.Date);

    private static readonly DateOnly SeriesFrom = RandomHistories.Start.AddDays(100);

    private static void AssertUnit(Rate rate) => Assert.InRange(rate.Value, 0d, 1d);

    [Property(Arbitrary = [typeof(RetentionArbitraries)])]
    public void Rates_AreBetweenZeroAndOne(Purchase[] purchases)
    {
        var h = PurchaseHistory.Create(purchases);
        DateOnly asOf = AsOfFor(purchases);
        AssertUnit(Metrics.Repeat.MultiPurchaseShare(h, asOf));
        var series = Metrics.Repeat.PeriodSeries(h, SeriesFrom < asOf ? SeriesFrom : asOf, asOf, PeriodUnit.Month);
        for (int i = 0; i < series.Count; i++)
        {
            var p = series[i];
            AssertUnit(p.CumulativeRepeatRate);
            AssertUnit(p.RepeaterShare);
            AssertUnit(p.RepeatOrderShare);
            AssertUnit(p.Retention);
            AssertUnit(p.NewCustomerRetention);
            AssertUnit(p.ExistingCustomerRetention);
            AssertUnit(p.NewCustomerRepeatRate);
            Assert.InRange(p.RepeatRevenueShare, 0d, 1d);
        }
        AssertUnit(Metrics.Repeat.F2Conversion(h, asOf, 90).Total.Rate);
        var ladder = Metrics.Repeat.FrequencyLadder(h, asOf, 5);
        for (int n = 2; n <= 5; n++)
        {
            AssertUnit(ladder.Cumulative(n));
            AssertUnit(ladder.Step(n));
        }
    }

    // An extra purchase by an existing customer, on or after their first purchase, never lowers a cumulative repeat rate.
    [Property(Arbitrary = [typeof(RetentionArbitraries)])]
    public void ExtraPurchase_NeverLowersCumulativeRepeatRates(Purchase[] purchases, NonNegativeInt pick, NonNegativeInt offset)
    {
        if (purchases.Length == 0) return;
        Purchase chosen = purchases[pick.Get % purchases.Length];
        DateOnly first = purchases.Where(p => p.Customer == chosen.Customer).Min(p => p.Date);
        DateOnly asOf = AsOfFor(purchases);
        DateOnly date = DateOnly.FromDayNumber(first.DayNumber + (offset.Get % (asOf.DayNumber - first.DayNumber + 1)));
        var before = PurchaseHistory.Create(purchases);
        var after = PurchaseHistory.Create([.. purchases, new Purchase(chosen.Customer, date, 1m)]);
        foreach (PurchaseCounting counting in new[] { PurchaseCounting.Occasions, PurchaseCounting.Orders })
        {
            var b = Metrics.Repeat.MultiPurchaseShare(before, asOf, counting);
            var a = Metrics.Repeat.MultiPurchaseShare(after, asOf, counting);
            Assert.Equal(b.Denominator, a.Denominator);
            Assert.True(a.Numerator >= b.Numerator);
            var sb = Metrics.Repeat.PeriodSeries(before, RandomHistories.Start, asOf, PeriodUnit.Month, counting: counting);
            var sa = Metrics.Repeat.PeriodSeries(after, RandomHistories.Start, asOf, PeriodUnit.Month, counting: counting);
            for (int i = 0; i < sb.Count; i++) Assert.True(sa[i].CumulativeRepeatRate.Value >= sb[i].CumulativeRepeatRate.Value);
            var lb = Metrics.Repeat.FrequencyLadder(before, asOf, 4, counting: counting);
            var la = Metrics.Repeat.FrequencyLadder(after, asOf, 4, counting: counting);
            for (int n = 1; n <= 4; n++) Assert.True(la.AtLeast(n) >= lb.AtLeast(n));
        }
    }

    [Property(Arbitrary = [typeof(RetentionArbitraries)])]
    public void Fn_IsNonIncreasingInN(Purchase[] purchases, NonNegativeInt window)
    {
        var h = PurchaseHistory.Create(purchases);
        DateOnly asOf = AsOfFor(purchases);
        foreach (int? w in new int?[] { null, window.Get % 400 })
        {
            var ladder = Metrics.Repeat.FrequencyLadder(h, asOf, 8, w);
            for (int n = 2; n <= 8; n++) Assert.True(ladder.AtLeast(n) <= ladder.AtLeast(n - 1));
        }
    }

    // Split the customers into two histories (by a salted parity), compute each, combine: equals the whole.
    [Property(Arbitrary = [typeof(RetentionArbitraries)])]
    public void Combine_OverDisjointCustomers_EqualsWhole(Purchase[] purchases, int salt)
    {
        DateOnly asOf = AsOfFor(purchases);
        DateOnly from = SeriesFrom < asOf ? SeriesFrom : asOf;
        bool Left(Purchase p) => ((p.Customer ^ salt) & 1) == 0;
        var whole = PurchaseHistory.Create(purchases);
        var left = PurchaseHistory.Create(purchases.Where(Left).ToArray());
        var right = PurchaseHistory.Create(purchases.Where(p => !Left(p)).ToArray());

        Assert.Equal(Metrics.Repeat.MultiPurchaseShare(whole, asOf),
            Rate.Combine(Metrics.Repeat.MultiPurchaseShare(left, asOf), Metrics.Repeat.MultiPurchaseShare(right, asOf)));

        var series = Metrics.Repeat.PeriodSeries(whole, from, asOf, PeriodUnit.Month);
        var combined = RepeatSeries.Combine(Metrics.Repeat.PeriodSeries(left, from, asOf, PeriodUnit.Month),
            Metrics.Repeat.PeriodSeries(right, from, asOf, PeriodUnit.Month));
        Assert.Equal(series.AcquiredBefore, combined.AcquiredBefore);
        for (int i = 0; i < series.Count; i++) Assert.Equal(series[i], combined[i]);

        var f2 = Metrics.Repeat.F2Conversion(whole, asOf, 60);
        var f2Combined = ConversionResult.Combine(Metrics.Repeat.F2Conversion(left, asOf, 60), Metrics.Repeat.F2Conversion(right, asOf, 60));
        Assert.Equal(f2.Count, f2Combined.Count);
        for (int i = 0; i < f2.Count; i++) Assert.Equal(f2[i], f2Combined[i]);

        var ladder = Metrics.Repeat.FrequencyLadder(whole, asOf, 5, 120);
        var ladderCombined = FrequencyLadder.Combine(Metrics.Repeat.FrequencyLadder(left, asOf, 5, 120), Metrics.Repeat.FrequencyLadder(right, asOf, 5, 120));
        for (int n = 1; n <= 5; n++) Assert.Equal(ladder.AtLeast(n), ladderCombined.AtLeast(n));
        Assert.Equal(ladder.Censored, ladderCombined.Censored);

        var gaps = Metrics.Repeat.TimeToNextPurchase(whole, asOf, null);
        var gapsCombined = IntervalDistribution.Combine(Metrics.Repeat.TimeToNextPurchase(left, asOf, null), Metrics.Repeat.TimeToNextPurchase(right, asOf, null));
        Assert.Equal(gaps.Count, gapsCombined.Count);
        Assert.Equal(gaps.MedianDays, gapsCombined.MedianDays);
        for (int d = 0; d < Math.Max(gaps.CountsByDay.Length, gapsCombined.CountsByDay.Length); d++)
            Assert.Equal(d < gaps.CountsByDay.Length ? gaps.CountsByDay[d] : 0, d < gapsCombined.CountsByDay.Length ? gapsCombined.CountsByDay[d] : 0);

        DateOnly a0 = asOf.AddDays(-300), a1 = asOf.AddDays(-151), b0 = asOf.AddDays(-150);
        Assert.Equal(Metrics.Repeat.PeriodRetention(whole, a0, a1, b0, asOf),
            PeriodRetentionResult.Combine(Metrics.Repeat.PeriodRetention(left, a0, a1, b0, asOf), Metrics.Repeat.PeriodRetention(right, a0, a1, b0, asOf)));
    }

    // The same split as customer sets over one history.
    [Property(Arbitrary = [typeof(RetentionArbitraries)])]
    public void CustomerSets_SetAndComplement_CombineToWhole(Purchase[] purchases, int salt)
    {
        var h = PurchaseHistory.Create(purchases);
        DateOnly asOf = AsOfFor(purchases);
        var flags = new bool[h.CustomerCount];
        for (int p = 0; p < flags.Length; p++) flags[p] = ((h.CustomerIds[p] ^ salt) & 1) == 0;
        var set = CustomerSet.FromPositions(h, flags);
        var complement = CustomerSet.FromPositions(h, flags.Select(f => !f).ToArray());
        Assert.Equal(Metrics.Repeat.MultiPurchaseShare(h, asOf),
            Rate.Combine(Metrics.Repeat.MultiPurchaseShare(h, asOf, customers: set), Metrics.Repeat.MultiPurchaseShare(h, asOf, customers: complement)));
        var series = Metrics.Repeat.PeriodSeries(h, RandomHistories.Start, asOf, PeriodUnit.Quarter);
        var combined = RepeatSeries.Combine(Metrics.Repeat.PeriodSeries(h, RandomHistories.Start, asOf, PeriodUnit.Quarter, customers: set),
            Metrics.Repeat.PeriodSeries(h, RandomHistories.Start, asOf, PeriodUnit.Quarter, customers: complement));
        for (int i = 0; i < series.Count; i++) Assert.Equal(series[i], combined[i]);
    }

    [Property(Arbitrary = [typeof(RetentionArbitraries)])]
    public void Results_AreInvariantUnderPermutation(Purchase[] purchases, int seed)
    {
        var shuffled = purchases.ToList();
        RandomHistories.Shuffle(new Random(seed), shuffled);
        var a = PurchaseHistory.Create(purchases);
        var b = PurchaseHistory.Create(shuffled.ToArray());
        DateOnly asOf = AsOfFor(purchases);
        Assert.Equal(Metrics.Repeat.MultiPurchaseShare(a, asOf, PurchaseCounting.Orders), Metrics.Repeat.MultiPurchaseShare(b, asOf, PurchaseCounting.Orders));
        var sa = Metrics.Repeat.PeriodSeries(a, RandomHistories.Start, asOf, PeriodUnit.Week);
        var sb = Metrics.Repeat.PeriodSeries(b, RandomHistories.Start, asOf, PeriodUnit.Week);
        for (int i = 0; i < sa.Count; i++) Assert.Equal(sa[i], sb[i]);
        Assert.Equal(Metrics.Repeat.F2Conversion(a, asOf, 30).Total, Metrics.Repeat.F2Conversion(b, asOf, 30).Total);
    }
}
