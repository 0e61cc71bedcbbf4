namespace Retention.Metrics;

/// <summary>Customers with at least n purchases for n = 1..k: the F1, F2 … Fk counts and their cumulative and step rates.</summary>
/// <remarks>
/// <c>AtLeast(1)</c> is the F1 base (customers counted); <c>Cumulative(n) = AtLeast(n) / AtLeast(1)</c> and
/// <c>Step(n) = AtLeast(n) / AtLeast(n − 1)</c>. Counts are non-increasing in n. Ladders over disjoint customer sets with the same k
/// combine with <see cref="Combine"/>.
/// </remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.FrequencyLadderJsonConverter))]
public sealed class FrequencyLadder
{
    private readonly long[] _atLeast;

    internal FrequencyLadder(long[] atLeast, long censored)
    {
        _atLeast = atLeast;
        Censored = censored;
    }

    /// <summary>Gets the largest n counted (k).</summary>
    public int MaxPurchases => _atLeast.Length - 1;

    /// <summary>Gets the customers left out because their window had not elapsed (0 without a window).</summary>
    public long Censored { get; }

    /// <summary>Gets the number of customers with at least <paramref name="purchases"/> purchases.</summary>
    /// <param name="purchases">n, in <c>1..MaxPurchases</c>.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="purchases"/> is outside <c>1..MaxPurchases</c>.</exception>
    public long AtLeast(int purchases)
    {
        if (purchases < 1 || purchases > MaxPurchases)
            ThrowHelper.ThrowOutOfRange(nameof(purchases), purchases, $"it must be in the range 1..{MaxPurchases}.");
        return _atLeast[purchases];
    }

    /// <summary>Gets the cumulative Fn rate: customers with at least n purchases over F1 customers.</summary>
    /// <param name="purchases">n, in <c>1..MaxPurchases</c>.</param>
    /// <returns>The rate; 0 / 0 when no customer is counted.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="purchases"/> is outside <c>1..MaxPurchases</c>.</exception>
    public Rate Cumulative(int purchases) => new(AtLeast(purchases), _atLeast[1]);

    /// <summary>Gets the step rate F(n−1)→Fn: customers with at least n purchases over those with at least n − 1.</summary>
    /// <param name="purchases">n, in <c>2..MaxPurchases</c>.</param>
    /// <returns>The rate; 0 / 0 when nobody has n − 1 purchases.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="purchases"/> is outside <c>2..MaxPurchases</c>.</exception>
    public Rate Step(int purchases)
    {
        if (purchases < 2 || purchases > MaxPurchases)
            ThrowHelper.ThrowOutOfRange(nameof(purchases), purchases, $"it must be in the range 2..{MaxPurchases}.");
        return new Rate(_atLeast[purchases], _atLeast[purchases - 1]);
    }

    /// <summary>Combines ladders computed over disjoint customer sets.</summary>
    /// <param name="left">The first ladder.</param>
    /// <param name="right">The second ladder.</param>
    /// <returns>The ladder of the union.</returns>
    /// <exception cref="ArgumentNullException">A ladder is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The ladders have different <see cref="MaxPurchases"/>.</exception>
    /// <exception cref="OverflowException">A count overflows.</exception>
    public static FrequencyLadder Combine(FrequencyLadder left, FrequencyLadder right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.MaxPurchases != right.MaxPurchases)
            ThrowHelper.ThrowArgument(nameof(right), "right has another MaxPurchases than left.");
        var atLeast = new long[left._atLeast.Length];
        for (int n = 0; n < atLeast.Length; n++) atLeast[n] = checked(left._atLeast[n] + right._atLeast[n]);
        return new FrequencyLadder(atLeast, checked(left.Censored + right.Censored));
    }

    /// <summary>Gets the serializable form of the ladder.</summary>
    /// <returns>The data; <see cref="FromData"/> rebuilds an equal ladder.</returns>
    public FrequencyLadderData ToData() => new(_atLeast.AsSpan(1).ToArray(), Censored);

    /// <summary>Rebuilds a ladder from its serializable form, checking the counts.</summary>
    /// <param name="data">The data, for example read back from JSON.</param>
    /// <returns>The ladder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> or its counts are <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The counts are empty, negative or increasing, or <c>Censored</c> is negative; the message names the index.</exception>
    public static FrequencyLadder FromData(FrequencyLadderData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        long[] counts = Serialization.DataCheck.NotNull(data.AtLeast, nameof(data.AtLeast));
        Serialization.DataCheck.AtLeastLength(counts.Length, 1, nameof(data.AtLeast));
        Serialization.DataCheck.NonNegative(counts, nameof(data.AtLeast));
        Serialization.DataCheck.NonNegative(data.Censored, nameof(data.Censored));
        var atLeast = new long[counts.Length + 1];
        for (int k = 0; k < counts.Length; k++)
        {
            if (k > 0 && counts[k] > counts[k - 1])
                Serialization.DataCheck.Throw(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"data.AtLeast[{k}] is {counts[k]}; it must not exceed data.AtLeast[{k - 1}] ({counts[k - 1]}), customers with more purchases are fewer."));
            atLeast[k + 1] = counts[k];
        }
        return new FrequencyLadder(atLeast, data.Censored);
    }
}
