using FsCheck;
using FsCheck.Fluent;

namespace Retention.Metrics.Tests.Infrastructure;

/// <summary>A ledger's inputs, as given to <see cref="SubscriptionLedger.Create"/>.</summary>
public sealed record SubscriptionCase(Subscription[] Subscriptions, PlanChange[] PlanChanges, Shipment[] Shipments)
{
    public SubscriptionLedger Ledger() => SubscriptionLedger.Create(Subscriptions, PlanChanges, Shipments);

    /// <summary>The case restricted to the subscriptions that satisfy <paramref name="keep"/>.</summary>
    public SubscriptionCase Where(Func<Subscription, bool> keep)
    {
        var ids = Subscriptions.Where(keep).Select(s => s.Id).ToHashSet();
        return new SubscriptionCase(
            Subscriptions.Where(s => ids.Contains(s.Id)).ToArray(),
            PlanChanges.Where(c => ids.Contains(c.Subscription)).ToArray(),
            Shipments.Where(s => ids.Contains(s.Subscription)).ToArray());
    }

    public override string ToString() =>
        $"{Subscriptions.Length} subscriptions: " + string.Join("; ", Subscriptions.Select(s =>
            $"#{s.Id} c{s.Customer} {s.Start:yyyy-MM-dd}..{s.End?.ToString("yyyy-MM-dd") ?? "open"} plans[" +
            string.Join(",", PlanChanges.Where(c => c.Subscription == s.Id).Select(c => $"{c.EffectiveFrom:MM-dd}={c.AmountPerMonth}")) +
            $"] ships {Shipments.Count(x => x.Subscription == s.Id)}"));
}

/// <summary>Seeded random subscription ledgers: sign-ups over ~2 years from 2023-01-01 (leap day included), 60 % cancelled,
/// plan changes (upgrades, downgrades, pauses) and roughly monthly shipments, all in shuffled order.</summary>
public static class RandomSubscriptions
{
    public static readonly DateOnly Start = new(2023, 1, 1);
    private static readonly decimal[] s_amounts = [0m, 980m, 1980m, 2980.5m, 4500m, 120.25m];

    public static SubscriptionCase Create(int seed, int subscriptions, int customers = 0, int days = 700)
    {
        var random = new Random(seed);
        if (customers <= 0) customers = Math.Max(1, subscriptions * 2 / 3);
        var subs = new List<Subscription>();
        var plans = new List<PlanChange>();
        var shipments = new List<Shipment>();
        for (int i = 0; i < subscriptions; i++)
        {
            int id = i * 3 + random.Next(3); // sparse but unique ids
            int start = random.Next(days);
            int? end = random.Next(10) < 6 ? start + (random.Next(4) == 0 ? random.Next(3) : random.Next(400)) : null;
            var s = new Subscription(id, random.Next(customers), Start.AddDays(start), end is int e ? Start.AddDays(e) : null);
            subs.Add(s);
            int horizon = end ?? start + 500;
            plans.Add(new PlanChange(id, s.Start, s_amounts[1 + random.Next(s_amounts.Length - 1)]));
            var used = new HashSet<int> { start };
            int changes = random.Next(4);
            for (int c = 0; c < changes; c++)
            {
                int day = start + random.Next(horizon - start + 1);
                if (!used.Add(day)) continue;
                plans.Add(new PlanChange(id, Start.AddDays(day), s_amounts[random.Next(s_amounts.Length)]));
            }
            int interval = 20 + random.Next(25);
            for (int day = start + random.Next(5); day <= horizon && day <= start + 600; day += interval)
            {
                if (random.Next(12) == 0) continue; // a skipped delivery
                shipments.Add(new Shipment(id, Start.AddDays(day), random.Next(8) == 0 ? 0m : Math.Round((decimal)random.NextDouble() * 5000m, 2)));
            }
        }
        RandomHistories.Shuffle(random, subs);
        RandomHistories.Shuffle(random, plans);
        RandomHistories.Shuffle(random, shipments);
        return new SubscriptionCase(subs.ToArray(), plans.ToArray(), shipments.ToArray());
    }
}

/// <summary>FsCheck generators for subscription ledgers: <c>[Property(Arbitrary = [typeof(SubscriptionArbitraries)])]</c>.</summary>
public static class SubscriptionArbitraries
{
    public static Arbitrary<SubscriptionCase> Cases()
    {
        Gen<SubscriptionCase> gen =
            from seed in Gen.Choose(0, int.MaxValue - 1)
            from count in Gen.Choose(0, 25)
            from customers in Gen.Choose(1, 12)
            select RandomSubscriptions.Create(seed, count, customers);
        return gen.ToArbitrary();
    }
}
