namespace Retention.Metrics.DependencyInjection;

/// <summary>The default <see cref="IRetentionAnalyzer"/>: a thin layer that calls the library's areas with the configured options.</summary>
internal sealed class RetentionAnalyzer : IRetentionAnalyzer
{
    internal RetentionAnalyzer(RetentionOptions options) => Options = options;

    public RetentionOptions Options { get; }

    public RetentionReport Analyze(PurchaseHistory history, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(history);
        SummaryTotals totals = Summaries.Totals(history, asOf);
        return new RetentionReport(asOf, history.FirstDate, history.LastDate, totals);
    }

    public DateOnly ToLocalDate(DateTimeOffset instant) => Calendar.ToLocalDate(instant, Options.TimeZone);
}
