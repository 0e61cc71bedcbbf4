using System.Buffers;
using System.Globalization;
using Retention.Metrics.Numerics;

namespace Retention.Metrics;

public static partial class Survival
{
    private const int MaxLogRankGroups = 1024;

    /// <summary>Tests whether two or more groups share one survival curve with the log-rank (Mantel–Haenszel) test.</summary>
    /// <param name="observations">The lifetimes.</param>
    /// <param name="groupOfObservation">The group of each observation, a number from 0 to 1023; same length as <paramref name="observations"/>.</param>
    /// <returns>The statistic, degrees of freedom, p-value and per-group observed and expected events; statistic 0, 0 degrees of freedom
    /// and p-value 1 for an empty input or a single group.</returns>
    /// <exception cref="ArgumentException">The spans differ in length, a time is negative, NaN or infinite, or a group is outside
    /// 0..1023 (the message names the index).</exception>
    /// <remarks>At each distinct event time t with <c>n_t</c> at risk (<c>n_{g,t}</c> in group g) and <c>d_t</c> events:
    /// <c>E_g = Σ d_t n_{g,t}/n_t</c>, <c>V_gh = Σ d_t (n_t − d_t)/(n_t − 1) · (n_{g,t}/n_t)(δ_gh − n_{h,t}/n_t)</c>; the statistic
    /// <c>(O − E)ᵀ V⁻¹ (O − E)</c> over the groups with <c>E_g &gt; 0</c> except the first is chi-squared with (groups − 1) degrees of
    /// freedom under the null (R <c>survdiff</c>). Censored subjects are at risk at their censoring time. Cost O(n log n + times × groups²).</remarks>
    public static LogRankResult LogRank(ReadOnlySpan<SurvivalObservation> observations, ReadOnlySpan<int> groupOfObservation)
    {
        int n = observations.Length;
        if (groupOfObservation.Length != n)
            ThrowHelper.ThrowArgument(nameof(groupOfObservation), string.Create(CultureInfo.InvariantCulture,
                $"groupOfObservation has length {groupOfObservation.Length}; it must have the length of observations ({n})."));
        int k = 0;
        for (int i = 0; i < n; i++)
        {
            double t = observations[i].Time;
            if (!(t >= 0d) || double.IsPositiveInfinity(t))
                ThrowHelper.ThrowElement(nameof(observations), i, nameof(SurvivalObservation.Time), t, "times must be zero or greater and finite.");
            int g = groupOfObservation[i];
            if ((uint)g >= MaxLogRankGroups)
                ThrowHelper.ThrowElement(nameof(groupOfObservation), i, g, "groups must be numbers from 0 to 1023.");
            if (g >= k) k = g + 1;
        }

        var atRisk = new long[k];
        var count = new long[k];
        var observed = new long[k];
        var expected = new double[k];
        var variance = new double[k * k];
        var deaths = new long[k];
        double[] keys = ArrayPool<double>.Shared.Rent(Math.Max(1, n));
        int[] order = ArrayPool<int>.Shared.Rent(Math.Max(1, n));
        try
        {
            for (int i = 0; i < n; i++)
            {
                keys[i] = observations[i].Time + 0d;
                order[i] = i;
                count[groupOfObservation[i]]++;
            }
            count.AsSpan().CopyTo(atRisk);
            keys.AsSpan(0, n).Sort(order.AsSpan(0, n));
            long total = n;
            int start = 0;
            while (start < n)
            {
                double t = keys[start];
                int end = start;
                long d = 0;
                while (end < n && keys[end] == t)
                {
                    int index = order[end];
                    if (observations[index].Event)
                    {
                        deaths[groupOfObservation[index]]++;
                        d++;
                    }
                    end++;
                }
                if (d > 0)
                {
                    double nt = total;
                    double factor = total > 1 ? d * (nt - d) / (nt - 1d) : 0d;
                    for (int g = 0; g < k; g++)
                    {
                        observed[g] += deaths[g];
                        if (atRisk[g] == 0) continue;
                        double pg = atRisk[g] / nt;
                        expected[g] += d * pg;
                        if (factor == 0d) continue;
                        for (int h = 0; h < k; h++)
                        {
                            if (atRisk[h] == 0) continue;
                            double ph = atRisk[h] / nt;
                            variance[g * k + h] += factor * pg * ((g == h ? 1d : 0d) - ph);
                        }
                    }
                    Array.Clear(deaths);
                }
                for (int j = start; j < end; j++) atRisk[groupOfObservation[order[j]]]--;
                total -= end - start;
                start = end;
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(order);
        }

        int present = 0;
        for (int g = 0; g < k; g++) if (count[g] > 0) present++;
        var groups = new LogRankGroup[present];
        int p = 0;
        for (int g = 0; g < k; g++)
        {
            if (count[g] > 0) groups[p++] = new LogRankGroup(g, count[g], observed[g], expected[g], variance[g * k + g]);
        }

        // Groups with a positive expected count, dropping the first (R survdiff).
        int m = 0;
        Span<int> used = k <= 256 ? stackalloc int[k] : new int[k];
        for (int g = 0; g < k; g++) if (expected[g] > 0d) used[m++] = g;
        if (m < 2) return new LogRankResult(groups, 0d, 0, 1d);
        int r = m - 1;
        var v = new double[r * r];
        var inverse = new double[r * r];
        for (int a = 0; a < r; a++)
        {
            for (int b = 0; b < r; b++) v[a * r + b] = variance[used[a + 1] * k + used[b + 1]];
        }
        if (!Minimizer.TryInvertSymmetricPositiveDefinite(v, r, inverse)) return new LogRankResult(groups, double.NaN, r, double.NaN);
        double statistic = 0d;
        for (int a = 0; a < r; a++)
        {
            double da = observed[used[a + 1]] - expected[used[a + 1]];
            for (int b = 0; b < r; b++) statistic += da * inverse[a * r + b] * (observed[used[b + 1]] - expected[used[b + 1]]);
        }
        return new LogRankResult(groups, statistic, r, ChiSquaredDistribution.Survival(statistic, r));
    }
}
