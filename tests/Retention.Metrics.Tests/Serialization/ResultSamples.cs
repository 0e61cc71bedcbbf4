using Microsoft.Extensions.DependencyInjection;
using Retention.Metrics.DependencyInjection;
using Retention.Metrics.Tests.Infrastructure;

namespace Retention.Metrics.Tests.Serialization;

/// <summary>One value of every public result type, computed by the library's own functions from a purchase history, a
/// subscription ledger or fixed campaign counts; a computation that rejects the input (too little data) is skipped.</summary>
public static class ResultSamples
{
    public sealed class Builder
    {
        public List<(Type Type, object Value)> Items { get; } = [];

        public void Add<T>(Func<T> compute)
            where T : notnull
        {
            T value;
            try
            {
                value = compute();
            }
            catch (ArgumentException)
            {
                return; // the input does not suit this metric (for example no repeat purchase to fit on)
            }
            Items.Add((typeof(T), value));
        }
    }

    public static List<(Type Type, object Value)> FromPurchases(Purchase[] purchases, bool fitModels = true)
    {
        var b = new Builder();
        var history = PurchaseHistory.Create(purchases);
        DateOnly first = history.FirstDate, asOf = history.LastDate;
        DateOnly mid = first.AddDays((asOf.DayNumber - first.DayNumber) / 2);
        CustomerSummary[] summaries = Metrics.Summaries.Compute(history, asOf);

        b.Add(() => Metrics.Summaries.Totals(history, asOf));
        b.Add(() => summaries);
        b.Add(() => Metrics.Summaries.ComputeWithHoldout(history, mid, asOf));

        b.Add(() => Metrics.Repeat.MultiPurchaseShare(history, asOf));
        b.Add(() => Metrics.Repeat.PeriodSeries(history, first, asOf, PeriodUnit.Month));
        b.Add(() => Metrics.Repeat.PeriodSeries(history, first, asOf, PeriodUnit.Week, DayOfWeek.Sunday, PurchaseCounting.Orders));
        b.Add(() => Metrics.Repeat.F2Conversion(history, asOf, 30));
        b.Add(() => Metrics.Repeat.F2Conversion(history, asOf, 90, PeriodUnit.Week, DayOfWeek.Sunday, PurchaseCounting.Orders));
        b.Add(() => Metrics.Repeat.FrequencyLadder(history, asOf, 5));
        b.Add(() => Metrics.Repeat.FrequencyLadder(history, asOf, 3, 365, PurchaseCounting.Orders));
        b.Add(() => Metrics.Repeat.TimeToNextPurchase(history, asOf));
        b.Add(() => Metrics.Repeat.PeriodRetention(history, first, mid, mid.AddDays(1), asOf));
        b.Add(() =>
        {
            var intervals = new CustomerIntervals[history.CustomerCount];
            return intervals[..Metrics.Repeat.InterPurchaseIntervals(history, asOf, intervals)];
        });

        b.Add(() => Metrics.Cohorts.Compute(history, asOf));
        b.Add(() => Metrics.Cohorts.Compute(history, asOf, new CohortOptions { Brackets = [new(0, 30), new(31, 180)], Retention = CohortRetention.OnOrAfter }));
        b.Add(() => Metrics.Cohorts.ComputeSegmented(history, asOf, Enumerable.Range(0, history.CustomerCount).Select(c => c % 2).ToArray(), 2,
            new CohortOptions { Unit = PeriodUnit.Quarter }));

        b.Add(() => Metrics.Dormancy.Classify(history, asOf, 90));
        b.Add(() => Metrics.Dormancy.Transition(history, mid, asOf, 90));
        b.Add(() => Metrics.Dormancy.DormantCustomers(history, asOf, 90));

        var lines = OrderLines.Create(purchases.Select((p, i) => new OrderLine(p.Customer, p.Date, i % 4, p.Amount)).ToArray());
        b.Add(() => Metrics.CrossSell.DistinctProducts(lines, first, asOf, 3));
        b.Add(() => Metrics.CrossSell.TopPairs(lines, first, asOf, 5));
        b.Add(() => Metrics.Repeat.UpgradeRate(lines, asOf, [0], [1, 2], 180));

        b.Add(() => Rfm.Compute(history, asOf));
        b.Add(() => Rfm.Compute(history, asOf, new RfmOptions
        {
            RecencyScale = RfmScale.Thresholds(30, 90, 180),
            FrequencyScale = RfmScale.EqualCount(3),
            Monetary = RfmMonetary.MeanPerOrder,
        }));
        b.Add(() => Cpm.Classify(history, asOf));
        b.Add(() => CustomerRanks.Compute(history, asOf, [100m, 500.5m]));
        b.Add(() => CustomerRanks.Transitions(history, mid, asOf, [100m, 500.5m]));
        SpendRanking ranking = Concentration.Rank(history, asOf);
        b.Add(() => ranking);
        b.Add(() => ranking.Abc());
        b.Add(() => ranking.Deciles());
        b.Add(() => ranking.Lorenz(10));

        b.Add(() => Metrics.Lifetime.Historical(history, asOf));
        b.Add(() => Metrics.Lifetime.AnnualPeriod(history, asOf));
        b.Add(() => Metrics.Lifetime.Contribution(history, asOf, new ContributionCosts { MarginRate = 0.4 }));
        b.Add(() => Metrics.Lifetime.ByCohort(history, asOf, [1, 3, 12]));
        b.Add(() => Metrics.Lifetime.Payback([100m, 250m, 400m], 500m));

        SurvivalObservation[] observations = Observations(summaries, asOf);
        b.Add(() => observations);
        b.Add(() => Metrics.Survival.KaplanMeier(observations));
        b.Add(() => Metrics.Survival.KaplanMeier(observations, new KaplanMeierOptions { ConfidenceLevel = 0.9, Transform = ConfidenceIntervalTransform.LogLog }));
        b.Add(() => Metrics.Survival.KaplanMeier(observations).Median);
        b.Add(() => Metrics.Survival.LogRank(observations, Enumerable.Range(0, observations.Length).Select(i => i % 2).ToArray()));

        var treated = CustomerSet.FromPositions(history, Enumerable.Range(0, history.CustomerCount).Select(c => c % 2 == 0).ToArray());
        var control = CustomerSet.FromPositions(history, Enumerable.Range(0, history.CustomerCount).Select(c => c % 2 == 1).ToArray());
        b.Add(() => Metrics.Campaigns.CompareRepeatRate(history, treated, control, first, asOf));
        b.Add(() => Metrics.Campaigns.CompareF2Conversion(history, treated, control, asOf, 90));

        b.Add(() => new ServiceCollection().AddRetentionMetrics().BuildServiceProvider()
            .GetRequiredService<IRetentionAnalyzer>().Analyze(history, asOf));

        if (fitModels)
        {
            var bg = new BgNbdObservation[summaries.Length];
            BgNbdObservation.FromSummaries(summaries, TimeUnit.Weeks, bg);
            var gg = new GammaGammaObservation[summaries.Length];
            GammaGammaObservation.FromSummaries(summaries, gg);
            b.Add(() => bg);
            b.Add(() => gg);
            b.Add(() => BgNbdModel.Fit(bg));
            b.Add(() => GammaGammaModel.Fit(gg));
        }
        return b.Items;
    }

    public static List<(Type Type, object Value)> FromLedger(SubscriptionCase subscriptions)
    {
        var b = new Builder();
        SubscriptionLedger ledger = subscriptions.Ledger();
        DateOnly from = RandomSubscriptions.Start, to = RandomSubscriptions.Start.AddDays(700);
        b.Add(() => Churn.LogoChurn(ledger, from, to));
        b.Add(() => Churn.LogoChurn(ledger, from, to, PeriodUnit.Week, LogoChurnVariant.ExcludeSamePeriodNewCancelled, DayOfWeek.Sunday));
        b.Add(() => Churn.LogoChurnTrailing(ledger, to));
        b.Add(() => RecurringRevenue.Movements(ledger, from, to));
        b.Add(() => Continuation.FromShipments(ledger, to));
        return b.Items;
    }

    public static List<(Type Type, object Value)> Fixed()
    {
        var b = new Builder();
        var treated = new CampaignGroup(1000, 52, 41, 12345.67m, 800m);
        var control = new CampaignGroup(1000, 31, 25, 7000.1m, 0m);
        b.Add(() => treated);
        b.Add(() => Metrics.Campaigns.Summarize(treated, 0.35m));
        b.Add(() => Metrics.Campaigns.Summarize(control, 0.35m, RoiConvention.GrossOverCost));
        b.Add(() => Metrics.Campaigns.Lift(treated, control));
        b.Add(() => Metrics.Campaigns.Lift(treated, new CampaignGroup(0, 0, 0, 0m, 0m)));
        b.Add(() => Metrics.Campaigns.TwoProportionZTest(treated, control));
        b.Add(() => Metrics.Campaigns.ChiSquaredTest(treated, control, yatesCorrection: true));
        b.Add(() => Metrics.Campaigns.FisherExactTest(treated, control, CampaignOutcome.Order));
        SpendStatistics spendA = SpendStatistics.FromValues([10m, 12.5m, 30m, 7.25m]), spendB = SpendStatistics.FromMoments(40, 11.5, 4.2);
        b.Add(() => spendA);
        b.Add(() => Metrics.Campaigns.WelchTTest(spendA, spendB));
        b.Add(() => Metrics.Campaigns.SampleSizeForRates(0.05, 0.01));
        b.Add(() => Metrics.Campaigns.SampleSizeForMeans(20, 2.5));
        b.Add(() => Metrics.Campaigns.DetectableEffectForRates(0.05, 4000));
        b.Add(() => Metrics.Lifetime.Payback([100m, 250m], 5000m));
        b.Add(() => ShiftedBetaGeometricModel.Fit([1000, 869, 743, 653, 593, 551, 517, 491]));
        b.Add(() => ShiftedBetaGeometricModel.FromParameters(0.668, 3.806));
        b.Add(() => BgNbdModel.FromParameters(0.243, 4.414, 0.793, 2.426));
        b.Add(() => GammaGammaModel.FromParameters(6.25, 3.74, 15.44));
        b.Add(() => Metrics.Survival.KaplanMeier([new(1, true), new(2, false), new(2, true), new(3, true), new(5, false)]));
        return b.Items;
    }

    /// <summary>Customer lifetimes in 30-day units: an event when the last purchase is more than 180 days before <paramref name="asOf"/>.</summary>
    public static SurvivalObservation[] Observations(CustomerSummary[] summaries, DateOnly asOf) =>
        summaries.Select(s => new SurvivalObservation(
            s.DaysSinceLastPurchase > 180 ? (s.LastPurchase.DayNumber - s.FirstPurchase.DayNumber + 1) / 30d : (asOf.DayNumber - s.FirstPurchase.DayNumber + 1) / 30d,
            s.DaysSinceLastPurchase > 180)).ToArray();
}
