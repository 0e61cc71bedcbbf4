using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Retention.Metrics.Tests.Infrastructure;

namespace Retention.Metrics.Tests.Cohorts;

/// <summary>Generators for cohort options: every unit and week start, calendar, rolling and bracket columns, both retention modes.</summary>
public static class CohortArbitraries
{
    public static Arbitrary<CohortOptions> Options()
    {
        Gen<CohortBracket[]> brackets =
            from widths in Gen.Choose(1, 40).ArrayOf().Where(a => a.Length is > 0 and < 6)
            from start in Gen.Choose(0, 3)
            select Brackets(start, widths);
        Gen<CohortOptions> options =
            from unit in Gen.Elements(PeriodUnit.Week, PeriodUnit.Month, PeriodUnit.Quarter, PeriodUnit.Year, PeriodUnit.Day)
            from weekStart in Gen.Elements(Enum.GetValues<DayOfWeek>())
            from mode in Gen.Choose(0, 2)
            from rolling in Gen.Choose(7, 90)
            from b in brackets
            from onOrAfter in Gen.Elements(false, true)
            select new CohortOptions
            {
                Unit = unit,
                WeekStart = weekStart,
                // Daily calendar periods over two years would be a 800 × 800 table per case: use rolling periods for days.
                RollingDays = mode == 1 || (mode == 0 && unit == PeriodUnit.Day) ? rolling : 0,
                Brackets = mode == 2 ? b : null,
                Retention = onOrAfter ? CohortRetention.OnOrAfter : CohortRetention.On,
            };
        return options.ToArbitrary();
    }

    private static CohortBracket[] Brackets(int start, int[] widths)
    {
        var result = new CohortBracket[widths.Length];
        int from = start;
        for (int i = 0; i < widths.Length; i++)
        {
            result[i] = new CohortBracket(from, from + widths[i] - 1);
            from += widths[i] + (i % 2); // some gaps
        }
        return result;
    }
}

/// <summary>FsCheck properties of cohort tables.</summary>
public class CohortsProperties
{
    private static DateOnly AsOfWithin(PurchaseHistory history, int shift)
    {
        int span = history.MaxDayNumber - history.MinDayNumber + 60;
        return history.FirstDate.AddDays(Math.Abs(shift) % (span + 1));
    }

    [Property(Arbitrary = [typeof(RetentionArbitraries), typeof(CohortArbitraries)])]
    public bool CohortSizes_SumToCustomersFirstSeenByAsOf(Purchase[] purchases, CohortOptions options, int shift)
    {
        var history = PurchaseHistory.Create(purchases);
        if (history.IsEmpty) return Metrics.Cohorts.Compute(history, default, options).CustomerCount == 0;
        DateOnly asOf = AsOfWithin(history, shift);
        var table = Metrics.Cohorts.Compute(history, asOf, options);
        long sum = 0;
        foreach (long size in table.CohortSizes) sum += size;
        return sum == table.CustomerCount && sum == Metrics.Summaries.Totals(history, asOf).Customers;
    }

    [Property(Arbitrary = [typeof(RetentionArbitraries), typeof(CohortArbitraries)])]
    public bool OnOrAfter_AtLeastOn_AndNonIncreasing(Purchase[] purchases, CohortOptions options, int shift)
    {
        var history = PurchaseHistory.Create(purchases);
        if (history.IsEmpty) return true;
        DateOnly asOf = AsOfWithin(history, shift);
        var on = Metrics.Cohorts.Compute(history, asOf, options with { Retention = CohortRetention.On });
        var after = Metrics.Cohorts.Compute(history, asOf, options with { Retention = CohortRetention.OnOrAfter });
        for (int r = 0; r < on.CohortCount; r++)
        {
            ReadOnlySpan<long> a = after.ActiveRow(r), o = on.ActiveRow(r);
            for (int k = 0; k < on.PeriodCount; k++)
            {
                if (a[k] < o[k] || a[k] > on.CohortSizes[r]) return false;
                if (k > 0 && a[k] > a[k - 1]) return false;
            }
            // Revenue and orders do not depend on the retention mode.
            if (!on.RevenueUnitsRow(r).SequenceEqual(after.RevenueUnitsRow(r)) || !on.OrdersRow(r).SequenceEqual(after.OrdersRow(r))) return false;
        }
        return true;
    }

    [Property(Arbitrary = [typeof(RetentionArbitraries), typeof(CohortArbitraries)])]
    public bool PeriodZero_IsEveryMember_AndCumulativeRevenueIsTheSpend(Purchase[] purchases, CohortOptions options, int shift)
    {
        var history = PurchaseHistory.Create(purchases);
        if (history.IsEmpty || options.Mode == CohortPeriodMode.Brackets) return true;
        DateOnly asOf = AsOfWithin(history, shift);
        var table = Metrics.Cohorts.Compute(history, asOf, options);
        decimal total = 0;
        for (int r = 0; r < table.CohortCount; r++)
        {
            if (table.Active(r, 0) != table.CohortSizes[r]) return false;
            total += table.CumulativeRevenue(r, table.PeriodCount - 1);
        }
        return total == Metrics.Summaries.Totals(history, asOf).TotalAmount;
    }

    [Property(Arbitrary = [typeof(RetentionArbitraries), typeof(CohortArbitraries)])]
    public bool Combine_OfDisjointCustomerSets_EqualsWhole(Purchase[] purchases, CohortOptions options, int shift, int modulus)
    {
        int m = 2 + Math.Abs(modulus % 3);
        var whole = PurchaseHistory.Create(purchases);
        var left = PurchaseHistory.Create(purchases.Where(p => p.Customer % m == 0).ToArray());
        var right = PurchaseHistory.Create(purchases.Where(p => p.Customer % m != 0).ToArray());
        if (whole.IsEmpty) return true;
        // Each part needs an asOf on or after its own first purchase.
        int latestFirst = Math.Max(left.IsEmpty ? 0 : left.MinDayNumber, right.IsEmpty ? 0 : right.MinDayNumber);
        DateOnly asOf = DateOnly.FromDayNumber(latestFirst).AddDays(Math.Abs(shift % 400));
        var combined = CohortTable.Combine(Metrics.Cohorts.Compute(left, asOf, options), Metrics.Cohorts.Compute(right, asOf, options));
        return CohortAssert.Same(Metrics.Cohorts.Compute(whole, asOf, options), combined, out _);
    }

    [Property(Arbitrary = [typeof(RetentionArbitraries), typeof(CohortArbitraries)])]
    public bool ComputeSegmented_CombinedSegments_EqualWhole(Purchase[] purchases, CohortOptions options, int shift)
    {
        var history = PurchaseHistory.Create(purchases);
        if (history.IsEmpty) return true;
        DateOnly asOf = AsOfWithin(history, shift);
        var segments = new int[history.CustomerCount];
        for (int p = 0; p < segments.Length; p++) segments[p] = (history.CustomerIds[p] * 7 + 3) % 4;
        CohortTable[] tables = Metrics.Cohorts.ComputeSegmented(history, asOf, segments, 4, options);
        CohortTable combined = tables[0];
        for (int s = 1; s < tables.Length; s++) combined = CohortTable.Combine(combined, tables[s]);
        return CohortAssert.Same(Metrics.Cohorts.Compute(history, asOf, options), combined, out _);
    }

    [Property(Arbitrary = [typeof(RetentionArbitraries), typeof(CohortArbitraries)])]
    public bool Compute_IsPermutationInvariant(Purchase[] purchases, CohortOptions options, int shift, int seed)
    {
        var history = PurchaseHistory.Create(purchases);
        if (history.IsEmpty) return true;
        DateOnly asOf = AsOfWithin(history, shift);
        var shuffled = purchases.ToList();
        RandomHistories.Shuffle(new Random(seed), shuffled);
        return CohortAssert.Same(
            Metrics.Cohorts.Compute(history, asOf, options),
            Metrics.Cohorts.Compute(PurchaseHistory.Create(shuffled.ToArray()), asOf, options),
            out _);
    }

    [Property(Arbitrary = [typeof(RetentionArbitraries), typeof(CohortArbitraries)])]
    public bool Censoring_StatesAreOrderedAndAverageUsesObservedCohortsOnly(Purchase[] purchases, CohortOptions options, int shift)
    {
        var history = PurchaseHistory.Create(purchases);
        if (history.IsEmpty) return true;
        DateOnly asOf = AsOfWithin(history, shift);
        var table = Metrics.Cohorts.Compute(history, asOf, options);
        for (int k = 0; k < table.PeriodCount; k++)
        {
            long members = 0, active = 0;
            for (int r = 0; r < table.CohortCount; r++)
            {
                CohortCellState state = table.State(r, k);
                if (k > 0 && state < table.State(r, k - 1)) return false; // Observed ≤ Partial ≤ NotStarted along a row
                if (state == CohortCellState.NotStarted && (table.Active(r, k) != 0 || table.Orders(r, k) != 0)) return false;
                if (state == CohortCellState.Observed && table.CohortSizes[r] > 0)
                {
                    members += table.CohortSizes[r];
                    active += table.Active(r, k);
                }
            }
            if (table.AverageCurve[k].Retention != new Rate(active, members)) return false;
        }
        return true;
    }
}
