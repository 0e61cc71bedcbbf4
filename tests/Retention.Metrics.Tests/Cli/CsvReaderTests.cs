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
    [Theory]
    [InlineData("0")]
    [InlineData("10")]
    [InlineData("10.50")]
    [InlineData("0.000")]
    [InlineData("123456789012345678")]
    [InlineData("1234567890123456.78")]
    [InlineData("12345678901234567890")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("-3.25")]
    [InlineData("1,234.5")]
    [InlineData("+7")]
    [InlineData("1e3")]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("1.2.3")]
    [InlineData("12a")]
    public void TryParseAmount_MatchesDecimalTryParse(string text)
    {
        bool expectedOk = decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out decimal expected);
        bool ok = OrdersCsvReader.TryParseAmount(text, out decimal actual);
        Assert.Equal(expectedOk, ok);
        Assert.Equal(decimal.GetBits(expected), decimal.GetBits(actual)); // same value and scale
    }

    [Fact]
    public void TryParseAmount_RandomAmounts_MatchDecimalTryParse()
    {
        var random = new Random(11);
        for (int i = 0; i < 20_000; i++)
        {
            long whole = random.NextInt64(0, i % 2 == 0 ? 1_000_000 : 1_000_000_000_000_000);
            int places = random.Next(0, 5);
            string text = places == 0 ? whole.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : whole.ToString(System.Globalization.CultureInfo.InvariantCulture) + "." + random.Next(0, (int)Math.Pow(10, places)).ToString(new string('0', places), System.Globalization.CultureInfo.InvariantCulture);
            decimal expected = decimal.Parse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(OrdersCsvReader.TryParseAmount(text, out decimal actual), text);
            Assert.Equal(decimal.GetBits(expected), decimal.GetBits(actual));
        }
    }
    [Fact]
    public void CustomerKeys_NumericAndTextKeys_MapConsistently()
    {
        // "7" and "07" are different keys; a huge number and text keys take other routes to the same index space.
        byte[] bytes = Utf8("customer,date,amount\n7,2024-01-01,1\n07,2024-01-02,2\nabc,2024-01-03,3\n7,2024-01-04,4\n"
            + "900000000000000001,2024-01-05,5\n0,2024-01-06,6\nabc,2024-01-07,7\n900000000000000001,2024-01-08,8\n1234567890123456789,2024-01-09,9\n");
        var (history, reader) = Read(bytes, new CsvFormat());
        Assert.Equal(["7", "07", "abc", "900000000000000001", "0", "1234567890123456789"], reader.CustomerKeys);
        Assert.Equal(6, history.CustomerCount);
        CustomerSummary[] summaries = Metrics.Summaries.Compute(history, history.LastDate);
        Assert.Equal(5m, summaries[0].TotalAmount);   // "7": 1 + 4
        Assert.Equal(10m, summaries[2].TotalAmount);  // "abc": 3 + 7
        Assert.Equal(13m, summaries[3].TotalAmount);  // the large number: 5 + 8
    }

    [Fact]
    public void CustomerKeys_NumberSeenBeforeTheTableGrows_KeepsItsIndex()
    {
        // 1,100,000 is beyond the direct table's limit at first (dictionary route); 600,000 and then 1,000,000 grow the table
        // (by doubling) past 1,100,000, whose next row must still find its first index.
        var (history, reader) = Read(Utf8("customer,date,amount\n1100000,2024-01-01,1\n600000,2024-01-01,2\n1000000,2024-01-02,3\n1100000,2024-01-03,4\n"), new CsvFormat());
        Assert.Equal(["1100000", "600000", "1000000"], reader.CustomerKeys);
        Assert.Equal(5m, Metrics.Summaries.Compute(history, history.LastDate)[0].TotalAmount);
    }

    [Fact]
    public void CustomerKeys_ManyNumericKeys_MatchTheDirectBuild()
    {
        var random = new Random(3);
        var sb = new StringBuilder("customer,date,amount\n");
        var expected = new Dictionary<string, decimal>();
        for (int i = 0; i < 50_000; i++)
        {
            long key = i % 10 == 0 ? random.NextInt64(1, 1L << 40) : random.Next(0, 300_000);
            string text = key.ToString(System.Globalization.CultureInfo.InvariantCulture);
            sb.Append(text).Append(",2024-01-01,1\n");
            expected[text] = expected.GetValueOrDefault(text) + 1m;
        }
        var (history, reader) = Read(Utf8(sb.ToString()), new CsvFormat());
        Assert.Equal(expected.Count, reader.CustomerKeys.Count);
        CustomerSummary[] summaries = Metrics.Summaries.Compute(history, history.LastDate);
        foreach (CustomerSummary s in summaries) Assert.Equal(expected[reader.CustomerKeys[s.Customer]], s.TotalAmount);
    }
}
