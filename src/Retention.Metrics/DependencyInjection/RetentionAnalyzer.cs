namespace Retention.Metrics.DependencyInjection;

/// <summary>The default <see cref="IRetentionAnalyzer"/>: a thin layer that calls the library's areas with the configured options.</summary>
internal sealed class RetentionAnalyzer : IRetentionAnalyzer
{
    private const int DecileGroups = 10;

    private readonly RetentionOptions _options;
    private readonly int[] _horizons;
    private readonly CohortOptions _cohortOptions;

    /// <summary>Creates an analyzer over validated options, which it keeps (the caller passes a copy it no longer changes).</summary>
    internal RetentionAnalyzer(RetentionOptions options)
    {
        _options = options;
        _horizons = [.. options.LtvHorizonMonths];
        _cohortOptions = new CohortOptions { Unit = options.CohortPeriod, WeekStart = options.WeekStart };
    }

    public RetentionOptions Options => _options.Clone();

    public RetentionReport Analyze(PurchaseHistory history, DateOnly asOf, SubscriptionLedger? subscriptions = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        RetentionOptions o = _options;
        SummaryTotals totals = Summaries.Totals(history, asOf);
        ConversionResult f2 = Repeat.F2Conversion(history, asOf, o.F2WindowDays, o.CohortPeriod, o.WeekStart);
        FrequencyLadder ladder = Repeat.FrequencyLadder(history, asOf, o.LadderDepth);
        CohortTable cohorts = Cohorts.Compute(history, asOf, _cohortOptions);
        RfmResult rfm = Rfm.Compute(history, asOf, o.Rfm);
        CpmResult cpm = Cpm.Classify(history, asOf, o.Cpm);
        SpendRanking ranking = Concentration.Rank(history, asOf);
        DormancyStatus dormancy = Dormancy.Classify(history, asOf, o.DormancyDays);
        CohortLtvResult ltv = Lifetime.ByCohort(history, asOf, _horizons);

        LogoChurnSeries? logoChurn = null;
        MrrSeries? mrr = null;
        if (subscriptions is not null)
        {
            DateOnly from = history.IsEmpty ? asOf : history.FirstDate;
            logoChurn = Churn.LogoChurn(subscriptions, from, asOf, o.CohortPeriod, LogoChurnVariant.StartOfPeriod, o.WeekStart);
            if (subscriptions.IsEmpty || subscriptions.HasPlans)
                mrr = RecurringRevenue.Movements(subscriptions, from, asOf, o.CohortPeriod, o.WeekStart);
        }

        return new RetentionReport(asOf, history.FirstDate, history.LastDate, o.CurrencyLabel, totals,
            f2, ladder, cohorts, rfm, cpm,
            ranking.Deciles(DecileGroups), o.ParetoShare, ranking.TopShare(o.ParetoShare), ranking.Gini,
            o.DormancyDays, dormancy, ltv, logoChurn, mrr);
    }

    public DateOnly ToLocalDate(DateTimeOffset instant) => Calendar.ToLocalDate(instant, _options.TimeZone);
}
