using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.EventProcessors;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Retention.Metrics.Benchmarks.Infrastructure;

/// <summary>The configuration every benchmark class uses: allocations, GitHub-markdown reports, throughput and machine load.</summary>
/// <remarks>Apply with <c>[BenchConfig]</c>. The machine (CPU, cores, OS, runtime, GC mode) is in the report header that
/// BenchmarkDotNet writes; <see cref="Machine"/> adds the load average, which matters on a shared machine.</remarks>
[AttributeUsage(AttributeTargets.Class)]
public sealed class BenchConfigAttribute : Attribute, IConfigSource
{
    public IConfig Config { get; } = ManualConfig.CreateEmpty()
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddColumn(new ThroughputColumn(), new LoadColumn())
        .AddEventProcessor(new LoadRecorder())
        .WithBuildTimeout(TimeSpan.FromMinutes(10));
}

/// <summary>Million purchases per second, from the <c>N</c> parameter and the mean time.</summary>
public sealed class ThroughputColumn : IColumn
{
    public string Id => nameof(ThroughputColumn);
    public string ColumnName => "M purchases/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Million purchases processed per second (N / Mean)";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        BenchmarkReport? report = summary[benchmarkCase];
        double? meanNs = report?.ResultStatistics?.Mean;
        object? n = benchmarkCase.Parameters["N"];
        if (meanNs is not > 0 || n is not int purchases) return "-";
        return (purchases / (meanNs.Value / 1e9) / 1e6).ToString("N1", System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>Records the 1-minute load average when each benchmark case finishes.</summary>
public sealed class LoadRecorder : EventProcessor
{
    internal static readonly System.Collections.Concurrent.ConcurrentDictionary<BenchmarkCase, string> s_loads = new();

    public override void OnEndRunBenchmark(BenchmarkCase benchmarkCase, BenchmarkReport report) =>
        s_loads[benchmarkCase] = Machine.LoadAverage();
}

/// <summary>The 1-minute load average when the benchmark case finished: a noise indicator on a shared machine.</summary>
public sealed class LoadColumn : IColumn
{
    public string Id => nameof(LoadColumn);
    public string ColumnName => "Load";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 1;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "1-minute load average of the machine when the case finished (cores: Environment.ProcessorCount)";

    public bool IsAvailable(Summary summary) => OperatingSystem.IsLinux();

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        LoadRecorder.s_loads.TryGetValue(benchmarkCase, out string? load) ? load : "-";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
}
