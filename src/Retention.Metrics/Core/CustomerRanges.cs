namespace Retention.Metrics;

/// <summary>Splits a history's customers into contiguous position ranges of about equal purchase counts, for passes that run
/// one range per core and combine the parts (customers are disjoint across ranges, so every combinable result adds up).</summary>
internal static class CustomerRanges
{
    /// <summary>Validates a caller's degree of parallelism: 1 (one thread) or more.</summary>
    internal static void Validate(int degreeOfParallelism, string paramName = "degreeOfParallelism")
    {
        if (degreeOfParallelism < 1)
            ThrowHelper.ThrowOutOfRange(paramName, degreeOfParallelism, "it must be 1 or greater (Environment.ProcessorCount uses every core).");
    }

    /// <summary>Gets the number of ranges to use: the degree of parallelism, but never more than the customers.</summary>
    internal static int Parts(PurchaseHistory history, int degreeOfParallelism) =>
        Math.Max(1, Math.Min(degreeOfParallelism, history.CustomerCount));

    /// <summary>Writes the range bounds: range <c>p</c> is positions <c>bounds[p] .. bounds[p + 1] − 1</c>; the bounds ascend from
    /// 0 to <see cref="PurchaseHistory.CustomerCount"/>, and each range holds about <c>Count / parts</c> purchases.</summary>
    internal static void Split(PurchaseHistory history, Span<int> bounds)
    {
        int parts = bounds.Length - 1;
        ReadOnlySpan<int> starts = history.CustomerStarts;
        int customers = history.CustomerCount;
        bounds[0] = 0;
        for (int p = 1; p < parts; p++)
        {
            int target = (int)((long)history.Count * p / parts);
            // The first customer whose run starts at or after the target position.
            int at = starts[..customers].BinarySearch(target);
            if (at < 0) at = ~at;
            bounds[p] = Math.Clamp(at, bounds[p - 1], customers);
        }
        bounds[parts] = customers;
    }
}
