using System.Text;

namespace Retention.Metrics.Tests.Serialization;

/// <summary>Writes the compact JSON of one small sample of every result type to the file named by <c>RETENTION_JSON_EXAMPLES</c>
/// (the examples in docs/json.md are real output made this way); without the variable it only checks that every sample serializes.</summary>
public class DocExamples
{
    [Fact]
    public void Examples_OfEveryResultType_Serialize()
    {
        var start = new DateOnly(2024, 1, 1);
        Purchase[] purchases =
        [
            new(0, start, 10.50m), new(0, start.AddDays(20), 5m), new(1, start.AddDays(3), 7.25m), new(1, start.AddDays(40), 1m),
            new(1, start.AddDays(70), 2m), new(2, start.AddDays(45), 100m), new(3, start.AddDays(5), 42m), new(3, start.AddDays(9), 18.4m),
        ];
        var items = ResultSamples.FromPurchases(purchases);
        items.AddRange(ResultSamples.FromLedger(Infrastructure.RandomSubscriptions.Create(11, 4)));
        items.AddRange(ResultSamples.Fixed());
        var text = new StringBuilder();
        var seen = new HashSet<Type>();
        foreach (var (type, value) in items)
        {
            if (!seen.Add(type)) continue;
            string json = ResultJsonTests.Write(value, type);
            Assert.False(string.IsNullOrEmpty(json));
            text.Append("### ").Append(type.Name).Append('\n').Append(json).Append("\n\n");
        }
        string? path = Environment.GetEnvironmentVariable("RETENTION_JSON_EXAMPLES");
        if (!string.IsNullOrEmpty(path)) File.WriteAllText(path, text.ToString());
        Assert.True(seen.Count >= 45, $"only {seen.Count} types sampled");
    }
}
