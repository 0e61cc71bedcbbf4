using System.Text.Json;

namespace Retention.Metrics.Tests.Cli;

public class SubscriptionCommandTests : CommandTestBase
{
    private const string Subscriptions = """
        id,customer,start,end,mrr
        s1,a,2024-01-05,,100
        s2,b,2024-01-20,2024-02-10,50
        s3,c,2024-02-03,,80
        s4,d,2024-02-15,2024-03-20,30
        s5,e,2024-03-01,,120
        """;

    private const string Shipments = """
        subscription,date,amount
        s1,2024-01-05,100
        s1,2024-02-05,100
        s1,2024-03-05,100
        s2,2024-01-20,50
        s3,2024-02-03,80
        s3,2024-03-03,80
        s4,2024-02-15,30
        s4,2024-03-15,30
        s5,2024-03-01,120
        """;

    private static readonly Subscription[] Expected =
    [
        new(0, 0, new DateOnly(2024, 1, 5), null), new(1, 1, new DateOnly(2024, 1, 20), new DateOnly(2024, 2, 10)),
        new(2, 2, new DateOnly(2024, 2, 3), null), new(3, 3, new DateOnly(2024, 2, 15), new DateOnly(2024, 3, 20)),
        new(4, 4, new DateOnly(2024, 3, 1), null),
    ];

    private static PlanChange[] Plans() =>
    [
        new(0, new DateOnly(2024, 1, 5), 100m), new(1, new DateOnly(2024, 1, 20), 50m), new(2, new DateOnly(2024, 2, 3), 80m),
        new(3, new DateOnly(2024, 2, 15), 30m), new(4, new DateOnly(2024, 3, 1), 120m),
    ];

    [Fact]
    public void Churn_Monthly_MatchesLogoChurn()
    {
        JsonElement rows = Json("churn", "--subscriptions", File("subs.csv", Subscriptions), "--as-of", "2024-03-31").GetProperty("periods");
        LogoChurnSeries expected = Churn.LogoChurn(SubscriptionLedger.Create(Expected), new DateOnly(2024, 1, 5), new DateOnly(2024, 3, 31));
        Assert.Equal(expected.Count, rows.GetArrayLength());
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Opening, rows[i].GetProperty("opening").GetInt64());
            Assert.Equal(expected[i].Cancelled, rows[i].GetProperty("cancelled").GetInt64());
            Near(expected[i].Churn.Value, rows[i].GetProperty("churn").GetDouble());
        }
        Near(0.5, rows[1].GetProperty("churn").GetDouble()); // February: s2 of {s1, s2} cancelled
    }

    [Fact]
    public void Churn_NoIdColumn_UsesRowNumbers()
    {
        string path = File("subs.csv", "customer;start;end\na;2024-01-05;\nb;2024-01-20;2024-02-10\n");
        JsonElement rows = Json("churn", "--subscriptions", path, "--delimiter", "semicolon", "--as-of", "2024-02-29").GetProperty("periods");
        Assert.Equal(1, rows[1].GetProperty("cancelled").GetInt64());
    }

    [Fact]
    public void Mrr_Monthly_MatchesMovements()
    {
        JsonElement rows = Json("mrr", "--subscriptions", File("subs.csv", Subscriptions), "--as-of", "2024-03-31").GetProperty("periods");
        MrrSeries expected = RecurringRevenue.Movements(SubscriptionLedger.Create(Expected, Plans()), new DateOnly(2024, 1, 5), new DateOnly(2024, 3, 31));
        Assert.Equal(expected.Count, rows.GetArrayLength());
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].EndingMrr, rows[i].GetProperty("endingMrr").GetDecimal());
            Assert.Equal(expected[i].Churned, rows[i].GetProperty("churned").GetDecimal());
            Near(expected[i].NetRevenueRetention, rows[i].GetProperty("netRevenueRetention").GetDouble());
        }
        Assert.Equal(300m, rows[2].GetProperty("endingMrr").GetDecimal()); // s1 + s3 + s5
    }

    [Fact]
    public void Continuation_Shipments_MatchesFromShipments()
    {
        JsonElement root = Json("continuation", "--subscriptions", File("subs.csv", Subscriptions), "--shipments", File("ship.csv", Shipments),
            "--as-of", "2024-03-31");
        Shipment[] shipments =
        [
            new(0, new DateOnly(2024, 1, 5), 100m), new(0, new DateOnly(2024, 2, 5), 100m), new(0, new DateOnly(2024, 3, 5), 100m),
            new(1, new DateOnly(2024, 1, 20), 50m), new(2, new DateOnly(2024, 2, 3), 80m), new(2, new DateOnly(2024, 3, 3), 80m),
            new(3, new DateOnly(2024, 2, 15), 30m), new(3, new DateOnly(2024, 3, 15), 30m), new(4, new DateOnly(2024, 3, 1), 120m),
        ];
        ContinuationResult expected = Continuation.FromShipments(SubscriptionLedger.Create(Expected, default, shipments), new DateOnly(2024, 3, 31));
        JsonElement steps = root.GetProperty("steps");
        Assert.Equal(expected.Steps.Length, steps.GetArrayLength());
        for (int i = 0; i < expected.Steps.Length; i++)
        {
            Assert.Equal(expected.Steps[i].Received, steps[i].GetProperty("received").GetInt64());
            Near(expected.Steps[i].ContinuationFromFirst, steps[i].GetProperty("continuationFromFirst").GetDouble());
        }
        Assert.Equal(9, root.GetProperty("totals")[0].GetProperty("totalShipments").GetInt64());
    }

    [Fact]
    public void Subscriptions_BadEndDate_ExitsOneNamingLineAndColumn()
    {
        string path = File("subs.csv", "id,customer,start,end\ns1,a,2024-01-05,\ns2,b,2024-01-20,2024-02-31\n");
        var (code, _, error) = Run("churn", "--subscriptions", path);
        Assert.Equal(1, code);
        Assert.Contains("subs.csv, line 3, column 4 (end): '2024-02-31' is not a date", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Subscriptions_SkipInvalid_CountsAndReports()
    {
        string path = File("subs.csv", "id,customer,start,end\ns1,a,2024-01-05,\ns2,b,soon,\ns3,c,2024-02-01,2024-01-01\ns4,d,2024-02-01,\n");
        var (code, output, error) = Run("churn", "--subscriptions", path, "--skip-invalid", "--as-of", "2024-02-29", "--format", "json");
        Assert.Equal(0, code);
        Assert.Contains("skipped 2 invalid rows of subs.csv; the first: subs.csv, line 3, column 3 (start)", error, StringComparison.Ordinal);
        JsonElement rows = JsonDocument.Parse(output).RootElement.GetProperty("periods");
        Assert.Equal(2, rows[1].GetProperty("closing").GetInt64());
    }

    [Fact]
    public void Mrr_MissingColumn_ExitsOneListingTheHeader()
    {
        string path = File("subs.csv", "id,customer,start,end\ns1,a,2024-01-05,\n");
        var (code, _, error) = Run("mrr", "--subscriptions", path);
        Assert.Equal(1, code);
        Assert.Contains("no column named 'mrr' for --mrr (the header has: id, customer, start, end)", error, StringComparison.Ordinal);
    }
    [Fact]
    public void Churn_ShiftJisFileWithJapaneseColumns_IsRead()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        string path = PathOf("契約.csv");
        System.IO.File.WriteAllBytes(path, System.Text.Encoding.GetEncoding(932).GetBytes(
            "契約番号\t会員ID\t開始日\t解約日\r\nk1\t山田\t2024/01/05\t\r\nk2\t佐藤\t2024/01/20\t2024/02/10\r\n"));
        JsonElement rows = Json("churn", "--subscriptions", path, "--encoding", "cp932", "--delimiter", "tab", "--id", "契約番号",
            "--subscriber", "会員ID", "--start", "開始日", "--end", "解約日", "--as-of", "2024-02-29").GetProperty("periods");
        Assert.Equal(2, rows.GetArrayLength());
        Assert.Equal(2, rows[0].GetProperty("new").GetInt64());
        Assert.Equal(1, rows[1].GetProperty("cancelled").GetInt64());
        Near(0.5, rows[1].GetProperty("churn").GetDouble());
    }
}
