using System.Text.Json;

namespace Retention.Metrics.Tests.Cli;

/// <summary>Runs the CLI in-process over small files written to a temporary folder.</summary>
public abstract class CommandTestBase : IDisposable
{
    internal const string Orders = """
        customer,date,amount
        a,2024-01-01,10
        a,2024-02-01,20
        b,2024-01-15,5
        c,2024-01-20,7
        c,2024-01-20,3
        d,2024-02-10,12
        a,2024-03-05,8.25
        b,2024-04-01,4.5
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"retention-cli-{Guid.NewGuid():N}");

    protected CommandTestBase() => Directory.CreateDirectory(_folder);

    /// <summary>The purchases of <see cref="Orders"/> with the ids the reader gives (order of first appearance).</summary>
    internal static PurchaseHistory OrdersHistory() => PurchaseHistory.Create(
    [
        new Purchase(0, new DateOnly(2024, 1, 1), 10m), new Purchase(0, new DateOnly(2024, 2, 1), 20m),
        new Purchase(1, new DateOnly(2024, 1, 15), 5m), new Purchase(2, new DateOnly(2024, 1, 20), 7m),
        new Purchase(2, new DateOnly(2024, 1, 20), 3m), new Purchase(3, new DateOnly(2024, 2, 10), 12m),
        new Purchase(0, new DateOnly(2024, 3, 5), 8.25m), new Purchase(1, new DateOnly(2024, 4, 1), 4.5m),
    ]);

    protected string File(string name, string content)
    {
        string path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, content.ReplaceLineEndings("\n") + "\n");
        return path;
    }

    protected string PathOf(string name) => Path.Combine(_folder, name);

    protected static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Metrics.Cli.Cli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Runs with --format json and returns the parsed root; asserts exit 0.</summary>
    protected static JsonElement Json(params string[] args)
    {
        var (code, output, error) = Run([.. args, "--format", "json"]);
        Assert.True(code == 0, $"exit {code}: {error}");
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    protected static void Near(double expected, double actual, double relative = 1e-9) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Max(1d, Math.Abs(expected)), $"expected {expected}, got {actual}");

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
