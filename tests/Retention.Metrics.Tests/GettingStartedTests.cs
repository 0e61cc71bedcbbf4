using System.Text.RegularExpressions;

namespace Retention.Metrics.ReadmeExample;

/// <summary>Keeps docs/getting-started.md true: its code block is the code below, compiled and run here.</summary>
public class GettingStartedTests
{
    private sealed record Order(string CustomerId, DateOnly Date, decimal Total);

    private static string Guide(IEnumerable<Order> orders)
    {
        var console = new StringWriter();
        var Console = console;
        // begin-guide
        var customers = new CustomerIndex<string>();
        PurchaseHistory history = PurchaseHistory.Create(orders, o => o.CustomerId, o => o.Date, o => o.Total, customers);
        var asOf = new DateOnly(2024, 12, 31);

        // 1. Do customers come back?
        Rate repeaters = Summaries.Totals(history, asOf).RepeatCustomerRate;
        Console.WriteLine($"Bought on 2+ days: {repeaters}");

        // 2. Do new customers buy again within 90 days? (F2 転換率; customers whose window is still open are left out)
        ConversionCohort f2 = Repeat.F2Conversion(history, asOf, windowDays: 90).Total;
        Console.WriteLine($"F2 within 90 days: {f2.Rate}, {f2.Censored} still open");

        // 3. How does each monthly cohort keep buying?
        CohortTable cohorts = Cohorts.Compute(history, asOf);
        Console.WriteLine($"Cohorts: {cohorts.CohortCount}; month 3 retention (weighted): {cohorts.AverageCurve[3].Retention}");

        // 4. Who is slipping away? (休眠: no purchase for 180 days)
        DormancyStatus dormancy = Dormancy.Classify(history, asOf, thresholdDays: 180);
        Console.WriteLine($"Dormant: {dormancy.DormantRate}");

        // 5. What is a customer worth so far?
        LtvResult ltv = Lifetime.Historical(history, asOf);
        Console.WriteLine($"Revenue per customer: {ltv.PerCustomer:N0}");
        // end-guide
        return console.ToString();
    }

    [Fact]
    public void Guide_Runs_AndPrintsTheDocumentedOutput()
    {
        Order[] orders =
        [
            new("taro", new DateOnly(2024, 3, 1), 3000m), new("taro", new DateOnly(2024, 5, 2), 4500m),
            new("hanako", new DateOnly(2024, 4, 10), 12000m),
            new("jiro", new DateOnly(2024, 6, 1), 800m), new("jiro", new DateOnly(2024, 6, 20), 800m), new("jiro", new DateOnly(2024, 9, 9), 1200m),
        ];
        string text = Guide(orders).ReplaceLineEndings("\n");
        string doc = File.ReadAllText(ReadmeTests.FindUp(Path.Combine("docs", "getting-started.md"))).ReplaceLineEndings("\n");
        Match output = Regex.Match(doc, @"<!-- guide-output -->\s*```text\n(?<text>.*?)```", RegexOptions.Singleline);
        Assert.True(output.Success, "docs/getting-started.md has no guide-output block.");
        Assert.Equal(output.Groups["text"].Value, text);
    }

    [Fact]
    public void GuideCodeBlock_IsTheCodeCompiledHere()
    {
        string doc = File.ReadAllText(ReadmeTests.FindUp(Path.Combine("docs", "getting-started.md")));
        string source = File.ReadAllText(ReadmeTests.FindUp(Path.Combine("tests", "Retention.Metrics.Tests", "GettingStartedTests.cs")));
        Match block = Regex.Match(doc, @"<!-- guide-example[^>]*-->\s*```csharp\n(?<code>.*?)```", RegexOptions.Singleline);
        Assert.True(block.Success, "docs/getting-started.md has no guide-example code block.");
        Match region = Regex.Match(source, @"// begin-guide\n(?<code>.*?)\s*// end-guide", RegexOptions.Singleline);
        Assert.Equal(Normalize(region.Groups["code"].Value), Normalize(block.Groups["code"].Value));
    }

    private static string Normalize(string code) =>
        string.Join("\n", code.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
}
