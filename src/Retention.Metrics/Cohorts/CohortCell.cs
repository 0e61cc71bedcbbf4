namespace Retention.Metrics;

/// <summary>How much of a cohort cell's period had elapsed by the as-of date.</summary>
public enum CohortCellState
{
    /// <summary>The period has ended on or before the as-of date for every member: the counts are final.</summary>
    Observed = 0,

    /// <summary>The period has started but not ended for every member by the as-of date: the counts are partial (right-censored) and only grow.</summary>
    Partial = 1,

    /// <summary>The period starts after the as-of date: nothing can be counted yet (not a zero).</summary>
    NotStarted = 2,
}

/// <summary>One cell of a cohort table: a cohort's activity, revenue and orders in one period, with its observation state.</summary>
/// <param name="Period">The 0-based period (or bracket) index.</param>
/// <param name="State">Whether the cell is fully observed, partial or not started at the as-of date.</param>
/// <param name="Retention">Customers counted in the cell over the cohort size (active in the period, or in it or later, per the options).</param>
/// <param name="StepRetention">Customers counted in both this and the previous period over those counted in the previous period; for period 0 the same as <paramref name="Retention"/>.</param>
/// <param name="Orders">Orders (entries) placed by members in the period.</param>
/// <param name="Revenue">Members' spend in the period, exact.</param>
/// <param name="CumulativeRevenue">Members' spend in periods 0 through this one, exact.</param>
/// <param name="RevenuePerMember">Revenue over the cohort size; 0 for an empty cohort.</param>
/// <param name="CumulativeRevenuePerMember">Cumulative revenue over the cohort size (the cohort's LTV curve, 累積LTV); 0 for an empty cohort.</param>
/// <remarks>For a <see cref="CohortCellState.Partial"/> cell every figure covers purchases up to the as-of date only.</remarks>
public readonly record struct CohortCell(
    int Period,
    CohortCellState State,
    Rate Retention,
    Rate StepRetention,
    long Orders,
    decimal Revenue,
    decimal CumulativeRevenue,
    decimal RevenuePerMember,
    decimal CumulativeRevenuePerMember)
{
    /// <summary>Gets the number of customers counted in the cell, <c>Retention.Numerator</c>.</summary>
    public long Active => Retention.Numerator;

    /// <summary>Gets whether the cell is fully observed (<see cref="CohortCellState.Observed"/>).</summary>
    public bool IsObserved => State == CohortCellState.Observed;
}

/// <summary>One period of the all-cohorts average curve, over the non-empty cohorts whose cell in that period is fully observed.</summary>
/// <param name="Period">The 0-based period (or bracket) index.</param>
/// <param name="Cohorts">The number of non-empty cohorts that have fully observed this period.</param>
/// <param name="Retention">The weighted mean: <c>Σ active / Σ size</c> over those cohorts.</param>
/// <param name="SimpleMeanRetention">The simple (unweighted) mean of the cohorts' retention values; 0 when <paramref name="Cohorts"/> is 0.</param>
/// <param name="RevenuePerMember">The weighted mean revenue per member: <c>Σ revenue / Σ size</c>; 0 when there are no cohorts.</param>
/// <param name="CumulativeRevenuePerMember">The weighted mean cumulative revenue per member: <c>Σ cumulative revenue / Σ size</c>; 0 when there are no cohorts.</param>
/// <param name="SimpleMeanCumulativeRevenuePerMember">The simple mean of the cohorts' cumulative revenue per member; 0 when there are no cohorts.</param>
/// <remarks>Right-censored cohorts drop out of the later periods instead of pulling them towards zero.</remarks>
public readonly record struct CohortAveragePoint(
    int Period,
    int Cohorts,
    Rate Retention,
    double SimpleMeanRetention,
    decimal RevenuePerMember,
    decimal CumulativeRevenuePerMember,
    decimal SimpleMeanCumulativeRevenuePerMember);

/// <summary>A figure that <see cref="CohortTable.ToText"/> renders in each cell.</summary>
public enum CohortMeasure
{
    /// <summary>The retention share, as a percentage with one decimal.</summary>
    Retention = 0,

    /// <summary>The count of customers counted in the cell.</summary>
    Active = 1,

    /// <summary>The revenue of the period.</summary>
    Revenue = 2,

    /// <summary>The revenue per cohort member.</summary>
    RevenuePerMember = 3,

    /// <summary>The cumulative revenue per cohort member (LTV curve).</summary>
    CumulativeRevenuePerMember = 4,

    /// <summary>The number of orders.</summary>
    Orders = 5,
}
