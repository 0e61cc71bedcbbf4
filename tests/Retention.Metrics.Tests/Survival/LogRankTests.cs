using Retention.Metrics.Tests.Numerics;
using Retention.Metrics.Tests.Reference;

namespace Retention.Metrics.Tests.Survival;

public class LogRankTests
{
    private static SurvivalObservation E(double t) => new(t, true);

    private static SurvivalObservation C(double t) => new(t, false);

    [Fact]
    public void LogRank_AmlByMaintenance_MatchesRSurvdiff()
    {
        // R: survdiff(Surv(time, status) ~ x, data = aml) prints
        //   x=Maintained    N 11, Observed 7,  Expected 10.69;  x=Nonmaintained N 12, Observed 11, Expected 7.31;
        //   Chisq = 3.4 on 1 degrees of freedom, p = 0.07.
        // Exact values by hand from the same formula: E = 10.689335992300723 / 7.310664007699275, V = 4.007550745938734,
        // chisq = (7 − 10.689336)²/4.007551 = 3.3963886989776015, p = erfc(√(chisq/2)) = 0.06533932204050498.
        AmlGroups pair = Aml();
        LogRankResult result = Retention.Metrics.Survival.LogRank(pair.Observations, pair.Groups);
        Assert.Equal(2, result.Groups.Length);
        LogRankGroup maintained = result.Groups[1], nonmaintained = result.Groups[0];
        Assert.Equal((1, 11L, 7L), (maintained.Group, maintained.Count, maintained.Observed));
        Assert.Equal((0, 12L, 11L), (nonmaintained.Group, nonmaintained.Count, nonmaintained.Observed));
        NumericAssert.Close(10.69, maintained.Expected, 0d, 0.005);
        NumericAssert.Close(7.31, nonmaintained.Expected, 0d, 0.005);
        NumericAssert.Close(3.4, result.Statistic, 0d, 0.05);
        Assert.Equal(1, result.DegreesOfFreedom);
        NumericAssert.Close(0.0653, result.PValue, 0d, 5e-5);
        NumericAssert.Close(10.689335992300723, maintained.Expected, 1e-13);
        NumericAssert.Close(4.007550745938734, maintained.Variance, 1e-13);
        NumericAssert.Close(4.007550745938734, nonmaintained.Variance, 1e-13);
        NumericAssert.Close(3.3963886989776015, result.Statistic, 1e-12);
        NumericAssert.Close(0.06533932204050498, result.PValue, 1e-10);
    }

    private readonly record struct AmlGroups(SurvivalObservation[] Observations, int[] Groups);

    private static AmlGroups Aml()
    {
        SurvivalData.AmlRow[] rows = SurvivalData.Aml;
        return new([.. rows.Select(r => new SurvivalObservation(r.Time, r.Relapse))], [.. rows.Select(r => r.Maintained ? 1 : 0)]);
    }

    [Fact]
    public void LogRank_TinyTwoGroups_MatchesHandArithmetic()
    {
        // A: 1, 3; B: 2, 4 (all events).
        // t=1: n=4 (A2 B2) d=1: E_A += 2/4;  V += 1·3/3 · (1/2)(1/2) = 1/4
        // t=2: n=3 (A1 B2) d=1: E_A += 1/3;  V += 1·2/2 · (1/3)(2/3) = 2/9
        // t=3: n=2 (A1 B1) d=1: E_A += 1/2;  V += 1·1/1 · (1/2)(1/2) = 1/4
        // t=4: n=1 (B1)    d=1: E_A += 0;    V += 0 (n = 1)
        // O_A = 2, E_A = 4/3, V = 13/18; chisq = (2 − 4/3)² / (13/18) = 8/13.
        LogRankResult result = Retention.Metrics.Survival.LogRank([E(1), E(3), E(2), E(4)], [0, 0, 1, 1]);
        NumericAssert.Close(4d / 3, result.Groups[0].Expected, 1e-15);
        NumericAssert.Close(8d / 3, result.Groups[1].Expected, 1e-15);
        NumericAssert.Close(13d / 18, result.Groups[0].Variance, 1e-15);
        NumericAssert.Close(8d / 13, result.Statistic, 1e-14);
        NumericAssert.Close(MathNet.Numerics.Distributions.ChiSquared.CDF(1, 8d / 13), 1 - result.PValue, 1e-12);
    }

    [Fact]
    public void LogRank_ThreeGroups_MatchesNaiveOracle_OnSeededRandomData()
    {
        var random = new Random(6);
        for (int length = 0; length <= 120; length += 3)
        {
            var obs = new SurvivalObservation[length];
            var groups = new int[length];
            for (int i = 0; i < length; i++)
            {
                groups[i] = random.Next(3) * 2; // groups 0, 2, 4 (gaps allowed)
                obs[i] = new SurvivalObservation(random.Next(0, 15) + (groups[i] == 4 ? 2 : 0), random.NextDouble() < 0.75);
            }
            LogRankResult result = Retention.Metrics.Survival.LogRank(obs, groups);
            var (statistic, df, observed, expected) = LogRankOracle.Test(obs, groups);
            Assert.Equal(df, result.DegreesOfFreedom);
            NumericAssert.Close(statistic, result.Statistic, 1e-9, 1e-12, context: $"length {length}");
            for (int g = 0; g < result.Groups.Length; g++)
            {
                Assert.Equal(observed[g], result.Groups[g].Observed);
                NumericAssert.Close(expected[g], result.Groups[g].Expected, 1e-12, 1e-14);
            }
        }
    }

    [Fact]
    public void LogRank_SingleGroupOrEmpty_HasNoStatistic()
    {
        LogRankResult single = Retention.Metrics.Survival.LogRank([E(1), C(2), E(3)], [4, 4, 4]);
        Assert.Equal((0d, 0, 1d), (single.Statistic, single.DegreesOfFreedom, single.PValue));
        Assert.Equal(4, Assert.Single(single.Groups).Group);
        LogRankResult empty = Retention.Metrics.Survival.LogRank([], []);
        Assert.Empty(empty.Groups);
        Assert.Equal(1d, empty.PValue);
    }

    [Fact]
    public void LogRank_PermutedInput_GivesTheSameResult()
    {
        AmlGroups pair = Aml();
        int[] perm = [.. Enumerable.Range(0, pair.Groups.Length).OrderBy(i => (i * 7919) % 23)];
        LogRankResult a = Retention.Metrics.Survival.LogRank(pair.Observations, pair.Groups);
        LogRankResult b = Retention.Metrics.Survival.LogRank([.. perm.Select(i => pair.Observations[i])], [.. perm.Select(i => pair.Groups[i])]);
        NumericAssert.Close(a.Statistic, b.Statistic, 1e-14);
    }

    [Fact]
    public void LogRank_BadInput_ThrowsNamingTheIndex()
    {
        Assert.Equal("groupOfObservation", Assert.Throws<ArgumentException>(() => Retention.Metrics.Survival.LogRank([E(1)], [0, 1])).ParamName);
        var group = Assert.Throws<ArgumentException>(() => Retention.Metrics.Survival.LogRank([E(1), E(2)], [0, -1]));
        Assert.Equal("groupOfObservation", group.ParamName);
        Assert.StartsWith("groupOfObservation[1] is -1", group.Message, StringComparison.Ordinal);
        var time = Assert.Throws<ArgumentException>(() => Retention.Metrics.Survival.LogRank([E(1), E(-2)], [0, 1]));
        Assert.StartsWith("observations[1].Time is -2", time.Message, StringComparison.Ordinal);
    }
}
