using Retention.Metrics.Tests.Infrastructure;

namespace Retention.Metrics.Tests.Summaries;

/// <summary>Reference values from validation.md section G (lifetimes and BTYD runs on the CDNOW files).</summary>
public class SummariesReferenceTests
{
    private static readonly DateOnly CalibrationEnd = new(1997, 9, 30);
    private static readonly DateOnly HoldoutEnd = new(1998, 6, 30);

    private static CustomerSummary SummaryOf(CustomerSummary[] all, int id) => Array.Find(all, s => s.Customer == id);

    // SUM-1: per-customer (frequency, recency, T, monetary) in weeks, cut at 1997-09-30.
    [Theory]
    [InlineData(1, 2, 30.428571428571429, 38.857142857142857, "22.345")]
    [InlineData(2, 1, 1.714285714285714, 38.857142857142857, "11.77")]
    [InlineData(6, 7, 29.428571428571429, 38.857142857142857, "73.741428571428571428571428571")]
    [InlineData(9, 2, 35.714285714285714, 38.857142857142857, "25.55")]
    [InlineData(1516, 26, 30.857142857142857, 31, "39.97")]
    [InlineData(2357, 0, 0, 27, "0")]
    public void Compute_CdnowSample_ReproducesSum1(int id, int frequency, double recencyWeeks, double ageWeeks, string monetary)
    {
        var summaries = Metrics.Summaries.Compute(TestData.History(TestData.CdnowSample), CalibrationEnd);
        var s = SummaryOf(summaries, id);
        Assert.Equal(frequency, s.Frequency);
        Assert.Equal(recencyWeeks, s.Recency(TimeUnit.Weeks), 1e-9);
        Assert.Equal(ageWeeks, s.Age(TimeUnit.Weeks), 1e-9);
        Assert.Equal(decimal.Parse(monetary, System.Globalization.CultureInfo.InvariantCulture), s.MeanRepeatAmount, 20);
    }

    // SUM-1 totals: Σ frequency = 2,457; customers with frequency > 0 = 946; 2,357 customers.
    [Fact]
    public void Totals_CdnowSample_ReproducesSum1Totals()
    {
        var totals = Metrics.Summaries.Totals(TestData.History(TestData.CdnowSample), CalibrationEnd);
        Assert.Equal(2357, totals.Customers);
        Assert.Equal(2457, totals.RepeatPurchases);
        Assert.Equal(946, totals.RepeatCustomers);
    }

    // SUM-2: (frequency, recency, T) in days.
    [Theory]
    [InlineData(1, 2, 213, 272)]
    [InlineData(6, 7, 206, 272)]
    [InlineData(1516, 26, 216, 217)]
    public void Compute_CdnowSampleInDays_ReproducesSum2(int id, int frequency, int recency, int age)
    {
        var s = SummaryOf(Metrics.Summaries.Compute(TestData.History(TestData.CdnowSample), CalibrationEnd), id);
        Assert.Equal((frequency, recency, age), (s.Frequency, s.RecencyDays, s.AgeDays));
        Assert.Equal((double)recency, s.Recency(TimeUnit.Days));
    }

    // SUM-4: holdout repeat transactions Σ = 1,882; ID1 1, ID6 8, ID1516 15; duration 39 weeks.
    [Fact]
    public void ComputeWithHoldout_CdnowSample_ReproducesSum4()
    {
        var all = Metrics.Summaries.ComputeWithHoldout(TestData.History(TestData.CdnowSample), CalibrationEnd, HoldoutEnd);
        Assert.Equal(2357, all.Length);
        Assert.Equal(1882, all.Sum(h => h.HoldoutPurchaseDays));
        Assert.Equal(1, all.Single(h => h.Calibration.Customer == 1).HoldoutPurchaseDays);
        Assert.Equal(8, all.Single(h => h.Calibration.Customer == 6).HoldoutPurchaseDays);
        Assert.Equal(15, all.Single(h => h.Calibration.Customer == 1516).HoldoutPurchaseDays);
        Assert.All(all, h => Assert.Equal(39d, h.HoldoutDuration(TimeUnit.Weeks), 12));
    }

    // SUM-5: CDNOW_master to 1998-06-30: 23,570 customers; 69,659 rows; $2,500,315.63; Σ repeat occasions 44,021;
    // repeat rate by distinct days 11,516 / 23,570; by rows 0.494781502.
    [Fact]
    public void Totals_CdnowMaster_ReproducesSum5()
    {
        var history = TestData.History(TestData.CdnowMaster);
        var totals = Metrics.Summaries.Totals(history, HoldoutEnd);
        Assert.Equal(23570, totals.Customers);
        Assert.Equal(69659, totals.Orders);
        Assert.Equal(2500315.63m, totals.TotalAmount);
        Assert.Equal(2500315.63m, history.TotalAmount);
        Assert.Equal(44021, totals.RepeatPurchases);
        Assert.Equal(new Rate(11516, 23570), totals.RepeatCustomerRate);
        Assert.Equal(0.488587187, totals.RepeatCustomerRate.Value, 9);
        Assert.Equal(0.494781502, totals.MultiOrderCustomerRate.Value, 9);
    }

    // SUM-7: full sample period, repeat rate (frequency > 0) = 1,139 of 2,357 = 0.483241.
    [Fact]
    public void Totals_CdnowSampleFullPeriod_ReproducesSum7()
    {
        var totals = Metrics.Summaries.Totals(TestData.History(TestData.CdnowSample), HoldoutEnd);
        Assert.Equal(new Rate(1139, 2357), totals.RepeatCustomerRate);
        Assert.Equal(0.483241, totals.RepeatCustomerRate.Value, 6);
    }
}
