using System.Collections;
using System.Text.Json;
using FsCheck;
using FsCheck.Xunit;
using Retention.Metrics.Tests.Infrastructure;
using TestData = Retention.Metrics.Tests.Infrastructure.TestData;

namespace Retention.Metrics.Tests.Serialization;

/// <summary>Round trips of every public result type through <see cref="RetentionJson"/>.</summary>
public class ResultJsonTests
{
    internal static string Write(object value, Type type) => JsonSerializer.Serialize(value, type, RetentionJson.Options);

    internal static object Read(string json, Type type) => JsonSerializer.Deserialize(json, type, RetentionJson.Options)!;

    /// <summary>Serializes and reads back: values (and arrays of values) are equal to the original; classes, which have no value
    /// equality, serialize again to the identical text.</summary>
    internal static void AssertRoundTrip(Type type, object value)
    {
        string json = Write(value, type);
        object back = Read(json, type);
        Assert.IsType(type, back);
        if (type.IsValueType)
        {
            Assert.Equal(value, back);
        }
        else if (type.IsArray && type.GetElementType()!.IsValueType)
        {
            Assert.Equal(((IEnumerable)value).Cast<object>(), ((IEnumerable)back).Cast<object>());
        }
        else
        {
            Assert.Equal(json, Write(back, type));
        }
    }

    public static TheoryData<string> CdnowTypes()
    {
        var data = new TheoryData<string>();
        // One case per type: the case checks every sample of its type, and repeated names would be reported as duplicate cases.
        foreach (string name in s_cdnow.Value.Select(x => x.Type.Name).Distinct()) data.Add(name);
        return data;
    }

    private static readonly Lazy<List<(Type Type, object Value)>> s_cdnow = new(() =>
    {
        var purchases = TestData.CdnowSample.Select(r => new Purchase(r.CustomerId - 1, r.Date, r.Dollars)).ToArray();
        var items = ResultSamples.FromPurchases(purchases);
        items.AddRange(ResultSamples.FromLedger(RandomSubscriptions.Create(7, 300)));
        items.AddRange(ResultSamples.Fixed());
        return items;
    });

    [Theory]
    [MemberData(nameof(CdnowTypes))]
    public void EveryResult_Cdnow_RoundTripsToIdenticalJson(string typeName)
    {
        int checkedItems = 0;
        foreach (var (type, value) in s_cdnow.Value)
        {
            if (type.Name != typeName) continue;
            AssertRoundTrip(type, value);
            checkedItems++;
        }
        Assert.True(checkedItems > 0);
    }

    [Fact]
    public void Samples_CoverEveryRegisteredResultType()
    {
        var sampled = s_cdnow.Value.Select(x => x.Type).ToHashSet();
        var missing = ResultJsonCoverageTests.PublicResultTypes().Where(t => !sampled.Contains(t) && !sampled.Contains(t.MakeArrayType())).ToList();
        Assert.Empty(missing.Except(ResultJsonCoverageTests.ReachedOnlyAsParts).Select(t => t.Name));
    }

    [Property(Arbitrary = [typeof(RetentionArbitraries)], MaxTest = 40)]
    public void EveryResult_RandomHistory_RoundTripsToIdenticalJson(Purchase[] purchases)
    {
        if (purchases.Length == 0) return;
        foreach (var (type, value) in ResultSamples.FromPurchases(purchases, fitModels: false)) AssertRoundTrip(type, value);
    }

    [Property(Arbitrary = [typeof(SubscriptionArbitraries)], MaxTest = 40)]
    public void EverySubscriptionResult_RandomLedger_RoundTripsToIdenticalJson(SubscriptionCase subscriptions)
    {
        foreach (var (type, value) in ResultSamples.FromLedger(subscriptions)) AssertRoundTrip(type, value);
    }

    [Property]
    public bool Models_FromRandomParameters_SurviveARoundTrip(PositiveInt a, PositiveInt b, PositiveInt c, PositiveInt d)
    {
        double r = a.Get / 97d, alpha = b.Get / 13d, x = c.Get / 7d, y = d.Get / 3d;
        var bg = BgNbdModel.FromParameters(r, alpha, x, y);
        var gg = GammaGammaModel.FromParameters(r, alpha, x);
        var sbg = ShiftedBetaGeometricModel.FromParameters(x, y);
        var bgBack = RetentionJson.Deserialize<BgNbdModel>(RetentionJson.Serialize(bg))!;
        var ggBack = RetentionJson.Deserialize<GammaGammaModel>(RetentionJson.Serialize(gg))!;
        var sbgBack = RetentionJson.Deserialize<ShiftedBetaGeometricModel>(RetentionJson.Serialize(sbg))!;
        return bgBack.ToData() == bg.ToData() && ggBack.ToData() == gg.ToData() && sbgBack.ToData().Equals(sbg.ToData())
            && bgBack.ExpectedPurchases(10) == bg.ExpectedPurchases(10) && sbgBack.Survival(3) == sbg.Survival(3);
    }
}
