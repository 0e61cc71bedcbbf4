using FsCheck;
using FsCheck.Xunit;

namespace Retention.Metrics.Tests.Campaigns;

public class CompareRetentionTests
{
    private static readonly DateOnly D = new(2024, 1, 1);

    // Customers 0..3 treated, 4..7 control; everyone first buys on D.
    // Treated: 0, 1 and 2 buy again within 30 days (days 10, 30, 20); 3 buys again on day 31 (outside W = 30).
    // Control: 4 buys again on day 5; 5, 6, 7 never. As of D + 60 every window has elapsed.
    // F2: treated 3/4, control 1/4. Pooled p̄ = 4/8 = 0.5; z = (0.75 − 0.25)/√(0.25·(1/4 + 1/4)) = 0.5/0.35355 = 1.41421.
    private static PurchaseHistory History() => PurchaseHistory.Create([
        new Purchase(0, D, 10m), new Purchase(0, D.AddDays(10), 10m),
        new Purchase(1, D, 10m), new Purchase(1, D.AddDays(30), 10m),
        new Purchase(2, D, 10m), new Purchase(2, D.AddDays(20), 10m),
        new Purchase(3, D, 10m), new Purchase(3, D.AddDays(31), 10m),
        new Purchase(4, D, 10m), new Purchase(4, D.AddDays(5), 10m),
        new Purchase(5, D, 10m), new Purchase(6, D, 10m), new Purchase(7, D, 10m)]);

    [Fact]
    public void CompareF2Conversion_HandWorked()
    {
        var history = History();
        var treated = CustomerSet.FromIds(history, [0, 1, 2, 3]);
        var control = CustomerSet.FromIds(history, [4, 5, 6, 7]);
        var result = Metrics.Campaigns.CompareF2Conversion(history, treated, control, D.AddDays(60), windowDays: 30);
        Assert.Equal(new Rate(3, 4), result.Treated);
        Assert.Equal(new Rate(1, 4), result.Control);
        Assert.Equal(0.5, result.Uplift, 15);
        Assert.Equal(2d, result.RelativeLift!.Value, 12);
        Assert.Equal(Math.Sqrt(2d), result.Test.Statistic, 12);
        Assert.Equal(2d * (1d - MathNet.Numerics.Distributions.Normal.CDF(0, 1, Math.Sqrt(2d))), result.Test.PValue, 10);
    }

    [Fact]
    public void CompareF2Conversion_EqualsTheRepeatFunctionsOnEachGroup()
    {
        var history = History();
        var treated = CustomerSet.FromIds(history, [0, 1, 2, 3]);
        var control = CustomerSet.FromIds(history, [4, 5, 6, 7]);
        var result = Metrics.Campaigns.CompareF2Conversion(history, treated, control, D.AddDays(60), 30);
        Assert.Equal(Metrics.Repeat.F2Conversion(history, D.AddDays(60), 30, customers: treated).Total.Rate, result.Treated);
        var z = Metrics.Campaigns.TwoProportionZTest(new CampaignGroup(4, 3, 3, 0m, 0m), new CampaignGroup(4, 1, 1, 0m, 0m));
        Assert.Equal(z, result.Test);
    }

    // Window [D+1, D+40]: treated buyers 0, 1, 2, 3 each bought once there; control buyer 4 once. Repeat in window: 0/4 vs 0/1.
    // Window [D, D+40] by occasions: treated 4/4, control 1/4.
    [Fact]
    public void CompareRepeatRate_HandWorked()
    {
        var history = History();
        var treated = CustomerSet.FromIds(history, [0, 1, 2, 3]);
        var control = CustomerSet.FromIds(history, [4, 5, 6, 7]);
        var result = Metrics.Campaigns.CompareRepeatRate(history, treated, control, D, D.AddDays(40));
        Assert.Equal(new Rate(4, 4), result.Treated);
        Assert.Equal(new Rate(1, 4), result.Control);
        var none = Metrics.Campaigns.CompareRepeatRate(history, treated, control, D.AddDays(1), D.AddDays(40));
        Assert.Equal(new Rate(0, 4), none.Treated);
        Assert.Equal(new Rate(0, 1), none.Control);
        Assert.Null(none.RelativeLift);
        Assert.Equal(1d, none.Test.PValue);
    }

    [Fact]
    public void Compare_GroupWithNobodyEligible_ThrowsNamingIt()
    {
        var history = History();
        var treated = CustomerSet.FromIds(history, [0, 1]);
        var control = CustomerSet.FromIds(history, [4]);
        // As of D + 10 no 30-day window has elapsed: nobody is eligible.
        var ex = Assert.Throws<ArgumentException>(() => Metrics.Campaigns.CompareF2Conversion(history, treated, control, D.AddDays(10), 30));
        Assert.Equal("treated", ex.ParamName);
        var empty = CustomerSet.FromIds(history, []);
        ex = Assert.Throws<ArgumentException>(() => Metrics.Campaigns.CompareRepeatRate(history, treated, empty, D, D.AddDays(40)));
        Assert.Equal("control", ex.ParamName);
    }

    [Fact]
    public void Compare_BadArguments_Throw()
    {
        var history = History();
        var set = CustomerSet.FromIds(history, [0]);
        Assert.Throws<ArgumentNullException>(() => Metrics.Campaigns.CompareF2Conversion(null!, set, set, D, 30));
        Assert.Equal("confidenceLevel", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Metrics.Campaigns.CompareRepeatRate(history, set, set, D, D.AddDays(40), confidenceLevel: 1.5)).ParamName);
        Assert.Equal("asOf", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Metrics.Campaigns.CompareF2Conversion(history, set, set, D.AddDays(-1), 30)).ParamName);
    }

    [Property]
    public bool SwappingGroups_NegatesUpliftAndKeepsP(NonNegativeInt seed)
    {
        var purchases = Infrastructure.RandomHistories.Purchases(seed.Get, 60, days: 200);
        if (purchases.Length == 0) return true;
        var history = PurchaseHistory.Create(purchases);
        var ids = history.CustomerIds.ToArray();
        var a = CustomerSet.FromIds(history, ids.Where(i => i % 2 == 0).ToArray());
        var b = CustomerSet.FromIds(history, ids.Where(i => i % 2 == 1).ToArray());
        var from = history.FirstDate;
        var to = history.LastDate;
        if (Metrics.Repeat.MultiPurchaseShare(history, from, to, customers: a).Denominator == 0
            || Metrics.Repeat.MultiPurchaseShare(history, from, to, customers: b).Denominator == 0) return true;
        var ab = Metrics.Campaigns.CompareRepeatRate(history, a, b, from, to);
        var ba = Metrics.Campaigns.CompareRepeatRate(history, b, a, from, to);
        return Math.Abs(ab.Uplift + ba.Uplift) < 1e-15 && Math.Abs(ab.Test.PValue - ba.Test.PValue) < 1e-12
            && ab.Test.PValue is >= 0 and <= 1;
    }
}
