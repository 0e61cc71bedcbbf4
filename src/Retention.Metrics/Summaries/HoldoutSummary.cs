namespace Retention.Metrics;

/// <summary>A customer's calibration-period summary with what they did in the following holdout period.</summary>
/// <param name="Calibration">The summary as of the calibration end.</param>
/// <param name="HoldoutPurchaseDays">Distinct purchase days after the calibration end, up to and including the holdout end (BTYD <c>x*</c>, all repeat occasions).</param>
/// <param name="HoldoutOrders">Orders in the holdout period.</param>
/// <param name="HoldoutAmount">Spend in the holdout period.</param>
/// <param name="HoldoutDays">The holdout period's length in days (holdout end − calibration end; BTYD <c>T*</c>).</param>
/// <remarks>Only customers whose first purchase is on or before the calibration end have a holdout summary.</remarks>
public readonly record struct HoldoutSummary(
    CustomerSummary Calibration,
    int HoldoutPurchaseDays,
    int HoldoutOrders,
    decimal HoldoutAmount,
    int HoldoutDays)
{
    /// <summary>Gets the holdout period's length in the given unit.</summary>
    /// <param name="unit">The time unit.</param>
    /// <returns>The duration, for example 39 weeks for the CDNOW holdout.</returns>
    public double HoldoutDuration(TimeUnit unit) =>
        unit.Between(Calibration.AsOfDayNumber, Calibration.AsOfDayNumber + HoldoutDays);
}
