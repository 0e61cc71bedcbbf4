using System.Globalization;

namespace Retention.Metrics.DependencyInjection;

/// <summary>The defaults an <see cref="IRetentionAnalyzer"/> applies, configured once with <c>AddRetentionMetrics</c>.</summary>
/// <remarks>Every option has a documented default; <see cref="Validate"/> names the first invalid option.</remarks>
public sealed class RetentionOptions
{
    /// <summary>Gets or sets the shop's time zone, used to turn order timestamps into local dates. Default: UTC.</summary>
    public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Utc;

    /// <summary>Gets or sets the first day of a week for weekly periods. Default: Monday (ISO).</summary>
    public DayOfWeek WeekStart { get; set; } = DayOfWeek.Monday;

    /// <summary>Gets or sets the period of cohorts and series in the report. Default: month.</summary>
    public PeriodUnit CohortPeriod { get; set; } = PeriodUnit.Month;

    /// <summary>Gets or sets the label shown beside money in reports, for example "JPY" or "円". Default: empty.</summary>
    public string CurrencyLabel { get; set; } = string.Empty;

    /// <summary>Gets or sets the days without a purchase after which a customer is dormant (休眠). Default: 180; 365 and 240 (CPM) are common.</summary>
    public int DormancyDays { get; set; } = 180;

    /// <summary>Gets or sets the window, in days after the first purchase, of the F2 conversion rate. Default: 90.</summary>
    public int F2WindowDays { get; set; } = 90;

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentException">An option is invalid; the message and <see cref="ArgumentException.ParamName"/> name it.</exception>
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
    }

    internal RetentionOptions Clone() => (RetentionOptions)MemberwiseClone();

    /// <summary>Describes the options, for logs.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"TimeZone={TimeZone?.Id}, WeekStart={WeekStart}, CohortPeriod={CohortPeriod}, DormancyDays={DormancyDays}, F2WindowDays={F2WindowDays}, CurrencyLabel={CurrencyLabel}");
}
