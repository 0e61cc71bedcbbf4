using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Retention.Metrics.Tests.Reference;
using static Retention.Metrics.Tests.Segmentation.SegmentationTestData;

namespace Retention.Metrics.Tests.Segmentation;

/// <summary>FsCheck generators for the segmentation properties.</summary>
public static class SegmentationArbitraries
{
    /// <summary>Up to ~40 customers with recency 0–400 days, 1–12 orders and spend 0–50,000 in steps of 0.5 (many ties).</summary>
    public static Arbitrary<CustomerSummary[]> Summaries()
    {
        Gen<CustomerSummary> one =
            from days in Gen.Choose(0, 400)
            from orders in Gen.Choose(1, 12)
            from halves in Gen.Choose(0, 100_000)
            select Summary(0, days, orders, halves / 2m);
        return one.ArrayOf().Select(a =>
        {
            for (int i = 0; i < a.Length; i++) a[i] = Summary(i, a[i].DaysSinceLastPurchase, a[i].Orders, a[i].TotalAmount);
            return a;
        }).ToArbitrary();
    }

    public static Arbitrary<RfmScale> Scales() =>
        Gen.OneOf(
            Gen.Choose(1, 9).Select(k => RfmScale.Quantiles(k)),
            Gen.Choose(1, 9).Select(k => RfmScale.EqualCount(k)),
            Gen.Choose(0, 8).Select(c =>
            {
                var cuts = new double[c];
                for (int i = 0; i < c; i++) cuts[i] = (i + 1) * 3000d;
                return RfmScale.Thresholds(cuts);
            })).ToArbitrary();
}

public class RfmProperties
{
    [Property(Arbitrary = [typeof(SegmentationArbitraries)])]
    public bool Compute_EveryCustomer_ExactlyOneSegmentAndScoresInRange(CustomerSummary[] summaries, RfmScale scale)
    {
        var options = new RfmOptions { RecencyScale = scale, FrequencyScale = scale, MonetaryScale = scale };
        var r = Rfm.Compute(summaries, options);
        if (r.Customers.Length != summaries.Length) return false;
        long inSegments = 0;
        foreach (var s in r.Segments) inSegments += s.Customers.Numerator;
        if (inSegments != summaries.Length) return false;
        for (int i = 0; i < summaries.Length; i++)
        {
            var c = r.Customers[i];
            if (c.Customer != summaries[i].Customer) return false;
            if (c.RecencyScore < 1 || c.RecencyScore > scale.Scores) return false;
            if (c.FrequencyScore < 1 || c.FrequencyScore > scale.Scores) return false;
            if (c.MonetaryScore < 1 || c.MonetaryScore > scale.Scores) return false;
            if (c.Segment != options.Segments.Match(c.RecencyScore, c.FrequencyScore, c.MonetaryScore)) return false;
        }
        return true;
    }

    [Property(Arbitrary = [typeof(SegmentationArbitraries)])]
    public bool Compute_RaisingOneCustomersSpend_NeverLowersTheirMonetaryScore(CustomerSummary[] summaries, RfmScale scale,
        NonNegativeInt which, PositiveInt raiseHalves)
    {
        if (summaries.Length == 0) return true;
        int i = which.Get % summaries.Length;
        var options = new RfmOptions { MonetaryScale = scale };
        int before = Rfm.Compute(summaries, options).Customers[i].MonetaryScore;
        var raised = (CustomerSummary[])summaries.Clone();
        var s = raised[i];
        raised[i] = Summary(s.Customer, s.DaysSinceLastPurchase, s.Orders, s.TotalAmount + raiseHalves.Get / 2m);
        int after = Rfm.Compute(raised, options).Customers[i].MonetaryScore;
        return after >= before;
    }

    [Property(Arbitrary = [typeof(SegmentationArbitraries)])]
    public bool Compute_MoreRecentPurchase_NeverLowersRecencyScore(CustomerSummary[] summaries, RfmScale scale, NonNegativeInt which)
    {
        if (summaries.Length == 0) return true;
        int i = which.Get % summaries.Length;
        var options = new RfmOptions { RecencyScale = scale };
        int before = Rfm.Compute(summaries, options).Customers[i].RecencyScore;
        var moved = (CustomerSummary[])summaries.Clone();
        var s = moved[i];
        moved[i] = Summary(s.Customer, s.DaysSinceLastPurchase / 2, s.Orders, s.TotalAmount);
        return Rfm.Compute(moved, options).Customers[i].RecencyScore >= before;
    }

    [Property(Arbitrary = [typeof(SegmentationArbitraries)])]
    public bool Compute_PermutingCustomers_ChangesNoCustomersScores(CustomerSummary[] summaries, RfmScale scale, int seed)
    {
        var options = new RfmOptions { RecencyScale = scale, FrequencyScale = scale, MonetaryScale = scale };
        var shuffled = (CustomerSummary[])summaries.Clone();
        new Random(seed).Shuffle(shuffled);
        var a = Rfm.Compute(summaries, options).Customers.ToArray().OrderBy(c => c.Customer);
        var b = Rfm.Compute(shuffled, options).Customers.ToArray().OrderBy(c => c.Customer);
        return a.SequenceEqual(b);
    }

    [Fact]
    public void Compute_SeededRandom_MatchesNaiveReference()
    {
        var random = new Random(20250331);
        for (int n = 0; n <= 256; n++)
        {
            var s = new CustomerSummary[n];
            for (int i = 0; i < n; i++) s[i] = Summary(i, random.Next(0, 500), random.Next(1, 15), random.Next(0, 2000) / 4m);
            double[] r = s.Select(x => (double)x.DaysSinceLastPurchase).ToArray();
            double[] f = s.Select(x => (double)x.Orders).ToArray();
            double[] m = s.Select(x => (double)x.TotalAmount).ToArray();
            int k = 1 + n % 9;

            var q = Rfm.Compute(s, new RfmOptions { RecencyScale = RfmScale.Quantiles(k), FrequencyScale = RfmScale.Quantiles(k), MonetaryScale = RfmScale.Quantiles(k) });
            Assert.Equal(SegmentationReference.QuantileScores(r, k, true), RecencyScores(q));
            Assert.Equal(SegmentationReference.QuantileScores(f, k, false), FrequencyScores(q));
            Assert.Equal(SegmentationReference.QuantileScores(m, k, false), MonetaryScores(q));

            var e = Rfm.Compute(s, new RfmOptions { RecencyScale = RfmScale.EqualCount(k), FrequencyScale = RfmScale.EqualCount(k), MonetaryScale = RfmScale.EqualCount(k) });
            Assert.Equal(SegmentationReference.EqualCountScores(r, k, true), RecencyScores(e));
            Assert.Equal(SegmentationReference.EqualCountScores(f, k, false), FrequencyScores(e));
            Assert.Equal(SegmentationReference.EqualCountScores(m, k, false), MonetaryScores(e));
        }
    }
}
