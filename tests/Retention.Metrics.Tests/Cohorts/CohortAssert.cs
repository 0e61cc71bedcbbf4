namespace Retention.Metrics.Tests.Cohorts;

/// <summary>Exact comparison of two cohort tables: shape, options, sizes, every cell's counts, orders, revenue and state.</summary>
public static class CohortAssert
{
    public static void Equal(CohortTable expected, CohortTable actual)
    {
        Assert.True(Same(expected, actual, out string why), why);
    }

    public static bool Same(CohortTable a, CohortTable b, out string why)
    {
        why = string.Empty;
        if (!a.Options.Equals(b.Options)) { why = "options differ"; return false; }
        if (a.AsOf != b.AsOf) { why = "asOf differs"; return false; }
        if (a.CohortCount != b.CohortCount || a.PeriodCount != b.PeriodCount)
        {
            why = $"shape {a.CohortCount}x{a.PeriodCount} vs {b.CohortCount}x{b.PeriodCount}";
            return false;
        }
        if (!a.CohortStarts.SequenceEqual(b.CohortStarts)) { why = "cohort starts differ"; return false; }
        if (!a.CohortSizes.SequenceEqual(b.CohortSizes)) { why = "cohort sizes differ"; return false; }
        for (int r = 0; r < a.CohortCount; r++)
        {
            for (int k = 0; k < a.PeriodCount; k++)
            {
                if (a[r, k] != b[r, k])
                {
                    why = $"cell [{r}, {k}]: {a[r, k]} vs {b[r, k]}";
                    return false;
                }
            }
        }
        for (int k = 0; k < a.PeriodCount; k++)
        {
            CohortAveragePoint x = a.AverageCurve[k], y = b.AverageCurve[k];
            if (x.Cohorts != y.Cohorts || x.Retention != y.Retention || x.CumulativeRevenuePerMember != y.CumulativeRevenuePerMember
                || Math.Abs(x.SimpleMeanRetention - y.SimpleMeanRetention) > 1e-12)
            {
                why = $"average point {k}: {x} vs {y}";
                return false;
            }
        }
        return true;
    }
}
