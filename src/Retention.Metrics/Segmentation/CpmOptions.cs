namespace Retention.Metrics;

/// <summary>Thresholds of the CPM (customer portfolio management) model; the defaults are the canonical やずや values.</summary>
/// <remarks>
/// Tenure (在籍期間) is the days from the first to the last purchase; the lapse period (離脱期間) is the days from the last
/// purchase to the observation end; cumulative spend (累計購入金額) is the total spend up to the observation end.
/// </remarks>
public sealed record CpmOptions
{
    /// <summary>Gets the default options: 90 and 210 days of tenure, 70,000 of spend, lapsed from 240 days, orders counted.</summary>
    public static CpmOptions Default { get; } = new();

    /// <summary>Gets the tenure, in days, from which a repeat customer is no longer a novice (よちよち客 below it); 90 by default.</summary>
    public int NoviceTenureDays { get; init; } = 90;

    /// <summary>Gets the tenure, in days, from which a high spender is loyal (優良客) rather than trendy (流行客); 210 by default.</summary>
    public int LoyalTenureDays { get; init; } = 210;

    /// <summary>Gets the cumulative spend from which a customer counts as a high spender (inclusive); 70,000 by default.</summary>
    public decimal HighSpend { get; init; } = 70_000m;

    /// <summary>Gets the days since the last purchase from which a customer is lapsed (離脱, inclusive); 240 by default.</summary>
    public int LapsedAfterDays { get; init; } = 240;

    /// <summary>Gets whether purchases are counted as distinct purchase days rather than orders; <see langword="false"/> by default.</summary>
    public bool CountPurchaseDays { get; init; }
}

/// <summary>The ten CPM segments: five customer types, each active (現役) or lapsed (離脱).</summary>
public enum CpmSegment
{
    /// <summary>初回現役客: one purchase, active.</summary>
    FirstTimeActive,

    /// <summary>初回離脱客: one purchase, lapsed.</summary>
    FirstTimeLapsed,

    /// <summary>よちよち現役客: repeat customer with tenure below the novice threshold, active.</summary>
    NoviceActive,

    /// <summary>よちよち離脱客: repeat customer with tenure below the novice threshold, lapsed.</summary>
    NoviceLapsed,

    /// <summary>コツコツ現役客: tenure at least the novice threshold, spend below the high-spend threshold, active.</summary>
    SteadyActive,

    /// <summary>コツコツ離脱客: tenure at least the novice threshold, spend below the high-spend threshold, lapsed.</summary>
    SteadyLapsed,

    /// <summary>流行現役客: high spender with tenure from the novice to below the loyal threshold, active.</summary>
    TrendyActive,

    /// <summary>流行離脱客: high spender with tenure from the novice to below the loyal threshold, lapsed.</summary>
    TrendyLapsed,

    /// <summary>優良現役客: high spender with tenure at least the loyal threshold, active.</summary>
    LoyalActive,

    /// <summary>優良離脱客: high spender with tenure at least the loyal threshold, lapsed.</summary>
    LoyalLapsed,
}
