using FsCheck;
using FsCheck.Fluent;

namespace Retention.Metrics.Tests.Infrastructure;

/// <summary>FsCheck generators shared by the property tests: <c>[Property(Arbitrary = [typeof(RetentionArbitraries)])]</c>.</summary>
public static class RetentionArbitraries
{
    /// <summary>Small purchase sets: up to 12 customers, dates within ~2 years of 2023-01-01 (leap day 2024-02-29 included), amounts 0–999.99.</summary>
    public static Arbitrary<Purchase[]> Purchases()
    {
        Gen<Purchase> purchase =
            from customer in Gen.Choose(0, 11)
            from day in Gen.Choose(0, 800)
            from cents in Gen.Choose(0, 99_999)
            select new Purchase(customer, RandomHistories.Start.AddDays(day), cents / 100m);
        return purchase.ArrayOf().ToArbitrary();
    }
}
