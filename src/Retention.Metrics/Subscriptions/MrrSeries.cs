using System.Globalization;

namespace Retention.Metrics;

/// <summary>Recurring revenue and its movements for a run of consecutive calendar periods.</summary>
/// <remarks>Each period's starting MRR is the previous period's ending MRR. Series over the same periods computed from disjoint
/// customer sets combine with <see cref="Combine"/>.</remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.MrrSeriesJsonConverter))]
public sealed class MrrSeries
{
    private readonly MrrPeriod[] _periods;

    internal MrrSeries(MrrPeriod[] periods, PeriodUnit unit)
    {
        _periods = periods;
        Unit = unit;
    }

    /// <summary>Gets the period length.</summary>
    public PeriodUnit Unit { get; }

    /// <summary>Gets the number of periods.</summary>
    public int Count => _periods.Length;

    /// <summary>Gets the periods in date order.</summary>
    public ReadOnlySpan<MrrPeriod> Periods => _periods;

    /// <summary>Gets the period at an index.</summary>
    /// <param name="index">An index in <c>0..Count−1</c>.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside <c>0..Count−1</c>.</exception>
    public MrrPeriod this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_periods.Length)
                ThrowHelper.ThrowOutOfRange(nameof(index), index, $"it must be in the range 0..{_periods.Length - 1}.");
            return _periods[index];
        }
    }

    /// <summary>Combines two series over the same periods computed from disjoint customer sets.</summary>
    /// <param name="left">The first series.</param>
    /// <param name="right">The second series, over the same periods.</param>
    /// <returns>The series of the union.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The series cover different periods.</exception>
    /// <exception cref="OverflowException">A sum overflows.</exception>
    public static MrrSeries Combine(MrrSeries left, MrrSeries right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.Count != right.Count || left.Unit != right.Unit)
            ThrowHelper.ThrowArgument(nameof(right), "Only series over the same periods combine.");
        var periods = new MrrPeriod[left.Count];
        for (int i = 0; i < periods.Length; i++) periods[i] = MrrPeriod.Combine(left._periods[i], right._periods[i]);
        return new MrrSeries(periods, left.Unit);
    }

    /// <summary>Gets the serializable form of the series.</summary>
    /// <returns>The data; <see cref="FromData"/> rebuilds an equal series.</returns>
    public MrrSeriesData ToData() => new(Unit, (MrrPeriod[])_periods.Clone());

    /// <summary>Rebuilds a series from its serializable form, checking every period.</summary>
    /// <param name="data">The data, for example read back from JSON.</param>
    /// <returns>The series.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> or its periods are <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The unit is undefined, a period ends before it starts or after the next one starts, or has
    /// a negative amount or customer count; the message names the period.</exception>
    public static MrrSeries FromData(MrrSeriesData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        MrrPeriod[] periods = Serialization.DataCheck.NotNull(data.Periods, nameof(data.Periods));
        Serialization.DataCheck.Defined(data.Unit, nameof(data.Unit));
        for (int i = 0; i < periods.Length; i++)
        {
            MrrPeriod p = periods[i];
            if (p.End < p.Start || (i > 0 && p.Start <= periods[i - 1].End))
                Serialization.DataCheck.Throw(string.Create(CultureInfo.InvariantCulture,
                    $"data.Periods[{i}] covers {p.Start:yyyy-MM-dd}..{p.End:yyyy-MM-dd}; periods must not be empty and must follow each other."));
            if (p.StartingMrr < 0m || p.New < 0m || p.Expansion < 0m || p.Contraction < 0m || p.Churned < 0m || p.Reactivation < 0m
                || p.EndingMrr < 0m || p.StartingCustomers < 0 || p.EndingCustomers < 0)
                Serialization.DataCheck.Throw(string.Create(CultureInfo.InvariantCulture,
                    $"data.Periods[{i}] has a negative amount or customer count; movements, MRR and customers must be zero or greater."));
        }
        return new MrrSeries((MrrPeriod[])periods.Clone(), data.Unit);
    }
}
