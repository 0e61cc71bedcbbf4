using System.Globalization;

namespace Retention.Metrics;

/// <summary>Count, mean and sum of squared deviations of a per-customer amount (for example revenue per mailed customer),
/// mergeable across disjoint customer sets.</summary>
/// <remarks>
/// <para>Build it from values with <see cref="FromValues"/>, from published moments with <see cref="FromMoments"/>, and merge
/// partial results with <see cref="Combine"/> (Chan et al. pairwise update). The default value is the empty sample.</para>
/// <para>Invariants: <c>Count ≥ 0</c>, finite <c>Mean</c>, <c>SumOfSquaredDeviations ≥ 0</c>; an empty sample has mean 0.</para>
/// </remarks>
public readonly record struct SpendStatistics
{
    /// <summary>Creates the statistics from their parts.</summary>
    /// <param name="count">The number of customers; zero or greater.</param>
    /// <param name="mean">The mean amount; finite (0 when <paramref name="count"/> is 0).</param>
    /// <param name="sumOfSquaredDeviations">Σ (value − mean)²; zero or greater and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">A part is negative, not finite, or inconsistent with an empty sample.</exception>
    [System.Text.Json.Serialization.JsonConstructor]
    public SpendStatistics(long count, double mean, double sumOfSquaredDeviations)
    {
        if (count < 0) ThrowHelper.ThrowOutOfRange(nameof(count), count, "it must be zero or greater.");
        if (!double.IsFinite(mean) || (count == 0 && mean != 0d))
            ThrowHelper.ThrowOutOfRange(nameof(mean), mean, "it must be finite (and 0 for an empty sample).");
        if (!(sumOfSquaredDeviations >= 0d) || double.IsInfinity(sumOfSquaredDeviations) || (count == 0 && sumOfSquaredDeviations != 0d))
            ThrowHelper.ThrowOutOfRange(nameof(sumOfSquaredDeviations), sumOfSquaredDeviations,
                "it must be zero or greater and finite (and 0 for an empty sample).");
        Count = count;
        Mean = mean;
        SumOfSquaredDeviations = sumOfSquaredDeviations;
    }

    /// <summary>Gets the number of customers.</summary>
    public long Count { get; }

    /// <summary>Gets the mean amount; 0 for an empty sample.</summary>
    public double Mean { get; }

    /// <summary>Gets Σ (value − mean)².</summary>
    public double SumOfSquaredDeviations { get; }

    /// <summary>Gets the unbiased sample variance <c>Σ(v − mean)² / (n − 1)</c>; 0 when fewer than two customers.</summary>
    public double Variance => Count < 2 ? 0d : SumOfSquaredDeviations / (Count - 1);

    /// <summary>Gets the sample standard deviation <c>√Variance</c>; 0 when fewer than two customers.</summary>
    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>Computes the statistics of per-customer amounts in one pass (Welford).</summary>
    /// <param name="values">One amount per customer, including zeros for customers who did not buy.</param>
    /// <returns>The statistics; the empty sample for an empty span.</returns>
    /// <remarks>Mean and deviations are accumulated in double (Welford's update), accurate to about 1e-15 relative for money
    /// amounts. Merge partial results over disjoint customers with <see cref="Combine"/>.</remarks>
    public static SpendStatistics FromValues(ReadOnlySpan<decimal> values)
    {
        double mean = 0d, m2 = 0d;
        for (int i = 0; i < values.Length; i++)
        {
            double v = (double)values[i];
            double delta = v - mean;
            mean += delta / (i + 1);
            m2 += delta * (v - mean);
        }
        return new SpendStatistics(values.Length, mean, m2);
    }

    /// <summary>Creates the statistics from a published count, mean and sample standard deviation.</summary>
    /// <param name="count">The number of customers; zero or greater.</param>
    /// <param name="mean">The mean amount; finite.</param>
    /// <param name="standardDeviation">The sample standard deviation (n − 1 divisor); zero or greater and finite.</param>
    /// <returns>The statistics.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A part is negative or not finite, or the empty sample has a non-zero mean or deviation.</exception>
    /// <remarks><c>SumOfSquaredDeviations = sd² × (n − 1)</c>.</remarks>
    public static SpendStatistics FromMoments(long count, double mean, double standardDeviation)
    {
        if (!(standardDeviation >= 0d) || double.IsInfinity(standardDeviation))
            ThrowHelper.ThrowOutOfRange(nameof(standardDeviation), standardDeviation, "it must be zero or greater and finite.");
        if (count < 0) ThrowHelper.ThrowOutOfRange(nameof(count), count, "it must be zero or greater.");
        return new SpendStatistics(count, mean, count < 2 ? 0d : standardDeviation * standardDeviation * (count - 1));
    }

    /// <summary>Combines statistics of two disjoint customer sets.</summary>
    /// <param name="left">The first part.</param>
    /// <param name="right">The second part.</param>
    /// <returns>The statistics of the union.</returns>
    /// <exception cref="OverflowException">The total count overflows.</exception>
    /// <remarks><c>n = n₁ + n₂</c>, <c>mean = mean₁ + (mean₂ − mean₁)·n₂/n</c>, <c>M2 = M2₁ + M2₂ + (mean₂ − mean₁)²·n₁n₂/n</c>.</remarks>
    public static SpendStatistics Combine(SpendStatistics left, SpendStatistics right)
    {
        long n = checked(left.Count + right.Count);
        if (n == 0) return default;
        double delta = right.Mean - left.Mean;
        double mean = left.Mean + delta * ((double)right.Count / n);
        double m2 = left.SumOfSquaredDeviations + right.SumOfSquaredDeviations + delta * delta * ((double)left.Count * right.Count / n);
        return new SpendStatistics(n, mean, m2);
    }

    /// <summary>Formats as <c>"n = …, mean = …, sd = …"</c> with invariant culture.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"n = {Count}, mean = {Mean:G6}, sd = {StandardDeviation:G6}");
}
