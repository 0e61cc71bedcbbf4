namespace Retention.Metrics;

/// <summary>Which subscribers a logo churn rate (解約率, チャーンレート) counts; vendors disagree, so each definition is named.</summary>
/// <remarks>
/// Counts per period: <c>Opening</c> (subscribers at the start), <c>New</c> (sign-ups in the period), <c>Cancelled</c> (all
/// cancellations in the period) and <c>NewCancelled</c> (sign-ups of the period that also cancelled in it).
/// </remarks>
public enum LogoChurnVariant
{
    /// <summary>
    /// Cancellations of start-of-period subscribers ÷ start-of-period subscribers, <c>(Cancelled − NewCancelled) / Opening</c>:
    /// the month's churn over the subscribers at the start of the month (the previous month-end), with the month's sign-ups
    /// outside the denominator. This is the definition of makitani.net, synergy-marketing.co.jp and products.sint.co.jp; those
    /// pages put all of the month's cancellations in the numerator, while the library leaves out sign-ups that cancel within
    /// the period so that the rate is a proportion of its denominator (the full count stays in <c>Cancelled</c>). The default.
    /// </summary>
    StartOfPeriod = 0,

    /// <summary>
    /// All cancellations ÷ everyone who was a subscriber at some point of the period, <c>Cancelled / (Opening + New)</c>:
    /// same-period sign-ups are in the denominator. A derived definition (no vendor page found) that is lower than
    /// <see cref="StartOfPeriod"/> in fast-growing periods.
    /// </summary>
    IncludeNewInDenominator = 1,

    /// <summary>
    /// Like <see cref="IncludeNewInDenominator"/> but without the sign-ups that cancel in the same period, in both numerator and
    /// denominator: <c>(Cancelled − NewCancelled) / (Opening + New − NewCancelled)</c>. A derived definition that keeps trial
    /// sign-ups cancelled within days from inflating the rate.
    /// </summary>
    ExcludeSamePeriodNewCancelled = 2,
}
