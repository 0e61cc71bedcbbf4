using System.Buffers;

namespace Retention.Metrics;

/// <summary>Survival analysis of customer or subscription lifetimes: Kaplan–Meier curves, the log-rank test and helpers.</summary>
public static partial class Survival
{
    /// <summary>Estimates the Kaplan–Meier survival curve of right-censored lifetimes, with Greenwood standard errors and pointwise
    /// confidence intervals.</summary>
    /// <param name="observations">The lifetimes: a duration (zero or greater, finite) and whether it ended in the event.</param>
    /// <param name="options">The confidence level and interval transform; <see langword="null"/> for the defaults (95 %, log).</param>
    /// <returns>The curve, one row per distinct observed time; a curve with no rows (S = 1 everywhere, median not reached) for an empty input.</returns>
    /// <exception cref="ArgumentException">An observation's time is negative, NaN or infinite (the message names its index).</exception>
    /// <remarks>
    /// <para><c>S(t) = Π_{tᵢ ≤ t} (1 − dᵢ/nᵢ)</c> where <c>nᵢ</c> counts subjects whose time is ≥ <c>tᵢ</c>: a subject censored at
    /// <c>tᵢ</c> is still at risk at <c>tᵢ</c> (the R <c>survival</c> convention). Greenwood: <c>se(S) = S·√Σ dᵢ/(nᵢ(nᵢ − dᵢ))</c>.
    /// Where S reaches 0 the standard error and the interval are undefined and reported as NaN (R reports <c>NA</c>).</para>
    /// <para>The result depends only on the multiset of observations (order is irrelevant). Curves of disjoint subject sets merge
    /// with <see cref="KaplanMeierCurve.Combine"/>. Cost: one validation pass, then a counting pass when all times are small whole
    /// numbers (days, periods) or a sort otherwise; scratch memory is pooled.</para>
    /// </remarks>
    public static KaplanMeierCurve KaplanMeier(ReadOnlySpan<SurvivalObservation> observations, KaplanMeierOptions? options = null)
    {
        options ??= KaplanMeierOptions.Default;
        int n = observations.Length;
        if (n == 0) return KaplanMeierCurve.Create([], [], [], 0, options);
        bool integral = true;
        double max = 0d;
        int events = 0;
        for (int i = 0; i < n; i++)
        {
            double t = observations[i].Time;
            if (!(t >= 0d) || double.IsPositiveInfinity(t))
                ThrowHelper.ThrowElement(nameof(observations), i, nameof(SurvivalObservation.Time), t, "times must be zero or greater and finite.");
            if (t > max) max = t;
            if (integral && t != Math.Floor(t)) integral = false;
            if (observations[i].Event) events++;
        }
        int limit = Math.Max(4096, n);
        return integral && max < limit
            ? ByCounting(observations, (int)max, options)
            : BySorting(observations, events, options);
    }

    private static KaplanMeierCurve ByCounting(ReadOnlySpan<SurvivalObservation> observations, int max, KaplanMeierOptions options)
    {
        int length = max + 1;
        int[] counts = ArrayPool<int>.Shared.Rent(2 * length);
        try
        {
            Span<int> c = counts.AsSpan(0, 2 * length);
            c.Clear();
            for (int i = 0; i < observations.Length; i++)
            {
                ref readonly SurvivalObservation o = ref observations[i];
                c[2 * (int)o.Time + (o.Event ? 0 : 1)]++;
            }
            int distinct = 0;
            for (int t = 0; t < length; t++)
            {
                if ((c[2 * t] | c[2 * t + 1]) != 0) distinct++;
            }
            var times = new double[distinct];
            var ev = new long[distinct];
            var ce = new long[distinct];
            int k = 0;
            for (int t = 0; t < length; t++)
            {
                int d = c[2 * t], z = c[2 * t + 1];
                if ((d | z) == 0) continue;
                times[k] = t;
                ev[k] = d;
                ce[k] = z;
                k++;
            }
            return KaplanMeierCurve.Create(times, ev, ce, distinct, options);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(counts);
        }
    }

    private static KaplanMeierCurve BySorting(ReadOnlySpan<SurvivalObservation> observations, int events, KaplanMeierOptions options)
    {
        int n = observations.Length;
        double[] eventTimes = ArrayPool<double>.Shared.Rent(Math.Max(1, events));
        double[] censorTimes = ArrayPool<double>.Shared.Rent(Math.Max(1, n - events));
        try
        {
            int e = 0, z = 0;
            for (int i = 0; i < n; i++)
            {
                ref readonly SurvivalObservation o = ref observations[i];
                double t = o.Time + 0d; // -0 becomes +0
                if (o.Event) eventTimes[e++] = t;
                else censorTimes[z++] = t;
            }
            Span<double> et = eventTimes.AsSpan(0, e);
            Span<double> ct = censorTimes.AsSpan(0, z);
            et.Sort();
            ct.Sort();
            int distinct = CountDistinctMerged(et, ct);
            var times = new double[distinct];
            var ev = new long[distinct];
            var ce = new long[distinct];
            int a = 0, b = 0, k = 0;
            while (a < e || b < z)
            {
                double t = a < e && (b >= z || et[a] <= ct[b]) ? et[a] : ct[b];
                long d = 0, c = 0;
                while (a < e && et[a] == t)
                {
                    d++;
                    a++;
                }
                while (b < z && ct[b] == t)
                {
                    c++;
                    b++;
                }
                times[k] = t;
                ev[k] = d;
                ce[k] = c;
                k++;
            }
            return KaplanMeierCurve.Create(times, ev, ce, distinct, options);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(eventTimes);
            ArrayPool<double>.Shared.Return(censorTimes);
        }
    }

    private static int CountDistinctMerged(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int i = 0, j = 0, distinct = 0;
        while (i < a.Length || j < b.Length)
        {
            double t = i < a.Length && (j >= b.Length || a[i] <= b[j]) ? a[i] : b[j];
            while (i < a.Length && a[i] == t) i++;
            while (j < b.Length && b[j] == t) j++;
            distinct++;
        }
        return distinct;
    }
}
