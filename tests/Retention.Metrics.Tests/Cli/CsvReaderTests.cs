using System.Text;
using Retention.Metrics.Cli.Csv;

namespace Retention.Metrics.Tests.Cli;

public class CsvReaderTests
{
    private static (PurchaseHistory History, OrdersCsvReader Reader) Read(byte[] bytes, CsvFormat format, PurchaseHistoryOptions? options = null)
    {
        var builder = new PurchaseHistoryBuilder(options ?? new PurchaseHistoryOptions { AllowRefunds = format.AllowRefunds });
        var reader = new OrdersCsvReader(format, "orders.csv");
        reader.Read(new MemoryStream(bytes), builder);
        return (builder.Build(), reader);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void ShiftJis_JapaneseHeaderAndKeys()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var sjis = Encoding.GetEncoding("shift_jis");
        byte[] bytes = sjis.GetBytes("受注日,会員ID,金額\r\n2024/01/05,山田太郎,3000\r\n2024/02/05,山田太郎,4500\r\n2024/01/09,佐藤花子,1200\r\n");
        var format = new CsvFormat { Encoding = CsvFormat.ParseEncoding("cp932"), CustomerColumn = "会員ID", DateColumn = "受注日", AmountColumn = "金額" };
        var (history, reader) = Read(bytes, format);
        Assert.Equal(["山田太郎", "佐藤花子"], reader.CustomerKeys);
        Assert.Equal(8700m, history.TotalAmount);
        Assert.Equal(new DateOnly(2024, 1, 5), history.FirstDate);
    }

    [Fact]
    public void Utf8Bom_QuotedFieldsAndCrLf()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Utf8("\"customer\",\"date\",\"amount\",\"note\"\r\n\"a, inc\",2024-01-01,\"10.5\",\"x,y\"\r\n\"a, inc\",2024-01-03,1,\"say \"\"hi\"\"\"\r\n")];
        var (history, reader) = Read(bytes, new CsvFormat());
        Assert.Equal(["a, inc"], reader.CustomerKeys);
        Assert.Equal(11.5m, history.TotalAmount);
        Assert.Equal(2, history.Count);
    }

    [Fact]
    public void Tab_NoHeader_NumberedColumns()
    {
        byte[] bytes = Utf8("x\t7\t20240101\t5\n\nx\t8\t20240102\t6\n");
        var (history, reader) = Read(bytes, new CsvFormat { Delimiter = '\t', HasHeader = false, CustomerColumn = "2", DateColumn = "3", AmountColumn = "4" });
        Assert.Equal(["7", "8"], reader.CustomerKeys);
        Assert.Equal(11m, history.TotalAmount);
    }

    [Fact]
    public void NoHeader_NamedColumn_IsAUsageErrorNamingIt()
    {
        var ex = Assert.Throws<FormatException>(() => Read(Utf8("a,2024-01-01,1\n"), new CsvFormat { HasHeader = false }));
        Assert.Contains("without a header, --customer must be a column number", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Timestamps_AreConvertedInTheShopTimeZone()
    {
        // 2024-03-10T15:30Z is 11 March in Tokyo; 2024-03-10T14:59:59Z is still 10 March there.
        byte[] bytes = Utf8("customer,date,amount\na,2024-03-10T15:30:00Z,1\nb,2024-03-10T14:59:59Z,1\nc,2024-03-10T20:00:00+09:00,1\n");
        var format = new CsvFormat { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo") };
        var (history, _) = Read(bytes, format);
        Assert.Equal(new DateOnly(2024, 3, 11).DayNumber, history.DayNumbers[history.CustomerStarts[0]]);
        Assert.Equal(new DateOnly(2024, 3, 10).DayNumber, history.DayNumbers[history.CustomerStarts[1]]);
        Assert.Equal(new DateOnly(2024, 3, 10).DayNumber, history.DayNumbers[history.CustomerStarts[2]]);
    }

    [Fact]
    public void DateFormat_Custom()
    {
        var (history, _) = Read(Utf8("customer,date,amount\na,5/1/2024,1\n"), new CsvFormat { DateFormat = "d/M/yyyy" });
        Assert.Equal(new DateOnly(2024, 1, 5), history.FirstDate);
    }

    [Fact]
    public void SkipInvalid_CountsAndKeepsTheFirstMessage()
    {
        byte[] bytes = Utf8("customer,date,amount\na,2024-01-01,1\nb,not-a-date,2\nc,2024-01-02\nd,2024-01-03,4\n");
        var (history, reader) = Read(bytes, new CsvFormat { SkipInvalid = true });
        Assert.Equal(2, history.CustomerCount);
        Assert.Equal(new CsvReadStats(2, 2, "orders.csv, line 3, column 2 (date): 'not-a-date' is not a date (yyyy-MM-dd, yyyyMMdd, yyyy/MM/dd or an ISO timestamp)."), reader.Stats);
    }

    [Fact]
    public void Refunds_AreNettedWhenAllowed()
    {
        var (history, _) = Read(Utf8("customer,date,amount\na,2024-01-01,100\na,2024-01-02,-30\n"), new CsvFormat { AllowRefunds = true });
        Assert.Equal(70m, history.TotalAmount);
    }

    [Fact]
    public void InvalidUtf8_IsAnErrorSuggestingAnEncoding()
    {
        byte[] bytes = [.. Utf8("customer,date,amount\n"), 0x82, 0xA0, .. Utf8(",2024-01-01,1\n")];
        var ex = Assert.Throws<FormatException>(() => Read(bytes, new CsvFormat()));
        Assert.Contains("not valid utf-8", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--encoding", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LargeFile_AcrossChunkBoundaries_MatchesTheDirectBuild()
    {
        var random = new Random(5);
        var sb = new StringBuilder("customer,date,amount\n");
        var purchases = new List<Purchase>();
        for (int i = 0; i < 120_000; i++)
        {
            int c = random.Next(20_000);
            var date = new DateOnly(2022, 1, 1).AddDays(random.Next(900));
            decimal amount = random.Next(1_000_000) / 100m;
            sb.Append("customer-").Append(c).Append(',').Append(date.ToString("yyyy-MM-dd")).Append(',').Append(amount.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(i % 3 == 0 ? "\r\n" : "\n");
            purchases.Add(new Purchase(c, date, amount));
        }
        byte[] bytes = Utf8(sb.ToString());
        Assert.True(bytes.Length > 3 << 20);
        var (history, reader) = Read(bytes, new CsvFormat());
        var direct = PurchaseHistory.Create(purchases.ToArray());
        Assert.Equal(direct.TotalAmount, history.TotalAmount);
        Assert.Equal(direct.Count, history.Count);
        Assert.Equal(direct.CustomerCount, history.CustomerCount);
        var expected = Metrics.Summaries.Totals(direct, direct.LastDate);
        Assert.Equal(expected, Metrics.Summaries.Totals(history, history.LastDate));
        Assert.Equal(purchases.Count, reader.Stats.Rows);
    }

    [Theory]
    [InlineData("comma", ',')]
    [InlineData("tab", '\t')]
    [InlineData("\\t", '\t')]
    [InlineData(";", ';')]
    [InlineData("whitespace", CsvFormat.Whitespace)]
    public void ParseDelimiter_Names(string text, char expected) => Assert.Equal(expected, CsvFormat.ParseDelimiter(text));

    [Fact]
    public void ParseEncoding_Unknown_Throws()
    {
        var ex = Assert.Throws<FormatException>(() => CsvFormat.ParseEncoding("klingon"));
        Assert.Contains("--encoding 'klingon'", ex.Message, StringComparison.Ordinal);
    }
}
