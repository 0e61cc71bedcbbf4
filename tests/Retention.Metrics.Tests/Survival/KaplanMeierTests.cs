using Retention.Metrics.Tests.Numerics;
using Retention.Metrics.Tests.Reference;

namespace Retention.Metrics.Tests.Survival;

public class KaplanMeierTests
{
    private static KaplanMeierRow RowAt(KaplanMeierCurve curve, double time) => curve.Rows.Single(r => r.Time == time);

    private static SurvivalObservation E(double t) => new(t, true);

    private static SurvivalObservation C(double t) => new(t, false);

    // KM-1 (R survival 3.5-3 and statsmodels 0.13.5 agree): aml, all 23 subjects; rel 1e-9.
    [Theory]
    [InlineData(5d, 23L, 2L, 0L, 0.9130434783, 0.05875338476)]
    [InlineData(8d, 21L, 2L, 0L, 0.8260869565, 0.07903419645)]
    [InlineData(13d, 17L, 1L, 1L, 0.6956521739, 0.09594387554)]
    [InlineData(23d, 13L, 2L, 0L, 0.5465838509, 0.1072506417)]
    [InlineData(27d, 11L, 1L, 0L, 0.4968944099, 0.1084017808)]
    [InlineData(48d, 2L, 1L, 0L, 0.08281573499, 0.07266180050)]
    public void KaplanMeier_Aml_MatchesR_KM1(double time, long atRisk, long events, long censored, double survival, double se)
    {
        KaplanMeierCurve curve = Retention.Metrics.Survival.KaplanMeier(SurvivalData.AmlObservations());
        KaplanMeierRow row = RowAt(curve, time);
        Assert.Equal(atRisk, row.AtRisk);
        Assert.Equal(events, row.Events);
        Assert.Equal(censored, row.Censored);
        NumericAssert.Close(survival, row.Survival, 1e-9);
        NumericAssert.Close(se, row.StandardError, 1e-9);
    }

    [Fact]
    public void KaplanMeier_Aml_ListsEveryDistinctTimeEndingWithTheCensoredMaximum_KM1()
    {
        KaplanMeierCurve curve = Retention.Metrics.Survival.KaplanMeier(SurvivalData.AmlObservations());
        // Distinct times of aml: 5 8 9 12 13 16 18 23 27 28 30 31 33 34 43 45 48 161.
        Assert.Equal([5d, 8, 9, 12, 13, 16, 18, 23, 27, 28, 30, 31, 33, 34, 43, 45, 48, 161], curve.Rows.Select(r => r.Time));
        KaplanMeierRow last = curve.Rows[^1];
        Assert.Equal(1L, last.AtRisk);
        Assert.Equal(0L, last.Events);
        Assert.Equal(1L, last.Censored);
        NumericAssert.Close(0.08281573499, last.Survival, 1e-9);
        Assert.Equal(23L, curve.Count);
        Assert.Equal(18L, curve.Events);
        Assert.Equal(5L, curve.Censored);
    }

    // KM-2 (R survival): 95 % pointwise intervals, log (default) and log-log; rel 1e-9.
    [Theory]
    [InlineData(5d, 0.8048547978, 1d, 0.6949475375, 0.9775156699)]
    [InlineData(23d, 0.3720780872, 0.8029333528, 0.3192504140, 0.7264491738)]
    [InlineData(48d, 0.01483460825, 0.4623274066, 0.006955966799, 0.2867603680)]
    public void KaplanMeier_AmlIntervals_MatchR_KM2(double time, double logLower, double logUpper, double logLogLower, double logLogUpper)
    {
        SurvivalObservation[] aml = SurvivalData.AmlObservations();
        KaplanMeierRow log = RowAt(Retention.Metrics.Survival.KaplanMeier(aml), time);
        KaplanMeierRow logLog = RowAt(Retention.Metrics.Survival.KaplanMeier(aml, new KaplanMeierOptions { Transform = ConfidenceIntervalTransform.LogLog }), time);
        NumericAssert.Close(logLower, log.Lower, 1e-9);
        NumericAssert.Close(logUpper, log.Upper, 1e-9);
        NumericAssert.Close(logLogLower, logLog.Lower, 1e-9);
        NumericAssert.Close(logLogUpper, logLog.Upper, 1e-9);
    }

    // KM-3 (R survival and statsmodels): median 27; log (18, 45); log-log (13, 34); plain (18, 34); exact.
    [Theory]
    [InlineData(ConfidenceIntervalTransform.Log, 18d, 45d)]
    [InlineData(ConfidenceIntervalTransform.LogLog, 13d, 34d)]
    [InlineData(ConfidenceIntervalTransform.Plain, 18d, 34d)]
    public void Median_Aml_MatchesR_KM3(ConfidenceIntervalTransform transform, double lower, double upper)
    {
        KaplanMeierCurve curve = Retention.Metrics.Survival.KaplanMeier(SurvivalData.AmlObservations(), new KaplanMeierOptions { Transform = transform });
        Assert.Equal(new SurvivalTimeEstimate(27d, lower, upper), curve.Median);
        Assert.True(curve.Median.IsReached);
    }

    // KM-6 (R survival): aml Nonmaintained group; the last subject relapses at 45, so S = 0 and se and CI are NA in R (NaN here).
    [Theory]
    [InlineData(ConfidenceIntervalTransform.Log)]
    [InlineData(ConfidenceIntervalTransform.LogLog)]
    [InlineData(ConfidenceIntervalTransform.Plain)]
    public void KaplanMeier_AmlNonmaintainedEndsAtZero_SeAndIntervalAreNaN_KM6(ConfidenceIntervalTransform transform)
    {
        KaplanMeierCurve curve = Retention.Metrics.Survival.KaplanMeier(
            SurvivalData.AmlObservations(maintained: false), new KaplanMeierOptions { Transform = transform });
        KaplanMeierRow row = curve.Rows[^1];
        Assert.Equal(45d, row.Time);
        Assert.Equal(1L, row.AtRisk);
        Assert.Equal(1L, row.Events);
        Assert.Equal(0d, row.Survival);
        Assert.True(double.IsNaN(row.StandardError));
        Assert.True(double.IsNaN(row.Lower));
        Assert.True(double.IsNaN(row.Upper));
        Assert.Equal(0d, curve.SurvivalAt(1000d));
    }

    [Fact]
    public void KaplanMeier_TiesOfEventAndCensoringAtOneTime_CensoredStayAtRisk()
    {
        // Times 1, 2, 2+, 3, 4+ (+ = censored).
        // t=1: n=5 d=1 S=4/5=0.8;           Σ = 1/(5·4)            = 0.05;      se = 0.8·√0.05
        // t=2: n=4 d=1 c=1 S=0.8·3/4=0.6;   Σ = 0.05 + 1/(4·3)     = 0.133333;  se = 0.6·√0.133333
        // t=3: n=2 d=1 S=0.6·1/2=0.3;       Σ = 0.133333 + 1/(2·1) = 0.633333;  se = 0.3·√0.633333
        // t=4: n=1 c=1 S=0.3 (unchanged)
        KaplanMeierCurve curve = Retention.Metrics.Survival.KaplanMeier([E(2), C(4), E(1), C(2), E(3)]);
        Assert.Equal(4, curve.Rows.Length);
        Assert.Equal(new[] { 5L, 4L, 2L, 1L }, curve.Rows.Select(r => r.AtRisk));
        Assert.Equal(new[] { 1L, 1L, 1L, 0L }, curve.Rows.Select(r => r.Events));
        Assert.Equal(new[] { 0L, 1L, 0L, 1L }, curve.Rows.Select(r => r.Censored));
        double[] s = [0.8, 0.6, 0.3, 0.3];
        double[] se = [0.8 * Math.Sqrt(0.05), 0.6 * Math.Sqrt(0.05 + 1d / 12), 0.3 * Math.Sqrt(0.05 + 1d / 12 + 0.5), 0.3 * Math.Sqrt(0.05 + 1d / 12 + 0.5)];
        for (int i = 0; i < 4; i++)
        {
            NumericAssert.Close(s[i], curve.Rows[i].Survival, 1e-15);
            NumericAssert.Close(se[i], curve.Rows[i].StandardError, 1e-14);
        }
        // Log interval at t=1: 0.8·exp(∓1.959964·√0.05), upper capped at 1.
        NumericAssert.Close(0.8 * Math.Exp(-Rate.Z95 * Math.Sqrt(0.05)), curve.Rows[0].Lower, 1e-14);
        Assert.Equal(1d, curve.Rows[0].Upper);
        Assert.Equal(3d, curve.Median.Estimate);
        // Area: 1·(1−0) + 0.8·(2−1) + 0.6·(3−2) + 0.3·(4−3) = 2.7; to 2.5: 1 + 0.8 + 0.6·0.5 = 2.1.
        NumericAssert.Close(2.7, curve.RestrictedMean(4d), 1e-15);
        NumericAssert.Close(2.1, curve.RestrictedMean(2.5), 1e-15);
        NumericAssert.Close(0d, curve.RestrictedMean(0d), 0d);
        // Extended flat beyond the last row: 2.7 + 0.3·6 = 4.5.
        NumericAssert.Close(4.5, curve.RestrictedMean(10d), 1e-15);
    }

    [Fact]
    public void SurvivalAt_StepFunction_IsRightContinuous()
    {
        KaplanMeierCurve curve = Retention.Metrics.Survival.KaplanMeier([E(2), C(4), E(1), C(2), E(3)]);
        Assert.Equal(1d, curve.SurvivalAt(0d));
        Assert.Equal(1d, curve.SurvivalAt(0.999));
        Assert.Equal(0.8, curve.SurvivalAt(1d));
        Assert.Equal(0.8, curve.SurvivalAt(1.5));
        Assert.Equal(0.6, curve.SurvivalAt(2d), 15);
        Assert.Equal(0.3, curve.SurvivalAt(3d), 15);
        Assert.Equal(0.3, curve.SurvivalAt(1e9), 15);
        Assert.Equal(1d, curve.SurvivalAt(-5d));
        Assert.Throws<ArgumentOutOfRangeException>("time", () => curve.SurvivalAt(double.NaN));
    }

    [Fact]
    public void Median_ExactlyHalfOnAFlat_TakesTheMidpoint()
    {
        // 1, 2, 3, 4 all events: S = 0.75, 0.5, 0.25, 0 → S = 0.5 on [2, 3) → median (2 + 3)/2 = 2.5.
        KaplanMeierCurve curve = Retention.Metrics.Survival.KaplanMeier([E(1), E(2), E(3), E(4)]);
        Assert.Equal(2.5, curve.Median.Estimate);
        // Quartiles: S ≤ 0.75 first at 1 (exactly 0.75 on [1, 2) → midpoint 1.5); S ≤ 0.25 on [3, 4) → 3.5.
        Assert.Equal(1.5, curve.Quantile(0.25).Estimate);
        Assert.Equal(3.5, curve.Quantile(0.75).Estimate);
        Assert.Equal(4d, curve.Quantile(1d).Estimate);
    }

    [Fact]
    public void Median_FlatAtHalfUntilTheEnd_TakesMidpointWithLastTime()
    {
        // 1 event, 2+ censored, 5+ censored... S(1) = 2/3. Use 1, 3+: S(1) = 0.5 and the curve stays there until 3 → (1 + 3)/2 = 2.
        KaplanMeierCurve curve = Retention.Metrics.Survival.KaplanMeier([E(1), C(3)]);
        Assert.Equal(2d, curve.Median.Estimate);
    }

    [Fact]
    public void KaplanMeier_AllCensored_SurvivalStaysOneAndMedianIsNotReached()
    {
        KaplanMeierCurve curve = Retention.Metrics.Survival.KaplanMeier([C(3), C(1), C(3)]);
        Assert.All(curve.Rows, r =>
        {
            Assert.Equal(1d, r.Survival);
            Assert.Equal(0d, r.StandardError);
            Assert.Equal(1d, r.Lower);
            Assert.Equal(1d, r.Upper);
        });
        Assert.False(curve.Median.IsReached);
        Assert.True(double.IsNaN(curve.Median.Lower) && double.IsNaN(curve.Median.Upper));
        Assert.Equal(7d, curve.RestrictedMean(7d));
        Assert.Equal(0L, curve.Events);
    }

    [Fact]
    public void KaplanMeier_LogLogAtSurvivalOne_IsNaNAsInR()
    {
        KaplanMeierCurve curve = Retention.Metrics.Survival.KaplanMeier([C(1), E(2), E(3)], new KaplanMeierOptions { Transform = ConfidenceIntervalTransform.LogLog });
        Assert.True(double.IsNaN(curve.Rows[0].Lower));
        Assert.True(double.IsNaN(curve.Rows[0].Upper));
        Assert.False(double.IsNaN(curve.Rows[1].Lower));
    }

    [Fact]
    public void KaplanMeier_Empty_GivesNoRowsAndSurvivalOne()
    {
        KaplanMeierCurve curve = Retention.Metrics.Survival.KaplanMeier([]);
        Assert.Empty(curve.Rows);
        Assert.Equal(0L, curve.Count);
        Assert.Equal(1d, curve.SurvivalAt(10d));
        Assert.False(curve.Median.IsReached);
        Assert.Equal(5d, curve.RestrictedMean(5d));
    }

    [Fact]
    public void KaplanMeier_SingleEvent_DropsToZeroWithUndefinedError()
    {
        KaplanMeierCurve curve = Retention.Metrics.Survival.KaplanMeier([E(3)]);
        KaplanMeierRow row = Assert.Single(curve.Rows);
        Assert.Equal(new KaplanMeierRow(3d, 1, 1, 0, 0d, double.NaN, double.NaN, double.NaN), row);
        Assert.Equal(3d, curve.Median.Estimate);
        Assert.True(double.IsNaN(curve.Median.Lower));
        NumericAssert.Close(3d, curve.RestrictedMean(10d), 0d);
    }

    [Fact]
    public void KaplanMeier_SingleCensored_OneRowAtSurvivalOne()
    {
        KaplanMeierCurve curve = Retention.Metrics.Survival.KaplanMeier([C(2.5)]);
        Assert.Equal(new KaplanMeierRow(2.5, 1, 0, 1, 1d, 0d, 1d, 1d), Assert.Single(curve.Rows));
    }

    [Fact]
    public void KaplanMeier_EventsAtTimeZero_DropBeforeAnyArea()
    {
        // 0, 0, 2, 2+: S(0) = 2/4 = 0.5 exactly, flat until 2 where it falls to 0.25 → median (0 + 2)/2 = 1; area to 2 = 0.5·2 = 1.
        KaplanMeierCurve curve = Retention.Metrics.Survival.KaplanMeier([E(0), E(-0d), E(2), C(2)]);
        Assert.Equal(0d, curve.Rows[0].Time);
        Assert.Equal(0.5, curve.Rows[0].Survival);
        Assert.Equal(1d, curve.Median.Estimate);
        Assert.Equal(1d, curve.RestrictedMean(2d));
    }

    [Fact]
    public void KaplanMeier_PlainInterval_IsClippedToUnitRange()
    {
        // Times 1, 2: S(1) = 0.5, se = 0.5·√(1/(2·1)) = 0.353553; plain 0.5 ± 1.959964·0.353553 → [0, 1] after clipping.
        KaplanMeierCurve curve = Retention.Metrics.Survival.KaplanMeier([E(1), E(2)], new KaplanMeierOptions { Transform = ConfidenceIntervalTransform.Plain });
        Assert.Equal(0d, curve.Rows[0].Lower);
        Assert.Equal(1d, curve.Rows[0].Upper);
    }

    [Fact]
    public void KaplanMeier_ConfidenceLevel90_UsesItsNormalQuantile()
    {
        var options = new KaplanMeierOptions { ConfidenceLevel = 0.90 };
        NumericAssert.Close(1.6448536269514722, options.Z, 1e-14);
        KaplanMeierCurve curve = Retention.Metrics.Survival.KaplanMeier(SurvivalData.AmlObservations(), options);
        KaplanMeierRow row = RowAt(curve, 23d);
        double sigma = row.StandardError / row.Survival;
        NumericAssert.Close(row.Survival * Math.Exp(-1.6448536269514722 * sigma), row.Lower, 1e-13);
        NumericAssert.Close(row.Survival * Math.Exp(1.6448536269514722 * sigma), row.Upper, 1e-13);
        Assert.Equal(0.90, curve.Options.ConfidenceLevel);
    }

    [Fact]
    public void KaplanMeier_FractionalAndHugeTimes_SortingPathMatchesCountingPath()
    {
        SurvivalObservation[] aml = SurvivalData.AmlObservations();
        KaplanMeierCurve whole = Retention.Metrics.Survival.KaplanMeier(aml);
        KaplanMeierCurve halves = Retention.Metrics.Survival.KaplanMeier(aml.Select(o => o with { Time = o.Time / 2 }).ToArray());
        KaplanMeierCurve huge = Retention.Metrics.Survival.KaplanMeier(aml.Select(o => o with { Time = o.Time * 1e6 }).ToArray());
        for (int i = 0; i < whole.Rows.Length; i++)
        {
            Assert.Equal(whole.Rows[i] with { Time = 0 }, halves.Rows[i] with { Time = 0 });
            Assert.Equal(whole.Rows[i] with { Time = 0 }, huge.Rows[i] with { Time = 0 });
            Assert.Equal(whole.Rows[i].Time / 2, halves.Rows[i].Time);
        }
        Assert.Equal(13.5, halves.Median.Estimate);
    }

    [Fact]
    public void KaplanMeier_MatchesNaiveOracle_OnSeededRandomData_Lengths0To256()
    {
        var random = new Random(20261123);
        for (int length = 0; length <= 256; length++)
        {
            var observations = new SurvivalObservation[length];
            bool fractional = length % 3 == 0;
            for (int i = 0; i < length; i++)
            {
                double t = fractional ? Math.Round(random.NextDouble() * 20, 1) : random.Next(0, 30);
                observations[i] = new SurvivalObservation(t, random.NextDouble() < 0.7);
            }
            KaplanMeierCurve curve = Retention.Metrics.Survival.KaplanMeier(observations);
            KaplanMeierOracle.Row[] expected = KaplanMeierOracle.Table(observations);
            Assert.Equal(expected.Length, curve.Rows.Length);
            for (int i = 0; i < expected.Length; i++)
            {
                KaplanMeierRow row = curve.Rows[i];
                Assert.Equal(expected[i].Time, row.Time);
                Assert.Equal(expected[i].AtRisk, row.AtRisk);
                Assert.Equal(expected[i].Events, row.Events);
                Assert.Equal(expected[i].Censored, row.Censored);
                NumericAssert.Close(expected[i].Survival, row.Survival, 1e-12);
                if (double.IsNaN(expected[i].StandardError)) Assert.True(double.IsNaN(row.StandardError));
                else NumericAssert.Close(expected[i].StandardError, row.StandardError, 1e-12);
            }
        }
    }

    [Theory]
    [InlineData(-1d)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void KaplanMeier_BadTime_ThrowsNamingTheIndex(double time)
    {
        var ex = Assert.Throws<ArgumentException>(() => Retention.Metrics.Survival.KaplanMeier([E(1), C(2), new SurvivalObservation(time, true)]));
        Assert.Equal("observations", ex.ParamName);
        Assert.StartsWith("observations[2].Time is ", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0d)]
    [InlineData(1d)]
    [InlineData(double.NaN)]
    public void KaplanMeierOptions_BadConfidenceLevel_Throws(double level)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new KaplanMeierOptions { ConfidenceLevel = level });
        Assert.Equal("ConfidenceLevel", ex.ParamName);
    }

    [Fact]
    public void KaplanMeierOptions_UndefinedTransform_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>("Transform", () => new KaplanMeierOptions { Transform = (ConfidenceIntervalTransform)7 });
    }

    [Fact]
    public void Quantile_And_RestrictedMean_BadArguments_Throw()
    {
        KaplanMeierCurve curve = Retention.Metrics.Survival.KaplanMeier([E(1)]);
        Assert.Throws<ArgumentOutOfRangeException>("probability", () => curve.Quantile(0d));
        Assert.Throws<ArgumentOutOfRangeException>("probability", () => curve.Quantile(1.5));
        Assert.Throws<ArgumentOutOfRangeException>("horizon", () => curve.RestrictedMean(-1d));
        Assert.Throws<ArgumentOutOfRangeException>("horizon", () => curve.RestrictedMean(double.PositiveInfinity));
    }

    [Fact]
    public void Combine_AmlGroups_EqualsWholeCurve()
    {
        KaplanMeierCurve maintained = Retention.Metrics.Survival.KaplanMeier(SurvivalData.AmlObservations(maintained: true));
        KaplanMeierCurve nonmaintained = Retention.Metrics.Survival.KaplanMeier(SurvivalData.AmlObservations(maintained: false));
        KaplanMeierCurve whole = Retention.Metrics.Survival.KaplanMeier(SurvivalData.AmlObservations());
        KaplanMeierCurve combined = KaplanMeierCurve.Combine(maintained, nonmaintained);
        for (int i = 0; i < whole.Rows.Length; i++) Assert.Equal(whole.Rows[i], combined.Rows[i]);
        Assert.Equal(whole.Rows.Length, combined.Rows.Length);
        Assert.Equal(whole.Median, combined.Median);
    }
}
