namespace Retention.Metrics;

/// <summary>Recurring revenue and its movements for a run of consecutive calendar periods.</summary>
/// <remarks>Each period's starting MRR is the previous period's ending MRR. Series over the same periods computed from disjoint
/// customer sets combine with <see cref="Combine"/>.</remarks>
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
}
