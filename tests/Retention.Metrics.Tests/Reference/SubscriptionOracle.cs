using Retention.Metrics.Tests.Infrastructure;

namespace Retention.Metrics.Tests.Reference;

/// <summary>Naive LINQ versions of the subscription metrics, written from the documented definitions with plain date comparisons.</summary>
public static class SubscriptionOracle
{
    public sealed record ChurnCounts(DateOnly Start, DateOnly End, long Opening, long New, long Cancelled, long NewCancelled);

    public static IReadOnlyList<(DateOnly Start, DateOnly End)> Periods(DateOnly from, DateOnly to, PeriodUnit unit)
    {
        var list = new List<(DateOnly, DateOnly)>();
        for (DateOnly s = Calendar.PeriodStart(from, unit); s <= to; s = Calendar.AddPeriods(s, 1, unit))
            list.Add((s, Calendar.AddPeriods(s, 1, unit).AddDays(-1)));
        return list;
    }

    public static ChurnCounts Window(IEnumerable<Subscription> subscriptions, DateOnly start, DateOnly end)
    {
        var subs = subscriptions.ToList();
        return new ChurnCounts(start, end,
            subs.LongCount(s => s.Start < start && (s.End is null || s.End >= start)),
            subs.LongCount(s => s.Start >= start && s.Start <= end),
            subs.LongCount(s => s.End >= start && s.End <= end),
            subs.LongCount(s => s.Start >= start && s.End <= end));
    }

    public static List<ChurnCounts> LogoChurn(IEnumerable<Subscription> subscriptions, DateOnly from, DateOnly to, PeriodUnit unit) =>
        Periods(from, to, unit).Select(p => Window(subscriptions, p.Start, p.End)).ToList();

    /// <summary>Shipments received by each started subscription by <paramref name="asOf"/>, and whether it is cancelled by then.</summary>
    public static List<(int Received, bool Cancelled)> ShipmentCounts(SubscriptionCase c, DateOnly asOf) =>
        c.Subscriptions.Where(s => s.Start <= asOf)
            .Select(s => (c.Shipments.Count(x => x.Subscription == s.Id && x.Date <= asOf), s.End is DateOnly e && e <= asOf))
            .ToList();

    public sealed record StepCounts(int K, long Received, long AtRisk, double Continuation);

    public static List<StepCounts> Continuation(SubscriptionCase c, DateOnly asOf)
    {
        var counts = ShipmentCounts(c, asOf).Where(x => x.Received > 0).ToList();
        int max = counts.Count == 0 ? 0 : counts.Max(x => x.Received);
        var steps = new List<StepCounts>();
        double survival = 1;
        for (int k = 1; k <= max; k++)
        {
            long received = counts.LongCount(x => x.Received >= k);
            // At risk of k: reached k−1 and not an open subscription still waiting at k−1.
            long atRisk = k == 1 ? received : counts.LongCount(x => x.Received >= k - 1 && !(x.Received == k - 1 && !x.Cancelled));
            if (k > 1) survival *= (double)received / atRisk;
            steps.Add(new StepCounts(k, received, atRisk, survival));
        }
        return steps;
    }

    /// <summary>The plan amount a subscription has at the close of <paramref name="day"/>.</summary>
    public static decimal AmountAt(SubscriptionCase c, Subscription s, DateOnly day)
    {
        if (day < s.Start || (s.End is DateOnly e && day >= e)) return 0m;
        return c.PlanChanges.Where(p => p.Subscription == s.Id && p.EffectiveFrom <= day)
            .OrderBy(p => p.EffectiveFrom).Select(p => p.AmountPerMonth).LastOrDefault();
    }

    public static decimal CustomerMrr(SubscriptionCase c, int customer, DateOnly day) =>
        c.Subscriptions.Where(s => s.Customer == customer).Sum(s => AmountAt(c, s, day));

    public sealed record Movement(DateOnly Start, decimal StartingMrr, decimal New, decimal Expansion, decimal Contraction,
        decimal Churned, decimal Reactivation, decimal EndingMrr, long StartingCustomers, long EndingCustomers);

    public static List<Movement> Mrr(SubscriptionCase c, DateOnly from, DateOnly to, PeriodUnit unit)
    {
        var customers = c.Subscriptions.Select(s => s.Customer).Distinct().ToList();
        var result = new List<Movement>();
        foreach (var (start, end) in Periods(from, to, unit))
        {
            decimal n = 0, ex = 0, co = 0, ch = 0, re = 0, sum0 = 0, sum1 = 0;
            long c0 = 0, c1 = 0;
            foreach (int cu in customers)
            {
                decimal s = CustomerMrr(c, cu, start.AddDays(-1)), e = CustomerMrr(c, cu, end);
                sum0 += s; sum1 += e;
                if (s > 0) c0++;
                if (e > 0) c1++;
                if (s == 0 && e > 0)
                {
                    // Brute force: any earlier day with MRR above 0?
                    bool before = c.Subscriptions.Where(x => x.Customer == cu).Any(x =>
                        Enumerable.Range(0, Math.Max(0, start.DayNumber - x.Start.DayNumber))
                            .Any(d => AmountAt(c, x, x.Start.AddDays(d)) > 0));
                    if (before) re += e; else n += e;
                }
                else if (s > 0 && e == 0) ch += s;
                else if (e > s) ex += e - s;
                else co += s - e;
            }
            result.Add(new Movement(start, sum0, n, ex, co, ch, re, sum1, c0, c1));
        }
        return result;
    }
}
