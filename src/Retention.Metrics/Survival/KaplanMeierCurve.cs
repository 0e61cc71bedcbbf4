using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Retention.Metrics;

/// <summary>A Kaplan–Meier survival curve: the table by distinct time, the step function, quantiles (median) and the restricted mean.</summary>
/// <remarks>
/// <para>Immutable. Rows are sorted by time and list every distinct observed time, events and censorings alike (as R's
/// <c>survfit</c> object does); rows with no event repeat the previous estimate. "Undefined" values (the standard error and the
/// interval where S = 0, the log-log interval where S = 1, a median that is not reached) are <see cref="double.NaN"/>, the
/// equivalent of R's <c>NA</c>.</para>
/// </remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.KaplanMeierCurveJsonConverter))]
public sealed class KaplanMeierCurve
{
    // R survival's tolerance for "S equals the level" in quantiles: sqrt(machine epsilon).
    private const double QuantileTolerance = 1.4901161193847656e-8;

    private readonly KaplanMeierRow[] _rows;

    private KaplanMeierCurve(KaplanMeierRow[] rows, long count, long events, KaplanMeierOptions options)
    {
        _rows = rows;
        Count = count;
        Events = events;
        Options = options;
        Median = Quantile(0.5d);
    }

    /// <summary>Gets the table, one row per distinct observed time in ascending order; empty for an empty input.</summary>
    public ImmutableArray<KaplanMeierRow> Rows => ImmutableCollectionsMarshal.AsImmutableArray(_rows);

    /// <summary>Gets the number of observations.</summary>
    public long Count { get; }

    /// <summary>Gets the number of observations that ended in the event.</summary>
    public long Events { get; }

    /// <summary>Gets the number of censored observations.</summary>
    public long Censored => Count - Events;

    /// <summary>Gets the options (confidence level and transform) the intervals were computed with.</summary>
    public KaplanMeierOptions Options { get; }

    /// <summary>Gets the median survival time with its confidence interval; NaN parts when not reached.</summary>
    /// <remarks>Equal to <c>Quantile(0.5)</c>: the first time with <c>S(t) ≤ 0.5</c>, the midpoint rule on an exact flat at 0.5;
    /// interval from the first times the lower and upper confidence bands fall to 0.5 (R <c>quantile.survfit</c>).</remarks>
    public SurvivalTimeEstimate Median { get; }

    /// <summary>Gets the estimate of the survival function at a time: the step function, right-continuous.</summary>
    /// <param name="time">The time, in the unit of the observations.</param>
    /// <returns>S at <paramref name="time"/>: 1 before the first event (and for an empty curve), the last estimate beyond the last row.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="time"/> is NaN.</exception>
    /// <remarks>Binary search over the rows: <c>S(t) = Π_{tᵢ ≤ t} (1 − dᵢ/nᵢ)</c>.</remarks>
    public double SurvivalAt(double time)
    {
        if (double.IsNaN(time)) ThrowHelper.ThrowOutOfRange(nameof(time), time, "it must be a number.");
        int index = LastRowAtOrBefore(time);
        return index < 0 ? 1d : _rows[index].Survival;
    }

    /// <summary>Gets the time by which a given fraction of subjects has had the event, with its confidence interval.</summary>
    /// <param name="probability">The fraction that has had the event, in (0, 1]; 0.5 gives the median.</param>
    /// <returns>The first time with <c>S(t) ≤ 1 − probability</c> and its interval; NaN parts when not reached (always for an empty curve).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is not in (0, 1].</exception>
    /// <remarks>As R <c>quantile.survfit</c>: when S equals the level exactly (within √ε) on a flat stretch, the estimate is the
    /// midpoint of the stretch (up to the last observed time if the flat runs to the end). The lower limit is where the lower band
    /// first falls to the level, the upper limit where the upper band does, computed with the same transform as the bands.</remarks>
    public SurvivalTimeEstimate Quantile(double probability)
    {
        if (!(probability > 0d && probability <= 1d))
            ThrowHelper.ThrowOutOfRange(nameof(probability), probability, "it must be greater than 0 and at most 1.");
        double level = 1d - probability;
        return new SurvivalTimeEstimate(
            FindQuantile(level, Band.Estimate), FindQuantile(level, Band.Lower), FindQuantile(level, Band.Upper));
    }

    /// <summary>Gets the restricted mean survival time up to a horizon: the area under the curve from 0 to <paramref name="horizon"/>.</summary>
    /// <param name="horizon">The horizon τ, zero or greater and finite, in the unit of the observations.</param>
    /// <returns><c>∫₀^τ S(t) dt</c>; τ for an empty curve (nothing failed).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="horizon"/> is negative, NaN or infinite.</exception>
    /// <remarks>The step function is integrated exactly; beyond the last row it is extended flat at its last value (R's
    /// <c>print(fit, rmean = τ)</c>). The restricted mean is the expected lifetime capped at τ, for example the expected number of
    /// paid months in the first year.</remarks>
    public double RestrictedMean(double horizon)
    {
        if (!(horizon >= 0d) || double.IsPositiveInfinity(horizon))
            ThrowHelper.ThrowOutOfRange(nameof(horizon), horizon, "it must be zero or greater and finite.");
        double area = 0d, previous = 0d, s = 1d;
        for (int i = 0; i < _rows.Length; i++)
        {
            double t = _rows[i].Time;
            if (t > horizon) break;
            area += s * (t - previous);
            previous = t;
            s = _rows[i].Survival;
        }
        return area + s * (horizon - previous);
    }

    /// <summary>Combines the curves of two disjoint sets of subjects into the curve of their union.</summary>
    /// <param name="left">The first curve; its options are used for the result.</param>
    /// <param name="right">The second curve.</param>
    /// <returns>The curve of the union, equal to <see cref="Survival.KaplanMeier"/> over all observations.</returns>
    /// <exception cref="ArgumentNullException">A curve is <see langword="null"/>.</exception>
    /// <remarks>Events and censorings are added time by time and the estimate is recomputed; cost O(rows).</remarks>
    public static KaplanMeierCurve Combine(KaplanMeierCurve left, KaplanMeierCurve right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        KaplanMeierRow[] a = left._rows, b = right._rows;
        var times = new double[a.Length + b.Length];
        var events = new long[times.Length];
        var censored = new long[times.Length];
        int i = 0, j = 0, k = 0;
        while (i < a.Length || j < b.Length)
        {
            double t = i < a.Length && (j >= b.Length || a[i].Time <= b[j].Time) ? a[i].Time : b[j].Time;
            long d = 0, c = 0;
            if (i < a.Length && a[i].Time == t)
            {
                d += a[i].Events;
                c += a[i].Censored;
                i++;
            }
            if (j < b.Length && b[j].Time == t)
            {
                d = checked(d + b[j].Events);
                c = checked(c + b[j].Censored);
                j++;
            }
            times[k] = t;
            events[k] = d;
            censored[k] = c;
            k++;
        }
        return Create(times, events, censored, k, left.Options);
    }

    internal static KaplanMeierCurve Create(double[] times, long[] events, long[] censored, int count, KaplanMeierOptions options)
    {
        long total = 0, totalEvents = 0;
        for (int i = 0; i < count; i++)
        {
            total = checked(total + events[i] + censored[i]);
            totalEvents += events[i];
        }
        var rows = new KaplanMeierRow[count];
        double z = options.Z;
        ConfidenceIntervalTransform transform = options.Transform;
        long atRisk = total;
        double s = 1d, greenwood = 0d;
        for (int i = 0; i < count; i++)
        {
            long d = events[i], c = censored[i];
            if (d > 0)
            {
                s *= (double)(atRisk - d) / atRisk;
                greenwood = atRisk == d ? double.PositiveInfinity : greenwood + (double)d / ((double)atRisk * (atRisk - d));
            }
            double se, lower, upper;
            if (s == 0d)
            {
                se = lower = upper = double.NaN;
            }
            else
            {
                double sigma = Math.Sqrt(greenwood);
                se = s * sigma;
                (lower, upper) = Bounds(s, sigma, z, transform);
            }
            rows[i] = new KaplanMeierRow(times[i], atRisk, d, c, s, se, lower, upper);
            atRisk -= d + c;
        }
        return new KaplanMeierCurve(rows, total, totalEvents, options);
    }

    private static (double Lower, double Upper) Bounds(double s, double sigma, double z, ConfidenceIntervalTransform transform)
    {
        switch (transform)
        {
            case ConfidenceIntervalTransform.LogLog:
                if (s == 1d) return (double.NaN, double.NaN);
                double logS = Math.Log(s);
                double shift = z * sigma / logS;
                double loglog = Math.Log(-logS);
                return (Math.Exp(-Math.Exp(loglog - shift)), Math.Exp(-Math.Exp(loglog + shift)));
            case ConfidenceIntervalTransform.Plain:
                double half = z * sigma * s;
                return (Math.Max(0d, s - half), Math.Min(1d, s + half));
            default:
                double log = Math.Log(s);
                return (Math.Exp(log - z * sigma), Math.Min(1d, Math.Exp(log + z * sigma)));
        }
    }

    private enum Band
    {
        Estimate,
        Lower,
        Upper,
    }

    private double Value(int index, Band band) => band switch
    {
        Band.Lower => _rows[index].Lower,
        Band.Upper => _rows[index].Upper,
        _ => _rows[index].Survival,
    };

    private double FindQuantile(double level, Band band)
    {
        KaplanMeierRow[] rows = _rows;
        int first = -1;
        for (int i = 0; i < rows.Length; i++)
        {
            if (Value(i, band) <= level + QuantileTolerance)
            {
                first = i;
                break;
            }
        }
        if (first < 0) return double.NaN;
        double value = Value(first, band);
        if (value < level - QuantileTolerance) return rows[first].Time;
        // The curve sits on the level: take the midpoint of the flat stretch.
        for (int i = first + 1; i < rows.Length; i++)
        {
            if (Value(i, band) < level - QuantileTolerance) return 0.5d * (rows[first].Time + rows[i].Time);
        }
        return 0.5d * (rows[first].Time + rows[^1].Time);
    }

    private int LastRowAtOrBefore(double time)
    {
        int lo = 0, hi = _rows.Length - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_rows[mid].Time <= time)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return found;
    }

    /// <summary>Gets the serializable form of the curve: its options and rows.</summary>
    /// <returns>The data; <see cref="FromData"/> rebuilds an equal curve.</returns>
    public KaplanMeierCurveData ToData() => new(Options, (KaplanMeierRow[])_rows.Clone());

    /// <summary>Rebuilds a curve from its serializable form: the estimate, standard errors and bounds are recomputed from each row's
    /// time, events and censored count.</summary>
    /// <param name="data">The data, for example read back from JSON.</param>
    /// <returns>The curve.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/>, its options or its rows are <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A time is not finite or not above the previous one, or a count is negative; the message names the row.</exception>
    public static KaplanMeierCurve FromData(KaplanMeierCurveData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        KaplanMeierOptions options = Serialization.DataCheck.NotNull(data.Options, nameof(data.Options));
        KaplanMeierRow[] rows = Serialization.DataCheck.NotNull(data.Rows, nameof(data.Rows));
        var times = new double[rows.Length];
        var events = new long[rows.Length];
        var censored = new long[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            KaplanMeierRow row = rows[i];
            if (!double.IsFinite(row.Time) || (i > 0 && !(row.Time > rows[i - 1].Time)))
                Serialization.DataCheck.Throw(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"data.Rows[{i}].Time is {row.Time}; times must be finite and strictly ascending."));
            if (row.Events < 0 || row.Censored < 0)
                Serialization.DataCheck.Throw(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"data.Rows[{i}] has events {row.Events} and censored {row.Censored}; counts must be zero or greater."));
            times[i] = row.Time;
            events[i] = row.Events;
            censored[i] = row.Censored;
        }
        return Create(times, events, censored, rows.Length, options);
    }
}
