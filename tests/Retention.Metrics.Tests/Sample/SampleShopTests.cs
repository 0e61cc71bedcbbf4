using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Retention.Metrics.Tests.Sample;

public class SampleShopTests
{
    private static readonly Purchase[] s_large = SampleShop.Generate(100_000);

    private static string Hash(ReadOnlySpan<Purchase> purchases)
    {
        var text = new StringBuilder();
        foreach (Purchase p in purchases)
        {
            text.Append(CultureInfo.InvariantCulture, $"{p.Customer},{p.Date:yyyy-MM-dd},{p.Amount}\n");
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    [Fact]
    public void Generate_SameSeed_SameOutput()
    {
        Assert.Equal(SampleShop.Generate(5_000, 7), SampleShop.Generate(5_000, 7));
    }

    [Fact]
    public void Generate_DifferentSeed_DifferentOutput()
    {
        Assert.NotEqual(SampleShop.Generate(1_000, 1), SampleShop.Generate(1_000, 2));
    }

    // The sample must never change: the CLI's sample command, the README report and the benchmarks rely on it.
    // A change of this hash is a breaking change of the sample (document it and update docs/sample-shop.md).
    [Fact]
    public void Generate_SmallSample_MatchesPinnedHash()
    {
        Purchase[] purchases = SampleShop.Generate(1_000);
        Assert.Equal(new Purchase(0, new DateOnly(2023, 1, 8), 5594m), purchases[0]);
        Assert.Equal("d538af333b48b826b4fad1c74a69193f643fd742de6407440d81ac1ee904d406", Hash(purchases));
    }

    [Fact]
    public void Generate_OtherSeedAndStart_MatchesPinnedHash()
    {
        Assert.Equal("384d34047405c1420811a3dd402afb2b587ee4e3185025d91dc18ee31d4306fd", Hash(SampleShop.Generate(1_000, 12345, new DateOnly(2020, 2, 29))));
    }

    // Twelve purchases: five customers, customer 3 buying twice on 2025-01-27 and then every few days.
    [Fact]
    public void Generate_Twelve_MatchesPinnedValues()
    {
        Purchase[] expected =
        [
            new(0, new DateOnly(2023, 2, 23), 3823m),
            new(1, new DateOnly(2023, 4, 24), 1667m),
            new(2, new DateOnly(2023, 6, 14), 1727m),
            new(0, new DateOnly(2024, 1, 12), 3251m),
            new(3, new DateOnly(2025, 1, 27), 5077m),
            new(3, new DateOnly(2025, 1, 27), 12441m),
            new(3, new DateOnly(2025, 1, 30), 12702m),
            new(3, new DateOnly(2025, 1, 31), 8965m),
            new(3, new DateOnly(2025, 2, 1), 6380m),
            new(3, new DateOnly(2025, 2, 4), 8263.19m),
            new(3, new DateOnly(2025, 2, 16), 5083m),
            new(4, new DateOnly(2025, 8, 22), 7820m),
        ];
        Assert.Equal(expected, SampleShop.Generate(12));
    }

    [Fact]
    public void Generate_SpanAndArray_Agree()
    {
        var destination = new Purchase[20_000];
        int customers = SampleShop.Generate(destination, 3);
        Assert.Equal(SampleShop.Generate(20_000, 3), destination);
        Assert.Equal(destination.Max(p => p.Customer) + 1, customers);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(17)]
    [InlineData(1_000)]
    public void Generate_AnyLength_FillsEveryElement(int length)
    {
        Purchase[] purchases = SampleShop.Generate(length, 11);
        Assert.Equal(length, purchases.Length);
        Assert.All(purchases, p => Assert.NotEqual(0, p.Date.DayNumber));
        Assert.Equal(0, purchases[0].Customer);
    }

    [Fact]
    public void Generate_Empty_ReturnsEmpty()
    {
        Assert.Empty(SampleShop.Generate(0));
        Assert.Equal(0, SampleShop.Generate(Span<Purchase>.Empty));
    }

    [Fact]
    public void Generate_DatesInWindowAndInOrder()
    {
        var start = SampleShop.DefaultStart;
        var end = start.AddYears(SampleShop.Years); // exclusive
        for (int i = 0; i < s_large.Length; i++)
        {
            Assert.InRange(s_large[i].Date, start, end.AddDays(-1));
            if (i > 0) Assert.True(s_large[i - 1].Date <= s_large[i].Date, $"purchase {i} is out of date order");
        }
        Assert.Equal(start, s_large[0].Date);
        Assert.Equal(end.AddDays(-1), s_large[^1].Date);
    }

    [Fact]
    public void Generate_CustomStart_DatesInWindow()
    {
        var start = new DateOnly(2024, 2, 29);
        Purchase[] purchases = SampleShop.Generate(10_000, start: start);
        Assert.All(purchases, p => Assert.InRange(p.Date, start, new DateOnly(2027, 2, 27)));
    }

    [Fact]
    public void Generate_Customers_DenseAndNumberedByFirstPurchase()
    {
        int next = 0;
        foreach (Purchase p in s_large)
        {
            Assert.InRange(p.Customer, 0, next);
            if (p.Customer == next) next++;
        }
        // About purchases / 3.5 customers.
        Assert.InRange((double)s_large.Length / next, 3.2, 3.9);
    }

    [Fact]
    public void Generate_Shape_SkewedLikeARealShop()
    {
        var history = PurchaseHistory.Create(s_large);
        SummaryTotals totals = Metrics.Summaries.Totals(history, history.LastDate);
        double oneTime = 1 - totals.RepeatCustomerRate.Value;
        Assert.InRange(oneTime, 0.55, 0.65);
        // Same-day repeat orders exist: more orders than purchase days.
        Assert.True(totals.Orders > totals.PurchaseDays);
        // A heavy tail: some customers buy very often.
        CustomerSummary[] summaries = Metrics.Summaries.Compute(history, history.LastDate);
        Assert.True(summaries.Max(s => s.Orders) >= 40);
        Assert.Equal(2, history.AmountScale);
    }

    [Fact]
    public void Generate_Amounts_NonNegativeParetoLikeSomeWithCents()
    {
        Assert.All(s_large, p => Assert.True(p.Amount >= 0m));
        int zero = s_large.Count(p => p.Amount == 0m);
        int cents = s_large.Count(p => p.Amount != decimal.Truncate(p.Amount));
        Assert.InRange(zero / (double)s_large.Length, 0.004, 0.012);
        Assert.InRange(cents / (double)s_large.Length, 0.04, 0.08);
        decimal[] sorted = s_large.Select(p => p.Amount).Order().ToArray();
        decimal median = sorted[sorted.Length / 2], p99 = sorted[sorted.Length * 99 / 100];
        decimal mean = s_large.Sum(p => p.Amount) / s_large.Length;
        Assert.True(mean > median * 1.3m, $"mean {mean} should exceed the median {median} clearly (right skew)");
        Assert.True(p99 > median * 8, $"p99 {p99} should be far above the median {median} (heavy tail)");
    }

    [Fact]
    public void Generate_NegativeCount_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SampleShop.Generate(-1));
        Assert.Equal("purchases", e.ParamName);
    }

    [Fact]
    public void Generate_DefaultStart_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SampleShop.Generate(10, start: default(DateOnly)));
        Assert.Equal("start", e.ParamName);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => SampleShop.Generate(new Purchase[10], start: default(DateOnly)));
        Assert.Equal("start", e.ParamName);
    }

    [Fact]
    public void Generate_StartTooLate_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SampleShop.Generate(10, start: new DateOnly(9997, 1, 1)));
        Assert.Equal("start", e.ParamName);
        Assert.Contains("9996-12-31", e.Message, StringComparison.Ordinal);
        Assert.Equal(10, SampleShop.Generate(10, start: new DateOnly(9996, 12, 31)).Length);
    }
}
