using System.Globalization;

namespace Retention.Metrics.Benchmarks.Infrastructure;

/// <summary>The purchase counts benchmarks run at: 1,000,000 and 10,000,000 unless <c>RM_BENCH_SIZES</c> says otherwise.</summary>
/// <remarks><c>RM_BENCH_SIZES=100000</c> or <c>RM_BENCH_SIZES=1000000,10000000</c> (comma-separated, underscores allowed).
/// CI sets a small size so that <c>--job Dry</c> finishes quickly.</remarks>
public static class Sizes
{
    public const string EnvironmentVariable = "RM_BENCH_SIZES";

    public static IReadOnlyList<int> All { get; } = Parse(Environment.GetEnvironmentVariable(EnvironmentVariable));

    internal static IReadOnlyList<int> Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return [1_000_000, 10_000_000];
        var sizes = new List<int>();
        foreach (string part in value.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 1)
                throw new FormatException($"{EnvironmentVariable}: '{part}' is not a positive purchase count.");
            sizes.Add(n);
        }
        return sizes;
    }
}
