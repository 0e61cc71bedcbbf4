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
