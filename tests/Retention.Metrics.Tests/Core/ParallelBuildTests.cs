using Retention.Metrics.Tests.Infrastructure;

namespace Retention.Metrics.Tests.Core;

/// <summary>A build on several threads gives exactly the one-thread history, and exactly its errors.</summary>
public class ParallelBuildTests
{
    private static readonly DateOnly Day = new(2024, 2, 29);

    private static PurchaseHistoryOptions Threads(int n, bool refunds = false) => new() { DegreeOfParallelism = n, AllowRefunds = refunds };

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void Create_SkewedShop_EqualsOneThread(int threads)
    {
        Purchase[] purchases = RandomHistories.Purchases(seed: 21, customers: 30_000);
        HistoryAssert.Same(PurchaseHistory.Create(purchases), PurchaseHistory.Create(purchases, Threads(threads)));
    }

    [Fact]
    public void Builder_ChunksThenBuild_EqualsOneThread()
    {
        Purchase[] purchases = RandomHistories.Purchases(seed: 22, customers: 20_000);
        var builder = new PurchaseHistoryBuilder(Threads(2));
        for (int at = 0; at < purchases.Length; at += 5000) builder.Add(purchases.AsSpan(at, Math.Min(5000, purchases.Length - at)));
        HistoryAssert.Same(PurchaseHistory.Create(purchases), builder.Build());
    }

    [Fact]
    public void Create_SlicesWithDifferentScales_AgreeOnTheFinest()
    {
        // The first half has whole amounts only, the second half cents and one amount with three decimals.
        var purchases = new Purchase[20_000];
        for (int i = 0; i < purchases.Length; i++)
        {
            decimal amount = i < 10_000 ? i % 97 : (i % 997) / 100m;
            purchases[i] = new Purchase(i % 3_000, Day.AddDays(i % 400), amount);
        }
        purchases[^1] = purchases[^1] with { Amount = 1.125m };
        var parallel = PurchaseHistory.Create(purchases, Threads(2));
        Assert.Equal(3, parallel.AmountScale);
        HistoryAssert.Same(PurchaseHistory.Create(purchases), parallel);
    }

    [Fact]
    public void Create_RefundsOnSeveralThreads_EqualOneThread()
    {
        var purchases = new List<Purchase>(RandomHistories.Purchases(seed: 23, customers: 10_000, withZeroAmounts: false));
        // A refund after each of the first 500 purchases, same day, half the amount.
        for (int i = 0; i < 500; i++) purchases.Add(purchases[i] with { Amount = -Math.Round(purchases[i].Amount / 2, 2) });
        Purchase[] all = purchases.ToArray();
        HistoryAssert.Same(PurchaseHistory.Create(all, Threads(1, refunds: true)), PurchaseHistory.Create(all, Threads(2, refunds: true)));
    }

    [Theory]
    [InlineData(9_000)]
    [InlineData(19_999)]
    public void Create_InvalidPurchaseInAnySlice_ReportsTheSameFirstRecord(int bad)
    {
        Purchase[] purchases = RandomHistories.Purchases(seed: 24, customers: 8_000);
        Assert.True(purchases.Length > 20_000);
        purchases[bad] = purchases[bad] with { Amount = -1m };
        purchases[bad + 500] = purchases[bad + 500] with { Date = default };
        var one = Assert.Throws<ArgumentException>(() => PurchaseHistory.Create(purchases));
        var several = Assert.Throws<ArgumentException>(() => PurchaseHistory.Create(purchases, Threads(4)));
        Assert.Equal(one.Message, several.Message);
        Assert.Equal("purchases", several.ParamName);
        Assert.Contains($"purchases[{bad}].Amount", several.Message);
    }

    [Fact]
    public void Create_SumBeyondExactRangeAcrossSlices_ReportsTheSameRecord()
    {
        // Each half alone fits in 64-bit units (5 × 10^18); together (10^19) they do not.
        var purchases = new Purchase[10_000];
        decimal big = 1_000_000_000_000_000m; // 10^15
        for (int i = 0; i < purchases.Length; i++) purchases[i] = new Purchase(i % 100, Day, big);
        var one = Assert.Throws<ArgumentException>(() => PurchaseHistory.Create(purchases));
        var several = Assert.Throws<ArgumentException>(() => PurchaseHistory.Create(purchases, Threads(2)));
        Assert.Equal(one.Message, several.Message);
        Assert.Contains("purchases[9223]", several.Message);
        // With a finer amount in the second half, that half alone overflows once rescaled.
        purchases[^1] = purchases[^1] with { Amount = big + 0.5m };
        Assert.Equal(Assert.Throws<ArgumentException>(() => PurchaseHistory.Create(purchases)).Message,
            Assert.Throws<ArgumentException>(() => PurchaseHistory.Create(purchases, Threads(2))).Message);
    }

    [Fact]
    public void Options_DegreeBelowOne_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new PurchaseHistoryOptions { DegreeOfParallelism = 0 });
        Assert.Equal("DegreeOfParallelism", e.ParamName);
        Assert.Equal(1, PurchaseHistoryOptions.Default.DegreeOfParallelism);
    }

    [Fact]
    public void Create_SmallInputWithThreads_UsesOneThreadAndAgrees()
    {
        Purchase[] purchases = [new(1, Day, 5m), new(0, Day, 2.5m), new(1, Day.AddDays(-3), 1m)];
        HistoryAssert.Same(PurchaseHistory.Create(purchases), PurchaseHistory.Create(purchases, Threads(8)));
    }
}
