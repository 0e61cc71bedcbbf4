using Microsoft.Extensions.DependencyInjection;
using Retention.Metrics.DependencyInjection;
using Retention.Metrics.Tests.Infrastructure;
using TestData = Retention.Metrics.Tests.Infrastructure.TestData;

namespace Retention.Metrics.Tests.DependencyInjection;

/// <summary>The report's sections against the area functions called directly with the same options, through a real service collection.</summary>
public class RetentionReportTests
{
    private static readonly DateOnly s_cdnowAsOf = new(1998, 6, 30);

    private static IRetentionAnalyzer Resolve(ServiceProvider provider) => provider.GetRequiredService<IRetentionAnalyzer>();

    private static ServiceProvider Provider(Action<RetentionOptions>? configure = null) =>
        new ServiceCollection().AddRetentionMetrics(configure).BuildServiceProvider();

    private static void Custom(RetentionOptions o)
    {
        o.WeekStart = DayOfWeek.Sunday;
        o.CohortPeriod = PeriodUnit.Quarter;
        o.CurrencyLabel = "USD";
        o.DormancyDays = 365;
        o.F2WindowDays = 60;
        o.LadderDepth = 7;
        o.LtvHorizonMonths = [1, 12];
        o.ParetoShare = 0.1;
        o.Rfm = new RfmOptions
        {
            Frequency = RfmFrequency.PurchaseDays,
            RecencyScale = RfmScale.Thresholds(30, 90, 180, 365),
            FrequencyScale = RfmScale.EqualCount(3),
            Monetary = RfmMonetary.MeanPerOrder,
        };
        o.Cpm = new CpmOptions { NoviceTenureDays = 60, LoyalTenureDays = 300, HighSpend = 200m, LapsedAfterDays = 180, CountPurchaseDays = true };
    }

    private static string Json<T>(T value) => RetentionJson.Serialize(value);

    /// <summary>Every section equals its area function called directly with the options.</summary>
    private static void AssertMatchesAreas(RetentionReport report, PurchaseHistory history, DateOnly asOf, RetentionOptions o, SubscriptionLedger? ledger)
    {
        Assert.Equal(asOf, report.AsOf);
        Assert.Equal(history.FirstDate, report.FirstPurchase);
        Assert.Equal(history.LastDate, report.LastPurchase);
        Assert.Equal(o.CurrencyLabel, report.CurrencyLabel);
        Assert.Equal(Metrics.Summaries.Totals(history, asOf), report.Totals);
        Assert.Equal(Json(Metrics.Repeat.F2Conversion(history, asOf, o.F2WindowDays, o.CohortPeriod, o.WeekStart)), Json(report.F2Conversion));
        Assert.Equal(o.F2WindowDays, report.F2Conversion.WindowDays);
        Assert.Equal(Json(Metrics.Repeat.FrequencyLadder(history, asOf, o.LadderDepth)), Json(report.FrequencyLadder));
        var cohortOptions = new CohortOptions { Unit = o.CohortPeriod, WeekStart = o.WeekStart };
        Assert.Equal(Json(Metrics.Cohorts.Compute(history, asOf, cohortOptions)), Json(report.Cohorts));
        Assert.Equal(cohortOptions, report.Cohorts.Options);
        Assert.Equal(Json(Rfm.Compute(history, asOf, o.Rfm)), Json(report.Rfm));
        Assert.Equal(Json(Cpm.Classify(history, asOf, o.Cpm)), Json(report.Cpm));
        Assert.Equal(o.Cpm, report.Cpm.Options);
        SpendRanking ranking = Concentration.Rank(history, asOf);
        Assert.Equal(Json(ranking.Deciles()), Json(report.Deciles));
        Assert.Equal(o.ParetoShare, report.ParetoShare);
        Assert.Equal(ranking.TopShare(o.ParetoShare), report.ParetoRevenueShare);
        Assert.Equal(ranking.Gini, report.Gini);
        Assert.Equal(o.DormancyDays, report.DormancyDays);
        Assert.Equal(Metrics.Dormancy.Classify(history, asOf, o.DormancyDays), report.Dormancy);
        Assert.Equal(Json(Metrics.Lifetime.ByCohort(history, asOf, o.LtvHorizonMonths.ToArray())), Json(report.LtvByCohort));
        if (ledger is null)
        {
            Assert.Null(report.LogoChurn);
            Assert.Null(report.Mrr);
            return;
        }
        DateOnly from = history.IsEmpty ? asOf : history.FirstDate;
        Assert.NotNull(report.LogoChurn);
        Assert.Equal(Json(Churn.LogoChurn(ledger, from, asOf, o.CohortPeriod, LogoChurnVariant.StartOfPeriod, o.WeekStart)), Json(report.LogoChurn));
        Assert.NotNull(report.Mrr);
        Assert.Equal(Json(RecurringRevenue.Movements(ledger, from, asOf, o.CohortPeriod, o.WeekStart)), Json(report.Mrr));
    }

    [Fact]
    public void Analyze_CdnowDefaults_EverySectionEqualsTheAreaFunction()
    {
        using var provider = Provider();
        var analyzer = Resolve(provider);
        PurchaseHistory history = TestData.History(TestData.CdnowSample);
        RetentionReport report = analyzer.Analyze(history, s_cdnowAsOf);
        AssertMatchesAreas(report, history, s_cdnowAsOf, new RetentionOptions(), null);
        Assert.Equal(new Rate(1139, 2357), report.Totals.RepeatCustomerRate);
        Assert.Equal(18, report.Cohorts.CohortCount);
        Assert.Equal(2357, report.Rfm.Customers.Length);
        Assert.Equal(10, report.Deciles.Rows.Length);
        Assert.InRange(report.ParetoRevenueShare, 0.5, 1d);
        Assert.Equal(report.Totals.Customers, report.Dormancy.Customers);
        Assert.Equal(new[] { 3, 6, 12, 24 }, report.LtvByCohort.HorizonMonths.ToArray());
    }

    [Fact]
    public void Analyze_CdnowCustomOptions_EverySectionEqualsTheAreaFunction()
    {
        using var provider = Provider(Custom);
        var analyzer = Resolve(provider);
        PurchaseHistory history = TestData.History(TestData.CdnowSample);
        var expected = new RetentionOptions();
        Custom(expected);
        RetentionReport report = analyzer.Analyze(history, s_cdnowAsOf);
        AssertMatchesAreas(report, history, s_cdnowAsOf, expected, null);
        Assert.Equal(PeriodUnit.Quarter, report.F2Conversion.Unit);
        Assert.Equal(DayOfWeek.Sunday, report.F2Conversion.WeekStart);
        Assert.Equal(6, report.Cohorts.CohortCount);
        Assert.Equal("USD", report.CurrencyLabel);
    }

    [Fact]
    public void Analyze_WithSubscriptions_AddsLogoChurnAndMrr()
    {
        PurchaseHistory history = PurchaseHistory.Create(SampleShop.Generate(5_000, start: RandomSubscriptions.Start));
        SubscriptionLedger ledger = RandomSubscriptions.Create(7, 300).Ledger();
        DateOnly asOf = RandomSubscriptions.Start.AddDays(700);
        foreach (Action<RetentionOptions>? configure in new Action<RetentionOptions>?[] { null, Custom })
        {
            using var provider = Provider(configure);
            var analyzer = Resolve(provider);
            var options = new RetentionOptions();
            configure?.Invoke(options);
            RetentionReport full = analyzer.Analyze(history, asOf, ledger);
            AssertMatchesAreas(full, history, asOf, options, ledger);
            Assert.True(full.LogoChurn!.Periods.Length > 1);
            Assert.Contains(full.Mrr!.Periods.ToArray(), p => p.EndingMrr > 0m);

            RetentionReport plain = analyzer.Analyze(history, asOf);
            AssertMatchesAreas(plain, history, asOf, options, null);
            Assert.Equal(Json(full.Rfm), Json(plain.Rfm));
        }
    }

    [Fact]
    public void Analyze_LedgerWithoutPlanChanges_HasLogoChurnButNoMrr()
    {
        PurchaseHistory history = PurchaseHistory.Create(SampleShop.Generate(1_000, start: RandomSubscriptions.Start));
        SubscriptionLedger ledger = SubscriptionLedger.Create(RandomSubscriptions.Create(3, 50).Subscriptions);
        DateOnly asOf = history.LastDate;
        using var provider = Provider();
        RetentionReport report = Resolve(provider).Analyze(history, asOf, ledger);
        Assert.NotNull(report.LogoChurn);
        Assert.Equal(Json(Churn.LogoChurn(ledger, history.FirstDate, asOf)), Json(report.LogoChurn));
        Assert.Null(report.Mrr);
    }

    [Fact]
    public void Analyze_EmptyHistory_EverySectionIsTheAreaEmptyResult()
    {
        using var provider = Provider();
        var analyzer = Resolve(provider);
        var asOf = new DateOnly(2024, 1, 1);
        RetentionReport report = analyzer.Analyze(PurchaseHistory.Empty, asOf);
        AssertMatchesAreas(report, PurchaseHistory.Empty, asOf, new RetentionOptions(), null);
        Assert.Equal(default, report.Totals);
        Assert.Equal(default, report.FirstPurchase);
        Assert.Equal(0, report.F2Conversion.Count);
        Assert.Equal(0, report.Cohorts.CohortCount);
        Assert.Empty(report.Rfm.Customers.ToArray());
        Assert.Equal(10, report.Deciles.Rows.Length);
        Assert.All(report.Deciles.Rows.ToArray(), row => Assert.Equal(0, row.Customers));
        Assert.Equal(0d, report.ParetoRevenueShare);
        Assert.Equal(0d, report.Gini);
        Assert.Equal(default, report.Dormancy);
        Assert.Equal(0, report.LtvByCohort.CohortCount);

        RetentionReport withLedger = analyzer.Analyze(PurchaseHistory.Empty, asOf, SubscriptionLedger.Empty);
        AssertMatchesAreas(withLedger, PurchaseHistory.Empty, asOf, new RetentionOptions(), SubscriptionLedger.Empty);
        Assert.Equal(1, withLedger.LogoChurn!.Periods.Length);

        foreach (RetentionReport empty in new[] { report, withLedger })
        {
            string json = RetentionJson.Serialize(empty);
            Assert.Equal(json, RetentionJson.Serialize(RetentionJson.Deserialize<RetentionReport>(json)!));
        }
    }

    [Fact]
    public void Analyze_AsOfBeforeFirstPurchase_ThrowsNamingAsOf()
    {
        using var provider = Provider();
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Resolve(provider).Analyze(TestData.History(TestData.CdnowSample), new DateOnly(1996, 12, 31)));
        Assert.Equal("asOf", ex.ParamName);
    }

    [Fact]
    public void Analyze_NullHistory_Throws()
    {
        using var provider = Provider();
        var ex = Assert.Throws<ArgumentNullException>(() => Resolve(provider).Analyze(null!, s_cdnowAsOf));
        Assert.Equal("history", ex.ParamName);
    }

    [Fact]
    public void Options_ChangedAfterRegistration_DoNotChangeTheAnalyzer()
    {
        RetentionOptions? captured = null;
        var horizons = new List<int> { 3, 6, 12, 24 };
        var services = new ServiceCollection().AddRetentionMetrics(o =>
        {
            o.LtvHorizonMonths = horizons;
            captured = o;
        });
        horizons[0] = 1;
        horizons.Add(48);
        Custom(captured!);
        using var provider = services.BuildServiceProvider();
        var analyzer = Resolve(provider);
        Assert.Equal(new[] { 3, 6, 12, 24 }, analyzer.Options.LtvHorizonMonths);
        Assert.Same(RfmOptions.Default, analyzer.Options.Rfm);
        Assert.Same(CpmOptions.Default, analyzer.Options.Cpm);

        // The options the analyzer hands out are copies.
        analyzer.Options.LadderDepth = 9;
        analyzer.Options.ParetoShare = 0.9;
        Assert.Equal(5, analyzer.Options.LadderDepth);
        Assert.Equal(0.2, analyzer.Options.ParetoShare);

        PurchaseHistory history = TestData.History(TestData.CdnowSample);
        using var fresh = Provider();
        Assert.Equal(RetentionJson.Serialize(Resolve(fresh).Analyze(history, s_cdnowAsOf)), RetentionJson.Serialize(analyzer.Analyze(history, s_cdnowAsOf)));
    }

    [Fact]
    public void Report_RoundTripsThroughRetentionJson()
    {
        PurchaseHistory history = PurchaseHistory.Create(SampleShop.Generate(3_000, start: RandomSubscriptions.Start));
        SubscriptionLedger ledger = RandomSubscriptions.Create(5, 200).Ledger();
        DateOnly asOf = RandomSubscriptions.Start.AddDays(600);
        using var provider = Provider(Custom);
        RetentionReport report = Resolve(provider).Analyze(history, asOf, ledger);

        string json = RetentionJson.Serialize(report);
        RetentionReport back = RetentionJson.Deserialize<RetentionReport>(json)!;
        Assert.Equal(json, RetentionJson.Serialize(back));
        Assert.Equal(report.AsOf, back.AsOf);
        Assert.Equal(report.FirstPurchase, back.FirstPurchase);
        Assert.Equal(report.LastPurchase, back.LastPurchase);
        Assert.Equal(report.CurrencyLabel, back.CurrencyLabel);
        Assert.Equal(report.Totals, back.Totals);
        Assert.Equal(Json(report.F2Conversion), Json(back.F2Conversion));
        Assert.Equal(Json(report.FrequencyLadder), Json(back.FrequencyLadder));
        Assert.Equal(Json(report.Cohorts), Json(back.Cohorts));
        Assert.Equal(report.Cohorts.Options, back.Cohorts.Options);
        Assert.Equal(Json(report.Rfm), Json(back.Rfm));
        Assert.Equal(report.Rfm.Customers.ToArray(), back.Rfm.Customers.ToArray());
        Assert.Equal(Json(report.Cpm), Json(back.Cpm));
        Assert.Equal(report.Cpm.Options, back.Cpm.Options);
        Assert.Equal(report.Deciles.Rows.ToArray(), back.Deciles.Rows.ToArray());
        Assert.Equal(report.ParetoShare, back.ParetoShare);
        Assert.Equal(report.ParetoRevenueShare, back.ParetoRevenueShare);
        Assert.Equal(report.Gini, back.Gini);
        Assert.Equal(report.DormancyDays, back.DormancyDays);
        Assert.Equal(report.Dormancy, back.Dormancy);
        Assert.Equal(Json(report.LtvByCohort), Json(back.LtvByCohort));
        Assert.Equal(report.LogoChurn!.Periods.ToArray(), back.LogoChurn!.Periods.ToArray());
        Assert.Equal(report.Mrr!.Periods.ToArray(), back.Mrr!.Periods.ToArray());
    }

    [Fact]
    public void Report_WithoutSubscriptions_RoundTripsWithNullSections()
    {
        using var provider = Provider();
        RetentionReport report = Resolve(provider).Analyze(TestData.History(TestData.CdnowSample), s_cdnowAsOf);
        string json = RetentionJson.Serialize(report);
        Assert.Contains("\"logoChurn\":null", json, StringComparison.Ordinal);
        RetentionReport back = RetentionJson.Deserialize<RetentionReport>(json)!;
        Assert.Null(back.LogoChurn);
        Assert.Null(back.Mrr);
        Assert.Equal(json, RetentionJson.Serialize(back));
    }

    private sealed record Order(string CustomerId, DateTimeOffset CreatedAt, decimal Total);

    /// <summary>The example of docs/dependency-injection.md, with its output written to a string.</summary>
    [Fact]
    public void DocExample_Runs()
    {
        Order[] orders =
        [
            new("taro", new DateTimeOffset(2024, 3, 1, 20, 0, 0, TimeSpan.Zero), 3000m),
            new("taro", new DateTimeOffset(2024, 5, 2, 1, 0, 0, TimeSpan.Zero), 4500m),
            new("hanako", new DateTimeOffset(2024, 4, 10, 9, 0, 0, TimeSpan.Zero), 12000m),
            new("jiro", new DateTimeOffset(2024, 6, 1, 9, 0, 0, TimeSpan.Zero), 800m),
        ];
        SubscriptionLedger ledger = SubscriptionLedger.Create([new Subscription(1, 0, new DateOnly(2024, 3, 1), null)], [new PlanChange(1, new DateOnly(2024, 3, 1), 980m)]);
        using var output = new StringWriter();

        var services = new ServiceCollection().AddRetentionMetrics(o =>
        {
            o.TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
            o.CurrencyLabel = "円";
        });
        using ServiceProvider provider = services.BuildServiceProvider();
        IRetentionAnalyzer analyzer = provider.GetRequiredService<IRetentionAnalyzer>();

        var customers = new CustomerIndex<string>();
        PurchaseHistory history = PurchaseHistory.Create(orders, o => o.CustomerId, o => analyzer.ToLocalDate(o.CreatedAt), o => o.Total, customers);
        RetentionReport report = analyzer.Analyze(history, new DateOnly(2024, 12, 31), ledger);   // ledger optional

        output.WriteLine($"Repeat customers: {report.Totals.RepeatCustomerRate}");
        output.WriteLine($"F2 within {report.F2Conversion.WindowDays} days: {report.F2Conversion.Total.Rate}");
        output.WriteLine($"Top {report.ParetoShare:P0} of customers make {report.ParetoRevenueShare:P0} of revenue (Gini {report.Gini:F2})");
        output.WriteLine($"Dormant ({report.DormancyDays} days): {report.Dormancy.DormantRate}");
        foreach (RfmSegmentSummary segment in report.Rfm.Segments) output.WriteLine($"{segment.Name}: {segment.Customers}");
        string json = RetentionJson.Serialize(report, indented: true);

        Assert.Equal(new DateOnly(2024, 6, 1), history.LastDate);
        Assert.Equal(new DateOnly(2024, 3, 2), history.FirstDate); // 20:00 UTC on 1 March is 2 March in Tokyo
        Assert.Equal(new Rate(1, 3), report.Totals.RepeatCustomerRate);
        Assert.Equal(10, report.Mrr!.Periods.Length);
        Assert.Contains("Repeat customers:", output.ToString(), StringComparison.Ordinal);
        Assert.Equal("円", RetentionJson.Deserialize<RetentionReport>(json)!.CurrencyLabel);
    }
}
