using System.Globalization;

namespace Retention.Metrics.DependencyInjection;

/// <summary>The defaults an <see cref="IRetentionAnalyzer"/> applies, configured once with <c>AddRetentionMetrics</c>.</summary>
/// <remarks>Every option has a documented default; <see cref="Validate"/> names the first invalid option. The analyzer keeps a
/// copy taken at registration (<see cref="LtvHorizonMonths"/> copied element by element; <see cref="Rfm"/> and <see cref="Cpm"/>
/// are immutable), so changing this object afterwards changes nothing.</remarks>
public sealed class RetentionOptions
{
    /// <summary>The largest <see cref="LadderDepth"/>: the ladder allocates one count per step.</summary>
    public const int MaxLadderDepth = 1000;

    private static readonly IReadOnlyList<int> s_defaultHorizons = [3, 6, 12, 24];

    /// <summary>Gets or sets the shop's time zone, used to turn order timestamps into local dates. Default: UTC.</summary>
    public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Utc;

    /// <summary>Gets or sets the first day of a week for weekly periods. Default: Monday (ISO).</summary>
    public DayOfWeek WeekStart { get; set; } = DayOfWeek.Monday;

    /// <summary>Gets or sets the period of cohorts and series in the report (F2 cohorts, the cohort table, subscription series).
    /// Default: month.</summary>
    public PeriodUnit CohortPeriod { get; set; } = PeriodUnit.Month;

    /// <summary>Gets or sets the label shown beside money in reports, for example "JPY" or "円". Default: empty.</summary>
    public string CurrencyLabel { get; set; } = string.Empty;

    /// <summary>Gets or sets the days without a purchase after which a customer is dormant (休眠). Default: 180; 365 and 240 (CPM) are common.</summary>
    public int DormancyDays { get; set; } = 180;

    /// <summary>Gets or sets the window, in days after the first purchase, of the F2 conversion rate. Default: 90.</summary>
    public int F2WindowDays { get; set; } = 90;

    /// <summary>Gets or sets the largest n of the Fn ladder (F1 … Fn, customers with more purchases count as n).
    /// Default: 5; 2 to <see cref="MaxLadderDepth"/>.</summary>
    public int LadderDepth { get; set; } = 5;

    /// <summary>Gets or sets the horizons, in months since each customer's first purchase, of LTV by acquisition month.
    /// Default: 3, 6, 12, 24; strictly increasing, each 1 to 1200.</summary>
    public IReadOnlyList<int> LtvHorizonMonths { get; set; } = s_defaultHorizons;

    /// <summary>Gets or sets the share of customers, from the top spender down, whose share of spend the report gives (the
    /// Pareto "top 20 %"). Default: 0.2; in [0, 1].</summary>
    public double ParetoShare { get; set; } = 0.2;

    /// <summary>Gets or sets the RFM measures, scales and segment table. Default: <see cref="RfmOptions.Default"/> (orders, total
    /// spend, quintiles by the R <c>rfm</c> package rule, the standard 10-segment table).</summary>
    public RfmOptions Rfm { get; set; } = RfmOptions.Default;

    /// <summary>Gets or sets the CPM thresholds. Default: <see cref="CpmOptions.Default"/> (90 and 210 days of tenure, 70,000
    /// of spend, lapsed from 240 days, orders counted).</summary>
    public CpmOptions Cpm { get; set; } = CpmOptions.Default;

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentException">An option is invalid; the message and <see cref="ArgumentException.ParamName"/> name it
    /// (<see cref="ArgumentOutOfRangeException"/> for a number or enum out of range).</exception>
    public void Validate()
    {
        if (TimeZone is null) ThrowHelper.ThrowArgument(nameof(TimeZone), "RetentionOptions.TimeZone is null; set a time zone such as TimeZoneInfo.Utc.");
        if ((uint)WeekStart > (uint)DayOfWeek.Saturday)
            ThrowHelper.ThrowOutOfRange(nameof(WeekStart), WeekStart, "RetentionOptions.WeekStart must be a day of the week.");
        if ((uint)CohortPeriod > (uint)PeriodUnit.Year)
            ThrowHelper.ThrowOutOfRange(nameof(CohortPeriod), CohortPeriod, "RetentionOptions.CohortPeriod must be Day, Week, Month, Quarter or Year.");
        if (CurrencyLabel is null) ThrowHelper.ThrowArgument(nameof(CurrencyLabel), "RetentionOptions.CurrencyLabel is null; use an empty string for none.");
        if (DormancyDays < 1)
            ThrowHelper.ThrowOutOfRange(nameof(DormancyDays), DormancyDays, "RetentionOptions.DormancyDays must be 1 or greater (180, 240 and 365 are common).");
        if (F2WindowDays < 1)
            ThrowHelper.ThrowOutOfRange(nameof(F2WindowDays), F2WindowDays, "RetentionOptions.F2WindowDays must be 1 or greater (30, 60, 90, 180 and 365 are common).");
        if (LadderDepth < 2 || LadderDepth > MaxLadderDepth)
            ThrowHelper.ThrowOutOfRange(nameof(LadderDepth), LadderDepth, string.Create(CultureInfo.InvariantCulture,
                $"RetentionOptions.LadderDepth must be in the range 2..{MaxLadderDepth} (5 is usual)."));
        ValidateHorizons();
        if (!(ParetoShare >= 0d && ParetoShare <= 1d))
            ThrowHelper.ThrowOutOfRange(nameof(ParetoShare), ParetoShare, "RetentionOptions.ParetoShare must be in the range [0, 1] (0.2 for the top 20 %).");
        ValidateRfm();
        ValidateCpm();
    }

    private void ValidateHorizons()
    {
        IReadOnlyList<int> horizons = LtvHorizonMonths;
        if (horizons is null) ThrowHelper.ThrowArgument(nameof(LtvHorizonMonths), "RetentionOptions.LtvHorizonMonths is null; give at least one horizon, for example [3, 6, 12, 24].");
        if (horizons.Count == 0) ThrowHelper.ThrowArgument(nameof(LtvHorizonMonths), "RetentionOptions.LtvHorizonMonths is empty; give at least one horizon, for example [3, 6, 12, 24].");
        for (int j = 0; j < horizons.Count; j++)
        {
            int h = horizons[j];
            if (h < 1 || h > 1200)
                ThrowHelper.ThrowArgument(nameof(LtvHorizonMonths), string.Create(CultureInfo.InvariantCulture,
                    $"RetentionOptions.LtvHorizonMonths[{j}] is {h}; horizons must be in the range 1..1200 months."));
            if (j > 0 && h <= horizons[j - 1])
                ThrowHelper.ThrowArgument(nameof(LtvHorizonMonths), string.Create(CultureInfo.InvariantCulture,
                    $"RetentionOptions.LtvHorizonMonths[{j}] is {h}; horizons must be strictly increasing (the one before is {horizons[j - 1]})."));
        }
    }

    private void ValidateRfm()
    {
        RfmOptions rfm = Rfm;
        if (rfm is null) ThrowHelper.ThrowArgument(nameof(Rfm), "RetentionOptions.Rfm is null; use RfmOptions.Default for the standard scheme.");
        if ((uint)rfm.Frequency > (uint)RfmFrequency.PurchaseDays)
            ThrowHelper.ThrowArgument(nameof(Rfm), $"RetentionOptions.Rfm.Frequency is {rfm.Frequency}; it must be Orders or PurchaseDays.");
        if ((uint)rfm.Monetary > (uint)RfmMonetary.MeanPerOrder)
            ThrowHelper.ThrowArgument(nameof(Rfm), $"RetentionOptions.Rfm.Monetary is {rfm.Monetary}; it must be Total or MeanPerOrder.");
        if (rfm.RecencyScale is null) ThrowHelper.ThrowArgument(nameof(Rfm), "RetentionOptions.Rfm.RecencyScale is null; use RfmScale.Default for quintiles.");
        if (rfm.FrequencyScale is null) ThrowHelper.ThrowArgument(nameof(Rfm), "RetentionOptions.Rfm.FrequencyScale is null; use RfmScale.Default for quintiles.");
        if (rfm.MonetaryScale is null) ThrowHelper.ThrowArgument(nameof(Rfm), "RetentionOptions.Rfm.MonetaryScale is null; use RfmScale.Default for quintiles.");
        if (rfm.Segments is null) ThrowHelper.ThrowArgument(nameof(Rfm), "RetentionOptions.Rfm.Segments is null; use RfmSegmentRules.Standard for the standard table.");
    }

    private void ValidateCpm()
    {
        CpmOptions cpm = Cpm;
        if (cpm is null) ThrowHelper.ThrowArgument(nameof(Cpm), "RetentionOptions.Cpm is null; use CpmOptions.Default for the canonical thresholds.");
        if (cpm.NoviceTenureDays < 0)
            ThrowHelper.ThrowArgument(nameof(Cpm), string.Create(CultureInfo.InvariantCulture,
                $"RetentionOptions.Cpm.NoviceTenureDays is {cpm.NoviceTenureDays}; it must be zero or greater (90 is canonical)."));
        if (cpm.LoyalTenureDays < cpm.NoviceTenureDays)
            ThrowHelper.ThrowArgument(nameof(Cpm), string.Create(CultureInfo.InvariantCulture,
                $"RetentionOptions.Cpm.LoyalTenureDays is {cpm.LoyalTenureDays}; it must be at least NoviceTenureDays ({cpm.NoviceTenureDays}; 210 is canonical)."));
        if (cpm.HighSpend < 0m)
            ThrowHelper.ThrowArgument(nameof(Cpm), string.Create(CultureInfo.InvariantCulture,
                $"RetentionOptions.Cpm.HighSpend is {cpm.HighSpend}; it must be zero or greater (70,000 is canonical)."));
        if (cpm.LapsedAfterDays < 1)
            ThrowHelper.ThrowArgument(nameof(Cpm), string.Create(CultureInfo.InvariantCulture,
                $"RetentionOptions.Cpm.LapsedAfterDays is {cpm.LapsedAfterDays}; it must be 1 or greater (240 is canonical)."));
    }

    /// <summary>Copies the options; the horizon list is copied so the copy shares nothing mutable with this object.</summary>
    internal RetentionOptions Clone()
    {
        var copy = (RetentionOptions)MemberwiseClone();
        if (LtvHorizonMonths is not null) copy.LtvHorizonMonths = [.. LtvHorizonMonths];
        return copy;
    }

    /// <summary>Describes the options, for logs.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"TimeZone={TimeZone?.Id}, WeekStart={WeekStart}, CohortPeriod={CohortPeriod}, DormancyDays={DormancyDays}, F2WindowDays={F2WindowDays}, CurrencyLabel={CurrencyLabel}, LadderDepth={LadderDepth}, LtvHorizonMonths=[{(LtvHorizonMonths is null ? "" : string.Join(", ", LtvHorizonMonths))}], ParetoShare={ParetoShare}, Rfm=({Rfm?.Frequency}, {Rfm?.Monetary}, R {Rfm?.RecencyScale}, F {Rfm?.FrequencyScale}, M {Rfm?.MonetaryScale}, {Rfm?.Segments?.Count} segments), Cpm=({Cpm?.NoviceTenureDays}, {Cpm?.LoyalTenureDays}, {Cpm?.HighSpend}, {Cpm?.LapsedAfterDays}, purchase days {Cpm?.CountPurchaseDays})");
}
