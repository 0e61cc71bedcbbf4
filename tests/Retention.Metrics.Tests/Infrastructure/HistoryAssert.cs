namespace Retention.Metrics.Tests.Infrastructure;

/// <summary>Comparisons of two histories.</summary>
public static class HistoryAssert
{
    /// <summary>The same purchases: customers, runs, days, and amounts by value (whatever the amount scale).</summary>
    public static void Equal(PurchaseHistory expected, PurchaseHistory actual)
    {
        Assert.Equal(expected.CustomerIds.ToArray(), actual.CustomerIds.ToArray());
        Assert.Equal(expected.CustomerStarts.ToArray(), actual.CustomerStarts.ToArray());
        Assert.Equal(expected.DayNumbers.ToArray(), actual.DayNumbers.ToArray());
        Assert.Equal(expected.TotalAmount, actual.TotalAmount);
        for (int i = 0; i < expected.Count; i++)
            Assert.Equal(expected.ToAmount(expected.AmountUnits[i]), actual.ToAmount(actual.AmountUnits[i]));
    }

    /// <summary>Identical histories: every column, the amount scale and the total.</summary>
    public static void Same(PurchaseHistory expected, PurchaseHistory actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.AmountScale, actual.AmountScale);
        Assert.Equal(expected.TotalAmount, actual.TotalAmount);
        Assert.Equal(expected.CustomerIds.ToArray(), actual.CustomerIds.ToArray());
        Assert.Equal(expected.CustomerStarts.ToArray(), actual.CustomerStarts.ToArray());
        Assert.Equal(expected.DayNumbers.ToArray(), actual.DayNumbers.ToArray());
        Assert.Equal(expected.AmountUnits.ToArray(), actual.AmountUnits.ToArray());
    }
}
