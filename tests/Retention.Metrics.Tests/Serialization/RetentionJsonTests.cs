using System.Text.Json;
using FsCheck;
using FsCheck.Xunit;
using Retention.Metrics.Tests.Infrastructure;
using TestData = Retention.Metrics.Tests.Infrastructure.TestData;

namespace Retention.Metrics.Tests.Serialization;

public class RetentionJsonTests
{
    [Fact]
    public void Rate_WritesCountsAndValue_ReadsCounts()
    {
        string json = RetentionJson.Serialize(new Rate(1, 4));
        Assert.Equal("""{"numerator":1,"denominator":4,"value":0.25}""", json);
        Assert.Equal(new Rate(1, 4), RetentionJson.Deserialize<Rate>(json));
        Assert.Equal(new Rate(3, 4), RetentionJson.Deserialize<Rate>("""{"numerator":3,"denominator":4}"""));
    }

    [Fact]
    public void Rate_InvalidCounts_AreRejectedWhenRead()
    {
        Assert.ThrowsAny<Exception>(() => RetentionJson.Deserialize<Rate>("""{"numerator":5,"denominator":4}"""));
    }

    [Fact]
    public void Interval_NonFiniteBounds_AreWrittenAsStrings()
    {
        string json = RetentionJson.Serialize(new Interval(double.NaN, double.PositiveInfinity));
        Assert.Equal("""{"lower":"NaN","upper":"Infinity"}""", json);
        var back = RetentionJson.Deserialize<Interval>(json);
        Assert.True(double.IsNaN(back.Lower));
        Assert.Equal(double.PositiveInfinity, back.Upper);
    }

    [Fact]
    public void CustomerSummary_WritesIsoDatesAndExactMoney_AndRoundTrips()
    {
        var d = new DateOnly(2024, 2, 29);
        var history = PurchaseHistory.Create([new Purchase(7, d, 1234567890.123456789m), new Purchase(7, d.AddDays(3), 0.1m)]);
        var summary = Metrics.Summaries.Compute(history, d.AddDays(10))[0];
        string json = RetentionJson.Serialize(summary);
        Assert.Contains("\"firstPurchase\":\"2024-02-29\"", json, StringComparison.Ordinal);
        Assert.Contains("\"totalAmount\":1234567890.223456789", json, StringComparison.Ordinal);
        Assert.Contains("\"frequency\":1", json, StringComparison.Ordinal);
        Assert.Equal(summary, RetentionJson.Deserialize<CustomerSummary>(json));
    }

    [Fact]
    public void SummaryTotals_AndHoldout_RoundTrip()
    {
        var history = TestData.History(TestData.CdnowSample);
        var totals = Metrics.Summaries.Totals(history, new DateOnly(1997, 9, 30));
        Assert.Equal(totals, RetentionJson.Deserialize<SummaryTotals>(RetentionJson.Serialize(totals)));
        var holdout = Metrics.Summaries.ComputeWithHoldout(history, new DateOnly(1997, 9, 30), new DateOnly(1998, 6, 30));
        var back = RetentionJson.Deserialize<HoldoutSummary[]>(RetentionJson.Serialize(holdout, indented: true));
        Assert.Equal(holdout, back);
    }

    [Fact]
    public void UnknownType_IsNotSupported()
    {
        var ex = Assert.Throws<NotSupportedException>(() => RetentionJson.Serialize(new Version(1, 0)));
        Assert.Contains("System.Version", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_AreReadOnlyAndUsableWithJsonSerializer()
    {
        Assert.True(RetentionJson.Options.IsReadOnly);
        Assert.Equal("""{"numerator":0,"denominator":0,"value":0}""", JsonSerializer.Serialize(default(Rate), RetentionJson.Options));
    }

    [Property(Arbitrary = [typeof(RetentionArbitraries)])]
    public bool Summaries_SurviveARoundTrip(Purchase[] purchases)
    {
        if (purchases.Length == 0) return true;
        var history = PurchaseHistory.Create(purchases);
        var summaries = Metrics.Summaries.Compute(history, history.LastDate);
        return summaries.SequenceEqual(RetentionJson.Deserialize<CustomerSummary[]>(RetentionJson.Serialize(summaries))!);
    }

    [Property]
    public bool Rates_SurviveARoundTrip(NonNegativeInt a, NonNegativeInt b)
    {
        var rate = new Rate(Math.Min(a.Get, b.Get), Math.Max(a.Get, b.Get));
        return RetentionJson.Deserialize<Rate>(RetentionJson.Serialize(rate)) == rate;
    }
}
