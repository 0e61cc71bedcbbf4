using FsCheck.Xunit;

namespace Retention.Metrics.Tests.Segmentation;

public class CpmProperties
{
    [Property(Arbitrary = [typeof(SegmentationArbitraries)])]
    public bool Classify_EveryCustomerInExactlyOneSegment(CustomerSummary[] summaries)
    {
        var r = Cpm.Classify(summaries);
        long customers = 0;
        decimal revenue = 0m;
        foreach (CpmSegment s in Enum.GetValues<CpmSegment>())
        {
            customers += r.Summary(s).Customers.Numerator;
            revenue += r.Summary(s).Revenue;
            foreach (int id in r.CustomersOf(s))
            {
                if (r.Customers[id].Segment != s) return false; // the generator's customer ids equal their positions
            }
        }
        decimal total = 0m;
        foreach (var s in summaries) total += s.TotalAmount;
        return customers == summaries.Length && revenue == total;
    }
}
