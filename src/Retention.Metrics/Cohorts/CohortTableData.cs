namespace Retention.Metrics;

/// <summary>The compact, serializable form of a <see cref="CohortTable"/>: its defining counts, one array per row.</summary>
/// <remarks>
/// <para>Only the defining fields are kept; observation states, rates, cumulative revenue and the average curve are derived
/// from them again by <see cref="CohortTable.FromData"/>. Revenue is in integer units of <c>10^−AmountScale</c>, so a round
/// trip is exact. Get one with <see cref="CohortTable.ToData"/>.</para>
/// <para>Arrays are compared by reference in the generated equality; compare tables, not data objects.</para>
/// </remarks>
/// <param name="Options">The options the table was computed with.</param>
/// <param name="AsOf">The observation end, inclusive.</param>
/// <param name="AmountScale">The number of decimal places of the revenue units.</param>
/// <param name="CohortStarts">The first day of each cohort's period.</param>
/// <param name="CohortSizes">The number of customers in each cohort.</param>
/// <param name="Active">Per cohort, the customers counted in each period.</param>
/// <param name="Retained">Per cohort, the customers counted in both the previous and this period (the numerator of <see cref="CohortTable.StepRetention"/>).</param>
/// <param name="Orders">Per cohort, the orders in each period.</param>
/// <param name="RevenueUnits">Per cohort, the revenue in each period in units of <c>10^−AmountScale</c>.</param>
public sealed record CohortTableData(
    CohortOptions Options,
    DateOnly AsOf,
    int AmountScale,
    DateOnly[] CohortStarts,
    long[] CohortSizes,
    long[][] Active,
    long[][] Retained,
    long[][] Orders,
    long[][] RevenueUnits);
