using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Retention.Metrics.Tests.Infrastructure;

namespace Retention.Metrics.Tests.Core;

/// <summary><see cref="PurchaseHistory.Create(ReadOnlySpan{Purchase}, PurchaseHistoryOptions?)"/> builds straight from the span
/// (count, place by customer block, sort each block); the builder, fed one purchase at a time, is the reference it must equal,
/// history for history and error for error.</summary>
public class DirectBuildTests
{
    private static readonly DateOnly Day = new(2024, 2, 29);

    private static PurchaseHistory ByBuilder(ReadOnlySpan<Purchase> purchases, PurchaseHistoryOptions? options = null)
    {
        var builder = new PurchaseHistoryBuilder(options);
        foreach (Purchase p in purchases) builder.Add(p);
        return builder.Build();
    }

    /// <summary>Both builds give identical histories, or both throw the same exception with the same message.</summary>
    private static void AssertSameOutcome(Purchase[] purchases, PurchaseHistoryOptions? options = null)
    {
        Exception? expectedError = null, actualError = null;
        PurchaseHistory? expected = null, actual = null;
        try { expected = ByBuilder(purchases, options); } catch (ArgumentException e) { expectedError = e; }
        try { actual = PurchaseHistory.Create(purchases, options); } catch (ArgumentException e) { actualError = e; }
        if (expectedError is not null)
        {
            Assert.NotNull(actualError);
            Assert.Equal(expectedError.GetType(), actualError.GetType());
            Assert.Equal(expectedError.Message, actualError.Message);
            return;
        }
        Assert.Null(actualError);
        HistoryAssert.Same(expected!, actual!);
    }

    private static Arbitrary<Purchase[]> AwkwardPurchases()
    {
        // Customer indexes in a few shapes (tiny, spread out, near the dense limit), and amounts of every kind the decimal
        // layout allows: whole, cents, trailing zeros, a 96-bit mantissa that scales down, negative zero, refunds.
        Gen<int> customer = Gen.OneOf(Gen.Choose(0, 5), Gen.Choose(0, 70_000), Gen.Choose(1_000_000, 1_100_000));
        Gen<decimal> amount = Gen.OneOf(
            Gen.Choose(0, 5000).Select(x => (decimal)x),
            Gen.Choose(0, 99_999).Select(x => x / 100m),
            Gen.Choose(0, 999).Select(x => new decimal(x * 1000, 0, 0, false, 3)),
            Gen.Constant(1.0000000000000000000000m),
            Gen.Constant(new decimal(0, 0, 0, true, 2)),
            Gen.Choose(1, 300).Select(x => -x / 10m),
            Gen.Constant(0.0001m));
        Gen<Purchase> purchase =
            from c in customer
            from d in Gen.Choose(0, 900)
            from a in amount
            select new Purchase(c, Day.AddDays(d - 450), a);
        return purchase.ArrayOf().ToArbitrary();
    }

    [Property(Arbitrary = [typeof(RetentionArbitraries)])]
    public void Create_RandomPurchases_EqualsTheBuilder(Purchase[] purchases, PositiveInt threads)
    {
        AssertSameOutcome(purchases);
        AssertSameOutcome(purchases, new PurchaseHistoryOptions { DegreeOfParallelism = threads.Get % 4 + 1 });
    }

    [Property(MaxTest = 200)]
    public Property Create_AwkwardPurchases_EqualsTheBuilder() =>
        Prop.ForAll(AwkwardPurchases(), Gen.Elements(false, true).ToArbitrary(), (purchases, refunds) =>
        {
            AssertSameOutcome(purchases, new PurchaseHistoryOptions { AllowRefunds = refunds });
            AssertSameOutcome(purchases, new PurchaseHistoryOptions { AllowRefunds = refunds, DegreeOfParallelism = 3 });
        });

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Create_LargeSkewedShop_EqualsTheBuilder(int threads)
    {
        // Enough purchases for many customer blocks and for slices on several threads (at least 4,096 purchases a slice).
        Purchase[] purchases = RandomHistories.Purchases(seed: 31, customers: 40_000);
        AssertSameOutcome(purchases, new PurchaseHistoryOptions { DegreeOfParallelism = threads });
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Create_OneCustomerWithMostPurchases_EqualsTheBuilder(int threads)
    {
        // A whale: one block far larger than the others, and its run arrives out of date order.
        var purchases = new Purchase[30_000];
        for (int i = 0; i < purchases.Length; i++)
        {
            int customer = i % 10 == 0 ? 5 + i % 7_000 : 3;
            purchases[i] = new Purchase(customer, Day.AddDays((i * 7919) % 1000 - 500), i % 13 * 1.5m);
        }
        AssertSameOutcome(purchases, new PurchaseHistoryOptions { DegreeOfParallelism = threads });
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(16, 1)]
    [InlineData(17, 1)]
    [InlineData(40, 2)]
    [InlineData(500, 2)]
    public void Create_RunArrivingOutOfOrder_IsSortedByDayThenAmount(int displacement, int threads)
    {
        // Customer 7's purchases arrive in day order, except that every tenth is moved `displacement` places later (a late
        // export, or same-day orders out of amount order); around them, other customers keep the blocks busy. A purchase
        // a few places out is inserted back while placing; one further out has its whole run sorted.
        var run = new List<Purchase>();
        for (int i = 0; i < 600; i++) run.Add(new Purchase(7, Day.AddDays(i / 3), 100 - i % 3));
        for (int i = 0; i + displacement < run.Count; i += 10)
        {
            Purchase late = run[i];
            run.RemoveAt(i);
            run.Insert(i + displacement, late);
        }
        var purchases = new List<Purchase>();
        for (int i = 0; i < run.Count; i++)
        {
            purchases.Add(run[i]);
            purchases.Add(new Purchase(100 + i % 50, Day.AddDays(i % 200), i % 9));
        }
        Purchase[] input = purchases.ToArray();
        PurchaseHistory history = PurchaseHistory.Create(input, new PurchaseHistoryOptions { DegreeOfParallelism = threads });

        int c = Array.IndexOf(history.CustomerIds.ToArray(), 7);
        Range span = history.CustomerStarts[c]..history.CustomerStarts[c + 1];
        Purchase[] expected = run.OrderBy(p => p.Date).ThenBy(p => p.Amount).ToArray();
        Assert.Equal(expected.Select(p => p.Date.DayNumber), history.DayNumbers[span].ToArray());
        Assert.Equal(expected.Select(p => p.Amount), history.AmountUnits[span].ToArray().Select(u => history.ToAmount(u)));
        AssertSameOutcome(input, new PurchaseHistoryOptions { DegreeOfParallelism = threads });
    }

    [Fact]
    public void Create_LongRunInDayOrderWithSameDayAmountsReversed_IsSortedByAmountWithinEachDay()
    {
        // 90 purchases on 30 days, three a day in falling amounts: the run is longer than an insertion sort's, its days are in
        // order, and only each day's amounts need sorting.
        var purchases = new Purchase[90];
        for (int i = 0; i < purchases.Length; i++) purchases[i] = new Purchase(0, Day.AddDays(i / 3), 10 - i % 3);
        PurchaseHistory history = ByBuilder(purchases);
        Assert.Equal(purchases.Select(p => p.Date.DayNumber), history.DayNumbers.ToArray());
        Assert.Equal(Enumerable.Range(0, 90).Select(i => 8L + i % 3), history.AmountUnits.ToArray());
        AssertSameOutcome(purchases);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Create_WholeAmountsWrittenWithCents_KeepScaleZero(int threads)
    {
        // A numeric(12,2) column reads 1500 as 1500.00: the fewest decimals that represent every amount are still none.
        Purchase[] purchases = RandomHistories.Purchases(seed: 35, customers: 3_000)
            .Select(p => p with { Amount = decimal.Round(p.Amount) * 1.00m })
            .ToArray();
        Assert.All(purchases, p => Assert.Equal(2, p.Amount.Scale));
        PurchaseHistory history = PurchaseHistory.Create(purchases, new PurchaseHistoryOptions { DegreeOfParallelism = threads });
        Assert.Equal(0, history.AmountScale);
        AssertSameOutcome(purchases, new PurchaseHistoryOptions { DegreeOfParallelism = threads });
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Create_SpreadOutIndexes_EqualsTheBuilder(int threads)
    {
        // Few purchases per index (wide blocks, many of them empty), with the last index at the dense limit's edge.
        var purchases = new Purchase[10_000];
        for (int i = 0; i < purchases.Length; i++) purchases[i] = new Purchase(i * 4 % 40_000 * 3, Day.AddDays(i % 300), i % 5);
        purchases[^1] = purchases[^1] with { Customer = purchases.Length * 4 + (1 << 20) - 1 };
        AssertSameOutcome(purchases, new PurchaseHistoryOptions { DegreeOfParallelism = threads });
        // One past the limit: the indexes are sparse, and the build takes the builder's sparse path.
        purchases[^1] = purchases[^1] with { Customer = purchases.Length * 4 + (1 << 20) };
        AssertSameOutcome(purchases, new PurchaseHistoryOptions { DegreeOfParallelism = threads });
    }

    [Theory]
    [InlineData(ushort.MaxValue, 1)]
    [InlineData(ushort.MaxValue, 2)]
    [InlineData(ushort.MaxValue + 1, 1)]
    [InlineData(ushort.MaxValue + 1, 2)]
    [InlineData(3_652_058, 2)]
    public void Create_DaysFarApart_EqualsTheBuilder(int span, int threads)
    {
        // Days are packed relative to the first into 16 bits while placing: up to 65,535 days apart builds directly, further
        // apart takes the builder; either way the history is the same.
        Purchase[] purchases = RandomHistories.Purchases(seed: 33, customers: 4_000)[..10_000];
        int last = purchases.Max(p => p.Date.DayNumber);
        purchases[17] = purchases[17] with { Date = DateOnly.FromDayNumber(Math.Max(1, last - span)) };
        Assert.Equal(Math.Min(span, last - 1), last - purchases.Min(p => p.Date.DayNumber));
        AssertSameOutcome(purchases, new PurchaseHistoryOptions { DegreeOfParallelism = threads });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4_999)]
    [InlineData(9_999)]
    public void Create_BadRecord_ReportsItLikeTheBuilder(int bad)
    {
        Purchase[] purchases = RandomHistories.Purchases(seed: 32, customers: 8_000)[..10_000];
        foreach (Purchase wrong in new[] { purchases[bad] with { Customer = -1 }, purchases[bad] with { Date = default },
                     purchases[bad] with { Amount = -0.01m }, purchases[bad] with { Amount = 0.0000000000000000001m } })
        {
            Purchase[] copy = (Purchase[])purchases.Clone();
            copy[bad] = wrong;
            AssertSameOutcome(copy);
            AssertSameOutcome(copy, new PurchaseHistoryOptions { DegreeOfParallelism = 2 });
            var e = Assert.Throws<ArgumentException>(() => PurchaseHistory.Create(copy));
            Assert.Contains($"purchases[{bad}]", e.Message);
        }
    }

    [Fact]
    public void Create_RefundBeyondPurchases_ReportsItLikeTheBuilder()
    {
        Purchase[] purchases = [new(0, Day, 10m), new(1, Day, 4m), new(1, Day.AddDays(1), -5m)];
        var options = new PurchaseHistoryOptions { AllowRefunds = true };
        AssertSameOutcome(purchases, options);
        var e = Assert.Throws<ArgumentException>(() => PurchaseHistory.Create(purchases, options));
        Assert.Contains("customer 1 refunds 1", e.Message);
    }

    [Fact]
    public void Create_Empty_IsTheEmptyHistory()
    {
        Assert.Same(PurchaseHistory.Empty, PurchaseHistory.Create(ReadOnlySpan<Purchase>.Empty));
        Assert.Same(PurchaseHistory.Empty, PurchaseHistory.Create([], new PurchaseHistoryOptions { DegreeOfParallelism = 2 }));
    }

    [Fact]
    public void Create_OnePurchase_HasOneCustomer()
    {
        var history = PurchaseHistory.Create([new Purchase(int.MaxValue >> 12, Day, 12.50m)]);
        Assert.Equal(1, history.CustomerCount);
        Assert.Equal(int.MaxValue >> 12, history.CustomerIds[0]);
        Assert.Equal(12.50m, history.TotalAmount);
    }

    [Property]
    public bool TryToUnits_FieldReadAgreesWithGeneralPath(int lo, int mid, int hi, bool negative, byte rawScale, byte rawTarget)
    {
        decimal amount = new(lo, mid, hi % 4, negative, (byte)(rawScale % 29));
        int scale = rawTarget % (Money.MaxScale + 1);
        bool fast = Money.TryToUnits(amount, scale, out long a);
        bool slow = Money.TryToUnitsGeneral(amount, scale, out long b);
        return fast == slow && (!fast || a == b);
    }

    [Property]
    public bool TryToUnits_TrailingZerosBeyondTheScale_AgreesWithGeneralPath(uint mantissa, byte rawZeros, byte rawExtra, bool negative, byte rawTarget)
    {
        // A mantissa with k trailing zeros (up to 10^19 for the widest) written with more decimals than the target scale.
        int zeros = rawZeros % 10, target = rawTarget % 10;
        ulong scaled = mantissa;
        for (int z = 0; z < zeros; z++) scaled *= 10;
        int amountScale = Math.Min(28, target + zeros + rawExtra % 3 - 1);
        if (amountScale < 0) amountScale = 0;
        decimal amount = new((int)(uint)scaled, (int)(uint)(scaled >> 32), 0, negative, (byte)amountScale);
        bool fast = Money.TryToUnits(amount, target, out long a);
        bool slow = Money.TryToUnitsGeneral(amount, target, out long b);
        return fast == slow && (!fast || a == b);
    }

    [Theory]
    [InlineData("1500.00", 0, 1500L)]
    [InlineData("-1500.000", 1, -15000L)]
    [InlineData("0.000", 0, 0L)]
    [InlineData("0", 0, 0L)]
    [InlineData("-0.00", 2, 0L)]
    [InlineData("12.5", 2, 1250L)]
    [InlineData("12.50", 1, 125L)]
    [InlineData("922337203685477580.7", 1, long.MaxValue)]
    [InlineData("-922337203685477580.7", 1, -long.MaxValue)]
    public void TryToUnits_Examples(string text, int scale, long expected)
    {
        decimal amount = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Money.TryToUnits(amount, scale, out long units));
        Assert.Equal(expected, units);
    }

    [Theory]
    [InlineData("922337203685477580.8", 1)]
    [InlineData("1500.10", 0)]
    [InlineData("0.001", 2)]
    [InlineData("79228162514264337593543950335", 0)]
    public void TryToUnits_InexactOrOutOfRange_Fails(string text, int scale)
    {
        decimal amount = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(Money.TryToUnits(amount, scale, out _));
    }
}
