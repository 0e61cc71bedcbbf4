using Retention.Metrics.Cli.Commands;

namespace Retention.Metrics.Tests.Cli;

public class CommandErrorTests : CommandTestBase
{
    public static TheoryData<string> CommandNames()
    {
        var data = new TheoryData<string>();
        foreach (Command command in Metrics.Cli.Cli.Commands) data.Add(command.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void Help_EveryCommand_ExitsZeroWithAnExample(string name)
    {
        var (code, output, _) = Run([.. name.Split(' '), "--help"]);
        Assert.Equal(0, code);
        Assert.StartsWith($"retention {name}: ", output, StringComparison.Ordinal);
        Assert.Contains("Example:" + Environment.NewLine + $"  retention {name} ", output, StringComparison.Ordinal);
        Assert.Contains("--format <f>", output, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\S  --\w", output); // every option starts its own line
    }

    [Fact]
    public void Help_Global_ListsEveryCommand()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(0, code);
        foreach (Command command in Metrics.Cli.Cli.Commands) Assert.Contains("  " + command.Name + " ", output, StringComparison.Ordinal);
        Assert.Contains("  report ", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("f2", "--bogus")]
    [InlineData("f2", "--window", "0")]
    [InlineData("f2", "--window", "ninety")]
    [InlineData("f2", "--window")]
    [InlineData("f2", "stray")]
    [InlineData("f2", "--format", "xml")]
    [InlineData("cohorts", "--period", "fortnight")]
    [InlineData("cohorts", "--mode", "sometimes")]
    [InlineData("summary", "--as-of", "30/09/1997")]
    [InlineData("summary", "--holdout-end", "1997-01-01", "--as-of", "1997-09-30")]
    [InlineData("summary", "--delimiter", "ab")]
    [InlineData("summary", "--encoding", "klingon")]
    [InlineData("summary", "--time-zone", "Mars/Olympus")]
    [InlineData("churn")]
    [InlineData("continuation", "--subscriptions", "subs.csv")]
    [InlineData("sbg")]
    [InlineData("sbg", "--survivors", "100,x")]
    [InlineData("campaign", "--treated", "1,2,3", "--control", "1,2,3,4,5")]
    [InlineData("sample")]
    [InlineData("fit")]
    [InlineData("fit", "arima")]
    [InlineData("predict", "--params", "1,2,3")]
    [InlineData("deciles", "--table", "nope")]
    public void UsageError_ExitsTwoNamingTheOption(params string[] args)
    {
        var (code, output, error) = Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("retention", error, StringComparison.Ordinal);
        Assert.Contains("--help", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("summary", "customer,date,amount\na,2024-01-01,10\nb,2024-01-32,5\n", "orders.csv, line 3, column 2 (date): '2024-01-32' is not a date")]
    [InlineData("rfm", "customer,date,amount\na,2024-01-01,10\nb,2024-01-02,-5\n", "orders.csv, line 3, column 3 (amount): -5 is negative")]
    [InlineData("f2", "customer,date,amount\na,2024-01-01,10\nb,2024-01-02\n", "orders.csv, line 3: expected 3 fields, found 2")]
    [InlineData("cohorts", "who,when,amount\n", "no column named 'customer' for the customer")]
    public void BadOrders_ExitOneNamingFileLineAndColumn(string command, string content, string expected)
    {
        var (code, _, error) = Run(command, "--orders", File("orders.csv", content));
        Assert.Equal(1, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void BadOrders_SkipInvalid_CountsAndContinues()
    {
        string path = File("orders.csv", "customer,date,amount\na,2024-01-01,10\nb,2024-01-32,5\nc,2024-01-03,2\n");
        var (code, output, error) = Run("summary", "--orders", path, "--totals", "--skip-invalid", "--format", "csv");
        Assert.Equal(0, code);
        Assert.Contains("skipped 1 invalid rows of 3; the first: orders.csv, line 3, column 2 (date)", error, StringComparison.Ordinal);
        Assert.StartsWith("customers,orders,purchaseDays,repeatCustomers,repeatCustomerRate,multiOrderCustomers,repeatPurchases,totalAmount,repeatAmount\r\n2,2,", output, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFile_ExitsOne()
    {
        var (code, _, error) = Run("repeat", "--orders", PathOf("missing.csv"));
        Assert.Equal(1, code);
        Assert.Contains("missing.csv", error, StringComparison.Ordinal);
    }

    [Fact]
    public void CrossSell_BadProduct_ExitsOneNamingTheCell()
    {
        string path = File("lines.csv", "customer,date,product,amount\na,2024-01-01,apple,1\na,2024-01-01,,2\n");
        var (code, _, error) = Run("cross-sell", "--orders", path);
        Assert.Equal(1, code);
        Assert.Contains("lines.csv, line 3, column 3 (product): the product is empty.", error, StringComparison.Ordinal);
    }
}
