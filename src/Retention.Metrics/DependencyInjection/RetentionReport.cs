namespace Retention.Metrics.DependencyInjection;

/// <summary>The standard retention dashboard of one history as of one date.</summary>
/// <remarks>
/// <para>Each section is the result of one of the library's area functions, called with the analyzer's
/// <see cref="RetentionOptions"/>, and is documented on its own type; <c>docs/dependency-injection.md</c> lists which call
/// produces which section. For an empty history every section is that function's documented empty result.</para>
/// <para>The type is immutable and serializes through <see cref="RetentionJson"/>; the subscription sections are
/// <see langword="null"/> when no subscriptions were analysed.</para>
/// </remarks>
public sealed class RetentionReport
{
    [System.Text.Json.Serialization.JsonConstructor]
    internal RetentionReport(DateOnly asOf, DateOnly firstPurchase, DateOnly lastPurchase, string currencyLabel, SummaryTotals totals,
        ConversionResult f2Conversion, FrequencyLadder frequencyLadder, CohortTable cohorts, RfmResult rfm, CpmResult cpm,
        DecileResult deciles, double paretoShare, double paretoRevenueShare, double gini, int dormancyDays, DormancyStatus dormancy,
        CohortLtvResult ltvByCohort, LogoChurnSeries? logoChurn, MrrSeries? mrr)
    {
        AsOf = asOf;
        FirstPurchase = firstPurchase;
        LastPurchase = lastPurchase;
        CurrencyLabel = currencyLabel;
        Totals = totals;
        F2Conversion = f2Conversion;
        FrequencyLadder = frequencyLadder;
        Cohorts = cohorts;
        Rfm = rfm;
        Cpm = cpm;
        Deciles = deciles;
        ParetoShare = paretoShare;
        ParetoRevenueShare = paretoRevenueShare;
        Gini = gini;
        DormancyDays = dormancyDays;
        Dormancy = dormancy;
        LtvByCohort = ltvByCohort;
        LogoChurn = logoChurn;
        Mrr = mrr;
    }

    /// <summary>Gets the observation end.</summary>
    public DateOnly AsOf { get; }

    /// <summary>Gets the history's first purchase date; <c>default</c> for an empty history.</summary>
    public DateOnly FirstPurchase { get; }

    /// <summary>Gets the history's last purchase date; <c>default</c> for an empty history.</summary>
    public DateOnly LastPurchase { get; }

    /// <summary>Gets the label shown beside money (<see cref="RetentionOptions.CurrencyLabel"/>); empty for none.</summary>
    public string CurrencyLabel { get; }

    /// <summary>Gets the headline totals: customers, orders, revenue, repeat customers (<c>Summaries.Totals</c>); all zero for an
    /// empty history.</summary>
    public SummaryTotals Totals { get; }

    /// <summary>Gets the F2 conversion rate per acquisition cohort within <see cref="RetentionOptions.F2WindowDays"/>, cohorts of
    /// <see cref="RetentionOptions.CohortPeriod"/> (<c>Repeat.F2Conversion</c>); no cohorts for an empty history.</summary>
    public ConversionResult F2Conversion { get; }

    /// <summary>Gets the Fn ladder up to <see cref="RetentionOptions.LadderDepth"/> over every purchase up to <see cref="AsOf"/>
    /// (<c>Repeat.FrequencyLadder</c>); every count 0 for an empty history.</summary>
    public FrequencyLadder FrequencyLadder { get; }

    /// <summary>Gets the cohort table in calendar periods of <see cref="RetentionOptions.CohortPeriod"/> with
    /// <see cref="RetentionOptions.WeekStart"/> and "on" retention (<c>Cohorts.Compute</c>); no cohorts for an empty history.</summary>
    public CohortTable Cohorts { get; }

    /// <summary>Gets the RFM scores and segments over the whole history with <see cref="RetentionOptions.Rfm"/>
    /// (<c>Rfm.Compute</c>); no customers for an empty history.</summary>
    public RfmResult Rfm { get; }

    /// <summary>Gets the CPM segments with <see cref="RetentionOptions.Cpm"/> (<c>Cpm.Classify</c>); no customers for an empty history.</summary>
    public CpmResult Cpm { get; }

    /// <summary>Gets the spend deciles: ten equal-count groups of customers ranked by spend up to <see cref="AsOf"/>
    /// (<c>Concentration.Rank(...).Deciles()</c>); ten empty groups for an empty history.</summary>
    public DecileResult Deciles { get; }

    /// <summary>Gets the share of customers, from the top spender down, that <see cref="ParetoRevenueShare"/> is measured for
    /// (<see cref="RetentionOptions.ParetoShare"/>).</summary>
    public double ParetoShare { get; }

    /// <summary>Gets the share of spend made by the top <see cref="ParetoShare"/> of customers (<c>SpendRanking.TopShare</c>); 0 for
    /// an empty history.</summary>
    public double ParetoRevenueShare { get; }

    /// <summary>Gets the Gini coefficient of customer spend (<c>SpendRanking.Gini</c>); 0 for an empty history.</summary>
    public double Gini { get; }

    /// <summary>Gets the dormancy threshold <see cref="Dormancy"/> was classified with (<see cref="RetentionOptions.DormancyDays"/>).</summary>
    public int DormancyDays { get; }

    /// <summary>Gets the active and dormant customers as of <see cref="AsOf"/> (<c>Dormancy.Classify</c>); all zero for an empty history.</summary>
    public DormancyStatus Dormancy { get; }

    /// <summary>Gets the cumulative revenue per customer by acquisition month at <see cref="RetentionOptions.LtvHorizonMonths"/>
    /// (<c>Lifetime.ByCohort</c>); no cohorts for an empty history.</summary>
    public CohortLtvResult LtvByCohort { get; }

    /// <summary>Gets the logo churn per period of <see cref="RetentionOptions.CohortPeriod"/> from the period of the first purchase
    /// to that of <see cref="AsOf"/> (<c>Churn.LogoChurn</c>); <see langword="null"/> when no subscriptions were given.</summary>
    public LogoChurnSeries? LogoChurn { get; }

    /// <summary>Gets the MRR and its movements over the same periods as <see cref="LogoChurn"/> (<c>RecurringRevenue.Movements</c>);
    /// <see langword="null"/> when no subscriptions were given, or the ledger has subscriptions but no plan changes (no amounts).</summary>
    public MrrSeries? Mrr { get; }
}
