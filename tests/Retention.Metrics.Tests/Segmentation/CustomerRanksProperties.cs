using FsCheck;
using FsCheck.Xunit;
using Retention.Metrics.Tests.Infrastructure;

namespace Retention.Metrics.Tests.Segmentation;

public class CustomerRanksProperties
{
    private static readonly decimal[] Tiers = [500m, 2_000m, 8_000m];

    [Property(Arbitrary = [typeof(RetentionArbitraries)])]
    public bool Transitions_MatrixCountsEveryCustomerOnceAndMatchesSingleDateTiers(Purchase[] purchases, NonNegativeInt gap)
    {
        var history = PurchaseHistory.Create(purchases);
        if (history.IsEmpty) return true;
        DateOnly to = history.LastDate;
        DateOnly from = to.AddDays(-(gap.Get % 400));
        var t = CustomerRanks.Transitions(history, from, to, Tiers);
        var atTo = CustomerRanks.Compute(history, to, Tiers);
        long sum = 0;
        for (int a = 0; a < t.TierCount; a++)
            for (int b = 0; b < t.TierCount; b++) sum += t.Count(a, b);
        if (sum != t.Customers.Length || sum != atTo.Customers.Length) return false;
        if (t.Up.Numerator + t.Down.Numerator + t.Same.Numerator != sum) return false;
        for (int i = 0; i < t.Customers.Length; i++)
        {
            if (t.Customers[i].ToRank != atTo.Customers[i].Rank) return false;
        }
        return true;
    }
}
