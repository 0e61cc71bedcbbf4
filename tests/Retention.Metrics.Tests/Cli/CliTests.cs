using Retention.Metrics.Cli;

namespace Retention.Metrics.Tests.Cli;

public class CliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Metrics.Cli.Cli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Report_BundledSample_PrintsTheCdnowHeadline()
    {
        var (code, output, error) = Run("report", "--format", "text");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("2,357", output, StringComparison.Ordinal);                 // customers
        Assert.Contains("6,919", output, StringComparison.Ordinal);                 // orders
        Assert.Contains("244,091.94", output, StringComparison.Ordinal);            // revenue
        Assert.Contains("1139 / 2357 (48.32%)", output, StringComparison.Ordinal);  // SUM-7
        Assert.Contains("4,339", output, StringComparison.Ordinal);                 // BTYD cumulative repeat purchases at week 78
    }

    [Fact]
    public void Report_AsOf_CutsTheHistory()
    {
        var (code, output, _) = Run("report", "--format", "text", "--as-of", "1997-09-30");
        Assert.Equal(0, code);
        Assert.Contains("946 / 2357", output, StringComparison.Ordinal);  // SUM-1: customers with x > 0 at the calibration end
        Assert.Contains("2,457", output, StringComparison.Ordinal);       // Σ x
    }

    [Fact]
    public void Report_CsvFile_IsRead()
    {
        string path = Path.Combine(Path.GetTempPath(), $"orders-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "date,customer,amount\n2024-01-01,a,10\n2024-02-01,a,5.5\n2024-01-15,b,3\n");
        try
        {
            var (code, output, _) = Run("report", "--format", "text", "--orders", path);
            Assert.Equal(0, code);
            Assert.Contains("1 / 2 (50%)", output, StringComparison.Ordinal);
            Assert.Contains("18.50", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("date,customer,amount\n2024-13-01,a,10\n", "line 2, column 1 (date)")]
    [InlineData("date,customer,amount\n2024-01-01,a,ten\n", "line 2, column 3 (amount)")]
    [InlineData("date,customer,amount\n2024-01-01,a,10\n2024-01-02,a\n", "line 3: expected 3 fields, found 2")]
    [InlineData("date,customer,amount\n2024-01-01,a,-1\n", "line 2, column 3 (amount): -1 is negative")]
    [InlineData("when,who,amount\n", "line 1: no column named 'customer' for the customer (the header has: when, who, amount)")]
    [InlineData("date,customer,amount\n2024-02-30,a,1\n", "line 2, column 1 (date): '2024-02-30' is not a date")]
    [InlineData("date,customer,amount\n2024-01-01, ,1\n", "line 2, column 2 (customer): the customer is empty")]
    [InlineData("", "the file is empty")]
    public void Report_BadCsv_ExitsOneNamingLineAndColumn(string content, string expected)
    {
        string path = Path.Combine(Path.GetTempPath(), $"orders-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, content);
        try
        {
            var (code, _, error) = Run("report", "--format", "text", "--orders", path);
            Assert.Equal(1, code);
            Assert.Contains(expected, error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Report_MissingFile_ExitsOne()
    {
        var (code, _, error) = Run("report", "--orders", "/nonexistent/orders.csv");
        Assert.Equal(1, code);
        Assert.StartsWith("retention: ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], 2)]
    [InlineData(new[] { "frobnicate" }, 2)]
    [InlineData(new[] { "report", "--as-of", "31/12/2024" }, 2)]
    [InlineData(new[] { "report", "--bogus" }, 2)]
    [InlineData(new[] { "--help" }, 0)]
    [InlineData(new[] { "report", "--help" }, 0)]
    [InlineData(new[] { "report", "--sample", "--orders", "orders.csv" }, 2)]
    [InlineData(new[] { "report", "--sample", "--purchases", "0" }, 2)]
    [InlineData(new[] { "report", "--sample", "--purchases", "many" }, 2)]
    [InlineData(new[] { "report", "--purchases", "100" }, 2)]
    [InlineData(new[] { "report", "--sample", "--customer", "id" }, 2)]
    [InlineData(new[] { "report", "--format", "pdf" }, 2)]
    [InlineData(new[] { "report", "--format", "text", "--out", "r.html" }, 2)]
    public void UsageErrors_ExitTwo_HelpExitsZero(string[] args, int expected)
    {
        Assert.Equal(expected, Run(args).Code);
    }
}
