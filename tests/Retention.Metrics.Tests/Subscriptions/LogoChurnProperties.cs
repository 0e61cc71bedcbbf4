using FsCheck.Xunit;
using Retention.Metrics.Tests.Infrastructure;
using Retention.Metrics.Tests.Reference;

namespace Retention.Metrics.Tests.Subscriptions;

public class LogoChurnProperties
{
    private static readonly DateOnly From = new(2023, 1, 1);
    private static readonly DateOnly To = new(2025, 6, 30);

    [Property(Arbitrary = [typeof(SubscriptionArbitraries)])]
    public bool LogoChurn_MatchesOracle(SubscriptionCase c)
    {
        var actual = Churn.LogoChurn(c.Ledger(), From, To);
        var expected = SubscriptionOracle.LogoChurn(c.Subscriptions, From, To, PeriodUnit.Month);
        for (int i = 0; i < expected.Count; i++)
        {
            var a = actual[i];
            var e = expected[i];
            if ((a.Start, a.End, a.Opening, a.New, a.Cancelled, a.NewCancelled) != (e.Start, e.End, e.Opening, e.New, e.Cancelled, e.NewCancelled)) return false;
        }
        return actual.Count == expected.Count;
    }

    [Property(Arbitrary = [typeof(SubscriptionArbitraries)])]
    public bool LogoChurn_ClosingIsNextOpening_AndRatesAreProportions(SubscriptionCase c)
    {
        var s = Churn.LogoChurn(c.Ledger(), From, To, PeriodUnit.Week);
        for (int i = 0; i < s.Count; i++)
        {
            var p = s[i];
            if (i + 1 < s.Count && p.Closing != s[i + 1].Opening) return false;
            if (p.Closing < 0 || p.NewCancelled > p.New || p.NewCancelled > p.Cancelled) return false;
            foreach (LogoChurnVariant v in Enum.GetValues<LogoChurnVariant>())
            {
                var r = p.ChurnFor(v);
                if (r.Value < 0 || r.Value > 1) return false;
            }
        }
        return true;
    }

    [Property(Arbitrary = [typeof(SubscriptionArbitraries)])]
    public bool LogoChurn_DisjointSplit_CombinesToWhole(SubscriptionCase c, int salt)
    {
        int m = (salt & 3) + 2;
        var left = c.Where(s => s.Id % m == 0);
        var right = c.Where(s => s.Id % m != 0);
        foreach (LogoChurnVariant v in Enum.GetValues<LogoChurnVariant>())
        {
            var whole = Churn.LogoChurn(c.Ledger(), From, To, PeriodUnit.Month, v);
            var parts = LogoChurnSeries.Combine(Churn.LogoChurn(left.Ledger(), From, To, PeriodUnit.Month, v), Churn.LogoChurn(right.Ledger(), From, To, PeriodUnit.Month, v));
            if (!whole.Periods.SequenceEqual(parts.Periods)) return false;
            var asOf = From.AddDays(salt & 511);
            if (Churn.LogoChurnTrailing(c.Ledger(), asOf, 30, v) !=
                LogoChurnPeriod.Combine(Churn.LogoChurnTrailing(left.Ledger(), asOf, 30, v), Churn.LogoChurnTrailing(right.Ledger(), asOf, 30, v))) return false;
        }
        return true;
    }

    [Property(Arbitrary = [typeof(SubscriptionArbitraries)])]
    public bool LogoChurn_VariantsOrdered(SubscriptionCase c)
    {
        // Including sign-ups in the denominator never raises churn above the start-of-period definition's numerator share
        // of the larger base: ExcludeSamePeriodNewCancelled ≤ StartOfPeriod (same numerator, larger or equal denominator).
        foreach (var p in Churn.LogoChurn(c.Ledger(), From, To).Periods)
        {
            var start = p.ChurnFor(LogoChurnVariant.StartOfPeriod);
            var excl = p.ChurnFor(LogoChurnVariant.ExcludeSamePeriodNewCancelled);
            if (start.IsDefined && excl.Value > start.Value + 1e-15) return false;
        }
        return true;
    }
}
