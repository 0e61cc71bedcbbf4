namespace Retention.Metrics.Tests.CrossSell;

public class UpgradeRateTests
{
    // A = {trial}, B = {main}, W = 30, asOf 03-31.
    // C0 (trial 01-05, main 01-20 after 15 days) upgraded; C1 (trial 01-10) not; C2 bought main on its first day → not an upgrade;
    // C3 did not start with the trial; C4 (trial 03-20, main 03-25) is censored (03-20 + 30 > 03-31) but already upgraded.
    // Base 4, eligible 3, upgraded 1 → 1/3.
    [Fact]
    public void UpgradeRate_HandWorked()
    {
        var r = Metrics.Repeat.UpgradeRate(CrossSellExamples.Build(), CrossSellExamples.AsOf, [0], [1], 30);
        Assert.Equal(new UpgradeResult(4, 3, 1, 1), r);
        Assert.Equal(new Rate(1, 3), r.Rate);
        Assert.Equal(1, r.Censored);
    }

    // C0's main purchase is 15 days after the trial: inside a 15-day window, outside a 14-day one.
    [Theory]
    [InlineData(15, 1)]
    [InlineData(14, 0)]
    public void UpgradeRate_WindowEnd_Inclusive(int window, long upgraded)
    {
        Assert.Equal(upgraded, Metrics.Repeat.UpgradeRate(CrossSellExamples.Build(), CrossSellExamples.AsOf, [0], [1], window).Upgraded);
    }

    // Unknown product indexes (beyond the catalogue) simply match nothing.
    [Fact]
    public void UpgradeRate_UnknownProducts_MatchNothing()
    {
        Assert.Equal(default, Metrics.Repeat.UpgradeRate(CrossSellExamples.Build(), CrossSellExamples.AsOf, [99], [1], 30));
    }

    [Fact]
    public void UpgradeRate_EmptyAndErrors()
    {
        Assert.Equal(default, Metrics.Repeat.UpgradeRate(OrderLines.Empty, CrossSellExamples.AsOf, [0], [1], 30));
        var lines = CrossSellExamples.Build();
        Assert.Equal("asOf", Assert.Throws<ArgumentOutOfRangeException>(() => Metrics.Repeat.UpgradeRate(lines, new(2024, 1, 4), [0], [1], 30)).ParamName);
        Assert.Equal("windowDays", Assert.Throws<ArgumentOutOfRangeException>(() => Metrics.Repeat.UpgradeRate(lines, CrossSellExamples.AsOf, [0], [1], 0)).ParamName);
        var ex = Assert.Throws<ArgumentException>(() => Metrics.Repeat.UpgradeRate(lines, CrossSellExamples.AsOf, [0], [1, -4], 30));
        Assert.Equal("toProducts", ex.ParamName);
        Assert.Contains("toProducts[1] is -4", ex.Message, StringComparison.Ordinal);
    }
}
