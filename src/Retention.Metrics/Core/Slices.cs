namespace Retention.Metrics;

/// <summary>Running a pass in parts, one part per thread: the parts are contiguous slices of the input (purchases or
/// customers), and each part writes only its own results.</summary>
internal static class Slices
{
    /// <summary>Runs <paramref name="body"/> for parts 0 .. <paramref name="parts"/> − 1, each on its own thread (one part runs
    /// on the caller's thread).</summary>
    internal static void ForEach(int parts, Action<int> body)
    {
        if (parts == 1) body(0);
        else Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, body);
    }

    /// <summary>Gets the end (exclusive) of slice <paramref name="part"/> of <paramref name="n"/> items split into
    /// <paramref name="parts"/> slices of about equal size; slice −1 ends at 0.</summary>
    internal static int End(int n, int parts, int part) => (int)((long)n * (part + 1) / parts);
}
