using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Retention.Metrics.Benchmarks.Infrastructure;

namespace Retention.Metrics.Benchmarks;

public static class Program
{
    public static int Main(string[] args)
    {
        // `scale …` is the memory and parallelism run of docs/scale.md, not a BenchmarkDotNet run.
        if (args.Length > 0 && args[0] == "scale") return ScaleRun.Run(args[1..]);
        Machine.PrintHeader();
        // One joined run builds the generated benchmark project once for all classes (a build per class is slow on a busy machine);
        // grouping by category (one per class) keeps each class's own baseline for Ratio.
        IConfig config = DefaultConfig.Instance
            .WithOption(ConfigOptions.JoinSummary, true)
            .AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)
            .WithBuildTimeout(TimeSpan.FromMinutes(10));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        Machine.PrintFooter();
        return 0;
    }
}
