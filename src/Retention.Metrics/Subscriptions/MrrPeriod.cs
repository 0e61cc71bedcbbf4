using System.Globalization;

namespace Retention.Metrics;

/// <summary>Recurring revenue (MRR) of one period and its movements: new, expansion, contraction, churned and reactivation.</summary>
/// <param name="Start">The period's first day.</param>
/// <param name="End">The period's last day (inclusive).</param>
/// <param name="StartingMrr">MRR at the close of the day before <paramref name="Start"/> (the previous period's ending MRR).</param>
/// <param name="New">MRR of customers with no MRR at the start and none on any earlier day, who have MRR at the end.</param>
/// <param name="Expansion">Increases of customers who had MRR at both the start and the end.</param>
/// <param name="Contraction">Decreases (as a positive amount) of customers who had MRR at both the start and the end.</param>
/// <param name="Churned">Starting MRR of customers who have none at the end (cancelled or paused).</param>
/// <param name="Reactivation">MRR of customers with no MRR at the start who had MRR on some earlier day and have it again at the end.</param>
/// <param name="EndingMrr">MRR at the close of <paramref name="End"/>.</param>
/// <param name="StartingCustomers">Customers with MRR above 0 at the start.</param>
/// <param name="EndingCustomers">Customers with MRR above 0 at the end.</param>
/// <remarks>
/// <para>Movements are per customer: a customer's MRR is the sum over their subscriptions, so moving from one subscription to
/// another of the same amount is no movement. They reconcile exactly:
/// <c>EndingMrr − StartingMrr = New + Expansion + Reactivation − Contraction − Churned</c>.</para>
/// <para>Money is exact decimal; the ratios are doubles, 0 when <paramref name="StartingMrr"/> is 0. Periods computed over
/// disjoint customer sets add up: see <see cref="Combine"/>.</para>
/// </remarks>
public readonly record struct MrrPeriod(
    DateOnly Start,
    DateOnly End,
    decimal StartingMrr,
    decimal New,
    decimal Expansion,
    decimal Contraction,
    decimal Churned,
    decimal Reactivation,
    decimal EndingMrr,
    long StartingCustomers,
    long EndingCustomers)
{
    /// <summary>Gets the net change, <c>New + Expansion + Reactivation − Contraction − Churned</c> (equal to <c>EndingMrr − StartingMrr</c>).</summary>
    public decimal NetNewMrr => New + Expansion + Reactivation - Contraction - Churned;

    /// <summary>Gets the gross revenue churn, <c>(Contraction + Churned) / StartingMrr</c>, in [0, 1]; 0 when there is no starting MRR.</summary>
    public double GrossRevenueChurn => Ratio(Contraction + Churned, StartingMrr);

    /// <summary>Gets the net revenue churn, <c>(Contraction + Churned − Expansion) / StartingMrr</c>; negative when expansion outweighs losses; 0 when there is no starting MRR.</summary>
    public double NetRevenueChurn => Ratio(Contraction + Churned - Expansion, StartingMrr);

    /// <summary>Gets the gross revenue retention (GRR), <c>(StartingMrr − Contraction − Churned) / StartingMrr</c>, in [0, 1]; 0 when there is no starting MRR.</summary>
    public double GrossRevenueRetention => Ratio(StartingMrr - Contraction - Churned, StartingMrr);

    /// <summary>Gets the net revenue retention (NRR), <c>(StartingMrr − Contraction − Churned + Expansion) / StartingMrr</c>; may exceed 1; never below GRR; 0 when there is no starting MRR.</summary>
    /// <remarks>Reactivated and new customers were not in the starting base, so their MRR is not in NRR.</remarks>
    public double NetRevenueRetention => Ratio(StartingMrr - Contraction - Churned + Expansion, StartingMrr);

    /// <summary>Gets the SaaS quick ratio, <c>(New + Expansion + Reactivation) / (Contraction + Churned)</c>; <see langword="null"/> when nothing was lost.</summary>
    public double? QuickRatio => Contraction + Churned == 0m ? null : (double)((New + Expansion + Reactivation) / (Contraction + Churned));

    /// <summary>Gets the average revenue per account at the end, <c>EndingMrr / EndingCustomers</c>; 0 when there are no paying customers.</summary>
    public decimal Arpa => EndingCustomers == 0 ? 0m : EndingMrr / EndingCustomers;

    /// <summary>Combines one period computed over disjoint customer sets.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period, with the same dates.</param>
    /// <returns>The period of the union: every amount and count added.</returns>
    /// <exception cref="ArgumentException">The periods differ.</exception>
    /// <exception cref="OverflowException">A sum overflows.</exception>
    public static MrrPeriod Combine(MrrPeriod left, MrrPeriod right)
    {
        if (left.Start != right.Start || left.End != right.End)
            ThrowHelper.ThrowArgument(nameof(right), string.Create(CultureInfo.InvariantCulture,
                $"Only the same period combines: [{left.Start:yyyy-MM-dd}, {left.End:yyyy-MM-dd}] vs [{right.Start:yyyy-MM-dd}, {right.End:yyyy-MM-dd}]."));
        return new MrrPeriod(left.Start, left.End,
            left.StartingMrr + right.StartingMrr, left.New + right.New, left.Expansion + right.Expansion,
            left.Contraction + right.Contraction, left.Churned + right.Churned, left.Reactivation + right.Reactivation,
            left.EndingMrr + right.EndingMrr,
            checked(left.StartingCustomers + right.StartingCustomers), checked(left.EndingCustomers + right.EndingCustomers));
    }

    private static double Ratio(decimal numerator, decimal denominator) => denominator == 0m ? 0d : (double)(numerator / denominator);
}
