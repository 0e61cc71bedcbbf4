using System.Text.Json;

namespace Retention.Metrics.Tests.Cli;

public class OrderCommandTests : CommandTestBase
{
    private static readonly DateOnly AsOf = new(2024, 4, 1);

    [Fact]
    public void Summary_OrdersFile_MatchesSummariesCompute()
    {
        JsonElement rows = Json("summary", "--orders", File("orders.csv", Orders)).GetProperty("customers");
        CustomerSummary[] expected = Metrics.Summaries.Compute(OrdersHistory(), AsOf);
        Assert.Equal(expected.Length, rows.GetArrayLength());
        string[] keys = ["a", "b", "c", "d"];
        for (int i = 0; i < expected.Length; i++)
        {
            JsonElement row = rows[i];
            Assert.Equal(keys[expected[i].Customer], row.GetProperty("customer").GetString());
            Assert.Equal(expected[i].Frequency, row.GetProperty("frequency").GetInt32());
            Assert.Equal(expected[i].RecencyDays, row.GetProperty("recencyDays").GetInt32());
            Assert.Equal(expected[i].AgeDays, row.GetProperty("ageDays").GetInt32());
            Assert.Equal(expected[i].TotalAmount, row.GetProperty("totalAmount").GetDecimal());
            Assert.Equal(expected[i].RepeatAmount, row.GetProperty("repeatAmount").GetDecimal());
            Assert.Equal(expected[i].FirstPurchase.ToString("yyyy-MM-dd"), row.GetProperty("firstPurchase").GetString());
        }
        Assert.Equal(38.25m, rows[0].GetProperty("totalAmount").GetDecimal()); // a: 10 + 20 + 8.25
    }

    [Fact]
    public void Summary_Holdout_MatchesComputeWithHoldout()
    {
        JsonElement rows = Json("summary", "--orders", File("orders.csv", Orders), "--as-of", "2024-01-31", "--holdout-end", "2024-04-30").GetProperty("customers");
        HoldoutSummary[] expected = Metrics.Summaries.ComputeWithHoldout(OrdersHistory(), new DateOnly(2024, 1, 31), new DateOnly(2024, 4, 30));
        Assert.Equal(expected.Length, rows.GetArrayLength());
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].HoldoutOrders, rows[i].GetProperty("holdoutOrders").GetInt32());
            Assert.Equal(expected[i].HoldoutAmount, rows[i].GetProperty("holdoutAmount").GetDecimal());
            Assert.Equal(expected[i].Calibration.Orders, rows[i].GetProperty("orders").GetInt32());
        }
        Assert.Equal(28.25m, rows[0].GetProperty("holdoutAmount").GetDecimal()); // a after January: 20 + 8.25
    }

    [Fact]
    public void Summary_Totals_MatchesSummariesTotals()
    {
        JsonElement row = Json("summary", "--orders", File("orders.csv", Orders), "--totals").GetProperty("totals")[0];
        SummaryTotals t = Metrics.Summaries.Totals(OrdersHistory(), AsOf);
        Assert.Equal(t.Customers, row.GetProperty("customers").GetInt64());
        Assert.Equal(t.Orders, row.GetProperty("orders").GetInt64());
        Assert.Equal(t.RepeatCustomers, row.GetProperty("repeatCustomers").GetInt64());
        Assert.Equal(69.75m, row.GetProperty("totalAmount").GetDecimal());
        Near(t.RepeatCustomerRate.Value, row.GetProperty("repeatCustomerRate").GetDouble());
    }

    [Fact]
    public void Repeat_Monthly_MatchesPeriodSeries()
    {
        JsonElement rows = Json("repeat", "--orders", File("orders.csv", Orders), "--period", "month").GetProperty("periods");
        RepeatSeries expected = Metrics.Repeat.PeriodSeries(OrdersHistory(), new DateOnly(2024, 1, 1), AsOf, PeriodUnit.Month);
        Assert.Equal(expected.Count, rows.GetArrayLength());
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Buyers, rows[i].GetProperty("buyers").GetInt64());
            Assert.Equal(expected[i].NewBuyers, rows[i].GetProperty("newBuyers").GetInt64());
            Assert.Equal(expected[i].Revenue, rows[i].GetProperty("revenue").GetDecimal());
            Near(expected[i].Retention.Value, rows[i].GetProperty("retention").GetDouble());
        }
        Assert.Equal(3, rows[0].GetProperty("buyers").GetInt64()); // a, b, c in January
    }

    [Fact]
    public void F2_Window_MatchesF2Conversion()
    {
        JsonElement rows = Json("f2", "--orders", File("orders.csv", Orders), "--window", "45", "--cohort", "month").GetProperty("cohorts");
        ConversionResult expected = Metrics.Repeat.F2Conversion(OrdersHistory(), AsOf, 45, PeriodUnit.Month);
        Assert.Equal(expected.Count + 1, rows.GetArrayLength());
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Start.ToString("yyyy-MM-dd"), rows[i].GetProperty("cohort").GetString());
            Assert.Equal(expected[i].Eligible, rows[i].GetProperty("eligible").GetInt64());
            Assert.Equal(expected[i].Converted, rows[i].GetProperty("converted").GetInt64());
        }
        JsonElement total = rows[expected.Count];
        Assert.Equal("total", total.GetProperty("cohort").GetString());
        Assert.Equal(expected.Total.Converted, total.GetProperty("converted").GetInt64());
        Near(expected.Total.Rate.Value, total.GetProperty("rate").GetDouble());
    }

    [Fact]
    public void Dormant_DaysAndSince_MatchesClassifyAndTransition()
    {
        JsonElement root = Json("dormant", "--orders", File("orders.csv", Orders), "--days", "40", "--since", "2024-02-15");
        DormancyStatus status = Metrics.Dormancy.Classify(OrdersHistory(), AsOf, 40);
        JsonElement s = root.GetProperty("status")[0];
        Assert.Equal(status.Active, s.GetProperty("active").GetInt64());
        Assert.Equal(status.Dormant, s.GetProperty("dormant").GetInt64());
        DormancyTransition t = Metrics.Dormancy.Transition(OrdersHistory(), new DateOnly(2024, 2, 15), AsOf, 40);
        JsonElement tr = root.GetProperty("transition")[0];
        Assert.Equal(t.ActiveAtStart, tr.GetProperty("activeAtStart").GetInt64());
        Assert.Equal(t.Reactivated, tr.GetProperty("reactivated").GetInt64());
        Assert.Equal(t.ReactivatedRevenue, tr.GetProperty("reactivatedRevenue").GetDecimal());
    }

    [Fact]
    public void Dormant_List_IsTheDormantCustomersBySpend()
    {
        JsonElement rows = Json("dormant", "--orders", File("orders.csv", Orders), "--days", "40", "--list").GetProperty("customers");
        CustomerSummary[] expected = Metrics.Dormancy.DormantCustomers(OrdersHistory(), AsOf, 40);
        Assert.Equal(expected.Length, rows.GetArrayLength());
        Assert.Equal("d", rows[0].GetProperty("customer").GetString());
        Assert.Equal("c", rows[1].GetProperty("customer").GetString());
    }

    [Fact]
    public void Cohorts_CustomersMeasure_MatchesCohortTable()
    {
        JsonElement rows = Json("cohorts", "--orders", File("orders.csv", Orders), "--measure", "customers", "--mode", "on-or-after").GetProperty("cohorts");
        CohortTable expected = Metrics.Cohorts.Compute(OrdersHistory(), AsOf, new CohortOptions { Unit = PeriodUnit.Month, Retention = CohortRetention.OnOrAfter });
        Assert.Equal(expected.CohortCount, rows.GetArrayLength());
        for (int c = 0; c < expected.CohortCount; c++)
        {
            Assert.Equal(expected.CohortSizes[c], rows[c].GetProperty("size").GetInt64());
            for (int p = 0; p < expected.PeriodCount; p++)
            {
                JsonElement cell = rows[c].GetProperty($"p{p}");
                if (expected.State(c, p) == CohortCellState.NotStarted) Assert.Equal(JsonValueKind.Null, cell.ValueKind);
                else Assert.Equal(expected.Active(c, p), cell.GetInt64());
            }
        }
        Assert.Equal(3, rows[0].GetProperty("p0").GetInt64());
    }

    [Fact]
    public void Cohorts_Retention_IsTheShareOfTheCohort()
    {
        JsonElement rows = Json("cohorts", "--orders", File("orders.csv", Orders)).GetProperty("cohorts");
        CohortTable expected = Metrics.Cohorts.Compute(OrdersHistory(), AsOf, new CohortOptions { Unit = PeriodUnit.Month });
        Near(expected.Retention(0, 1).Value, rows[0].GetProperty("p1").GetDouble());
        Near(1d / 3d, rows[0].GetProperty("p1").GetDouble()); // of a, b, c only a buys in February
    }

    [Fact]
    public void Rfm_EqualCount_MatchesRfmCompute()
    {
        string path = File("orders.csv", Orders);
        var options = new RfmOptions { RecencyScale = RfmScale.EqualCount(2), FrequencyScale = RfmScale.EqualCount(2), MonetaryScale = RfmScale.EqualCount(2) };
        RfmResult expected = Rfm.Compute(OrdersHistory(), AsOf, options);
        JsonElement segments = Json("rfm", "--orders", path, "--scheme", "equal-count", "--scores", "2").GetProperty("segments");
        Assert.Equal(expected.Segments.Length, segments.GetArrayLength());
        for (int i = 0; i < expected.Segments.Length; i++)
        {
            Assert.Equal(expected.Segments[i].Name, segments[i].GetProperty("segment").GetString());
            Assert.Equal(expected.Segments[i].Customers.Numerator, segments[i].GetProperty("customers").GetInt64());
            Assert.Equal(expected.Segments[i].Revenue, segments[i].GetProperty("revenue").GetDecimal());
        }
        JsonElement customers = Json("rfm", "--orders", path, "--scheme", "equal-count", "--scores", "2", "--customers").GetProperty("customers");
        Assert.Equal(4, customers.GetArrayLength());
        for (int i = 0; i < 4; i++)
        {
            RfmCustomer c = expected.Customers[i];
            Assert.Equal(c.Cell, customers[i].GetProperty("cell").GetInt32());
            Assert.Equal(expected.SegmentName(c), customers[i].GetProperty("segment").GetString());
        }
    }

    [Fact]
    public void Deciles_Groups_MatchesSpendRanking()
    {
        JsonElement root = Json("deciles", "--orders", File("orders.csv", Orders), "--groups", "2");
        SpendRanking ranking = Concentration.Rank(OrdersHistory(), AsOf);
        DecileResult expected = ranking.Deciles(2);
        JsonElement rows = root.GetProperty("deciles");
        Assert.Equal(2, rows.GetArrayLength());
        Assert.Equal(expected.Rows[0].Amount, rows[0].GetProperty("amount").GetDecimal());
        Assert.Equal(50.25m, rows[0].GetProperty("amount").GetDecimal()); // a 38.25 + d 12
        Near(ranking.Gini, root.GetProperty("concentration")[0].GetProperty("gini").GetDouble());
    }

    [Fact]
    public void Cpm_Options_MatchesCpmClassify()
    {
        JsonElement rows = Json("cpm", "--orders", File("orders.csv", Orders), "--lapsed-after", "30", "--high-spend", "30").GetProperty("segments");
        CpmResult expected = Cpm.Classify(OrdersHistory(), AsOf, new CpmOptions { LapsedAfterDays = 30, HighSpend = 30m });
        CpmSegment[] segments = Enum.GetValues<CpmSegment>();
        Assert.Equal(segments.Length, rows.GetArrayLength());
        for (int i = 0; i < segments.Length; i++)
        {
            Assert.Equal(segments[i].ToString(), rows[i].GetProperty("segment").GetString());
            Assert.Equal(expected.Summary(segments[i]).Customers.Numerator, rows[i].GetProperty("customers").GetInt64());
            Assert.Equal(expected.Summary(segments[i]).Revenue, rows[i].GetProperty("revenue").GetDecimal());
        }
    }

    [Fact]
    public void CrossSell_Basket_MatchesTopPairs()
    {
        string path = File("lines.csv", """
            customer,date,sku,amount
            a,2024-01-01,apple,10
            a,2024-01-01,bread,5
            a,2024-02-01,milk,3
            b,2024-01-03,apple,10
            b,2024-01-03,bread,5
            c,2024-01-04,apple,10
            c,2024-01-09,milk,3
            """);
        JsonElement root = Json("cross-sell", "--orders", path, "--product", "sku", "--level", "basket");
        OrderLines lines = OrderLines.Create(
        [
            new OrderLine(0, new DateOnly(2024, 1, 1), 0, 10m), new OrderLine(0, new DateOnly(2024, 1, 1), 1, 5m), new OrderLine(0, new DateOnly(2024, 2, 1), 2, 3m),
            new OrderLine(1, new DateOnly(2024, 1, 3), 0, 10m), new OrderLine(1, new DateOnly(2024, 1, 3), 1, 5m),
            new OrderLine(2, new DateOnly(2024, 1, 4), 0, 10m), new OrderLine(2, new DateOnly(2024, 1, 9), 2, 3m),
        ]);
        ProductPairs expected = Metrics.CrossSell.TopPairs(lines, new DateOnly(2024, 1, 1), new DateOnly(2024, 2, 1), 20, CoPurchaseLevel.Basket);
        JsonElement pairs = root.GetProperty("pairs");
        Assert.Equal(expected.Pairs.Count, pairs.GetArrayLength());
        Assert.Equal("apple", pairs[0].GetProperty("productA").GetString());
        Assert.Equal("bread", pairs[0].GetProperty("productB").GetString());
        Assert.Equal(2, pairs[0].GetProperty("countBoth").GetInt64());
        Near(expected.Pairs[0].Lift, pairs[0].GetProperty("lift").GetDouble());
        JsonElement breadth = root.GetProperty("breadth");
        Assert.Equal(2, breadth[1].GetProperty("customers").GetInt64()); // b and c bought two products
        Assert.Equal(1, breadth[2].GetProperty("customers").GetInt64()); // a bought three
    }

    [Fact]
    public void Campaign_Counts_MatchesLiftAndSummaries()
    {
        JsonElement root = Json("campaign", "--treated", "10000,520,610,4350000,300000", "--control", "10000,410,455,3100000,0", "--margin", "0.35");
        var treated = new CampaignGroup(10000, 520, 610, 4_350_000m, 300_000m);
        var control = new CampaignGroup(10000, 410, 455, 3_100_000m, 0m);
        LiftResult lift = Metrics.Campaigns.Lift(treated, control);
        JsonElement l = root.GetProperty("lift")[0];
        Near(lift.AbsoluteLift, l.GetProperty("absoluteLift").GetDouble());
        Near(0.011, l.GetProperty("absoluteLift").GetDouble());
        Assert.Equal(lift.IncrementalRevenue, l.GetProperty("incrementalRevenue").GetDecimal());
        CampaignSummary summary = Metrics.Campaigns.Summarize(treated, 0.35m);
        Assert.Equal(summary.Profit, root.GetProperty("groups")[0].GetProperty("profit").GetDecimal());
        TestResult z = Metrics.Campaigns.TwoProportionZTest(treated, control);
        JsonElement tests = root.GetProperty("tests");
        Assert.Equal("two-proportion z", tests[0].GetProperty("test").GetString());
        Near(z.PValue, tests[0].GetProperty("pValue").GetDouble());
        Near(Metrics.Campaigns.FisherExactTest(treated, control).PValue, tests[2].GetProperty("pValue").GetDouble());
    }

    [Fact]
    public void Campaign_CustomerFiles_MatchesCompareRepeatRate()
    {
        string orders = File("orders.csv", Orders);
        string treated = File("treated.txt", "a\nb\n");
        string control = File("control.txt", "c\nd\nnobody\n");
        JsonElement row = Json("campaign", "--orders", orders, "--treated-customers", treated, "--control-customers", control, "--from", "2024-01-25")
            .GetProperty("comparison")[0];
        PurchaseHistory history = OrdersHistory();
        RetentionComparison expected = Metrics.Campaigns.CompareRepeatRate(history, CustomerSet.FromIds(history, [0, 1]), CustomerSet.FromIds(history, [2, 3, 4]),
            new DateOnly(2024, 1, 25), AsOf);
        Assert.Equal(expected.Treated.Numerator, row.GetProperty("treatedConverted").GetInt64());
        Assert.Equal(expected.Control.Denominator, row.GetProperty("controlCustomers").GetInt64());
        Near(expected.Uplift, row.GetProperty("uplift").GetDouble());
        Assert.Equal(1, row.GetProperty("controlNotInOrders").GetInt32());
    }
    private const string OrderLineFile = """
        order,customer,date,product,amount
        o1,a,2024-01-01,apple,10
        o1,a,2024-01-01,bread,5
        o2,a,2024-02-01,apple,3
        o3,b,2024-01-05,milk,7
        """;

    [Fact]
    public void Summary_OrderColumn_SumsConsecutiveLinesIntoOrders()
    {
        JsonElement rows = Json("summary", "--orders", File("lines.csv", OrderLineFile), "--order", "order").GetProperty("customers");
        Assert.Equal(2, rows.GetArrayLength());
        Assert.Equal(2, rows[0].GetProperty("orders").GetInt32());
        Assert.Equal(18m, rows[0].GetProperty("totalAmount").GetDecimal());
        Assert.Equal(3m, rows[0].GetProperty("repeatAmount").GetDecimal());
        JsonElement totals = Json("summary", "--orders", File("lines.csv", OrderLineFile), "--order", "1", "--totals").GetProperty("totals")[0];
        Assert.Equal(3, totals.GetProperty("orders").GetInt64());
        Assert.Equal(25m, totals.GetProperty("totalAmount").GetDecimal());
    }

    [Fact]
    public void Summary_OrderWithTwoCustomers_ExitsOneNamingTheLine()
    {
        string path = File("lines.csv", "order,customer,date,amount\no1,a,2024-01-01,10\no1,b,2024-01-01,5\n");
        var (code, _, error) = Run("summary", "--orders", path, "--order", "order");
        Assert.Equal(1, code);
        Assert.Contains("lines.csv, line 3, column 2 (customer): order 'o1' has lines for two customers ('a' on line 2, 'b' here).", error, StringComparison.Ordinal);
    }
}
