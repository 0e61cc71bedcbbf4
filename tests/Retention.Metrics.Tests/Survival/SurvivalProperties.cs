using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Retention.Metrics.Tests.Survival;

public static class SurvivalArbitraries
{
    /// <summary>Up to ~40 lifetimes with whole or half-period times 0–30 and about 70 % events.</summary>
    public static Arbitrary<SurvivalObservation[]> Observations()
    {
        Gen<SurvivalObservation> one =
            from t in Gen.Choose(0, 60)
            from e in Gen.Choose(0, 9)
            select new SurvivalObservation(t % 7 == 0 ? t / 2d : t / 2, e < 7);
        return one.ArrayOf().ToArbitrary();
    }
}

public class SurvivalProperties
{
    private static KaplanMeierCurve Km(SurvivalObservation[] obs, ConfidenceIntervalTransform transform = ConfidenceIntervalTransform.Log) =>
        Retention.Metrics.Survival.KaplanMeier(obs, new KaplanMeierOptions { Transform = transform });

    [Property(Arbitrary = [typeof(SurvivalArbitraries)])]
    public bool KaplanMeier_Survival_IsNonIncreasingInUnitRange(SurvivalObservation[] obs)
    {
        KaplanMeierCurve curve = Km(obs);
        double previous = 1d;
        foreach (KaplanMeierRow row in curve.Rows)
        {
            if (!(row.Survival >= 0d && row.Survival <= previous)) return false;
            previous = row.Survival;
        }
        return true;
    }

    [Property(Arbitrary = [typeof(SurvivalArbitraries)])]
    public bool KaplanMeier_Bounds_AreOrderedOrUndefined(SurvivalObservation[] obs)
    {
        foreach (ConfidenceIntervalTransform transform in new[] { ConfidenceIntervalTransform.Log, ConfidenceIntervalTransform.LogLog, ConfidenceIntervalTransform.Plain })
        {
            foreach (KaplanMeierRow row in Km(obs, transform).Rows)
            {
                if (double.IsNaN(row.Lower) || double.IsNaN(row.Upper))
                {
                    bool allowed = row.Survival == 0d || (transform == ConfidenceIntervalTransform.LogLog && row.Survival == 1d);
                    if (!allowed) return false;
                    continue;
                }
                if (!(0d <= row.Lower && row.Lower <= row.Survival + 1e-15 && row.Survival <= row.Upper + 1e-15 && row.Upper <= 1d)) return false;
            }
        }
        return true;
    }

    [Property(Arbitrary = [typeof(SurvivalArbitraries)])]
    public bool KaplanMeier_Permutation_ChangesNothing(SurvivalObservation[] obs, int seed)
    {
        SurvivalObservation[] shuffled = (SurvivalObservation[])obs.Clone();
        new Random(seed).Shuffle(shuffled);
        KaplanMeierCurve a = Km(obs), b = Km(shuffled);
        return a.Rows.SequenceEqual(b.Rows) && a.Median == b.Median;
    }

    [Property(Arbitrary = [typeof(SurvivalArbitraries)])]
    public bool KaplanMeier_CombineOfSplit_EqualsWhole(SurvivalObservation[] obs, NonNegativeInt split)
    {
        int at = split.Get % (obs.Length + 1);
        KaplanMeierCurve combined = KaplanMeierCurve.Combine(Km(obs[..at]), Km(obs[at..]));
        return combined.Rows.SequenceEqual(Km(obs).Rows);
    }

    [Property(Arbitrary = [typeof(SurvivalArbitraries)])]
    public bool KaplanMeier_MedianLiesInsideItsInterval(SurvivalObservation[] obs)
    {
        SurvivalTimeEstimate m = Km(obs).Median;
        return (double.IsNaN(m.Lower) || !m.IsReached || m.Lower <= m.Estimate) && (double.IsNaN(m.Upper) || !m.IsReached || m.Estimate <= m.Upper);
    }

    [Property]
    public bool ShiftedBetaGeometric_Survival_IsNonIncreasing(PositiveInt a, PositiveInt b)
    {
        var model = ShiftedBetaGeometricModel.FromParameters(a.Get / 100d, b.Get / 100d);
        double previous = 1d;
        for (int t = 0; t <= 60; t++)
        {
            double s = model.Survival(t);
            if (!(s <= previous && s > 0d)) return false;
            previous = s;
        }
        return true;
    }
}
