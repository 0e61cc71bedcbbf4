using FsCheck;
using FsCheck.Xunit;
using Retention.Metrics.Tests.Infrastructure;
using Ltv = global::Retention.Metrics.Lifetime;

namespace Retention.Metrics.Tests.Lifetime;

public class LifetimeProperties
{
    private static readonly DateOnly s_asOf = RandomHistories.Start.AddDays(600);

    // Purchases after asOf are dropped so that asOf never precedes a history's first purchase.
    private static PurchaseHistory Build(IEnumerable<Purchase> purchases) => PurchaseHistory.Create(purchases.Where(p => p.Date <= s_asOf).ToArray());

    [Property(Arbitrary = [typeof(RetentionArbitraries)])]
    public bool Historical_CombineOfCustomerSplit_EqualsWhole(Purchase[] purchases, NonNegativeInt split)
    {
        int at = split.Get % 12;
        LtvResult whole = Ltv.Historical(Build(purchases), s_asOf);
        LtvResult parts = LtvResult.Combine(
            Ltv.Historical(Build(purchases.Where(p => p.Customer < at)), s_asOf),
            Ltv.Historical(Build(purchases.Where(p => p.Customer >= at)), s_asOf));
        return whole == parts;
    }

    [Property(Arbitrary = [typeof(RetentionArbitraries)])]
    public bool Contribution_CombineOfCustomerSplit_EqualsWhole(Purchase[] purchases, NonNegativeInt split)
    {
        int at = split.Get % 12;
        var costs = new ContributionCosts { MarginRate = 0.55, PaymentFeeRate = 0.03, PaymentFeePerOrder = 10m, ShippingPerOrder = 500m, PointsRate = 0.01 };
        ContributionLtvResult whole = Ltv.Contribution(Build(purchases), s_asOf, costs);
        ContributionLtvResult parts = ContributionLtvResult.Combine(
            Ltv.Contribution(Build(purchases.Where(p => p.Customer < at)), s_asOf, costs),
            Ltv.Contribution(Build(purchases.Where(p => p.Customer >= at)), s_asOf, costs));
        return whole == parts;
    }

    [Property(Arbitrary = [typeof(RetentionArbitraries)])]
    public bool LtvFunctions_ScaleLinearlyWithAmounts(Purchase[] purchases, PositiveInt factor)
    {
        decimal c = 1 + factor.Get % 50;
        PurchaseHistory plain = Build(purchases), scaled = Build(purchases.Select(p => p with { Amount = p.Amount * c }));
        DateOnly asOf = s_asOf;
        if (Ltv.Historical(scaled, asOf).Revenue != c * Ltv.Historical(plain, asOf).Revenue) return false;
        if (Ltv.AnnualPeriod(scaled, asOf).Revenue != c * Ltv.AnnualPeriod(plain, asOf).Revenue) return false;
        CohortLtvResult a = Ltv.ByCohort(plain, asOf, [3, 12]), b = Ltv.ByCohort(scaled, asOf, [3, 12]);
        for (int k = 0; k < a.CohortCount; k++)
            for (int h = 0; h < 2; h++)
                if (b.Cell(k, h).Revenue != c * a.Cell(k, h).Revenue) return false;
        return true;
    }

    [Property(Arbitrary = [typeof(RetentionArbitraries)])]
    public bool ByCohort_CellsNonDecreasingInHorizon_AndPooledUncensored(Purchase[] purchases)
    {
        CohortLtvResult table = Ltv.ByCohort(Build(purchases), s_asOf, [1, 3, 6, 12, 24]);
        long members = 0;
        for (int k = 0; k < table.CohortCount; k++)
        {
            members += table.CohortSize(k);
            for (int h = 1; h < 5; h++)
            {
                if (table.Cell(k, h).Revenue < table.Cell(k, h - 1).Revenue) return false;
                if (table.IsCensored(k, h - 1) && !table.IsCensored(k, h)) return false;
            }
        }
        return members == Ltv.Historical(Build(purchases), s_asOf).Customers || purchases.Length == 0;
    }
}
