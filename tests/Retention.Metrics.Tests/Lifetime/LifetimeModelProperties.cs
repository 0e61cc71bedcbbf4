using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Retention.Metrics.Tests.Lifetime;

public class LifetimeModelProperties
{
    private static readonly BgNbdModel s_paper = BgNbdModel.FromParameters(0.243, 4.414, 0.793, 2.426);

    public static class Arbitraries
    {
        /// <summary>A customer (x, t_x, T) with 0 ≤ t_x ≤ T and t_x = 0 when x = 0.</summary>
        public static Arbitrary<BgNbdObservation> Customers() =>
            (from x in Gen.Choose(0, 400)
             from age in Gen.Choose(0, 10_000)
             from share in Gen.Choose(0, 1000)
             let t = age / 100d
             select new BgNbdObservation(x, x == 0 ? 0d : t * share / 1000d, t)).ToArbitrary();

        public static Arbitrary<BgNbdModel> Models() =>
            (from r in Gen.Choose(1, 500)
             from alpha in Gen.Choose(1, 2000)
             from a in Gen.Choose(1, 500)
             from b in Gen.Choose(1, 500)
             select BgNbdModel.FromParameters(r / 100d, alpha / 100d, a / 100d, b / 100d)).ToArbitrary();
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public bool ProbabilityAlive_InUnitInterval_AndOneWithoutRepeat(BgNbdModel model, BgNbdObservation c)
    {
        double p = model.ProbabilityAlive(c.Frequency, c.Recency, c.Age);
        return p >= 0d && p <= 1d && (c.Frequency > 0d || p == 1d);
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public bool ConditionalExpectedPurchases_NonNegativeAndNonDecreasingInT(BgNbdModel model, BgNbdObservation c, PositiveInt t)
    {
        double t1 = t.Get % 200, t2 = t1 + 1 + (t.Get % 7);
        double e1 = model.ConditionalExpectedPurchases(t1, c.Frequency, c.Recency, c.Age);
        double e2 = model.ConditionalExpectedPurchases(t2, c.Frequency, c.Recency, c.Age);
        return e1 >= 0d && double.IsFinite(e2) && e2 >= e1 * (1d - 1e-10);
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public bool ExpectedPurchases_NonNegativeAndNonDecreasingInT(BgNbdModel model, PositiveInt t)
    {
        double t1 = t.Get % 300, t2 = t1 + 0.5;
        double e1 = model.ExpectedPurchases(t1), e2 = model.ExpectedPurchases(t2);
        return e1 >= 0d && e2 >= e1 * (1d - 1e-10);
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public bool CustomerLifetimeValue_ScalesLinearlyWithSpend(BgNbdObservation c, PositiveInt mean, PositiveInt scale)
    {
        double factor = 1 + (scale.Get % 1000) / 10d;
        double value = 1 + (mean.Get % 500);
        ClvHorizon horizon = ClvHorizon.LifetimesMonthsInWeeks(12, 0.01);
        double baseClv = GammaGammaModel.FromParameters(6.25, 3.74, 15.44).CustomerLifetimeValue(s_paper, c, value, horizon);
        double scaled = GammaGammaModel.FromParameters(6.25, 3.74, 15.44 * factor).CustomerLifetimeValue(s_paper, c, value * factor, horizon);
        return Math.Abs(scaled - factor * baseClv) <= 1e-9 * Math.Abs(factor * baseClv) + 1e-12;
    }

    [Property(MaxTest = 5)]
    public bool Fit_IsInvariantToCustomerOrder(int seed)
    {
        BgNbdObservation[] data = LifetimeData.BgNbd(LifetimeData.Rounded);
        BgNbdObservation[] shuffled = (BgNbdObservation[])data.Clone();
        new Random(seed).Shuffle(shuffled);
        BgNbdModel a = BgNbdModel.Fit(data), b = BgNbdModel.Fit(shuffled);
        return a.Converged && b.Converged
            && Math.Abs(a.R - b.R) <= 1e-6 * a.R && Math.Abs(a.Alpha - b.Alpha) <= 1e-6 * a.Alpha
            && Math.Abs(a.A - b.A) <= 1e-6 * a.A && Math.Abs(a.B - b.B) <= 1e-6 * a.B
            && Math.Abs(a.LogLikelihood!.Value - b.LogLikelihood!.Value) <= 1e-8;
    }
}
