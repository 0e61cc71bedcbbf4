namespace Retention.Metrics;

/// <summary>The serializable form of a <see cref="CohortLtvResult"/>: one row per monthly acquisition cohort, one column per horizon.</summary>
/// <remarks>Get one with <see cref="CohortLtvResult.ToData"/>; <see cref="CohortLtvResult.FromData"/> rebuilds an equal result (censoring
/// is derived from the dates). Arrays are compared by reference in the generated equality; compare results, not data objects.</remarks>
/// <param name="AsOf">The observation end, inclusive.</param>
/// <param name="HorizonMonths">The horizons in months, strictly increasing.</param>
/// <param name="CohortStarts">The first day of each cohort's month, consecutive months.</param>
/// <param name="CohortSizes">The customers of each cohort.</param>
/// <param name="Orders">Per cohort, the orders within each horizon.</param>
/// <param name="Revenue">Per cohort, the revenue within each horizon.</param>
public sealed record CohortLtvResultData(
    DateOnly AsOf,
    int[] HorizonMonths,
    DateOnly[] CohortStarts,
    long[] CohortSizes,
    long[][] Orders,
    decimal[][] Revenue);
