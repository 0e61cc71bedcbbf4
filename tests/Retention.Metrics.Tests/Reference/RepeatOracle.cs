namespace Retention.Metrics.Tests.Reference;

/// <summary>Naive LINQ versions of the repeat and dormancy metrics, written straight from the definitions, for comparison with the fast paths.</summary>
public static class RepeatOracle
{
    private static int Count(IEnumerable<Purchase> ps, PurchaseCounting counting) =>
        counting == PurchaseCounting.Orders ? ps.Count() : ps.Select(p => p.Date).Distinct().Count();

    public static (long Repeat, long Buyers) MultiPurchaseShare(Purchase[] purchases, DateOnly from, DateOnly to, PurchaseCounting counting, Func<int, bool>? include = null)
    {
        var groups = purchases.Where(p => p.Date >= from && p.Date <= to && (include?.Invoke(p.Customer) ?? true)).GroupBy(p => p.Customer).ToList();
        return (groups.Count(g => Count(g, counting) >= 2), groups.Count);
    }

    public sealed record PeriodRow(DateOnly Start, DateOnly End, long Buyers, long NewBuyers, long RepeatBuyers, long NewRepeatBuyers, long Cumulative,
        long Orders, long RepeatOrders, decimal Revenue, decimal RepeatRevenue, long PreviousBuyers, long PreviousNewBuyers, long Retained, long NewRetained);

    public static List<PeriodRow> PeriodSeries(Purchase[] purchases, DateOnly from, DateOnly asOf, PeriodUnit unit, DayOfWeek weekStart, PurchaseCounting counting)
    {
        var seen = purchases.Where(p => p.Date <= asOf).ToList();
        var byCustomer = seen.GroupBy(p => p.Customer).ToDictionary(g => g.Key, g => g.OrderBy(p => p.Date).ToList());
        var firstDay = byCustomer.ToDictionary(kv => kv.Key, kv => kv.Value[0].Date);
        var rows = new List<PeriodRow>();
        DateOnly start = Calendar.PeriodStart(from, unit, weekStart);
        DateOnly previousStart = Calendar.AddPeriods(start, -1, unit);
        while (start <= asOf)
        {
            DateOnly next = Calendar.AddPeriods(start, 1, unit);
            DateOnly end = next.AddDays(-1) < asOf ? next.AddDays(-1) : asOf;
            var inP = seen.Where(p => p.Date >= start && p.Date <= end).ToList();
            var buyersP = inP.Select(p => p.Customer).Distinct().ToHashSet();
            var previous = seen.Where(p => p.Date >= previousStart && p.Date < start).Select(p => p.Customer).Distinct().ToHashSet();
            bool IsNew(int c, DateOnly a, DateOnly b) => firstDay[c] >= a && firstDay[c] <= b;
            bool IsRepeatBuyer(int c) => counting == PurchaseCounting.Orders
                ? inP.Count(p => p.Customer == c) > (IsNew(c, start, end) ? 1 : 0)
                : inP.Any(p => p.Customer == c && p.Date != firstDay[c]);
            int firstDayOrdersInP(int c) => IsNew(c, start, end) ? 1 : 0;
            rows.Add(new PeriodRow(start, end,
                buyersP.Count,
                buyersP.Count(c => IsNew(c, start, end)),
                buyersP.Count(IsRepeatBuyer),
                buyersP.Count(c => IsNew(c, start, end) && IsRepeatBuyer(c)),
                firstDay.Count(kv => kv.Value <= end),
                inP.Count,
                inP.Count - buyersP.Sum(firstDayOrdersInP),
                inP.Sum(p => p.Amount),
                inP.Where(p => p.Date != firstDay[p.Customer]).Sum(p => p.Amount),
                previous.Count,
                previous.Count(c => IsNew(c, previousStart, start.AddDays(-1))),
                previous.Count(buyersP.Contains),
                previous.Count(c => IsNew(c, previousStart, start.AddDays(-1)) && buyersP.Contains(c))));
            previousStart = start;
            start = next;
        }
        return rows;
    }

    public static (long Buyers, long NewBuyers, long Retained, long NewRetained) PeriodRetention(Purchase[] purchases, DateOnly a0, DateOnly a1, DateOnly b0, DateOnly b1)
    {
        var first = purchases.GroupBy(p => p.Customer).ToDictionary(g => g.Key, g => g.Min(p => p.Date));
        var a = purchases.Where(p => p.Date >= a0 && p.Date <= a1).Select(p => p.Customer).ToHashSet();
        var b = purchases.Where(p => p.Date >= b0 && p.Date <= b1).Select(p => p.Customer).ToHashSet();
        return (a.Count, a.Count(c => first[c] >= a0), a.Count(b.Contains), a.Count(c => first[c] >= a0 && b.Contains(c)));
    }

    public sealed record CohortRow(DateOnly Start, long Customers, long Eligible, long Converted, long CensoredConverted);

    public static List<CohortRow> F2Conversion(Purchase[] purchases, DateOnly asOf, int window, PeriodUnit unit, DayOfWeek weekStart, PurchaseCounting counting)
    {
        var customers = purchases.Where(p => p.Date <= asOf).GroupBy(p => p.Customer).Select(g =>
        {
            var dates = g.Select(p => p.Date).OrderBy(d => d).ToList();
            if (counting == PurchaseCounting.Occasions) dates = dates.Distinct().ToList();
            DateOnly f = dates[0];
            DateOnly? second = dates.Count > 1 ? dates[1] : null;
            return (First: f, Second: second);
        }).ToList();
        var rows = new List<CohortRow>();
        if (purchases.Length == 0) return rows;
        DateOnly start = Calendar.PeriodStart(purchases.Min(p => p.Date), unit, weekStart);
        while (start <= asOf)
        {
            DateOnly next = Calendar.AddPeriods(start, 1, unit);
            var cohort = customers.Where(c => c.First >= start && c.First < next).ToList();
            bool Converted((DateOnly First, DateOnly? Second) c) => c.Second is DateOnly s && s.DayNumber - c.First.DayNumber <= window;
            var eligible = cohort.Where(c => c.First.AddDays(window) <= asOf).ToList();
            rows.Add(new CohortRow(start, cohort.Count, eligible.Count, eligible.Count(Converted), cohort.Except(eligible).Count(Converted)));
            start = next;
        }
        return rows;
    }

    public static (long[] AtLeast, long Censored) FrequencyLadder(Purchase[] purchases, DateOnly asOf, int k, int? window, PurchaseCounting counting)
    {
        var atLeast = new long[k + 1];
        long censored = 0;
        foreach (var g in purchases.Where(p => p.Date <= asOf).GroupBy(p => p.Customer))
        {
            DateOnly first = g.Min(p => p.Date);
            if (window is int w && first.AddDays(w) > asOf) { censored++; continue; }
            var kept = g.Where(p => window is not int w2 || p.Date.DayNumber - first.DayNumber <= w2);
            int n = Count(kept, counting);
            for (int i = 1; i <= Math.Min(n, k); i++) atLeast[i]++;
        }
        return (atLeast, censored);
    }

    public static (long Customers, long Dormant) Classify(Purchase[] purchases, DateOnly asOf, int threshold)
    {
        var last = purchases.Where(p => p.Date <= asOf).GroupBy(p => p.Customer).Select(g => g.Max(p => p.Date)).ToList();
        return (last.Count, last.Count(d => asOf.DayNumber - d.DayNumber >= threshold));
    }

    public static (long Active0, long Still, long Dormant0, long Reactivated, long Orders, decimal Revenue, long New) Transition(
        Purchase[] purchases, DateOnly t0, DateOnly t1, int threshold)
    {
        long a0 = 0, still = 0, d0 = 0, re = 0, orders = 0, fresh = 0;
        decimal revenue = 0;
        foreach (var g in purchases.GroupBy(p => p.Customer))
        {
            DateOnly first = g.Min(p => p.Date);
            if (first > t1) continue;
            if (first > t0) { fresh++; continue; }
            DateOnly last0 = g.Where(p => p.Date <= t0).Max(p => p.Date);
            DateOnly last1 = g.Where(p => p.Date <= t1).Max(p => p.Date);
            if (t0.DayNumber - last0.DayNumber < threshold)
            {
                a0++;
                if (t1.DayNumber - last1.DayNumber < threshold) still++;
            }
            else
            {
                d0++;
                var between = g.Where(p => p.Date > t0 && p.Date <= t1).ToList();
                if (between.Count > 0) { re++; orders += between.Count; revenue += between.Sum(p => p.Amount); }
            }
        }
        return (a0, still, d0, re, orders, revenue, fresh);
    }

    public static List<(int Customer, decimal Spend)> HighValueDormant(Purchase[] purchases, DateOnly asOf, int threshold, double topShare)
    {
        var customers = purchases.Where(p => p.Date <= asOf).GroupBy(p => p.Customer)
            .Select(g => (Customer: g.Key, Spend: g.Sum(p => p.Amount), Last: g.Max(p => p.Date))).ToList();
        if (customers.Count == 0) return [];
        int k = (int)Math.Min(customers.Count, Math.Ceiling(topShare * customers.Count));
        decimal cutoff = customers.Select(c => c.Spend).OrderByDescending(s => s).ElementAt(k - 1);
        return customers.Where(c => c.Spend >= cutoff && c.Spend > 0 && asOf.DayNumber - c.Last.DayNumber >= threshold)
            .OrderByDescending(c => c.Spend).ThenBy(c => c.Customer).Select(c => (c.Customer, c.Spend)).ToList();
    }

    public static List<int> Gaps(Purchase[] purchases, DateOnly asOf, int? fromPurchase, PurchaseCounting counting)
    {
        var gaps = new List<int>();
        foreach (var g in purchases.Where(p => p.Date <= asOf).GroupBy(p => p.Customer))
        {
            var dates = g.Select(p => p.Date.DayNumber).OrderBy(d => d).ToList();
            if (counting == PurchaseCounting.Occasions) dates = dates.Distinct().ToList();
            for (int n = 1; n < dates.Count; n++)
            {
                if (fromPurchase is null || fromPurchase == n) gaps.Add(dates[n] - dates[n - 1]);
            }
        }
        gaps.Sort();
        return gaps;
    }

    /// <summary>R type-7 quantile of sorted values.</summary>
    public static double Quantile(List<int> sorted, double p)
    {
        if (sorted.Count == 0) return 0;
        double h = (sorted.Count - 1) * p;
        int lo = (int)Math.Floor(h);
        return lo + 1 >= sorted.Count ? sorted[lo] : sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }
}
