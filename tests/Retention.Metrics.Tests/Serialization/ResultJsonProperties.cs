using System.Text.Json;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Retention.Metrics.Tests.Serialization;

/// <summary>FsCheck properties of the JSON surface beyond the round trips in <see cref="ResultJsonTests"/>.</summary>
public partial class ResultJsonProperties
{
    private static readonly DateOnly Start = new(2024, 1, 1);

    private static readonly Lazy<List<(Type Type, string Json)>> s_small = new(() =>
    {
        Purchase[] purchases =
        [
            new(0, Start, 10.50m), new(0, Start.AddDays(20), 5m), new(1, Start.AddDays(3), 7.25m), new(1, Start.AddDays(40), 1m),
            new(1, Start.AddDays(70), 2m), new(2, Start.AddDays(45), 100m), new(3, Start.AddDays(5), 42m), new(3, Start.AddDays(9), 18.4m),
        ];
        var items = ResultSamples.FromPurchases(purchases);
        items.AddRange(ResultSamples.FromLedger(Infrastructure.RandomSubscriptions.Create(11, 4)));
        items.AddRange(ResultSamples.Fixed());
        return items.Select(x => (x.Type, ResultJsonTests.Write(x.Value, x.Type))).ToList();
    });

    [GeneratedRegex(@"(?<=[:\[,])-?\d+(\.\d+)?(?=[,\]\}])")]
    private static partial Regex NumberToken();

    /// <summary>Any number of any result's JSON replaced by a negative, zero or large value: reading either succeeds or throws
    /// <see cref="ArgumentException"/> (a rejected value) or <see cref="JsonException"/> (a wrong token type), never anything else.</summary>
    [Property(MaxTest = 300)]
    public void Read_MutatedNumber_SucceedsOrThrowsArgumentOrJsonException(NonNegativeInt item, NonNegativeInt token, NonNegativeInt replacement)
    {
        var (type, json) = s_small.Value[item.Get % s_small.Value.Count];
        MatchCollection numbers = NumberToken().Matches(json);
        if (numbers.Count == 0) return;
        Match m = numbers[token.Get % numbers.Count];
        string[] replacements = ["-1", "0", "3", "1000000", "2.5", "-0.5"];
        string mutated = json[..m.Index] + replacements[replacement.Get % replacements.Length] + json[(m.Index + m.Length)..];
        try
        {
            object back = ResultJsonTests.Read(mutated, type);
            Assert.False(string.IsNullOrEmpty(ResultJsonTests.Write(back, type)));
        }
        catch (Exception ex) when (ex is ArgumentException or JsonException)
        {
        }
    }

    /// <summary>Campaign results from random counts (zeros included, so rates of 0/0, infinite odds and NaN statistics occur)
    /// serialize without exception and read back equal.</summary>
    [Property]
    public void CampaignResults_RandomCounts_SurviveARoundTrip(NonNegativeInt mailedA, NonNegativeInt mailedB, NonNegativeInt respondA, NonNegativeInt respondB)
    {
        long a = mailedA.Get % 50, b = mailedB.Get % 50;
        var treated = new CampaignGroup(a, a == 0 ? 0 : respondA.Get % (a + 1), a == 0 ? 0 : respondA.Get % (a + 1), a * 12.5m, a * 0.8m);
        var control = new CampaignGroup(b, b == 0 ? 0 : respondB.Get % (b + 1), 0, b * 3m, 0m);
        var builder = new ResultSamples.Builder();
        builder.Add(() => Metrics.Campaigns.Summarize(treated, 0.3m));
        builder.Add(() => Metrics.Campaigns.Lift(treated, control));
        builder.Add(() => Metrics.Campaigns.TwoProportionZTest(treated, control));
        builder.Add(() => Metrics.Campaigns.ChiSquaredTest(treated, control, yatesCorrection: true));
        builder.Add(() => Metrics.Campaigns.FisherExactTest(treated, control));
        builder.Add(() => Metrics.Campaigns.WelchTTest(SpendStatistics.FromMoments(a, 10, 0), SpendStatistics.FromMoments(b, 10, 0)));
        foreach (var (type, value) in builder.Items) ResultJsonTests.AssertRoundTrip(type, value);
    }
}
