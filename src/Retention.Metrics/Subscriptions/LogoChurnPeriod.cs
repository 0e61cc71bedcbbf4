using System.Globalization;

namespace Retention.Metrics;

/// <summary>Subscriber counts of one period and its logo churn rate under a chosen <see cref="LogoChurnVariant"/>.</summary>
/// <param name="Start">The period's first day.</param>
/// <param name="End">The period's last day (inclusive).</param>
/// <param name="Opening">Subscribers at the start of the period: started before <paramref name="Start"/> and not cancelled before it.</param>
/// <param name="New">Sign-ups in the period: subscriptions whose start date is in <c>[Start, End]</c>.</param>
/// <param name="Cancelled">Cancellations in the period: subscriptions whose end date is in <c>[Start, End]</c>, sign-ups of the period included.</param>
/// <param name="NewCancelled">Subscriptions that both started and were cancelled in the period.</param>
/// <param name="Variant">The definition <see cref="Churn"/> uses.</param>
/// <remarks>
/// <para><c>Closing = Opening + New − Cancelled</c>, and the closing count of one period is the opening count of the next.</para>
/// <para>Counts over disjoint subscription sets add up: see <see cref="Combine"/>.</para>
/// </remarks>
public readonly record struct LogoChurnPeriod(
    DateOnly Start,
    DateOnly End,
    long Opening,
    long New,
    long Cancelled,
    long NewCancelled,
    LogoChurnVariant Variant)
{
    /// <summary>Gets the subscribers at the close of the period's last day, <c>Opening + New − Cancelled</c>.</summary>
    public long Closing => Opening + New - Cancelled;

    /// <summary>Gets the cancellations of start-of-period subscribers, <c>Cancelled − NewCancelled</c>.</summary>
    public long OpeningCancelled => Cancelled - NewCancelled;

    /// <summary>Gets the churn rate under <see cref="Variant"/>.</summary>
    public Rate Churn => ChurnFor(Variant);

    /// <summary>Gets the churn rate of these counts under any variant (all variants come from the same counts).</summary>
    /// <param name="variant">The definition.</param>
    /// <returns>The rate; 0 / 0 when the denominator is empty.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="variant"/> is not a defined value.</exception>
    /// <remarks><c>StartOfPeriod: (Cancelled − NewCancelled) / Opening</c>; <c>IncludeNewInDenominator: Cancelled / (Opening + New)</c>;
    /// <c>ExcludeSamePeriodNewCancelled: (Cancelled − NewCancelled) / (Opening + New − NewCancelled)</c>.</remarks>
    public Rate ChurnFor(LogoChurnVariant variant) => variant switch
    {
        LogoChurnVariant.StartOfPeriod => new Rate(Cancelled - NewCancelled, Opening),
        LogoChurnVariant.IncludeNewInDenominator => new Rate(Cancelled, Opening + New),
        LogoChurnVariant.ExcludeSamePeriodNewCancelled => new Rate(Cancelled - NewCancelled, Opening + New - NewCancelled),
        _ => throw global::Retention.Metrics.Churn.VariantOutOfRange(variant),
    };

    /// <summary>Combines the counts of one period computed over disjoint subscription sets.</summary>
    /// <param name="left">The first counts.</param>
    /// <param name="right">The second counts, for the same period and variant.</param>
    /// <returns>The counts of the union.</returns>
    /// <exception cref="ArgumentException">The periods or variants differ.</exception>
    /// <exception cref="OverflowException">A count overflows.</exception>
    public static LogoChurnPeriod Combine(LogoChurnPeriod left, LogoChurnPeriod right)
    {
        if (left.Start != right.Start || left.End != right.End || left.Variant != right.Variant)
            ThrowHelper.ThrowArgument(nameof(right), string.Create(CultureInfo.InvariantCulture,
                $"Only counts of the same period and variant combine: [{left.Start:yyyy-MM-dd}, {left.End:yyyy-MM-dd}] {left.Variant} vs [{right.Start:yyyy-MM-dd}, {right.End:yyyy-MM-dd}] {right.Variant}."));
        return new LogoChurnPeriod(left.Start, left.End,
            checked(left.Opening + right.Opening), checked(left.New + right.New),
            checked(left.Cancelled + right.Cancelled), checked(left.NewCancelled + right.NewCancelled), left.Variant);
    }
}
