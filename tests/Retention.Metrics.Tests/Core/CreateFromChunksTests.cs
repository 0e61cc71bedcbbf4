using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Retention.Metrics.Tests.Infrastructure;

namespace Retention.Metrics.Tests.Core;

/// <summary>The two-pass build over a source read twice equals the one-shot build, validates like it, and notices a changed source.</summary>
public class CreateFromChunksTests
{
    private static readonly DateOnly Day = new(2024, 2, 29);

    /// <summary>Reads the purchases back in chunks of the given size through one reused buffer, as a file reader would.</summary>
    private static Func<IEnumerable<ReadOnlyMemory<Purchase>>> Chunks(Purchase[] purchases, int chunk)
    {
        return Read;

        IEnumerable<ReadOnlyMemory<Purchase>> Read()
        {
            var buffer = new Purchase[Math.Max(1, chunk)];
            for (int at = 0; at < purchases.Length; at += chunk)
            {
                int length = Math.Min(chunk, purchases.Length - at);
                purchases.AsSpan(at, length).CopyTo(buffer);
                yield return buffer.AsMemory(0, length);
                buffer.AsSpan().Clear(); // the library must not keep a chunk after moving on
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public void CreateFromChunks_SkewedShop_EqualsCreate(int chunk)
    {
        Purchase[] purchases = RandomHistories.Purchases(seed: 5, customers: 3000);
        HistoryAssert.Same(PurchaseHistory.Create(purchases), PurchaseHistory.CreateFromChunks(Chunks(purchases, chunk)));
    }

    [Property(Arbitrary = [typeof(RetentionArbitraries)])]
    public bool CreateFromChunks_AnyPurchasesAndChunking_EqualsCreate(Purchase[] purchases, PositiveInt chunk)
    {
        var expected = PurchaseHistory.Create(purchases);
        var actual = PurchaseHistory.CreateFromChunks(Chunks(purchases, chunk.Get % 9 + 1));
        return expected.Count == actual.Count && expected.TotalAmount == actual.TotalAmount && expected.AmountScale == actual.AmountScale
            && expected.CustomerStarts.SequenceEqual(actual.CustomerStarts) && expected.DayNumbers.SequenceEqual(actual.DayNumbers)
            && expected.AmountUnits.SequenceEqual(actual.AmountUnits) && expected.CustomerIds.SequenceEqual(actual.CustomerIds);
    }

    [Fact]
    public void CreateFromChunks_MixedScalesAndRefunds_EqualCreate()
    {
        // Scale 0, then 1, then 2 decimals: the count pass rescales; a refund nets against its day.
        Purchase[] purchases =
        [
            new(2, Day, 10m), new(0, Day, 5.5m), new(2, Day.AddDays(1), 1.25m), new(0, Day, -2.5m), new(1, Day.AddDays(3), 0m),
        ];
        var options = new PurchaseHistoryOptions { AllowRefunds = true };
        var history = PurchaseHistory.CreateFromChunks(Chunks(purchases, 2), options);
        HistoryAssert.Same(PurchaseHistory.Create(purchases, options), history);
        Assert.Equal(2, history.AmountScale);
        Assert.Equal(14.25m, history.TotalAmount);
    }

    [Fact]
    public void CreateFromChunks_NoChunks_IsEmpty()
    {
        Assert.Same(PurchaseHistory.Empty, PurchaseHistory.CreateFromChunks(() => []));
        Assert.Same(PurchaseHistory.Empty, PurchaseHistory.CreateFromChunks(() => [ReadOnlyMemory<Purchase>.Empty]));
    }

    [Fact]
    public void CreateFromChunks_InvalidPurchase_NamesItsPositionAcrossChunks()
    {
        Purchase[] purchases = [new(0, Day, 1m), new(1, Day, 2m), new(2, Day, 3m), new(3, default, 4m)];
        var e = Assert.Throws<ArgumentException>(() => PurchaseHistory.CreateFromChunks(Chunks(purchases, 3)));
        Assert.Equal("readChunks", e.ParamName);
        Assert.Contains("readChunks[3].Date", e.Message);
        var negative = Assert.Throws<ArgumentException>(() => PurchaseHistory.CreateFromChunks(Chunks([new(0, Day, 1m), new(0, Day, -1m)], 1)));
        Assert.Contains("readChunks[1].Amount", negative.Message);
        var decimals = Assert.Throws<ArgumentException>(() => PurchaseHistory.CreateFromChunks(Chunks([new(0, Day, 0.0000000000000000001m)], 1)));
        Assert.Contains("at most 18 decimal places", decimals.Message);
    }

    [Fact]
    public void CreateFromChunks_SparseCustomerIndex_ThrowsNamingTheRecord()
    {
        var e = Assert.Throws<ArgumentException>(() => PurchaseHistory.CreateFromChunks(Chunks([new(0, Day, 1m), new(int.MaxValue - 1, Day, 1m)], 1)));
        Assert.Contains("readChunks[1].Customer", e.Message);
        Assert.Contains("CustomerIndex", e.Message);
    }

    [Fact]
    public void CreateFromChunks_SecondReadDiffers_Throws()
    {
        int reads = 0;
        Purchase[] first = [new(0, Day, 1m), new(1, Day, 2m)];
        Purchase[] second = [new(0, Day, 1m), new(1, Day.AddDays(1), 2m)];
        var e = Assert.Throws<InvalidOperationException>(() => PurchaseHistory.CreateFromChunks(() => reads++ == 0 ? [first] : [second]));
        Assert.Contains("different purchases the second time", e.Message);
        reads = 0;
        Purchase[] longer = [.. first, new(1, Day, 3m)];
        Assert.Throws<InvalidOperationException>(() => PurchaseHistory.CreateFromChunks(() => reads++ == 0 ? [first] : [longer]));
        reads = 0;
        Assert.Throws<InvalidOperationException>(() => PurchaseHistory.CreateFromChunks(() => reads++ == 0 ? [first] : [first.AsMemory(0, 1)]));
    }

    [Fact]
    public void CreateFromChunks_NullArguments_Throw()
    {
        Assert.Equal("readChunks", Assert.Throws<ArgumentNullException>(() => PurchaseHistory.CreateFromChunks(null!)).ParamName);
        Assert.Equal("readChunks", Assert.Throws<ArgumentException>(() => PurchaseHistory.CreateFromChunks(() => null!)).ParamName);
    }

    [Fact]
    public void CreateFromChunks_AllocatesOnlyTheHistoryAndTheCounts()
    {
        Purchase[] purchases = RandomHistories.Purchases(seed: 9, customers: 20_000);
        var read = Chunks(purchases, 8192);
        PurchaseHistory.CreateFromChunks(read); // warm up
        long before = GC.GetAllocatedBytesForCurrentThread();
        var history = PurchaseHistory.CreateFromChunks(read);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        // The history (12 B per purchase, 8 per customer) plus the per-index counts (4 B per index, grown by doubling: every
        // size from 1,024 to 32,768 for 20,000 indexes), the test's chunk buffer (2 × 8192 × 24 B over the two reads) and small
        // change; the staging builder would take 16 B more per purchase.
        long historyBytes = 12L * history.Count + 8L * history.CustomerCount;
        long budget = historyBytes + 4L * (2 * 32_768) + 2 * 8192 * 24 + 16 * 1024;
        Assert.True(allocated <= budget, $"allocated {allocated:N0} B; budget {budget:N0} B (history {historyBytes:N0} B)");
    }
}
