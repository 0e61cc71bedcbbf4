using System.Text.RegularExpressions;

namespace Retention.Metrics.ReadmeExample;

/// <summary>Keeps README's example true: the code below is the README's code block, compiled and run here.</summary>
public partial class ReadmeTests
{
    private sealed record Order(string CustomerId, DateOnly Date, decimal Total);

    private static string Example(IEnumerable<Order> orders)
    {
        var console = new StringWriter();
        var Console = console;
        // begin-readme
        var customers = new CustomerIndex<string>();
        var history = PurchaseHistory.Create(orders, o => o.CustomerId, o => o.Date, o => o.Total, customers);
        var asOf = new DateOnly(2024, 12, 31);

        SummaryTotals totals = Summaries.Totals(history, asOf);
        Console.WriteLine($"Repeat customers: {totals.RepeatCustomerRate}");  // 2 / 3 (66.67%)

        foreach (CustomerSummary c in Summaries.Compute(history, asOf))
            Console.WriteLine($"{customers[c.Customer]}: {c.Frequency} repeat purchases, {c.TotalAmount} spent");
        // end-readme
        return console.ToString();
    }

    [Fact]
    public void Example_Runs_AndPrintsWhatTheCommentSays()
    {
        Order[] orders =
        [
            new("taro", new DateOnly(2024, 3, 1), 3000m), new("taro", new DateOnly(2024, 5, 2), 4500m),
            new("hanako", new DateOnly(2024, 4, 10), 12000m),
            new("jiro", new DateOnly(2024, 6, 1), 800m), new("jiro", new DateOnly(2024, 6, 20), 800m), new("jiro", new DateOnly(2024, 9, 9), 1200m),
        ];
        string text = Example(orders).ReplaceLineEndings("\n");
        Assert.Equal(
            "Repeat customers: 2 / 3 (66.67%)\n" +
            "taro: 1 repeat purchases, 7500 spent\n" +
            "hanako: 0 repeat purchases, 12000 spent\n" +
            "jiro: 2 repeat purchases, 2800 spent\n", text);
    }

    [Fact]
    public void ReadmeCodeBlock_IsTheCodeCompiledHere()
    {
        string readme = File.ReadAllText(FindUp("README.md"));
        string source = File.ReadAllText(FindUp(Path.Combine("tests", "Retention.Metrics.Tests", "ReadmeTests.cs")));
        var block = Regex.Match(readme, @"<!-- readme-example[^>]*-->\s*```csharp\n(?<code>.*?)```", RegexOptions.Singleline);
        Assert.True(block.Success, "README.md has no readme-example code block.");
        var region = Regex.Match(source, @"// begin-readme\n(?<code>.*?)\s*// end-readme", RegexOptions.Singleline);
        Assert.Equal(Normalize(region.Groups["code"].Value), Normalize(block.Groups["code"].Value));
    }

    [Fact]
    public void ReadmeCommands_AreTheOnesCiRuns()
    {
        string readme = File.ReadAllText(FindUp("README.md"));
        string ci = File.ReadAllText(FindUp(Path.Combine(".ci", "run")));
        Assert.Contains("dotnet test -c Release", readme, StringComparison.Ordinal);
        Assert.Contains("dotnet test -c Release", ci, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project src/Retention.Metrics.Cli -- report --sample --out report.html", readme, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y -qq chromium", ci, StringComparison.Ordinal);
    }

    private static string Normalize(string code) =>
        string.Join("\n", code.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    internal static string FindUp(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}.");
    }
}
