using Retention.Metrics.Tests.Infrastructure;
using Retention.Metrics.Tests.Reference;

namespace Retention.Metrics.Tests.Subscriptions;

public class RecurringRevenueTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    // The hand-worked ledger of docs/metrics/mrr.md (months January–March 2024):
    //   customer 0: #0 from 2023-12-01 at 1,000, upgraded to 1,500 on 2024-02-15
    //   customer 1: #1 2023-11-01 .. 2024-01-31 at 2,000; #2 from 2024-03-05 at 1,800
    //   customer 2: #3 from 2024-01-10 at 3,000, paused (0) on 2024-02-01, resumed at 3,000 on 2024-03-01
    //   customer 3: #4 from 2023-10-01 at 5,000, downgraded to 4,000 on 2024-01-20; #5 from 2024-01-25 at 500
    //   customer 4: #6 2024-02-10 .. 2024-02-20 at 999 (never at a period end); #7 from 2024-03-01 at 700
    internal static SubscriptionLedger HandWorked() => SubscriptionLedger.Create(
        [
            new(0, 0, D(2023, 12, 1), null),
            new(1, 1, D(2023, 11, 1), D(2024, 1, 31)),
            new(2, 1, D(2024, 3, 5), null),
            new(3, 2, D(2024, 1, 10), null),
            new(4, 3, D(2023, 10, 1), null),
            new(5, 3, D(2024, 1, 25), null),
            new(6, 4, D(2024, 2, 10), D(2024, 2, 20)),
            new(7, 4, D(2024, 3, 1), null),
        ],
        [
            new(0, D(2023, 12, 1), 1000m), new(0, D(2024, 2, 15), 1500m),
            new(1, D(2023, 11, 1), 2000m), new(2, D(2024, 3, 5), 1800m),
            new(3, D(2024, 1, 10), 3000m), new(3, D(2024, 2, 1), 0m), new(3, D(2024, 3, 1), 3000m),
            new(4, D(2023, 10, 1), 5000m), new(4, D(2024, 1, 20), 4000m), new(5, D(2024, 1, 25), 500m),
            new(6, D(2024, 2, 10), 999m), new(7, D(2024, 3, 1), 700m),
        ]);

    [Fact]
    public void Movements_HandWorked()
    {
        var s = RecurringRevenue.Movements(HandWorked(), D(2024, 1, 1), D(2024, 3, 31));
        Assert.Equal(3, s.Count);

        // January: start (close of Dec 31) = 1,000 + 2,000 + 5,000 = 8,000 over 3 customers.
        // Customer 1 is cancelled on Jan 31 (not active at its close): churned 2,000. Customer 2: new 3,000.
        // Customer 3: 5,000 → 4,000 + 500 = 4,500: contraction 500. End = 1,000 + 3,000 + 4,500 = 8,500.
        // 8,000 + 3,000 − 500 − 2,000 = 8,500. GRR = NRR = (8,000 − 500 − 2,000) / 8,000 = 0.6875; quick ratio 3,000 / 2,500 = 1.2.
        var jan = s[0];
        Assert.Equal(new MrrPeriod(D(2024, 1, 1), D(2024, 1, 31), 8000m, 3000m, 0m, 500m, 2000m, 0m, 8500m, 3, 3), jan);
        Assert.Equal(500m, jan.NetNewMrr);
        Assert.Equal(0.6875, jan.GrossRevenueRetention, 15);
        Assert.Equal(0.6875, jan.NetRevenueRetention, 15);
        Assert.Equal(0.3125, jan.GrossRevenueChurn, 15);
        Assert.Equal(0.3125, jan.NetRevenueChurn, 15);
        Assert.Equal(1.2, jan.QuickRatio!.Value, 15);
        Assert.Equal(8500m / 3, jan.Arpa);

        // February: customer 0 1,000 → 1,500 expansion 500; customer 2 paused: churned 3,000; customer 4's #6 never reaches
        // a period end. End = 1,500 + 4,500 = 6,000. GRR = 5,500 / 8,500; NRR = 6,000 / 8,500; quick 500 / 3,000.
        var feb = s[1];
        Assert.Equal(new MrrPeriod(D(2024, 2, 1), D(2024, 2, 29), 8500m, 0m, 500m, 0m, 3000m, 0m, 6000m, 3, 2), feb);
        Assert.Equal(5500d / 8500d, feb.GrossRevenueRetention, 15);
        Assert.Equal(6000d / 8500d, feb.NetRevenueRetention, 15);
        Assert.Equal((3000d - 500d) / 8500d, feb.NetRevenueChurn, 15);
        Assert.Equal(500d / 3000d, feb.QuickRatio!.Value, 15);

        // March: customers 1 (1,800), 2 (3,000, resumed) and 4 (700, had 999 on Feb 10–19) all had MRR before: reactivation
        // 5,500. End = 1,500 + 1,800 + 3,000 + 4,500 + 700 = 11,500 over 5 customers; ARPA 2,300; nothing lost: no quick ratio.
        var mar = s[2];
        Assert.Equal(new MrrPeriod(D(2024, 3, 1), D(2024, 3, 31), 6000m, 0m, 0m, 0m, 0m, 5500m, 11500m, 2, 5), mar);
        Assert.Null(mar.QuickRatio);
        Assert.Equal(2300m, mar.Arpa);
        Assert.Equal(1d, mar.GrossRevenueRetention);
        Assert.Equal(1d, mar.NetRevenueRetention);
    }

    [Fact]
    public void Movements_ChangeOnLastDayOfPeriod_CountsAtThatClose()
    {
        // An upgrade effective on Jan 31 is in January's ending MRR; one effective on Feb 1 is in February's.
        var ledger = SubscriptionLedger.Create(
            [new Subscription(0, 0, D(2023, 12, 1), null), new Subscription(1, 1, D(2023, 12, 1), null)],
            [new PlanChange(0, D(2023, 12, 1), 100m), new PlanChange(0, D(2024, 1, 31), 150m),
             new PlanChange(1, D(2023, 12, 1), 100m), new PlanChange(1, D(2024, 2, 1), 150m)]);
        var s = RecurringRevenue.Movements(ledger, D(2024, 1, 1), D(2024, 2, 29));
        Assert.Equal((200m, 50m, 250m), (s[0].StartingMrr, s[0].Expansion, s[0].EndingMrr));
        Assert.Equal((250m, 50m, 300m), (s[1].StartingMrr, s[1].Expansion, s[1].EndingMrr));
    }

    [Fact]
    public void Movements_SignUpOnFirstDay_IsNewInThatPeriod()
    {
        var ledger = SubscriptionLedger.Create([new Subscription(0, 0, D(2024, 2, 1), null)], [new PlanChange(0, D(2024, 2, 1), 10m)]);
        var s = RecurringRevenue.Movements(ledger, D(2024, 1, 1), D(2024, 2, 29));
        Assert.Equal(0m, s[0].EndingMrr);
        Assert.Equal((0m, 10m, 10m), (s[1].StartingMrr, s[1].New, s[1].EndingMrr));
    }

    [Fact]
    public void Movements_SwitchingSubscriptions_IsNoMovement()
    {
        // Customer 0 cancels #0 on Feb 10 and starts #1 the same day at the same price: customer-level MRR is unchanged.
        var ledger = SubscriptionLedger.Create(
            [new Subscription(0, 0, D(2024, 1, 1), D(2024, 2, 10)), new Subscription(1, 0, D(2024, 2, 10), null)],
            [new PlanChange(0, D(2024, 1, 1), 50m), new PlanChange(1, D(2024, 2, 10), 50m)]);
        var feb = RecurringRevenue.Movements(ledger, D(2024, 2, 1), D(2024, 2, 1))[0];
        Assert.Equal(new MrrPeriod(D(2024, 2, 1), D(2024, 2, 29), 50m, 0m, 0m, 0m, 0m, 0m, 50m, 1, 1), feb);
    }

    [Fact]
    public void Movements_Empty_Zeros()
    {
        var s = RecurringRevenue.Movements(SubscriptionLedger.Empty, D(2024, 1, 1), D(2024, 3, 1));
        Assert.Equal(3, s.Count);
        Assert.All(s.Periods.ToArray(), p => Assert.Equal(new MrrPeriod(p.Start, p.End, 0, 0, 0, 0, 0, 0, 0, 0, 0), p));
        Assert.Equal(0d, s[0].NetRevenueRetention);
        Assert.Equal(0m, s[0].Arpa);
    }

    [Fact]
    public void Movements_SeededLedgers_MatchOracle()
    {
        for (int seed = 0; seed < 8; seed++)
        {
            var c = RandomSubscriptions.Create(seed, 40, 15);
            var from = D(2023, 2, 1);
            var to = D(2024, 12, 31);
            var actual = RecurringRevenue.Movements(c.Ledger(), from, to);
            var expected = SubscriptionOracle.Mrr(c, from, to, PeriodUnit.Month);
            Assert.Equal(expected.Count, actual.Count);
            for (int i = 0; i < expected.Count; i++)
            {
                var a = actual[i];
                var e = expected[i];
                Assert.Equal(e, new SubscriptionOracle.Movement(a.Start, a.StartingMrr, a.New, a.Expansion, a.Contraction, a.Churned,
                    a.Reactivation, a.EndingMrr, a.StartingCustomers, a.EndingCustomers));
            }
        }
    }

    [Fact]
    public void Errors_NameTheParameter()
    {
        var noPlans = SubscriptionLedger.Create([new Subscription(0, 0, D(2024, 1, 1), null)]);
        Assert.Equal("ledger", Assert.Throws<ArgumentException>(() => RecurringRevenue.Movements(noPlans, D(2024, 1, 1), D(2024, 2, 1))).ParamName);
        Assert.Equal("ledger", Assert.Throws<ArgumentNullException>(() => RecurringRevenue.Movements(null!, D(2024, 1, 1), D(2024, 2, 1))).ParamName);
        Assert.Equal("to", Assert.Throws<ArgumentOutOfRangeException>(() => RecurringRevenue.Movements(HandWorked(), D(2024, 2, 1), D(2024, 1, 1))).ParamName);
        Assert.Equal("weekStart", Assert.Throws<ArgumentOutOfRangeException>(() => RecurringRevenue.Movements(HandWorked(), D(2024, 1, 1), D(2024, 2, 1), PeriodUnit.Week, (DayOfWeek)7)).ParamName);
        var a = RecurringRevenue.Movements(HandWorked(), D(2024, 1, 1), D(2024, 2, 1));
        Assert.Equal("right", Assert.Throws<ArgumentException>(() => MrrPeriod.Combine(a[0], a[1])).ParamName);
    }
}
