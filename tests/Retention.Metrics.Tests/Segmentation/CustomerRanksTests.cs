using static Retention.Metrics.Tests.Segmentation.SegmentationTestData;

namespace Retention.Metrics.Tests.Segmentation;

public class CustomerRanksTests
{
    // Bronze ≥ 10,000, Silver ≥ 30,000, Gold ≥ 100,000 (domain-jp-ec.md): tiers 0–3.
    private static readonly decimal[] Tiers = [10_000m, 30_000m, 100_000m];

    [Theory]
    [InlineData("0", 0)]
    [InlineData("9999.99", 0)]
    [InlineData("10000", 1)]
    [InlineData("29999", 1)]
    [InlineData("30000", 2)]
    [InlineData("99999.99", 2)]
    [InlineData("100000", 3)]
    [InlineData("5000000", 3)]
    public void Compute_Summaries_ThresholdsAreInclusiveLowerBounds(string spend, int rank)
    {
        var r = CustomerRanks.Compute(WithSpend(decimal.Parse(spend, System.Globalization.CultureInfo.InvariantCulture)), Tiers);
        Assert.Equal(rank, r.Customers[0].Rank);
    }

    [Fact]
    public void Compute_Summaries_TierSizes()
    {
        var r = CustomerRanks.Compute(WithSpend(5_000, 12_000, 15_000, 40_000, 150_000), Tiers);
        Assert.Equal(new RankTierSummary(0, new Rate(1, 5), 5_000m), r.Tiers[0]);
        Assert.Equal(new RankTierSummary(1, new Rate(2, 5), 27_000m), r.Tiers[1]);
        Assert.Equal(new RankTierSummary(2, new Rate(1, 5), 40_000m), r.Tiers[2]);
        Assert.Equal(new RankTierSummary(3, new Rate(1, 5), 150_000m), r.Tiers[3]);
        Assert.Equal(Tiers, r.Thresholds.ToArray());
    }

    // Window (asOf − 12 months, asOf] with asOf 2025-03-31: from 2024-04-01 through 2025-03-31.
    // Customer 0: 20,000 on 2024-03-31 (outside, the day before) + 15,000 on 2024-04-01 (inside) → 15,000 → Bronze.
    // Customer 1: 50,000 on 2025-03-31 (inside, asOf inclusive) → Silver. Customer 2: only on 2023-01-10 → tier 0, spend 0.
    // Customer 3: first purchase after asOf → not a customer yet.
    [Fact]
    public void Compute_History_TwelveMonthWindowBounds()
    {
        var history = PurchaseHistory.Create(
        [
            new Purchase(0, new DateOnly(2024, 3, 31), 20_000m),
            new Purchase(0, new DateOnly(2024, 4, 1), 15_000m),
            new Purchase(1, new DateOnly(2025, 3, 31), 50_000m),
            new Purchase(2, new DateOnly(2023, 1, 10), 200_000m),
            new Purchase(3, new DateOnly(2025, 4, 1), 200_000m),
        ]);
        var r = CustomerRanks.Compute(history, AsOf, Tiers);
        Assert.Equal(
            [new CustomerRank(0, 15_000m, 1), new CustomerRank(1, 50_000m, 2), new CustomerRank(2, 0m, 0)],
            r.Customers.ToArray());
        Assert.Equal(1, r.Tiers[0].Customers.Numerator);
        // A 24-month window reaches back to 2023-04-01: customer 0 then has 35,000 → Silver.
        Assert.Equal(2, CustomerRanks.Compute(history, AsOf, Tiers, months: 24).Customers[0].Rank);
    }

    // Transitions from 2024-03-31 to 2025-03-31 (windows (2023-03-31, 2024-03-31] and (2024-03-31, 2025-03-31]):
    // customer 0: 40,000 in 2023-06 → Silver, then 12,000 → Bronze (down);
    // customer 1: 5,000 → 0, then 120,000 → Gold (up);
    // customer 2: 11,000 → Bronze both years (same);
    // customer 3: acquired 2024-10-01 with 31,000 → tier 0 at from, Silver at to (up).
    [Fact]
    public void Transitions_History_MatrixAndShares()
    {
        var history = PurchaseHistory.Create(
        [
            new Purchase(0, new DateOnly(2023, 6, 1), 40_000m),
            new Purchase(0, new DateOnly(2024, 6, 1), 12_000m),
            new Purchase(1, new DateOnly(2023, 6, 1), 5_000m),
            new Purchase(1, new DateOnly(2025, 1, 1), 120_000m),
            new Purchase(2, new DateOnly(2023, 12, 1), 11_000m),
            new Purchase(2, new DateOnly(2024, 12, 1), 11_000m),
            new Purchase(3, new DateOnly(2024, 10, 1), 31_000m),
        ]);
        var t = CustomerRanks.Transitions(history, new DateOnly(2024, 3, 31), AsOf, Tiers);
        Assert.Equal(4, t.TierCount);
        Assert.Equal(1, t.Count(2, 1));
        Assert.Equal(1, t.Count(0, 3));
        Assert.Equal(1, t.Count(1, 1));
        Assert.Equal(1, t.Count(0, 2));
        Assert.Equal(new Rate(2, 4), t.Up);
        Assert.Equal(new Rate(1, 4), t.Down);
        Assert.Equal(new Rate(1, 4), t.Same);
        Assert.Equal(new CustomerRankMove(3, 0, 2), t.Customers[3]);
    }

    [Fact]
    public void Transitions_SameDate_AllSame()
    {
        var history = PurchaseHistory.Create([new Purchase(0, AsOf, 50_000m), new Purchase(1, AsOf.AddDays(-3), 1m)]);
        var t = CustomerRanks.Transitions(history, AsOf, AsOf, Tiers);
        Assert.Equal(new Rate(2, 2), t.Same);
    }

    [Fact]
    public void Compute_Empty_NoCustomers()
    {
        var r = CustomerRanks.Compute(ReadOnlySpan<CustomerSummary>.Empty, Tiers);
        Assert.Equal(0, r.Customers.Length);
        Assert.Equal(new Rate(0, 0), r.Tiers[0].Customers);
        Assert.Equal(0, CustomerRanks.Compute(PurchaseHistory.Empty, AsOf, Tiers).Customers.Length);
        var t = CustomerRanks.Transitions(PurchaseHistory.Empty, AsOf, AsOf, Tiers);
        Assert.Equal(new Rate(0, 0), t.Up);
    }

    [Fact]
    public void BadArguments_Throw()
    {
        var history = PurchaseHistory.Create([new Purchase(0, AsOf, 1m)]);
        var e = Assert.Throws<ArgumentException>(() => CustomerRanks.Compute(WithSpend(1), [10m, 30m, 30m]));
        Assert.Equal("thresholds", e.ParamName);
        Assert.Contains("thresholds[2]", e.Message, StringComparison.Ordinal);
        Assert.Equal("thresholds", Assert.Throws<ArgumentException>(() => CustomerRanks.Compute(WithSpend(1), [])).ParamName);
        Assert.Equal("months", Assert.Throws<ArgumentOutOfRangeException>(() => CustomerRanks.Compute(history, AsOf, Tiers, 0)).ParamName);
        Assert.Equal("asOf", Assert.Throws<ArgumentOutOfRangeException>(() => CustomerRanks.Compute(history, AsOf.AddDays(-1), Tiers)).ParamName);
        Assert.Equal("from", Assert.Throws<ArgumentOutOfRangeException>(() => CustomerRanks.Transitions(history, AsOf.AddDays(1), AsOf, Tiers)).ParamName);
        Assert.Equal("to", Assert.Throws<ArgumentOutOfRangeException>(() => CustomerRanks.Transitions(history, AsOf.AddDays(-9), AsOf.AddDays(-1), Tiers)).ParamName);
        var t = CustomerRanks.Transitions(history, AsOf, AsOf, Tiers);
        Assert.Equal("toRank", Assert.Throws<ArgumentOutOfRangeException>(() => t.Count(0, 4)).ParamName);
    }
}
