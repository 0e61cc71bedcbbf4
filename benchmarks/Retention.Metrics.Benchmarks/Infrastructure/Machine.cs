using System.Globalization;
using System.Runtime;

namespace Retention.Metrics.Benchmarks.Infrastructure;

/// <summary>Prints what BenchmarkDotNet's header does not show: cores visible to the process, GC mode, sizes, load.</summary>
public static class Machine
{
    public static void PrintHeader()
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// Retention.Metrics benchmarks: {Environment.ProcessorCount} cores visible, server GC {GCSettings.IsServerGC}, " +
            $"memory {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1 << 20):N0} MiB, sizes {string.Join(", ", Sizes.All)} " +
            $"({Sizes.EnvironmentVariable}), load average {LoadAverage()}"));
    }

    public static void PrintFooter() =>
        Console.WriteLine($"// Retention.Metrics benchmarks finished; load average {LoadAverage()}");

    /// <summary>The 1-, 5- and 15-minute load averages (Linux), or "-".</summary>
    public static string LoadAverage()
    {
        try
        {
            if (!OperatingSystem.IsLinux()) return "-";
            string[] parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return parts[0];
        }
        catch (IOException)
        {
            return "-";
        }
        catch (UnauthorizedAccessException)
        {
            return "-";
        }
    }
}
