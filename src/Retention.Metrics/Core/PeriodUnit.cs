namespace Retention.Metrics;

/// <summary>A calendar period length used for cohorts, series and period indexes.</summary>
public enum PeriodUnit
{
    /// <summary>A calendar day.</summary>
    Day = 0,

    /// <summary>A week starting on the chosen week-start day (ISO Monday by default).</summary>
    Week = 1,

    /// <summary>A calendar month.</summary>
    Month = 2,

    /// <summary>A calendar quarter: January–March, April–June, July–September, October–December.</summary>
    Quarter = 3,

    /// <summary>A calendar year.</summary>
    Year = 4,
}
