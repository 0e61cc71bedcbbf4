using Retention.Metrics.Tests.Infrastructure;

namespace Retention.Metrics.Tests.Core;

public class PurchaseHistoryTests
{
    private static readonly DateOnly D = new(2024, 2, 27);

    [Fact]
    public void Create_Empty_IsEmpty()
    {
        var history = PurchaseHistory.Create(ReadOnlySpan<Purchase>.Empty);
        Assert.True(history.IsEmpty);
        Assert.Same(PurchaseHistory.Empty, history);
        Assert.Equal(0, history.CustomerCount);
        Assert.Equal(default, history.FirstDate);
        Assert.Equal(0m, history.TotalAmount);
        Assert.Equal(1, history.CustomerStarts.Length);
    }

    [Fact]
    public void Create_UnsortedInput_SortsByCustomerThenDayThenAmount()
    {
        Purchase[] purchases =
        [
            new(1, D.AddDays(2), 5m),
            new(0, D.AddDays(1), 10m),
            new(1, D, 7.5m),
            new(0, D.AddDays(1), 2m),
            new(0, D, 1.25m),
        ];
        var history = PurchaseHistory.Create(purchases);
        Assert.Equal(2, history.CustomerCount);
        Assert.Equal(5, history.Count);
        Assert.Equal([0, 3, 5], history.CustomerStarts.ToArray());
        Assert.Equal([0, 1], history.CustomerIds.ToArray());
        Assert.Equal(2, history.AmountScale);
        Assert.Equal(
            [D.DayNumber, D.DayNumber + 1, D.DayNumber + 1, D.DayNumber, D.DayNumber + 2],
            history.DayNumbers.ToArray());
        Assert.Equal([125L, 200L, 1000L, 750L, 500L], history.AmountUnits.ToArray());
        Assert.Equal(25.75m, history.TotalAmount);
        Assert.Equal(D, history.FirstDate);
        Assert.Equal(D.AddDays(2), history.LastDate);
    }

    [Fact]
    public void Create_SparseCustomerIndexes_CompactsAndKeepsIds()
    {
        Purchase[] purchases = [new(int.MaxValue, D, 1m), new(7, D, 2m), new(1_000_000_000, D, 3m)];
        var history = PurchaseHistory.Create(purchases);
        Assert.Equal([7, 1_000_000_000, int.MaxValue], history.CustomerIds.ToArray());
        Assert.Equal(1, history.PositionOf(1_000_000_000));
        Assert.Equal(-1, history.PositionOf(8));
        Assert.Equal(0, history.PositionOf(7));
    }

    [Fact]
    public void Create_GapsInDenseIndexes_SkipsCustomersWithoutPurchases()
    {
        var history = PurchaseHistory.Create([new Purchase(3, D, 1m), new Purchase(1, D, 1m)]);
        Assert.Equal([1, 3], history.CustomerIds.ToArray());
        Assert.Equal(0, history.PositionOf(1));
        Assert.Equal(1, history.PositionOf(3));
    }

    [Fact]
    public void Create_MixedScales_StoresExactUnitsAtTheFinestScale()
    {
        var history = PurchaseHistory.Create([new Purchase(0, D, 1000m), new Purchase(0, D, 0.005m), new Purchase(0, D, 29.30m)]);
        Assert.Equal(3, history.AmountScale);
        Assert.Equal(1029.305m, history.TotalAmount);
        Assert.Equal(0.005m, history.ToAmount(history.AmountUnits[0]));
    }

    [Fact]
    public void Create_TrailingZerosDoNotRaiseTheScale()
    {
        var history = PurchaseHistory.Create([new Purchase(0, D, 29.3000m), new Purchase(0, D, 1.000000m)]);
        Assert.Equal(1, history.AmountScale);
    }

    [Fact]
    public void Create_HugeAmountsBeyondExactRange_ThrowsNamingTheRecord()
    {
        Purchase[] purchases = [new(0, D, 9_000_000_000_000_000_000m), new(1, D, 9_000_000_000_000_000_000m)];
        var ex = Assert.Throws<ArgumentException>(() => PurchaseHistory.Create(purchases));
        Assert.Equal("purchases", ex.ParamName);
        Assert.Contains("purchases[1].Amount", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_TooManyDecimalPlaces_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => PurchaseHistory.Create([new Purchase(0, D, 1m), new Purchase(0, D, 0.0000000000000000001m)]));
        Assert.Contains("purchases[1].Amount", ex.Message, StringComparison.Ordinal);
        Assert.Contains("18 decimal places", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NegativeAmountWithoutRefunds_ThrowsNamingIndexFieldAndRule()
    {
        Purchase[] purchases = [new(0, D, 1m), new(0, D, 2m), new(3, D, -3.50m)];
        var ex = Assert.Throws<ArgumentException>(() => PurchaseHistory.Create(purchases));
        Assert.Equal("purchases", ex.ParamName);
        Assert.StartsWith("purchases[2].Amount is -3.50; amounts must be zero or greater", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_DefaultDate_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => PurchaseHistory.Create([new Purchase(0, D, 1m), default]));
        Assert.StartsWith("purchases[1].Date is 0001-01-01", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NegativeCustomer_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => PurchaseHistory.Create([new Purchase(-1, D, 1m)]));
        Assert.StartsWith("purchases[0].Customer is -1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_LeapDay_IsAnOrdinaryDay()
    {
        var leap = new DateOnly(2024, 2, 29);
        var history = PurchaseHistory.Create([new Purchase(0, leap, 1m), new Purchase(0, leap.AddDays(1), 1m)]);
        Assert.Equal(new DateOnly(2024, 3, 1), history.LastDate);
        Assert.Equal(1, history.DayNumbers[1] - history.DayNumbers[0]);
    }

    [Fact]
    public void Create_FromKeyedRecords_InternsKeys()
    {
        var rows = new[] { ("alice", D, 10m), ("bob", D, 5m), ("alice", D.AddDays(3), 7m) };
        var customers = new CustomerIndex<string>();
        var history = PurchaseHistory.Create(rows, r => r.Item1, r => r.Item2, r => r.Item3, customers);
        Assert.Equal(2, customers.Count);
        Assert.Equal("alice", customers[history.CustomerIds[0]]);
        Assert.Equal(2, history.CustomerStarts[1]);
        Assert.Equal(22m, history.TotalAmount);
    }

    [Fact]
    public void Create_FromKeyedRecords_NullKeyNamesTheRecord()
    {
        var rows = new[] { ("alice", D, 10m), (null!, D, 5m) };
        var ex = Assert.Throws<ArgumentException>(() =>
            PurchaseHistory.Create(rows, r => r.Item1, r => r.Item2, r => r.Item3, new CustomerIndex<string>()));
        Assert.Equal("source", ex.ParamName);
        Assert.StartsWith("source[1].customer key is null", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_FromKeyedRecords_GuidAndLongKeysWork()
    {
        var g = Guid.Parse("5b1f8c1e-0000-4000-8000-000000000001");
        var byGuid = new CustomerIndex<Guid>();
        var h1 = PurchaseHistory.Create(new[] { g, g }, k => k, _ => D, _ => 1m, byGuid);
        Assert.Equal(1, h1.CustomerCount);
        var byLong = new CustomerIndex<long>();
        var h2 = PurchaseHistory.Create(new[] { long.MaxValue, long.MinValue }, k => k, _ => D, _ => 1m, byLong);
        Assert.Equal(2, h2.CustomerCount);
        Assert.Equal(long.MinValue, byLong[h2.CustomerIds[1]]);
    }

    // Refunds: netted per day; a net-negative day reduces the latest earlier purchase days; fully refunded entries go.
    [Fact]
    public void Create_RefundsAllowed_NetsPerDayAndCarriesBack()
    {
        var options = new PurchaseHistoryOptions { AllowRefunds = true };
        Purchase[] purchases =
        [
            new(0, D, 100m),            // day 0: 100
            new(0, D.AddDays(1), 50m),  // day 1: 50 − 20 = 30 (same-day partial refund)
            new(0, D.AddDays(1), -20m),
            new(0, D.AddDays(5), -40m), // day 5: refund 40 → day 1 (30) is removed, day 0 becomes 90
            new(1, D, 10m),             // customer 1: fully refunded the same day → no purchase, no customer
            new(1, D, -10m),
            new(2, D, 0m),              // a free sample with no refund stays a purchase
        ];
        var history = PurchaseHistory.Create(purchases, options);
        Assert.Equal([0, 2], history.CustomerIds.ToArray());
        Assert.Equal(2, history.Count);
        Assert.Equal(0, history.AmountScale); // every amount is whole
        Assert.Equal([90L, 0L], history.AmountUnits.ToArray());
        Assert.Equal(90m, history.TotalAmount);
    }

    [Fact]
    public void Create_RefundBeforeAnyPurchase_ThrowsNamingCustomerAndDate()
    {
        var options = new PurchaseHistoryOptions { AllowRefunds = true };
        var ex = Assert.Throws<ArgumentException>(() =>
            PurchaseHistory.Create([new Purchase(4, D.AddDays(1), 5m), new Purchase(4, D, -5m)], options));
        Assert.Equal("purchases", ex.ParamName);
        Assert.Contains("customer 4 refunds 5", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2024-02-27", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_RefundsAllowedButNone_MergesSameDayOrders()
    {
        var history = PurchaseHistory.Create([new Purchase(0, D, 1m), new Purchase(0, D, 2m)], new PurchaseHistoryOptions { AllowRefunds = true });
        Assert.Equal(1, history.Count);
        Assert.Equal(3m, history.TotalAmount);
    }

    [Fact]
    public async Task Builder_ChunksAndAsyncStream_EqualOneShot()
    {
        var purchases = RandomHistories.Purchases(seed: 7, customers: 300);
        var builder = new PurchaseHistoryBuilder();
        builder.Add(purchases.AsSpan(0, 100));
        builder.Add(purchases[100]);
        await builder.AddAsync(Stream(purchases[101..]));
        var chunked = builder.Build();
        var whole = PurchaseHistory.Create(purchases);
        HistoryAssert.Equal(whole, chunked);
        Assert.Throws<InvalidOperationException>(() => builder.Build());
        Assert.Throws<InvalidOperationException>(() => builder.Add(purchases[0]));

        static async IAsyncEnumerable<Purchase> Stream(Purchase[] items)
        {
            foreach (var p in items)
            {
                await Task.Yield();
                yield return p;
            }
        }
    }

    [Fact]
    public void Builder_ErrorIndexCountsAcrossChunks()
    {
        var builder = new PurchaseHistoryBuilder();
        builder.Add([new Purchase(0, D, 1m), new Purchase(0, D, 1m)]);
        var ex = Assert.Throws<ArgumentException>(() => builder.Add([new Purchase(0, D, 1m), new Purchase(0, D, -1m)]));
        Assert.StartsWith("purchases[3].Amount", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Builder_NegativeCapacity_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new PurchaseHistoryBuilder(capacity: -1));
        Assert.Equal("capacity", ex.ParamName);
    }

    [Fact]
    public void Create_LargeRunsOutOfOrder_SortsLikeTheOracle()
    {
        var random = new Random(3);
        var purchases = new Purchase[5000];
        for (int i = 0; i < purchases.Length; i++)
            purchases[i] = new Purchase(random.Next(3), D.AddDays(random.Next(400)), random.Next(1000) / 10m);
        var history = PurchaseHistory.Create(purchases);
        var expected = purchases.OrderBy(p => p.Customer).ThenBy(p => p.Date).ThenBy(p => p.Amount).ToArray();
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Date.DayNumber, history.DayNumbers[i]);
            Assert.Equal(expected[i].Amount, history.ToAmount(history.AmountUnits[i]));
        }
    }
}
