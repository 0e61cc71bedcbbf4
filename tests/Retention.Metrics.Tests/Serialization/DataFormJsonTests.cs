using Retention.Metrics.Tests.Infrastructure;

namespace Retention.Metrics.Tests.Serialization;

/// <summary>The JSON format of the result classes written through their data forms: exact texts, non-finite values, validation on read.</summary>
public class DataFormJsonTests
{
    private static readonly DateOnly Start = new(2024, 1, 1);

    private static PurchaseHistory SmallHistory() => PurchaseHistory.Create(
    [
        new Purchase(0, Start, 10.50m), new Purchase(0, Start.AddDays(20), 5m), new Purchase(1, Start.AddDays(3), 7.25m),
        new Purchase(1, Start.AddDays(40), 1m), new Purchase(1, Start.AddDays(70), 2m), new Purchase(2, Start.AddDays(45), 100m),
    ]);

    private static T RoundTrip<T>(T value) => RetentionJson.Deserialize<T>(RetentionJson.Serialize(value))!;

    private static void AssertRejected<T>(string json, string fragment)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => RetentionJson.Deserialize<T>(json));
        Assert.Equal("data", ex.ParamName);
        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BgNbdModel_FromParameters_WritesParametersAndDiagnostics()
    {
        var model = BgNbdModel.FromParameters(0.243, 4.414, 0.793, 2.426);
        string json = RetentionJson.Serialize(model);
        Assert.Equal("""{"r":0.243,"alpha":4.414,"a":0.793,"b":2.426,"logLikelihood":null,"iterations":0,"converged":true,"standardErrors":null,"customers":0}""", json);
        var back = RetentionJson.Deserialize<BgNbdModel>(json)!;
        Assert.Equal(model.ToData(), back.ToData());
        Assert.Equal(model.ProbabilityAlive(2, 30, 38), back.ProbabilityAlive(2, 30, 38));
    }

    [Fact]
    public void FittedModels_RoundTrip_WithEveryDiagnostic()
    {
        var summaries = Metrics.Summaries.Compute(TestData.History(TestData.CdnowSample), new DateOnly(1997, 9, 30));
        var bgData = new BgNbdObservation[summaries.Length];
        BgNbdObservation.FromSummaries(summaries, TimeUnit.Weeks, bgData);
        var bg = BgNbdModel.Fit(bgData);
        var ggData = new GammaGammaObservation[summaries.Length];
        GammaGammaObservation.FromSummaries(summaries, ggData);
        var gg = GammaGammaModel.Fit(ggData);

        var bgBack = RoundTrip(bg);
        Assert.Equal(bg.ToData(), bgBack.ToData());
        Assert.NotNull(bgBack.LogLikelihood);
        Assert.True(bgBack.Iterations > 0);
        Assert.Equal(bg.StandardErrors, bgBack.StandardErrors);
        var ggBack = RoundTrip(gg);
        Assert.Equal(gg.ToData(), ggBack.ToData());
        Assert.Equal(gg.FrequencyValueCorrelation, ggBack.FrequencyValueCorrelation);
        Assert.Equal(gg.CustomerLifetimeValue(bg, bgData[0], 30d, ClvHorizon.LifetimesMonthsInWeeks(12, 0.01)),
            ggBack.CustomerLifetimeValue(bgBack, bgData[0], 30d, ClvHorizon.LifetimesMonthsInWeeks(12, 0.01)));
    }

    [Fact]
    public void ShiftedBetaGeometricModel_FromParameters_WritesNaNAsString()
    {
        string json = RetentionJson.Serialize(ShiftedBetaGeometricModel.FromParameters(0.668, 3.806));
        Assert.Equal("""{"alpha":0.668,"beta":3.806,"logLikelihood":"NaN","iterations":0,"converged":true,"alphaStandardError":"NaN","betaStandardError":"NaN"}""", json);
        var back = RetentionJson.Deserialize<ShiftedBetaGeometricModel>(json)!;
        Assert.True(double.IsNaN(back.LogLikelihood));
        Assert.Equal(0.668, back.Alpha);
    }

    [Fact]
    public void Models_InvalidParameters_AreRejectedWhenRead()
    {
        AssertRejected<BgNbdModel>("""{"r":-1,"alpha":4.414,"a":0.793,"b":2.426,"iterations":0,"converged":true,"customers":0}""", "data.R is -1");
        AssertRejected<GammaGammaModel>("""{"p":1,"q":"Infinity","gamma":2,"iterations":0,"converged":true,"customers":0,"frequencyValueCorrelation":0}""", "data.Q is");
        AssertRejected<ShiftedBetaGeometricModel>("""{"alpha":1,"beta":1,"logLikelihood":"NaN","iterations":-3,"converged":true,"alphaStandardError":"NaN","betaStandardError":"NaN"}""", "data.Iterations is -3");
    }

    [Fact]
    public void KaplanMeierCurve_NonFiniteBoundsAndUnreachedMedian_AreWrittenAsStringsAndRecomputed()
    {
        // Nobody dies: survival stays 1, the log-log bounds are NaN and the median is not reached.
        var curve = Metrics.Survival.KaplanMeier([new(1, false), new(2, false)], new KaplanMeierOptions { Transform = ConfidenceIntervalTransform.LogLog });
        string json = RetentionJson.Serialize(curve);
        Assert.Contains("\"lower\":\"NaN\"", json, StringComparison.Ordinal);
        Assert.Contains("\"transform\":\"LogLog\"", json, StringComparison.Ordinal);
        var back = RetentionJson.Deserialize<KaplanMeierCurve>(json)!;
        Assert.Equal(curve.Rows.ToArray(), back.Rows.ToArray());
        Assert.Equal(curve.Options, back.Options);
        Assert.False(back.Median.IsReached);
        Assert.Contains("\"estimate\":\"NaN\"", RetentionJson.Serialize(curve.Median), StringComparison.Ordinal);

        // The derived row fields are recomputed: a tampered survival value is ignored.
        var everyoneDies = Metrics.Survival.KaplanMeier([new(1, true), new(2, true)]);
        string tampered = RetentionJson.Serialize(everyoneDies).Replace("\"survival\":0.5", "\"survival\":0.9", StringComparison.Ordinal);
        Assert.Equal(0.5, RetentionJson.Deserialize<KaplanMeierCurve>(tampered)!.SurvivalAt(1));
        Assert.Contains("\"standardError\":\"NaN\"", RetentionJson.Serialize(everyoneDies), StringComparison.Ordinal);
        AssertRejected<KaplanMeierCurve>("""{"options":{"confidenceLevel":0.95,"transform":"Log"},"rows":[{"time":2,"events":1,"censored":0},{"time":1,"events":1,"censored":0}]}""", "data.Rows[1].Time is 1");
    }

    [Fact]
    public void GammaGammaModel_InfiniteDerivedMean_DoesNotBreakSerialization()
    {
        var model = GammaGammaModel.FromParameters(2, 0.5, 3);
        Assert.Equal(double.PositiveInfinity, model.PopulationMeanValue);
        Assert.Equal(model.ToData(), RoundTrip(model).ToData());
        Assert.Equal("""{"lower":"-Infinity","upper":"Infinity"}""", RetentionJson.Serialize(new Interval(double.NegativeInfinity, double.PositiveInfinity)));
    }

    [Fact]
    public void RepeatSeries_RoundTrip_KeepsEveryPeriodAndStillCombines()
    {
        var history = SmallHistory();
        var series = Metrics.Repeat.PeriodSeries(history, Start, Start.AddDays(70), PeriodUnit.Month);
        string json = RetentionJson.Serialize(series);
        Assert.StartsWith("""{"unit":"Month","weekStart":"Monday","from":"2024-01-01","asOf":"2024-03-11","acquiredBefore":0,"periods":[{"start":"2024-01-01","end":"2024-01-31","isComplete":true,"buyers":2,""", json, StringComparison.Ordinal);
        var back = RetentionJson.Deserialize<RepeatSeries>(json)!;
        Assert.Equal(series.Count, back.Count);
        for (int i = 0; i < series.Count; i++) Assert.Equal(series[i], back[i]);
        Assert.Equal(RetentionJson.Serialize(RepeatSeries.Combine(series, series)), RetentionJson.Serialize(RepeatSeries.Combine(back, series)));

        AssertRejected<RepeatSeries>(json.Replace("\"asOf\":\"2024-03-11\"", "\"asOf\":\"2024-04-11\"", StringComparison.Ordinal), "data.Periods has 3 elements; it must have 4");
        int at = json.IndexOf("\"repeatBuyers\":", StringComparison.Ordinal);
        AssertRejected<RepeatSeries>(json[..at] + "\"repeatBuyers\":-1," + json[(json.IndexOf(',', at) + 1)..], "data.Periods[0].RepeatBuyers is -1");
        AssertRejected<RepeatSeries>(json.Replace("\"weekStart\":\"Monday\",\"from\":\"2024-01-01\"", "\"weekStart\":\"Monday\",\"from\":\"2024-02-01\"", StringComparison.Ordinal), "data.Periods has 3 elements; it must have 2");
    }

    [Fact]
    public void ConversionAndLadderAndIntervals_RoundTripAndRejectInconsistentCounts()
    {
        var history = SmallHistory();
        DateOnly asOf = Start.AddDays(70);
        var conversion = Metrics.Repeat.F2Conversion(history, asOf, 30);
        var back = RoundTrip(conversion);
        Assert.Equal(conversion.Total, back.Total);
        Assert.Equal(Enumerable.Range(0, conversion.Count).Select(i => conversion[i]), Enumerable.Range(0, back.Count).Select(i => back[i]));

        var ladder = Metrics.Repeat.FrequencyLadder(history, asOf, 3);
        Assert.Equal("""{"atLeast":[3,2,1],"censored":0}""", RetentionJson.Serialize(ladder));
        Assert.Equal(ladder.Step(3), RoundTrip(ladder).Step(3));
        AssertRejected<FrequencyLadder>("""{"atLeast":[3,4,1],"censored":0}""", "data.AtLeast[1] is 4");

        var intervals = Metrics.Repeat.TimeToNextPurchase(history, asOf, null);
        var intervalsBack = RoundTrip(intervals);
        Assert.Equal(intervals.CountsByDay.ToArray(), intervalsBack.CountsByDay.ToArray());
        Assert.Equal(intervals.MedianDays, intervalsBack.MedianDays);
        AssertRejected<IntervalDistribution>("""{"countsByDay":[0,1,-2]}""", "data.CountsByDay[2] is -2");
        AssertRejected<ConversionResult>("""{"unit":"Month","weekStart":"Monday","windowDays":30,"asOf":"2024-03-11","cohorts":[{"start":"2024-01-01","customers":2,"eligible":3,"converted":1,"censoredConverted":0}]}""", "data.Cohorts[0]");
        AssertRejected<ConversionResult>("""{"unit":"Month","weekStart":"Monday","windowDays":30,"asOf":"2024-03-11","cohorts":[{"start":"2024-01-05","customers":2,"eligible":2,"converted":1,"censoredConverted":0}]}""", "must be 2024-01-01");
    }

    [Fact]
    public void SegmentationResults_RoundTripAndRejectInconsistentData()
    {
        var history = SmallHistory();
        DateOnly asOf = Start.AddDays(70);
        var ranking = Metrics.Concentration.Rank(history, asOf);
        Assert.Equal("""{"customers":[2,0,1],"amounts":[100.00,15.50,10.25]}""", RetentionJson.Serialize(ranking));
        var rankingBack = RoundTrip(ranking);
        Assert.Equal(ranking.Gini, rankingBack.Gini);
        Assert.Equal(ranking.TotalAmount, rankingBack.TotalAmount);
        AssertRejected<SpendRanking>("""{"customers":[2,0],"amounts":[10,15.50]}""", "data.Amounts[1] is 15.50");

        var abc = ranking.Abc();
        var abcBack = RoundTrip(abc);
        Assert.Equal(abc.Classes.ToArray(), abcBack.Classes.ToArray());
        Assert.Equal(abc.CustomersOf(AbcClass.B).ToArray(), abcBack.CustomersOf(AbcClass.B).ToArray());

        var rfm = Metrics.Rfm.Compute(history, asOf, new RfmOptions { RecencyScale = RfmScale.Thresholds(10, 40), FrequencyScale = RfmScale.EqualCount(2) });
        var rfmBack = RoundTrip(rfm);
        Assert.Equal(RetentionJson.Serialize(rfm), RetentionJson.Serialize(rfmBack));
        Assert.Equal([10d, 40d], rfmBack.Options.RecencyScale.CutPoints.ToArray());
        Assert.Equal(RfmScaleKind.EqualCount, rfmBack.Options.FrequencyScale.Kind);
        Assert.Same(RfmSegmentRules.Standard, rfmBack.Options.Segments);
        Assert.Same(RfmScale.Default, RoundTrip(Metrics.Rfm.Compute(history, asOf)).Options.MonetaryScale);
        Assert.Equal(rfm.Customers.ToArray(), rfmBack.Customers.ToArray());
        Assert.Equal(rfm.Segments.ToArray(), rfmBack.Segments.ToArray());
        Assert.Equal(rfm.SegmentName(rfm.Customers[0]), rfmBack.SegmentName(rfmBack.Customers[0]));

        var moves = Metrics.CustomerRanks.Transitions(history, Start.AddDays(30), asOf, [10m, 50m]);
        var movesBack = RoundTrip(moves);
        Assert.Equal(moves.Up, movesBack.Up);
        Assert.Equal(moves.Customers.ToArray(), movesBack.Customers.ToArray());
        string movesJson = RetentionJson.Serialize(moves);
        AssertRejected<RankTransitionResult>(movesJson.Replace("\"counts\":[[", "\"counts\":[[7,", StringComparison.Ordinal), "data.Counts[0] has 4 elements; it must have 3");

        var cpm = Metrics.Cpm.Classify(history, asOf);
        var cpmBack = RoundTrip(cpm);
        Assert.Equal(cpm.Summary(CpmSegment.FirstTimeActive), cpmBack.Summary(CpmSegment.FirstTimeActive));
        Assert.Equal(cpm.CustomersOf(CpmSegment.NoviceActive).ToArray(), cpmBack.CustomersOf(CpmSegment.NoviceActive).ToArray());
    }

    [Fact]
    public void CohortResults_RoundTripThroughTheClassItself()
    {
        var history = SmallHistory();
        DateOnly asOf = Start.AddDays(70);
        var table = Metrics.Cohorts.Compute(history, asOf);
        var back = RoundTrip(table);
        Assert.Equal(table.CohortCount, back.CohortCount);
        Assert.Equal(table.Retention(0, 1), back.Retention(0, 1));
        Assert.Equal(table.AverageCurve.ToArray(), back.AverageCurve.ToArray());

        var ltv = Metrics.Lifetime.ByCohort(history, asOf, [1, 2]);
        string json = RetentionJson.Serialize(ltv);
        Assert.Equal("""{"asOf":"2024-03-11","horizonMonths":[1,2],"cohortStarts":["2024-01-01","2024-02-01","2024-03-01"],"cohortSizes":[2,1,0],"orders":[[3,4],[1,1],[0,0]],"revenue":[[22.75,23.75],[100.00,100.00],[0.00,0.00]]}""", json);
        var ltvBack = RetentionJson.Deserialize<CohortLtvResult>(json)!;
        Assert.Equal(ltv.Pooled(0), ltvBack.Pooled(0));
        Assert.Equal(ltv.IsCensored(1, 1), ltvBack.IsCensored(1, 1));
        AssertRejected<CohortLtvResult>(json.Replace("\"2024-02-01\",", "\"2024-02-02\",", StringComparison.Ordinal), "data.CohortStarts[1] is 2024-02-02");
    }

    [Fact]
    public void SubscriptionResults_RoundTripAndRejectInconsistentData()
    {
        var ledger = RandomSubscriptions.Create(3, 40).Ledger();
        DateOnly from = RandomSubscriptions.Start, to = from.AddDays(400);
        var churn = Metrics.Churn.LogoChurn(ledger, from, to);
        Assert.Equal(churn.Periods.ToArray(), RoundTrip(churn).Periods.ToArray());
        var mrr = Metrics.RecurringRevenue.Movements(ledger, from, to);
        Assert.Equal(mrr.Periods.ToArray(), RoundTrip(mrr).Periods.ToArray());
        var continuation = Metrics.Continuation.FromShipments(ledger, to);
        var back = RoundTrip(continuation);
        Assert.Equal(continuation.Steps.ToArray(), back.Steps.ToArray());
        Assert.Equal(continuation.MeanShipments, back.MeanShipments);

        AssertRejected<ContinuationResult>("""{"asOf":"2024-01-01","cancelledWith":[0,1],"openWith":[0]}""", "data.OpenWith has 1 elements; it must have 2");
        AssertRejected<LogoChurnSeries>("""{"unit":"Month","variant":"StartOfPeriod","periods":[{"start":"2024-01-01","end":"2024-01-31","opening":1,"new":0,"cancelled":2,"newCancelled":0,"variant":"StartOfPeriod"}]}""", "data.Periods[0]");
    }

    [Fact]
    public void CampaignResults_RoundTripThroughTheirConstructors()
    {
        var treated = new CampaignGroup(1000, 52, 41, 12345.67m, 800m);
        var summary = Metrics.Campaigns.Summarize(treated, 0.35m);
        string json = RetentionJson.Serialize(summary);
        Assert.StartsWith("""{"group":{"mailed":1000,"responders":52,"orders":41,"revenue":12345.67,"cost":800},"grossMarginRate":0.35,"roiConvention":"NetOfCost",""", json, StringComparison.Ordinal);
        Assert.Equal(summary, RetentionJson.Deserialize<CampaignSummary>(json));
        Assert.ThrowsAny<ArgumentException>(() => RetentionJson.Deserialize<CampaignGroup>("""{"mailed":10,"responders":11,"orders":0,"revenue":0,"cost":0}"""));
        var lift = Metrics.Campaigns.Lift(treated, new CampaignGroup(1000, 31, 25, 7000.1m, 0m));
        Assert.Equal(lift, RoundTrip(lift));
    }
}
