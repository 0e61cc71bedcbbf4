using Microsoft.Extensions.DependencyInjection;
using Retention.Metrics.DependencyInjection;
using TestData = Retention.Metrics.Tests.Infrastructure.TestData;

namespace Retention.Metrics.Tests.DependencyInjection;

public class AddRetentionMetricsTests
{
    [Fact]
    public void Analyzer_ResolvesAsSingletonWithConfiguredOptions()
    {
        var services = new ServiceCollection();
        services.AddRetentionMetrics(o =>
        {
            o.TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
            o.DormancyDays = 365;
            o.WeekStart = DayOfWeek.Sunday;
            o.CurrencyLabel = "円";
        });
        using var provider = services.BuildServiceProvider();
        var analyzer = provider.GetRequiredService<IRetentionAnalyzer>();
        Assert.Same(analyzer, provider.GetRequiredService<IRetentionAnalyzer>());
        Assert.Equal(365, analyzer.Options.DormancyDays);
        Assert.Equal(DayOfWeek.Sunday, analyzer.Options.WeekStart);
        Assert.Equal("円", analyzer.Options.CurrencyLabel);
        Assert.Equal(new DateOnly(2024, 3, 11), analyzer.ToLocalDate(new DateTimeOffset(2024, 3, 10, 15, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Analyze_CdnowSample_ReportsTheHeadline()
    {
        var services = new ServiceCollection().AddRetentionMetrics();
        using var provider = services.BuildServiceProvider();
        var report = provider.GetRequiredService<IRetentionAnalyzer>().Analyze(TestData.History(TestData.CdnowSample), new DateOnly(1998, 6, 30));
        Assert.Equal(new Rate(1139, 2357), report.Totals.RepeatCustomerRate);
        Assert.Equal(new DateOnly(1997, 1, 1), report.FirstPurchase);
        Assert.Equal(new DateOnly(1998, 6, 30), report.AsOf);
    }

    [Fact]
    public void Analyze_EmptyHistory_IsAReportOfZeros()
    {
        using var provider = new ServiceCollection().AddRetentionMetrics().BuildServiceProvider();
        var report = provider.GetRequiredService<IRetentionAnalyzer>().Analyze(PurchaseHistory.Empty, new DateOnly(2024, 1, 1));
        Assert.Equal(default, report.Totals);
    }

    [Theory]
    [InlineData("DormancyDays")]
    [InlineData("F2WindowDays")]
    [InlineData("WeekStart")]
    [InlineData("CohortPeriod")]
    [InlineData("TimeZone")]
    [InlineData("CurrencyLabel")]
    public void InvalidOption_FailsAtRegistrationNamingIt(string option)
    {
        var services = new ServiceCollection();
        var ex = Assert.ThrowsAny<ArgumentException>(() => services.AddRetentionMetrics(o =>
        {
            switch (option)
            {
                case "DormancyDays": o.DormancyDays = 0; break;
                case "F2WindowDays": o.F2WindowDays = -5; break;
                case "WeekStart": o.WeekStart = (DayOfWeek)9; break;
                case "CohortPeriod": o.CohortPeriod = (PeriodUnit)9; break;
                case "TimeZone": o.TimeZone = null!; break;
                case "CurrencyLabel": o.CurrencyLabel = null!; break;
            }
        }));
        Assert.Equal(option, ex.ParamName);
        Assert.Contains("RetentionOptions." + option, ex.Message, StringComparison.Ordinal);
        Assert.Empty(services);
    }

    [Theory]
    [InlineData("LadderDepth=1", "LadderDepth", "RetentionOptions.LadderDepth")]
    [InlineData("LadderDepth=1001", "LadderDepth", "RetentionOptions.LadderDepth")]
    [InlineData("LtvHorizonMonths=null", "LtvHorizonMonths", "RetentionOptions.LtvHorizonMonths is null")]
    [InlineData("LtvHorizonMonths=[]", "LtvHorizonMonths", "RetentionOptions.LtvHorizonMonths is empty")]
    [InlineData("LtvHorizonMonths=[0]", "LtvHorizonMonths", "RetentionOptions.LtvHorizonMonths[0] is 0")]
    [InlineData("LtvHorizonMonths=[6,3]", "LtvHorizonMonths", "RetentionOptions.LtvHorizonMonths[1] is 3")]
    [InlineData("LtvHorizonMonths=[1201]", "LtvHorizonMonths", "RetentionOptions.LtvHorizonMonths[0] is 1201")]
    [InlineData("ParetoShare=NaN", "ParetoShare", "RetentionOptions.ParetoShare")]
    [InlineData("ParetoShare=1.5", "ParetoShare", "RetentionOptions.ParetoShare")]
    [InlineData("ParetoShare=-0.1", "ParetoShare", "RetentionOptions.ParetoShare")]
    [InlineData("Rfm=null", "Rfm", "RetentionOptions.Rfm is null")]
    [InlineData("Rfm.RecencyScale=null", "Rfm", "RetentionOptions.Rfm.RecencyScale")]
    [InlineData("Rfm.FrequencyScale=null", "Rfm", "RetentionOptions.Rfm.FrequencyScale")]
    [InlineData("Rfm.MonetaryScale=null", "Rfm", "RetentionOptions.Rfm.MonetaryScale")]
    [InlineData("Rfm.Segments=null", "Rfm", "RetentionOptions.Rfm.Segments")]
    [InlineData("Rfm.Frequency=9", "Rfm", "RetentionOptions.Rfm.Frequency")]
    [InlineData("Rfm.Monetary=9", "Rfm", "RetentionOptions.Rfm.Monetary")]
    [InlineData("Cpm=null", "Cpm", "RetentionOptions.Cpm is null")]
    [InlineData("Cpm.NoviceTenureDays=-1", "Cpm", "RetentionOptions.Cpm.NoviceTenureDays is -1")]
    [InlineData("Cpm.LoyalTenureDays=30", "Cpm", "RetentionOptions.Cpm.LoyalTenureDays is 30")]
    [InlineData("Cpm.HighSpend=-1", "Cpm", "RetentionOptions.Cpm.HighSpend is -1")]
    [InlineData("Cpm.LapsedAfterDays=0", "Cpm", "RetentionOptions.Cpm.LapsedAfterDays is 0")]
    public void InvalidDashboardOption_FailsAtRegistrationNamingIt(string change, string paramName, string message)
    {
        var services = new ServiceCollection();
        var ex = Assert.ThrowsAny<ArgumentException>(() => services.AddRetentionMetrics(o =>
        {
            switch (change)
            {
                case "LadderDepth=1": o.LadderDepth = 1; break;
                case "LadderDepth=1001": o.LadderDepth = 1001; break;
                case "LtvHorizonMonths=null": o.LtvHorizonMonths = null!; break;
                case "LtvHorizonMonths=[]": o.LtvHorizonMonths = []; break;
                case "LtvHorizonMonths=[0]": o.LtvHorizonMonths = [0]; break;
                case "LtvHorizonMonths=[6,3]": o.LtvHorizonMonths = [6, 3]; break;
                case "LtvHorizonMonths=[1201]": o.LtvHorizonMonths = [1201]; break;
                case "ParetoShare=NaN": o.ParetoShare = double.NaN; break;
                case "ParetoShare=1.5": o.ParetoShare = 1.5; break;
                case "ParetoShare=-0.1": o.ParetoShare = -0.1; break;
                case "Rfm=null": o.Rfm = null!; break;
                case "Rfm.RecencyScale=null": o.Rfm = new RfmOptions { RecencyScale = null! }; break;
                case "Rfm.FrequencyScale=null": o.Rfm = new RfmOptions { FrequencyScale = null! }; break;
                case "Rfm.MonetaryScale=null": o.Rfm = new RfmOptions { MonetaryScale = null! }; break;
                case "Rfm.Segments=null": o.Rfm = new RfmOptions { Segments = null! }; break;
                case "Rfm.Frequency=9": o.Rfm = new RfmOptions { Frequency = (RfmFrequency)9 }; break;
                case "Rfm.Monetary=9": o.Rfm = new RfmOptions { Monetary = (RfmMonetary)9 }; break;
                case "Cpm=null": o.Cpm = null!; break;
                case "Cpm.NoviceTenureDays=-1": o.Cpm = new CpmOptions { NoviceTenureDays = -1 }; break;
                case "Cpm.LoyalTenureDays=30": o.Cpm = new CpmOptions { LoyalTenureDays = 30 }; break;
                case "Cpm.HighSpend=-1": o.Cpm = new CpmOptions { HighSpend = -1m }; break;
                case "Cpm.LapsedAfterDays=0": o.Cpm = new CpmOptions { LapsedAfterDays = 0 }; break;
                default: throw new InvalidOperationException(change);
            }
        }));
        Assert.Equal(paramName, ex.ParamName);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.Empty(services);
    }

    [Fact]
    public void DefaultOptions_AreTheDocumentedDefaults()
    {
        var o = new RetentionOptions();
        Assert.Equal(5, o.LadderDepth);
        Assert.Equal(new[] { 3, 6, 12, 24 }, o.LtvHorizonMonths);
        Assert.Equal(0.2, o.ParetoShare);
        Assert.Same(RfmOptions.Default, o.Rfm);
        Assert.Same(CpmOptions.Default, o.Cpm);
        Assert.Equal(180, o.DormancyDays);
        Assert.Equal(90, o.F2WindowDays);
        Assert.Equal(PeriodUnit.Month, o.CohortPeriod);
        Assert.Equal(DayOfWeek.Monday, o.WeekStart);
        o.Validate();
        Assert.Contains("LtvHorizonMonths=[3, 6, 12, 24]", o.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Options_AreSnapshotAtRegistration()
    {
        RetentionOptions? captured = null;
        var services = new ServiceCollection().AddRetentionMetrics(o => { o.DormancyDays = 240; captured = o; });
        captured!.DormancyDays = 1;
        using var provider = services.BuildServiceProvider();
        Assert.Equal(240, provider.GetRequiredService<IRetentionAnalyzer>().Options.DormancyDays);
    }

    [Fact]
    public void SecondRegistration_KeepsTheFirst()
    {
        var services = new ServiceCollection().AddRetentionMetrics(o => o.DormancyDays = 100).AddRetentionMetrics(o => o.DormancyDays = 200);
        using var provider = services.BuildServiceProvider();
        Assert.Equal(100, provider.GetRequiredService<IRetentionAnalyzer>().Options.DormancyDays);
    }

    [Fact]
    public void NullServices_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => RetentionServiceCollectionExtensions.AddRetentionMetrics(null!));
    }
}
