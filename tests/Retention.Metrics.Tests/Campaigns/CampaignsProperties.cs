using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Retention.Metrics.Tests.Campaigns;

public class CampaignsProperties
{
    private static bool Close(double a, double b, double relative = 1e-9, double absolute = 1e-12) =>
        a == b || Math.Abs(a - b) <= relative * Math.Max(Math.Abs(a), Math.Abs(b)) + absolute;

    [Property(Arbitrary = [typeof(CampaignArbitraries)])]
    public bool PValues_AreInUnitInterval(CampaignGroup treated, CampaignGroup control)
    {
        double[] p =
        [
            Retention.Metrics.Campaigns.TwoProportionZTest(treated, control).PValue,
            Retention.Metrics.Campaigns.ChiSquaredTest(treated, control).PValue,
            Retention.Metrics.Campaigns.ChiSquaredTest(treated, control, yatesCorrection: true).PValue,
            Retention.Metrics.Campaigns.FisherExactTest(treated, control).PValue,
        ];
        return Array.TrueForAll(p, v => v >= 0 && v <= 1);
    }

    [Property(Arbitrary = [typeof(CampaignArbitraries)])]
    public bool ZSquared_EqualsChiSquaredWithoutCorrection(CampaignGroup treated, CampaignGroup control)
    {
        var z = Retention.Metrics.Campaigns.TwoProportionZTest(treated, control);
        var chi = Retention.Metrics.Campaigns.ChiSquaredTest(treated, control);
        return Close(z.Statistic * z.Statistic, chi.Statistic) && Close(z.PValue, chi.PValue, 1e-9, 1e-300);
    }

    [Property(Arbitrary = [typeof(CampaignArbitraries)])]
    public bool YatesCorrection_NeverIncreasesChiSquared(CampaignGroup treated, CampaignGroup control) =>
        Retention.Metrics.Campaigns.ChiSquaredTest(treated, control, yatesCorrection: true).Statistic
        <= Retention.Metrics.Campaigns.ChiSquaredTest(treated, control).Statistic;

    [Property(Arbitrary = [typeof(CampaignArbitraries)])]
    public bool SwappingGroups_FlipsLiftAndKeepsPValues(CampaignGroup treated, CampaignGroup control)
    {
        var lift = Retention.Metrics.Campaigns.Lift(treated, control);
        var swapped = Retention.Metrics.Campaigns.Lift(control, treated);
        var z = Retention.Metrics.Campaigns.TwoProportionZTest(treated, control);
        var zs = Retention.Metrics.Campaigns.TwoProportionZTest(control, treated);
        var chi = Retention.Metrics.Campaigns.ChiSquaredTest(treated, control, yatesCorrection: true);
        var chis = Retention.Metrics.Campaigns.ChiSquaredTest(control, treated, yatesCorrection: true);
        var f = Retention.Metrics.Campaigns.FisherExactTest(treated, control);
        var fs = Retention.Metrics.Campaigns.FisherExactTest(control, treated);
        return lift.AbsoluteLift == -swapped.AbsoluteLift
            && Close(lift.AbsoluteLiftInterval.Lower, -swapped.AbsoluteLiftInterval.Upper, 1e-12, 1e-15)
            && Close(lift.AbsoluteLiftInterval.Upper, -swapped.AbsoluteLiftInterval.Lower, 1e-12, 1e-15)
            && z.Statistic == -zs.Statistic && z.PValue == zs.PValue
            && chi.Statistic == chis.Statistic && chi.PValue == chis.PValue
            && Close(f.PValue, fs.PValue, 1e-9, 1e-300)
            && OddsRatiosReciprocal(f.Estimate, fs.Estimate, f.PValue);
    }

    // ψ ↦ 1/ψ under a swap; when the margins allow a single table both estimates are 0 (R's convention) and p = 1.
    private static bool OddsRatiosReciprocal(double estimate, double swapped, double p)
    {
        if (estimate == 0 && swapped == 0) return p == 1;
        if (estimate == 0) return double.IsPositiveInfinity(swapped);
        if (double.IsPositiveInfinity(estimate)) return swapped == 0;
        return Close(estimate, 1 / swapped, 1e-6, 0);
    }

    [Property(Arbitrary = [typeof(CampaignArbitraries)])]
    public bool Intervals_ContainTheirEstimates(CampaignGroup treated, CampaignGroup control)
    {
        var lift = Retention.Metrics.Campaigns.Lift(treated, control);
        var fisher = Retention.Metrics.Campaigns.FisherExactTest(treated, control);
        bool relative = lift.RelativeLiftInterval is not { } r || (r.Lower <= lift.RelativeLift!.Value + 1e-12 && lift.RelativeLift.Value <= r.Upper + 1e-12);
        return lift.AbsoluteLiftInterval.Lower <= lift.AbsoluteLift + 1e-15 && lift.AbsoluteLift <= lift.AbsoluteLiftInterval.Upper + 1e-15
            && lift.AbsoluteLiftInterval.Lower >= -1 && lift.AbsoluteLiftInterval.Upper <= 1
            && relative
            && fisher.Interval.Lower <= fisher.Estimate && fisher.Estimate <= fisher.Interval.Upper;
    }

    [Property(Arbitrary = [typeof(CampaignArbitraries)])]
    public bool Welch_SwapNegatesTAndKeepsP(decimal[] a, decimal[] b)
    {
        if (a.Length < 2 || b.Length < 2) return true;
        var x = SpendStatistics.FromValues(a);
        var y = SpendStatistics.FromValues(b);
        var r = Retention.Metrics.Campaigns.WelchTTest(x, y);
        var s = Retention.Metrics.Campaigns.WelchTTest(y, x);
        return r.PValue >= 0 && r.PValue <= 1 && r.Statistic == -s.Statistic && Close(r.PValue, s.PValue, 1e-9, 1e-300);
    }

    [Property(Arbitrary = [typeof(CampaignArbitraries)])]
    public bool SpendStatistics_CombineOfSplit_EqualsWhole(decimal[] values, NonNegativeInt split)
    {
        int at = split.Get % (values.Length + 1);
        var whole = SpendStatistics.FromValues(values);
        var parts = SpendStatistics.Combine(SpendStatistics.FromValues(values.AsSpan(0, at)), SpendStatistics.FromValues(values.AsSpan(at)));
        return whole.Count == parts.Count && Close(whole.Mean, parts.Mean, 1e-12, 1e-9)
            && Close(whole.SumOfSquaredDeviations, parts.SumOfSquaredDeviations, 1e-9, 1e-6);
    }
}

public static class CampaignArbitraries
{
    public static Arbitrary<CampaignGroup> Groups() =>
        (from mailed in Gen.OneOf(Gen.Choose(1, 8), Gen.Choose(1, 3000))
         from responders in Gen.OneOf(Gen.Constant(0), Gen.Constant(mailed), Gen.Choose(0, mailed), Gen.Choose(0, Math.Min(mailed, 30)))
         select new CampaignGroup(mailed, responders, responders, 0m, 0m)).ToArbitrary();

    public static Arbitrary<decimal[]> Spend() =>
        Gen.OneOf(Gen.Constant(0m), Gen.Choose(1, 30_000).Select(v => (decimal)v)).ArrayOf().ToArbitrary();
}
