namespace Retention.Metrics;

/// <summary>An exact distribution of gaps in whole days (for example days to the next purchase), held as a histogram by day.</summary>
/// <remarks>
/// Quantiles use linear interpolation between order statistics (R type 7, Excel <c>PERCENTILE.INC</c>), so the median of an even count is
/// the mean of the two middle gaps. Distributions over disjoint customer sets combine with <see cref="Combine"/>.
/// </remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.IntervalDistributionJsonConverter))]
public sealed class IntervalDistribution
{
    private static readonly int[] s_defaultBounds = [0, 10, 30, 60, 90, 120, 150, 180, 210, 240, 270, 300, 330, 360];
    private readonly long[] _histogram;

    internal IntervalDistribution(long[] histogram)
    {
        _histogram = histogram;
        long count = 0;
        decimal sum = 0m;
        for (int d = 0; d < histogram.Length; d++)
        {
            count += histogram[d];
            sum += (decimal)histogram[d] * d;
        }
        Count = count;
        MeanDays = count == 0 ? 0d : (double)(sum / count);
    }

    /// <summary>Gets the bucket upper bounds used in practice (future-shop style): same day, ≤ 10, ≤ 30, ≤ 60, then every 30 days to ≤ 360; a last bucket holds &gt; 360.</summary>
    public static ReadOnlySpan<int> DefaultBucketBounds => s_defaultBounds;

    /// <summary>Gets the number of gaps.</summary>
    public long Count { get; }

    /// <summary>Gets the mean gap in days; 0 when there is no gap.</summary>
    public double MeanDays { get; }

    /// <summary>Gets the median gap in days (type-7 quantile at 0.5); 0 when there is no gap.</summary>
    public double MedianDays => Quantile(0.5);

    /// <summary>Gets the most frequent gap in days (the smallest on ties); 0 when there is no gap.</summary>
    public int ModeDays
    {
        get
        {
            int mode = 0;
            for (int d = 1; d < _histogram.Length; d++)
            {
                if (_histogram[d] > _histogram[mode]) mode = d;
            }
            return mode;
        }
    }

    /// <summary>Gets the number of gaps of each length in days: index d holds the gaps of exactly d days.</summary>
    public ReadOnlySpan<long> CountsByDay => _histogram;

    /// <summary>Gets a quantile of the gaps.</summary>
    /// <param name="probability">The probability in [0, 1].</param>
    /// <returns>The quantile in days; 0 when there is no gap.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is not in [0, 1].</exception>
    /// <remarks>With the sorted gaps <c>x₀ ≤ … ≤ x_{n−1}</c> and <c>h = (n − 1)·p</c>: <c>x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋)</c>.</remarks>
    public double Quantile(double probability)
    {
        if (!(probability >= 0d && probability <= 1d)) ThrowHelper.ThrowOutOfRange(nameof(probability), probability, "it must be in the range [0, 1].");
        if (Count == 0) return 0d;
        double h = (Count - 1) * probability;
        long lower = (long)Math.Floor(h);
        int x0 = OrderStatistic(lower);
        if (lower + 1 >= Count) return x0;
        int x1 = OrderStatistic(lower + 1);
        return x0 + ((h - lower) * (x1 - x0));
    }

    /// <summary>Counts the gaps in buckets with inclusive upper bounds: <c>[0, b₀], (b₀, b₁], …, (b_{k−1}, ∞)</c>.</summary>
    /// <param name="upperBounds">Strictly increasing, non-negative bounds in days, for example <see cref="DefaultBucketBounds"/>.</param>
    /// <param name="destination">Receives <c>upperBounds.Length + 1</c> counts; the last is the gaps above the last bound.</param>
    /// <exception cref="ArgumentException">A bound is negative or not above the previous one (the message names its index), or <paramref name="destination"/> is too short.</exception>
    /// <remarks>The counts add up to <see cref="Count"/>.</remarks>
    public void CountBuckets(ReadOnlySpan<int> upperBounds, Span<long> destination)
    {
        for (int i = 0; i < upperBounds.Length; i++)
        {
            if (upperBounds[i] < 0 || (i > 0 && upperBounds[i] <= upperBounds[i - 1]))
                ThrowHelper.ThrowElement(nameof(upperBounds), i, upperBounds[i], "bounds must be zero or greater and strictly increasing.");
        }
        if (destination.Length < upperBounds.Length + 1)
            ThrowHelper.ThrowDestinationTooShort(nameof(destination), destination.Length, upperBounds.Length + 1);
        destination[..(upperBounds.Length + 1)].Clear();
        int bucket = 0;
        for (int d = 0; d < _histogram.Length; d++)
        {
            while (bucket < upperBounds.Length && d > upperBounds[bucket]) bucket++;
            destination[bucket] += _histogram[d];
        }
    }

    /// <summary>Combines distributions computed over disjoint customer sets.</summary>
    /// <param name="left">The first distribution.</param>
    /// <param name="right">The second distribution.</param>
    /// <returns>The distribution of the union.</returns>
    /// <exception cref="ArgumentNullException">A distribution is <see langword="null"/>.</exception>
    /// <exception cref="OverflowException">A count overflows.</exception>
    public static IntervalDistribution Combine(IntervalDistribution left, IntervalDistribution right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var histogram = new long[Math.Max(left._histogram.Length, right._histogram.Length)];
        for (int d = 0; d < left._histogram.Length; d++) histogram[d] = left._histogram[d];
        for (int d = 0; d < right._histogram.Length; d++) histogram[d] = checked(histogram[d] + right._histogram[d]);
        return new IntervalDistribution(histogram);
    }

    private int OrderStatistic(long rank)
    {
        long seen = 0;
        for (int d = 0; d < _histogram.Length; d++)
        {
            seen += _histogram[d];
            if (seen > rank) return d;
        }
        return _histogram.Length - 1;
    }

    /// <summary>Gets the serializable form of the distribution: its histogram.</summary>
    /// <returns>The data; <see cref="FromData"/> rebuilds an equal distribution.</returns>
    public IntervalDistributionData ToData() => new((long[])_histogram.Clone());

    /// <summary>Rebuilds a distribution from its histogram.</summary>
    /// <param name="data">The data, for example read back from JSON.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> or its histogram is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A count is negative; the message names the index.</exception>
    public static IntervalDistribution FromData(IntervalDistributionData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        long[] counts = Serialization.DataCheck.NotNull(data.CountsByDay, nameof(data.CountsByDay));
        Serialization.DataCheck.NonNegative(counts, nameof(data.CountsByDay));
        return new IntervalDistribution((long[])counts.Clone());
    }
}
