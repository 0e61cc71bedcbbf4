namespace Retention.Metrics.Tests.Summaries;

/// <summary>Allocation budgets: the summary pass allocates nothing per call, the history holds 12 bytes per purchase and 8 per customer.</summary>
public class SummaryAllocationTests
{
    private const int Purchases = 100_000;
    private static readonly Purchase[] s_purchases = SampleShop.Generate(Purchases);
    private static readonly PurchaseHistory s_history = PurchaseHistory.Create(s_purchases);

    private static DateOnly AsOf => s_history.LastDate;

    [Fact]
    public void Totals_AfterWarmUp_AllocatesNothing()
    {
        SummaryTotals warmUp = Metrics.Summaries.Totals(s_history, AsOf);
        long before = GC.GetAllocatedBytesForCurrentThread();
        SummaryTotals totals = Metrics.Summaries.Totals(s_history, AsOf);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(warmUp, totals);
    }

    [Fact]
    public void Compute_IntoDestinationAfterWarmUp_AllocatesNothing()
    {
        var destination = new CustomerSummary[s_history.CustomerCount];
        Metrics.Summaries.Compute(s_history, AsOf, destination);
        long before = GC.GetAllocatedBytesForCurrentThread();
        int written = Metrics.Summaries.Compute(s_history, AsOf, destination);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(s_history.CustomerCount, written);
    }

    [Fact]
    public void Compute_EarlierAsOf_AllocatesNothing()
    {
        var destination = new CustomerSummary[s_history.CustomerCount];
        DateOnly asOf = s_history.FirstDate.AddYears(1);
        Metrics.Summaries.Compute(s_history, asOf, destination);
        long before = GC.GetAllocatedBytesForCurrentThread();
        Metrics.Summaries.Compute(s_history, asOf, destination);
        Metrics.Summaries.Totals(s_history, asOf);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    // Memory target: at most 24 bytes per purchase + 8 per customer. The history's arrays are 4 (day) + 8 (amount units)
    // bytes per purchase and 4 (start) + 4 (id) per customer, plus one start and the array headers.
    [Fact]
    public void Create_HistoryArrays_TwelveBytesPerPurchaseEightPerCustomer()
    {
        PurchaseHistory history = s_history;
        int n = history.Count, customers = history.CustomerCount;
        Assert.Equal(n, history.DayArray.Length);
        Assert.Equal(n, history.UnitArray.Length);
        Assert.Equal(customers + 1, history.StartArray.Length);
        Assert.Equal(customers, history.CustomerIds.Length);
        long arrays = 4L * history.DayArray.Length + 8L * history.UnitArray.Length + 4L * history.StartArray.Length + 4L * history.CustomerIds.Length;
        Assert.Equal(12L * n + 8L * customers + 4, arrays);
    }

    // The same, measured with the allocation counter: everything Create allocates on this thread, kept and temporary.
    // Kept: the history's 12 bytes per purchase + 8 per customer. Temporary: the counters per customer index (4 bytes each,
    // and a small count per group of 1,024 indexes) and the columns of the largest block while it is sorted (at most 12 bytes
    // per purchase). Nothing is allocated per record: an allocation per record would add ≥ 2.4 MB here, beyond the upper bound.
    [Fact]
    public void Create_AllocatedBytes_HistoryArraysPlusBlockBuffersOnly()
    {
        PurchaseHistory.Create(s_purchases.AsSpan(0, 1_000)); // warm-up
        long before = GC.GetAllocatedBytesForCurrentThread();
        PurchaseHistory history = PurchaseHistory.Create(s_purchases);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        long n = history.Count, customers = history.CustomerCount;
        long kept = 12 * n + 8 * customers;
        Assert.InRange(allocated, kept + 4 * customers, kept + 16 * customers + 12 * n);
        Assert.True(allocated < kept + 16 * n, "less than the 16-byte staging copy per purchase a builder keeps");
    }
}
