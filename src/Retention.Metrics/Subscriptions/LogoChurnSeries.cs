using System.Globalization;

namespace Retention.Metrics;

/// <summary>Logo churn counts and rates for a run of consecutive calendar periods, computed in one pass.</summary>
/// <remarks>Series over the same periods computed from disjoint subscription sets combine with <see cref="Combine"/>.</remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.LogoChurnSeriesJsonConverter))]
public sealed class LogoChurnSeries
{
    private readonly LogoChurnPeriod[] _periods;

    internal LogoChurnSeries(LogoChurnPeriod[] periods, PeriodUnit unit, LogoChurnVariant variant)
    {
        _periods = periods;
        Unit = unit;
        Variant = variant;
    }

    /// <summary>Gets the period length.</summary>
    public PeriodUnit Unit { get; }

    /// <summary>Gets the churn definition of <see cref="LogoChurnPeriod.Churn"/>.</summary>
    public LogoChurnVariant Variant { get; }

    /// <summary>Gets the number of periods.</summary>
    public int Count => _periods.Length;

    /// <summary>Gets the periods in date order.</summary>
    public ReadOnlySpan<LogoChurnPeriod> Periods => _periods;

    /// <summary>Gets the period at an index.</summary>
    /// <param name="index">An index in <c>0..Count−1</c>.</param>
    /// <returns>The period's counts and rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside <c>0..Count−1</c>.</exception>
    public LogoChurnPeriod this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_periods.Length)
                ThrowHelper.ThrowOutOfRange(nameof(index), index, $"it must be in the range 0..{_periods.Length - 1}.");
            return _periods[index];
        }
    }

    /// <summary>Combines two series over the same periods computed from disjoint subscription sets.</summary>
    /// <param name="left">The first series.</param>
    /// <param name="right">The second series, over the same periods and variant.</param>
    /// <returns>The series of the union.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The series cover different periods or variants.</exception>
    /// <exception cref="OverflowException">A count overflows.</exception>
    public static LogoChurnSeries Combine(LogoChurnSeries left, LogoChurnSeries right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.Count != right.Count || left.Unit != right.Unit)
            ThrowHelper.ThrowArgument(nameof(right), "Only series over the same periods combine.");
        var periods = new LogoChurnPeriod[left.Count];
        for (int i = 0; i < periods.Length; i++) periods[i] = LogoChurnPeriod.Combine(left._periods[i], right._periods[i]);
        return new LogoChurnSeries(periods, left.Unit, left.Variant);
    }

    /// <summary>Gets the serializable form of the series.</summary>
    /// <returns>The data; <see cref="FromData"/> rebuilds an equal series.</returns>
    public LogoChurnSeriesData ToData() => new(Unit, Variant, (LogoChurnPeriod[])_periods.Clone());

    /// <summary>Rebuilds a series from its serializable form, checking every period.</summary>
    /// <param name="data">The data, for example read back from JSON.</param>
    /// <returns>The series.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> or its periods are <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The unit or variant is undefined, a period ends before it starts or after the next one starts,
    /// has another variant than the series, or has negative or inconsistent counts (new cancellations above new subscriptions,
    /// cancellations above opening plus new); the message names the period.</exception>
    public static LogoChurnSeries FromData(LogoChurnSeriesData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        LogoChurnPeriod[] periods = Serialization.DataCheck.NotNull(data.Periods, nameof(data.Periods));
        Serialization.DataCheck.Defined(data.Unit, nameof(data.Unit));
        Serialization.DataCheck.Defined(data.Variant, nameof(data.Variant));
        for (int i = 0; i < periods.Length; i++)
        {
            LogoChurnPeriod p = periods[i];
            if (p.End < p.Start || (i > 0 && p.Start <= periods[i - 1].End))
                Serialization.DataCheck.Throw(string.Create(CultureInfo.InvariantCulture,
                    $"data.Periods[{i}] covers {p.Start:yyyy-MM-dd}..{p.End:yyyy-MM-dd}; periods must not be empty and must follow each other."));
            if (p.Variant != data.Variant)
                Serialization.DataCheck.Throw(string.Create(CultureInfo.InvariantCulture,
                    $"data.Periods[{i}].Variant is {p.Variant}; it must be the series' variant {data.Variant}."));
            if (p.Opening < 0 || p.New < 0 || p.NewCancelled < 0 || p.NewCancelled > p.New || p.Cancelled < p.NewCancelled
                || p.Cancelled - p.NewCancelled > p.Opening)
                Serialization.DataCheck.Throw(string.Create(CultureInfo.InvariantCulture,
                    $"data.Periods[{i}] has opening {p.Opening}, new {p.New}, cancelled {p.Cancelled}, newCancelled {p.NewCancelled}; counts must be zero or greater with newCancelled <= new and cancelled - newCancelled <= opening."));
        }
        return new LogoChurnSeries((LogoChurnPeriod[])periods.Clone(), data.Unit, data.Variant);
    }
}
