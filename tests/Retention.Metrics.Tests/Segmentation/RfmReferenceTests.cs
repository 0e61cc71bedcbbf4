namespace Retention.Metrics.Tests.Segmentation;

/// <summary>Reference values from validation.md section H (R package rfm 0.3.0) on rfm_data_orders.csv, analysis date 2006-12-31.</summary>
public class RfmReferenceTests
{
    private static RfmResult Result => Rfm.Compute(RfmData.Orders, RfmData.AnalysisDate);

    private static RfmCustomer Customer(RfmResult result, string name)
    {
        Assert.True(RfmData.Index.TryGetIndex(name, out int id), name);
        foreach (var c in result.Customers)
        {
            if (c.Customer == id) return c;
        }
        throw new InvalidOperationException(name);
    }

    // RFM-2 (PEER-TEST rfm tests/testthat/test-rfm-table.R): Σ transaction_count = 4,906 over 995 customers.
    [Fact]
    public void Compute_RfmDataOrders_ReproducesRfm2()
    {
        var result = Result;
        long sum = 0;
        foreach (var c in result.Customers) sum += c.Frequency;
        Assert.Equal(995, result.Customers.Length);
        Assert.Equal(4906, sum);
        Assert.Equal(4906, result.TotalOrders);
    }

    // RFM-2 with the package's custom-threshold call (recency_bins = c(115, 181, 297, 482), …): Σ transaction_count still 4,906.
    [Fact]
    public void Compute_RfmDataOrdersWithPackageThresholds_ReproducesRfm2()
    {
        var options = new RfmOptions
        {
            RecencyScale = RfmScale.Thresholds(115, 181, 297, 482),
            FrequencyScale = RfmScale.Thresholds(4, 5, 6, 8),
            MonetaryScale = RfmScale.Thresholds(256, 382, 506, 666),
        };
        var result = Rfm.Compute(RfmData.Orders, RfmData.AnalysisDate, options);
        long sum = 0;
        foreach (var c in result.Customers) sum += c.Frequency;
        Assert.Equal(4906, sum);
        Assert.Equal([115d, 181, 297, 482], result.RecencyCutPoints.ToArray());
    }

    // The quintile cut-points behind the package's example thresholds (its documentation rounds them to
    // 115, 181, 297, 482 / 4, 5, 6, 8 / 256, 382, 506, 666): type-7 quantiles + 1.
    [Fact]
    public void Compute_RfmDataOrders_CutPointsAreType7QuantilesPlusOne()
    {
        var result = Result;
        AssertClose([115, 181, 297.4, 482], result.RecencyCutPoints);
        AssertClose([4, 5, 6, 8], result.FrequencyCutPoints);
        AssertClose([255.8, 382, 506.4, 666], result.MonetaryCutPoints);
    }

    // RFM-5 (PEER-TEST rfm tests/testthat/test-utils.R): bins(mtcars$mpg, 5) = 16.20, 18.92, 22.00, 25.08 (quantiles + 1).
    [Fact]
    public void Compute_MtcarsMpgAsMonetary_ReproducesRfm5()
    {
        double[] mpg =
        [
            21.0, 21.0, 22.8, 21.4, 18.7, 18.1, 14.3, 24.4, 22.8, 19.2, 17.8, 16.4, 17.3, 15.2, 10.4, 10.4,
            14.7, 32.4, 30.4, 33.9, 21.5, 15.5, 15.2, 13.3, 19.2, 27.3, 26.0, 30.4, 15.8, 19.7, 15.0, 21.4,
        ];
        var totals = new decimal[mpg.Length];
        for (int i = 0; i < mpg.Length; i++) totals[i] = (decimal)mpg[i];
        var result = Rfm.Compute(SegmentationTestData.WithSpend(totals));
        AssertClose([16.20, 18.92, 22.00, 25.08], result.MonetaryCutPoints);
    }

    // PEER-TEST rfm tests/testthat/test-rfm-segment.R: the standard 10-segment table gives Champions 158 customers,
    // 1,234 orders, revenue 120,178.
    [Fact]
    public void Compute_RfmDataOrders_ReproducesChampionsSummary()
    {
        var champions = Result.Segments[0];
        Assert.Equal("Champions", champions.Name);
        Assert.Equal(158, champions.Customers.Numerator);
        Assert.Equal(1234, champions.Orders.Numerator);
        Assert.Equal(120178m, champions.Revenue);
    }

    // Same test file: the first ten customers' segments. That file's copy of the data spells four names with a suffix
    // ("Abbey O'Reilly DVM", "Aden Lesch Sr.", "Aiyanna Bruen PhD", "Ala Schmidt DDS"); the bundled export has them without.
    [Theory]
    [InlineData("Abbey O'Reilly", "Loyal Customers")]
    [InlineData("Add Senger", "Potential Loyalist")]
    [InlineData("Aden Lesch", "Potential Loyalist")]
    [InlineData("Admiral Senger", "Loyal Customers")]
    [InlineData("Agness O'Keefe", "Champions")]
    [InlineData("Aileen Barton", "Champions")]
    [InlineData("Ailene Hermann", "Loyal Customers")]
    [InlineData("Aiyanna Bruen", "Potential Loyalist")]
    [InlineData("Ala Schmidt", "About To Sleep")]
    [InlineData("Alannah Borer", "Lost")]
    public void Compute_RfmDataOrders_ReproducesPackageSegments(string name, string segment)
    {
        var result = Result;
        Assert.Equal(segment, result.SegmentName(Customer(result, name)));
    }

    // Agness O'Keefe: last order 90 days before 2006-12-31, 9 orders, 843 → cell 555.
    [Fact]
    public void Compute_RfmDataOrders_CustomerValuesAndCell()
    {
        var c = Customer(Result, "Agness O'Keefe");
        Assert.Equal(90, c.RecencyDays);
        Assert.Equal(9, c.Frequency);
        Assert.Equal(843m, c.Monetary);
        Assert.Equal(555, c.Cell);
    }

    [Fact]
    public void Compute_RfmDataOrders_SegmentsCoverEveryCustomerOrderAndYen()
    {
        var result = Result;
        long customers = 0, orders = 0;
        decimal revenue = 0m;
        double share = 0;
        foreach (var s in result.Segments)
        {
            customers += s.Customers.Numerator;
            orders += s.Orders.Numerator;
            revenue += s.Revenue;
            share += s.RevenueShare;
        }
        Assert.Equal(995, customers);
        Assert.Equal(4906, orders);
        Assert.Equal(RfmData.Orders.TotalAmount, revenue);
        Assert.Equal(1d, share, 1e-12);
    }

    private static void AssertClose(double[] expected, ReadOnlySpan<double> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(actual[i] - expected[i]) <= 1e-9 * Math.Abs(expected[i]), $"[{i}] {actual[i]} vs {expected[i]}");
    }
}
