namespace Retention.Metrics;

/// <summary>Continuation by shipment count (定期継続率) of a set of subscriptions as of a date, with open subscriptions censored.</summary>
/// <remarks>
/// <para>Built from two histograms: cancelled and open subscriptions by the number of shipments received by the as-of date.
/// Results as of the same date over disjoint subscription sets combine exactly with <see cref="Combine"/>.</para>
/// </remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.ContinuationResultJsonConverter))]
public sealed class ContinuationResult
{
    private readonly long[] _cancelledWith;
    private readonly long[] _openWith;
    private readonly ContinuationStep[] _steps;

    internal ContinuationResult(DateOnly asOf, long[] cancelledWith, long[] openWith)
    {
        AsOf = asOf;
        _cancelledWith = cancelledWith;
        _openWith = openWith;
        int max = cancelledWith.Length - 1;
        while (max > 0 && cancelledWith[max] == 0 && openWith[max] == 0) max--;
        _steps = new ContinuationStep[max];
        long received = 0, total = 0;
        for (int n = max; n >= 1; n--)
        {
            received = checked(received + cancelledWith[n] + openWith[n]);
            total = checked(total + ((cancelledWith[n] + openWith[n]) * n));
            _steps[n - 1] = new ContinuationStep(n, received, 0, cancelledWith[n], openWith[n], 0, 0d);
        }
        long first = received;
        double survival = 1d, mean = 0d;
        long previousReceived = first, previousCensored = 0;
        for (int k = 1; k <= max; k++)
        {
            ContinuationStep s = _steps[k - 1];
            long atRisk = k == 1 ? first : previousReceived - previousCensored;
            if (k > 1) survival *= atRisk == 0 ? 1d : (double)s.Received / atRisk;
            mean += survival;
            _steps[k - 1] = s with { AtRisk = atRisk, FirstReceived = first, ContinuationFromFirst = survival };
            previousReceived = s.Received;
            previousCensored = s.Censored;
        }
        Subscriptions = first;
        WithoutShipment = checked(cancelledWith[0] + openWith[0]);
        TotalShipments = total;
        MeanShipments = mean;
        long open = 0;
        for (int n = 1; n <= max; n++) open += openWith[n];
        Open = open;
    }

    /// <summary>Gets the as-of date (inclusive): shipments after it are ignored, and subscriptions not cancelled by it are open.</summary>
    public DateOnly AsOf { get; }

    /// <summary>Gets the subscriptions that received a first shipment by the as-of date (the base of every continuation rate).</summary>
    public long Subscriptions { get; }

    /// <summary>Gets the subscriptions started by the as-of date without any shipment by then; they are not in any rate.</summary>
    public long WithoutShipment { get; }

    /// <summary>Gets the subscriptions with a first shipment that are still open as of the as-of date (censored).</summary>
    public long Open { get; }

    /// <summary>Gets the number of shipments received by the subscriptions with a first shipment (定期受注総数).</summary>
    public long TotalShipments { get; }

    /// <summary>Gets the largest number of shipments any subscription received; the number of steps.</summary>
    public int MaxShipments => _steps.Length;

    /// <summary>Gets whether no subscription is censored, so that every continuation rate is a plain ratio of counts.</summary>
    public bool IsComplete => Open == 0;

    /// <summary>Gets the steps k = 1 .. <see cref="MaxShipments"/>; empty when no subscription received a shipment.</summary>
    public ReadOnlySpan<ContinuationStep> Steps => _steps;

    /// <summary>Gets the average number of shipments per subscription (平均継続回数), <c>Σ_k ContinuationFromFirst(k)</c>; 0 when empty.</summary>
    /// <remarks>On complete data this equals <c>TotalShipments / Subscriptions</c> (定期受注総数 ÷ 定期件数). With open subscriptions
    /// it is the product-limit estimate restricted to <see cref="MaxShipments"/>: it counts what open subscriptions are expected
    /// to reach up to the largest observed shipment number, and never extrapolates beyond it.</remarks>
    public double MeanShipments { get; }

    /// <summary>Gets the plain average <c>TotalShipments / Subscriptions</c> (定期受注総数 ÷ 定期件数); 0 when empty; biased low while subscriptions are open.</summary>
    public double ShipmentsPerSubscription => Subscriptions == 0 ? 0d : (double)TotalShipments / Subscriptions;

    /// <summary>Gets the step of shipment number k.</summary>
    /// <param name="shipment">The shipment number, 1 .. <see cref="MaxShipments"/>.</param>
    /// <returns>The step's counts and rates.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="shipment"/> is outside 1 .. <see cref="MaxShipments"/>.</exception>
    public ContinuationStep this[int shipment]
    {
        get
        {
            if (shipment < 1 || shipment > _steps.Length)
                ThrowHelper.ThrowOutOfRange(nameof(shipment), shipment, $"it must be in the range 1..{_steps.Length}.");
            return _steps[shipment - 1];
        }
    }

    /// <summary>Combines results as of the same date computed over disjoint subscription sets.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result, as of the same date.</param>
    /// <returns>The result of the union.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The as-of dates differ.</exception>
    /// <exception cref="OverflowException">A count overflows.</exception>
    /// <remarks>Adds the histograms of cancelled and open subscriptions by shipment count, then recomputes every rate.</remarks>
    public static ContinuationResult Combine(ContinuationResult left, ContinuationResult right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.AsOf != right.AsOf) ThrowHelper.ThrowArgument(nameof(right), "Only results as of the same date combine.");
        int length = Math.Max(left._cancelledWith.Length, right._cancelledWith.Length);
        var cancelled = new long[length];
        var open = new long[length];
        for (int i = 0; i < length; i++)
        {
            cancelled[i] = checked(At(left._cancelledWith, i) + At(right._cancelledWith, i));
            open[i] = checked(At(left._openWith, i) + At(right._openWith, i));
        }
        return new ContinuationResult(left.AsOf, cancelled, open);
    }

    private static long At(long[] values, int i) => i < values.Length ? values[i] : 0;

    /// <summary>Gets the serializable form of the result: the counts from which the steps are rebuilt.</summary>
    /// <returns>The data; <see cref="FromData"/> rebuilds an equal result.</returns>
    public ContinuationResultData ToData() => new(AsOf, (long[])_cancelledWith.Clone(), (long[])_openWith.Clone());

    /// <summary>Rebuilds a result from its serializable form.</summary>
    /// <param name="data">The data, for example read back from JSON.</param>
    /// <returns>The result, with its steps recomputed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> or one of its arrays is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The arrays are empty or of different lengths, or a count is negative; the message names the index.</exception>
    public static ContinuationResult FromData(ContinuationResultData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        long[] cancelled = Serialization.DataCheck.NotNull(data.CancelledWith, nameof(data.CancelledWith));
        long[] open = Serialization.DataCheck.NotNull(data.OpenWith, nameof(data.OpenWith));
        Serialization.DataCheck.AtLeastLength(cancelled.Length, 1, nameof(data.CancelledWith));
        Serialization.DataCheck.Length(open.Length, cancelled.Length, nameof(data.OpenWith), "one per shipment count, like CancelledWith");
        Serialization.DataCheck.NonNegative(cancelled, nameof(data.CancelledWith));
        Serialization.DataCheck.NonNegative(open, nameof(data.OpenWith));
        return new ContinuationResult(data.AsOf, (long[])cancelled.Clone(), (long[])open.Clone());
    }
}
