using FsCheck.Xunit;
using Retention.Metrics.Tests.Reference;
using static Retention.Metrics.Tests.Segmentation.SegmentationTestData;

namespace Retention.Metrics.Tests.Segmentation;

public class ConcentrationProperties
{
    [Property(Arbitrary = [typeof(SegmentationArbitraries)])]
    public bool Deciles_SharesSumToOneAndNeverIncrease(CustomerSummary[] summaries)
    {
        var r = Concentration.Rank(summaries);
        var d = r.Deciles();
        double sum = 0;
        long customers = 0;
        for (int g = 0; g < d.Rows.Length; g++)
        {
            sum += d.Rows[g].Share;
            customers += d.Rows[g].Customers;
            if (g > 0 && d.Rows[g].Share > d.Rows[g - 1].Share) return false;
            if (g > 0 && d.Rows[g].Customers > d.Rows[g - 1].Customers) return false;
        }
        bool zero = r.TotalAmount == 0m;
        return customers == summaries.Length && (zero ? sum == 0 : Math.Abs(sum - 1) < 1e-12);
    }

    [Property(Arbitrary = [typeof(SegmentationArbitraries)])]
    public bool Gini_InUnitIntervalAndMatchesMeanAbsoluteDifference(CustomerSummary[] summaries)
    {
        double g = Concentration.Rank(summaries).Gini;
        double oracle = ConcentrationReference.Gini(summaries.Select(s => s.TotalAmount).ToArray());
        return g >= 0 && g < 1 && Math.Abs(g - oracle) <= 1e-9;
    }

    [Property(Arbitrary = [typeof(SegmentationArbitraries)])]
    public bool Lorenz_MonotoneAndBelowDiagonal(CustomerSummary[] summaries)
    {
        var points = Concentration.Rank(summaries).Lorenz(20);
        for (int j = 1; j < points.Length; j++)
        {
            if (points[j].RevenueShare < points[j - 1].RevenueShare - 1e-12) return false;
            if (points[j].RevenueShare > points[j].CustomerShare + 1e-12) return false;
        }
        return true;
    }

    [Property(Arbitrary = [typeof(SegmentationArbitraries)])]
    public bool Abc_PartitionsCustomersAndSpend(CustomerSummary[] summaries)
    {
        var r = Concentration.Rank(summaries);
        var abc = r.Abc();
        long n = abc.Classes[0].Customers.Numerator + abc.Classes[1].Customers.Numerator + abc.Classes[2].Customers.Numerator;
        decimal amount = abc.Classes[0].Amount + abc.Classes[1].Amount + abc.Classes[2].Amount;
        return n == summaries.Length && amount == r.TotalAmount;
    }

    [Property(Arbitrary = [typeof(SegmentationArbitraries)])]
    public bool TopShare_And_CustomerShareFor_AreInverse(CustomerSummary[] summaries)
    {
        var r = Concentration.Rank(summaries);
        if (r.TotalAmount == 0m) return r.CustomerShareFor() == 0d;
        double x = r.CustomerShareFor(0.8);
        return Math.Abs(r.TopShare(x) - 0.8) < 1e-9;
    }

    [Fact]
    public void Deciles_SeededRandom_MatchNaiveReference()
    {
        var random = new Random(7);
        for (int n = 0; n <= 256; n++)
        {
            var rows = new (int Customer, decimal Spend)[n];
            var s = new CustomerSummary[n];
            for (int i = 0; i < n; i++)
            {
                int id = random.Next(0, 10_000);
                decimal spend = random.Next(0, 40) * 25m;
                rows[i] = (id, spend);
                s[i] = Summary(id, 1, 1, spend);
            }
            int groups = 1 + n % 12;
            var expected = ConcentrationReference.Deciles(rows, groups);
            var actual = Concentration.Rank(s).Deciles(groups);
            for (int g = 0; g < groups; g++)
            {
                Assert.Equal(expected[g].Customers, actual.Rows[g].Customers);
                Assert.Equal(expected[g].Amount, actual.Rows[g].Amount);
            }
        }
    }
}
