namespace Retention.Metrics;

/// <summary>One cell of a cohort table aggregated elsewhere, for example by the SQL of <c>docs/sql/cohort-cells.sql</c> in a
/// warehouse: the activity of one cohort in one period. Rows of disjoint customer sets for the same cell add up.</summary>
/// <param name="CohortStart">The first day of the cohort's period (the period of the customers' first purchase).</param>
/// <param name="Period">The period index from the cohort's period: 0 is the cohort's own period.</param>
/// <param name="Active">Customers of the cohort with at least one purchase in the period; in period 0, every member.</param>
/// <param name="Retained">Customers active in both the previous period and this one (0 in period 0).</param>
/// <param name="Orders">Orders of the cohort's customers in the period.</param>
/// <param name="Revenue">Revenue of those orders.</param>
public readonly record struct CohortCellRow(DateOnly CohortStart, int Period, long Active, long Retained, long Orders, decimal Revenue);
