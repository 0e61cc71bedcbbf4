namespace Retention.Metrics;

/// <summary>The windows and thresholds most often used in practice for conversion windows and dormancy (休眠) thresholds.</summary>
/// <remarks>No single value is standard: the library asks for the number explicitly and offers these presets.</remarks>
public static class RepeatPresets
{
    /// <summary>A 30-day window (F2 within 30 days; LTV-Lab steps of 30 days).</summary>
    public const int Days30 = 30;

    /// <summary>A 60-day window.</summary>
    public const int Days60 = 60;

    /// <summary>A 90-day window, the commonest F2 window.</summary>
    public const int Days90 = 90;

    /// <summary>A 180-day window or dormancy threshold (半年).</summary>
    public const int Days180 = 180;

    /// <summary>The 240-day dormancy (離脱) threshold of the CPM model.</summary>
    public const int Days240 = 240;

    /// <summary>A 365-day window or dormancy threshold (1年).</summary>
    public const int Days365 = 365;

    /// <summary>Gets the conversion-window presets 30, 60, 90, 180 and 365 days.</summary>
    public static ReadOnlySpan<int> ConversionWindows => [Days30, Days60, Days90, Days180, Days365];

    /// <summary>Gets the dormancy-threshold presets 180, 240 and 365 days.</summary>
    public static ReadOnlySpan<int> DormancyThresholds => [Days180, Days240, Days365];
}
