using System.Text.RegularExpressions;

namespace Retention.Metrics.Tests.Cli;

[CollectionDefinition(nameof(WorkingDirectoryTests), DisableParallelization = true)]
public sealed class WorkingDirectoryTests;

/// <summary>Tests that change the process's working directory; they run alone.</summary>
[Collection(nameof(WorkingDirectoryTests))]
public class ReportWorkingDirectoryTests
{
    private static (int Code, string Out, string Err) RunIn(string directory, string[] args)
    {
        string previous = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = directory;
            var output = new StringWriter();
            var error = new StringWriter();
            int code = Metrics.Cli.Cli.Run(args, output, error);
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    [Fact]
    public void Report_DefaultOut_WritesRetentionReportHtmlInTheWorkingDirectory()
    {
        string dir = Directory.CreateTempSubdirectory("report-").FullName;
        try
        {
            var (code, output, _) = RunIn(dir, ["report", "--sample", "--purchases", "500"]);
            Assert.Equal(0, code);
            string expected = Path.Combine(dir, "retention-report.html");
            Assert.True(File.Exists(expected));
            Assert.StartsWith($"Wrote {expected}\n", output, StringComparison.Ordinal);
            Assert.Contains("sample shop (500 purchases, seed 42): ", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void ReadmeRunCommand_WritesTheSampleShopReport()
    {
        string readme = File.ReadAllText(ReadmeExample.ReadmeTests.FindUp("README.md"));
        Match command = Regex.Match(readme, @"dotnet run --project src/Retention\.Metrics\.Cli -- (report[^\n`]*)\n");
        Assert.True(command.Success, "README.md has no 'dotnet run … -- report' command");
        string[] args = command.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string dir = Directory.CreateTempSubdirectory("readme-").FullName;
        try
        {
            var (code, output, error) = RunIn(dir, args);
            Assert.Equal("", error);
            Assert.Equal(0, code);
            string html = File.ReadAllText(Path.Combine(dir, "report.html"));
            Assert.Contains("<p class=\"source\">sample shop (35,000 purchases, seed 42)</p>", html, StringComparison.Ordinal);
            Assert.Equal(7, Regex.Count(html, "<svg class=\"chart\""));
            Assert.Contains("9,811 customers, 35,000 orders", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
