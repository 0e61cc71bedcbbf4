using System.Buffers;
using Retention.Metrics.Numerics;

namespace Retention.Metrics;

/// <summary>RFM analysis (RFM分析): recency, frequency and monetary scores per customer and named segments.</summary>
public static partial class Rfm
{
    /// <summary>Scores the customers of a history as of <paramref name="asOf"/>, optionally over a window, and assigns segments.</summary>
    /// <param name="history">The purchase history.</param>
    /// <param name="asOf">The observation end, inclusive: purchases on this day count, later ones are ignored.</param>
    /// <param name="options">The measures, scales and segment rules; <see langword="null"/> for <see cref="RfmOptions.Default"/>.</param>
    /// <param name="windowStart">The first day of the window, inclusive; <see langword="null"/> for the whole history. Customers
    /// without a purchase in <c>[windowStart, asOf]</c> are left out.</param>
    /// <returns>The result; no customers and all-zero segments for an empty history.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> precedes the first purchase, or
    /// <paramref name="windowStart"/> is after <paramref name="asOf"/>.</exception>
    /// <exception cref="ArgumentException">An option is <see langword="null"/>.</exception>
    /// <remarks>
    /// Per customer: <c>R = asOf − last purchase</c> in days (0-based), <c>F</c> = orders (or purchase days), <c>M</c> = total
    /// (or mean per order) spend, all over the window; then see <see cref="Compute(ReadOnlySpan{CustomerSummary}, RfmOptions?)"/>.
    /// O(purchases + n log n) for n customers.
    /// </remarks>
    public static RfmResult Compute(PurchaseHistory history, DateOnly asOf, RfmOptions? options = null, DateOnly? windowStart = null)
    {
        int startDay = SegmentationPass.WindowStart(history, asOf, windowStart);
        CustomerSummary[] buffer = ArrayPool<CustomerSummary>.Shared.Rent(Math.Max(1, history.CustomerCount));
        try
        {
            int n = SegmentationPass.Summaries(history, startDay, asOf.DayNumber, buffer);
            return Compute(buffer.AsSpan(0, n), options);
        }
        finally
        {
            ArrayPool<CustomerSummary>.Shared.Return(buffer);
        }
    }

    /// <summary>Scores customers from their summaries (for example aggregated in a warehouse) and assigns segments.</summary>
    /// <param name="summaries">One summary per customer, all taken at the same observation end.</param>
    /// <param name="options">The measures, scales and segment rules; <see langword="null"/> for <see cref="RfmOptions.Default"/>.</param>
    /// <returns>The result, customers in input order; no customers and all-zero segments for empty input.</returns>
    /// <exception cref="ArgumentException">A summary's observation end differs from the first one's (the message names the
    /// index), or an option is <see langword="null"/>.</exception>
    /// <remarks>
    /// <para>Recency is <see cref="CustomerSummary.DaysSinceLastPurchase"/>; frequency is <see cref="CustomerSummary.Orders"/> or
    /// <see cref="CustomerSummary.PurchaseDays"/>; monetary value is <see cref="CustomerSummary.TotalAmount"/> or
    /// <c>TotalAmount / Orders</c>. Each dimension is scored by its <see cref="RfmScale"/> (see there for the cut-point rules and
    /// tie policy), then the segment is the first rule of <see cref="RfmOptions.Segments"/> that matches, else the fallback.</para>
    /// <para>Segment rows report customers, orders (always <see cref="CustomerSummary.Orders"/>) and revenue
    /// (<see cref="CustomerSummary.TotalAmount"/>) with their shares of the whole.</para>
    /// <para>O(n log n) for quantile and equal-count scales (one sort per dimension), O(n) for thresholds; scratch is pooled.
    /// Quantile scores are not mergeable across customer sets; see <see cref="RfmResult"/>.</para>
    /// </remarks>
    public static RfmResult Compute(ReadOnlySpan<CustomerSummary> summaries, RfmOptions? options = null)
    {
        options ??= RfmOptions.Default;
        RfmScale rScale = options.RecencyScale, fScale = options.FrequencyScale, mScale = options.MonetaryScale;
        RfmSegmentRules rules = options.Segments;
        if (rScale is null) ThrowHelper.ThrowArgument(nameof(options), "options.RecencyScale must not be null.");
        if (fScale is null) ThrowHelper.ThrowArgument(nameof(options), "options.FrequencyScale must not be null.");
        if (mScale is null) ThrowHelper.ThrowArgument(nameof(options), "options.MonetaryScale must not be null.");
        if (rules is null) ThrowHelper.ThrowArgument(nameof(options), "options.Segments must not be null.");
        int n = summaries.Length;
        for (int i = 1; i < n; i++)
        {
            if (summaries[i].AsOfDayNumber != summaries[0].AsOfDayNumber)
                ThrowHelper.ThrowElement(nameof(summaries), i, "AsOf", summaries[i].AsOf,
                    $"every summary must be taken at the same observation end as summaries[0] ({summaries[0].AsOf:yyyy-MM-dd}).");
        }

        var customers = new RfmCustomer[n];
        double[] values = ArrayPool<double>.Shared.Rent(Math.Max(1, 3 * n));
        double[] sorted = ArrayPool<double>.Shared.Rent(Math.Max(1, n));
        int[] items = ArrayPool<int>.Shared.Rent(Math.Max(1, n));
        byte[] scores = ArrayPool<byte>.Shared.Rent(Math.Max(1, 3 * n));
        try
        {
            Span<double> r = values.AsSpan(0, n), f = values.AsSpan(n, n), m = values.AsSpan(2 * n, n);
            bool meanPerOrder = options.Monetary == RfmMonetary.MeanPerOrder;
            bool purchaseDays = options.Frequency == RfmFrequency.PurchaseDays;
            for (int i = 0; i < n; i++)
            {
                ref readonly CustomerSummary s = ref summaries[i];
                decimal total = s.TotalAmount;
                decimal money = meanPerOrder ? total / s.Orders : total;
                int frequency = purchaseDays ? s.PurchaseDays : s.Orders;
                r[i] = s.DaysSinceLastPurchase;
                f[i] = frequency;
                m[i] = (double)money;
                customers[i] = new RfmCustomer(s.Customer, s.DaysSinceLastPurchase, frequency, money, 0, 0, 0, 0);
            }
            Span<byte> rs = scores.AsSpan(0, n), fs = scores.AsSpan(n, n), ms = scores.AsSpan(2 * n, n);
            double[] rCuts = RfmScoring.Score(r, rScale, lowerIsBetter: true, rs, sorted, items);
            double[] fCuts = RfmScoring.Score(f, fScale, lowerIsBetter: false, fs, sorted, items);
            double[] mCuts = RfmScoring.Score(m, mScale, lowerIsBetter: false, ms, sorted, items);

            int kR = rScale.Scores, kF = fScale.Scores, kM = mScale.Scores;
            Span<int> table = stackalloc int[kR * kF * kM];
            for (int a = 1; a <= kR; a++)
                for (int b = 1; b <= kF; b++)
                    for (int c = 1; c <= kM; c++)
                        table[((a - 1) * kF + (b - 1)) * kM + (c - 1)] = rules.Match(a, b, c);

            int segmentCount = rules.Count + 1;
            Span<long> segCustomers = stackalloc long[segmentCount];
            Span<long> segOrders = stackalloc long[segmentCount];
            decimal[] segRevenue = new decimal[segmentCount];
            long allOrders = 0;
            decimal allRevenue = 0m;
            for (int i = 0; i < n; i++)
            {
                int a = rs[i], b = fs[i], c = ms[i];
                int segment = table[((a - 1) * kF + (b - 1)) * kM + (c - 1)];
                ref RfmCustomer row = ref customers[i];
                row = row with { RecencyScore = a, FrequencyScore = b, MonetaryScore = c, Segment = segment };
                ref readonly CustomerSummary s = ref summaries[i];
                decimal total = meanPerOrder ? s.TotalAmount : row.Monetary;
                segCustomers[segment]++;
                segOrders[segment] = checked(segOrders[segment] + s.Orders);
                segRevenue[segment] += total;
                allOrders = checked(allOrders + s.Orders);
                allRevenue += total;
            }
            var segments = new RfmSegmentSummary[segmentCount];
            for (int g = 0; g < segmentCount; g++)
            {
                segments[g] = new RfmSegmentSummary(rules.NameOf(g), new Rate(segCustomers[g], n), new Rate(segOrders[g], allOrders),
                    segRevenue[g], allRevenue == 0m ? 0d : (double)(segRevenue[g] / allRevenue));
            }
            return new RfmResult(customers, segments, rCuts, fCuts, mCuts, options, allOrders, allRevenue);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(values);
            ArrayPool<double>.Shared.Return(sorted);
            ArrayPool<int>.Shared.Return(items);
            ArrayPool<byte>.Shared.Return(scores);
        }
    }
}

/// <summary>Turns one dimension's raw values into scores by an <see cref="RfmScale"/>.</summary>
internal static class RfmScoring
{
    /// <summary>Writes a score in 1..k for every value and returns the cut-points used (empty for equal-count scales).</summary>
    /// <param name="values">The raw values.</param>
    /// <param name="scale">The scale.</param>
    /// <param name="lowerIsBetter">Whether smaller values are better (recency): then bin b scores k + 1 − b.</param>
    /// <param name="scores">Receives the scores.</param>
    /// <param name="sorted">Scratch of at least values.Length.</param>
    /// <param name="items">Scratch of at least values.Length.</param>
    internal static double[] Score(ReadOnlySpan<double> values, RfmScale scale, bool lowerIsBetter, Span<byte> scores,
        double[] sorted, int[] items)
    {
        int n = values.Length;
        int k = scale.Scores;
        if (scale.Kind == RfmScaleKind.EqualCount)
        {
            ScoreEqualCount(values, k, lowerIsBetter, scores, sorted.AsSpan(0, n), items.AsSpan(0, n));
            return [];
        }
        double[] cuts;
        if (scale.Kind == RfmScaleKind.Thresholds)
        {
            cuts = scale.CutPoints.ToArray();
        }
        else
        {
            if (n == 0) return [];
            Span<double> s = sorted.AsSpan(0, n);
            values.CopyTo(s);
            s.Sort();
            cuts = new double[k - 1];
            double step = 1d / k;
            for (int j = 1; j < k; j++) cuts[j - 1] = Quantiles.Type7(s, j * step) + 1d;
        }
        for (int i = 0; i < n; i++)
        {
            double v = values[i];
            int bin = 1;
            for (int j = 0; j < cuts.Length; j++)
            {
                if (cuts[j] <= v) bin++;
            }
            scores[i] = (byte)(lowerIsBetter ? k + 1 - bin : bin);
        }
        return cuts;
    }

    private static void ScoreEqualCount(ReadOnlySpan<double> values, int k, bool lowerIsBetter, Span<byte> scores,
        Span<double> keys, Span<int> items)
    {
        int n = values.Length;
        for (int i = 0; i < n; i++)
        {
            // Ascending key = ascending goodness: worst first.
            keys[i] = lowerIsBetter ? -values[i] : values[i];
            items[i] = i;
        }
        keys.Sort(items);
        int groupStart = 0;
        for (int i = 0; i < n; i++)
        {
            if (i > 0 && keys[i] != keys[i - 1]) groupStart = i;
            scores[items[i]] = (byte)((long)groupStart * k / n + 1);
        }
    }
}
