namespace Retention.Metrics.Benchmarks.Infrastructure;

/// <summary>One value per benchmark size, created on first use and shared by every benchmark in the process.</summary>
/// <typeparam name="T">The cached value (purchases, a history, order lines).</typeparam>
public sealed class SizeCache<T>(Func<int, T> create)
    where T : class
{
    private readonly Dictionary<int, T> _values = [];
    private readonly Lock _lock = new();

    /// <summary>Gets the value of size <paramref name="n"/>, creating it on first use.</summary>
    public T Get(int n)
    {
        lock (_lock)
        {
            if (!_values.TryGetValue(n, out T? value))
            {
                value = create(n);
                _values[n] = value;
            }
            return value;
        }
    }
}
