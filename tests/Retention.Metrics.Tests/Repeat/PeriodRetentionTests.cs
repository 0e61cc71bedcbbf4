namespace Retention.Metrics.Tests.Repeat;

public class PeriodRetentionTests
{
    // A = January–February: C0, C1, C2 bought, all new in A. B = March: C2 bought → 1/3, new 1/3.
    [Fact]
    public void PeriodRetention_TwoMonthsToMarch_HandWorked()
    {
        var r = Metrics.Repeat.PeriodRetention(RepeatExamples.ShopHistory, new(2024, 1, 1), new(2024, 2, 29), new(2024, 3, 1), new(2024, 3, 31));
        Assert.Equal(new PeriodRetentionResult(3, 3, 1, 1), r);
        Assert.Equal(new Rate(1, 3), r.Retention);
        Assert.Equal(new Rate(0, 0), r.ExistingCustomerRetention);
    }

    // A = February: C0 (existing, first purchase in January) and C2 (new). B = March: C2 → all 1/2, new 1/1, existing 0/1.
    [Fact]
    public void PeriodRetention_FebruaryToMarch_SplitsNewAndExisting()
    {
        var r = Metrics.Repeat.PeriodRetention(RepeatExamples.ShopHistory, new(2024, 2, 1), new(2024, 2, 29), new(2024, 3, 1), new(2024, 3, 31));
        Assert.Equal(new Rate(1, 2), r.Retention);
        Assert.Equal(new Rate(1, 1), r.NewCustomerRetention);
        Assert.Equal(new Rate(0, 1), r.ExistingCustomerRetention);
    }

    // B's first day is inclusive: B = 03-01..03-01 still retains C2 (03-01); B = 03-02..03-31 does not.
    [Fact]
    public void PeriodRetention_Boundaries_AreInclusive()
    {
        var h = RepeatExamples.ShopHistory;
        Assert.Equal(1, Metrics.Repeat.PeriodRetention(h, new(2024, 2, 1), new(2024, 2, 29), new(2024, 3, 1), new(2024, 3, 1)).Retained);
        Assert.Equal(0, Metrics.Repeat.PeriodRetention(h, new(2024, 2, 1), new(2024, 2, 29), new(2024, 3, 2), new(2024, 3, 31)).Retained);
    }

    [Fact]
    public void PeriodRetention_EmptyAndBadArguments()
    {
        Assert.Equal(default, Metrics.Repeat.PeriodRetention(PurchaseHistory.Empty, new(2024, 1, 1), new(2024, 1, 31), new(2024, 2, 1), new(2024, 2, 29)));
        Assert.Equal("aTo", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Metrics.Repeat.PeriodRetention(PurchaseHistory.Empty, new(2024, 1, 2), new(2024, 1, 1), new(2024, 2, 1), new(2024, 2, 29))).ParamName);
        Assert.Equal("bTo", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Metrics.Repeat.PeriodRetention(PurchaseHistory.Empty, new(2024, 1, 1), new(2024, 1, 1), new(2024, 2, 2), new(2024, 2, 1))).ParamName);
    }
}
