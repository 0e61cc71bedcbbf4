using System.Globalization;

namespace Retention.Metrics;

/// <summary>A subset of the customers of one history (a bit set over positions), for computing a metric on part of the customers.</summary>
/// <remarks>
/// <para>Campaigns and segments pass a set to the <see cref="Repeat"/> and <see cref="Dormancy"/> functions to measure, for example,
/// the repeat rate of a treated group and of its holdout with two calls over the same history. Membership is a bit test per
/// customer, so a filtered pass costs the same as an unfiltered one.</para>
/// <para>A set belongs to the history it was created for; passing it with another history is an error. Sets over disjoint
/// customers give results that combine to the result of their union.</para>
/// </remarks>
public sealed class CustomerSet
{
    private readonly ulong[] _bits;

    private CustomerSet(PurchaseHistory history, ulong[] bits, int count, int notInHistory)
    {
        History = history;
        _bits = bits;
        Count = count;
        NotInHistory = notInHistory;
    }

    /// <summary>Gets the history whose customers the set selects.</summary>
    public PurchaseHistory History { get; }

    /// <summary>Gets the number of distinct customers of the history in the set.</summary>
    public int Count { get; }

    /// <summary>Gets how many of the given customer ids have no purchase in the history (and so are not in the set).</summary>
    public int NotInHistory { get; }

    /// <summary>Creates a set from the caller's customer indexes.</summary>
    /// <param name="history">The history.</param>
    /// <param name="customerIds">The caller's customer indexes (as in <see cref="PurchaseHistory.CustomerIds"/>), in any order; duplicates are allowed.</param>
    /// <returns>The set; ids without purchases in <paramref name="history"/> are counted in <see cref="NotInHistory"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id is negative; the message names its index.</exception>
    public static CustomerSet FromIds(PurchaseHistory history, ReadOnlySpan<int> customerIds)
    {
        ArgumentNullException.ThrowIfNull(history);
        var bits = new ulong[(history.CustomerCount + 63) >> 6];
        int count = 0, missing = 0;
        for (int i = 0; i < customerIds.Length; i++)
        {
            int id = customerIds[i];
            if (id < 0) ThrowHelper.ThrowElement(nameof(customerIds), i, id, "customer indexes must be zero or greater.");
            int position = history.PositionOf(id);
            if (position < 0)
            {
                missing++;
                continue;
            }
            ulong mask = 1UL << position;
            ref ulong word = ref bits[position >> 6];
            if ((word & mask) == 0)
            {
                word |= mask;
                count++;
            }
        }
        return new CustomerSet(history, bits, count, missing);
    }

    /// <summary>Creates a set from a flag per history position.</summary>
    /// <param name="history">The history.</param>
    /// <param name="includeByPosition">One flag per position <c>0..CustomerCount−1</c>: <see langword="true"/> includes the customer.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The length of <paramref name="includeByPosition"/> is not <see cref="PurchaseHistory.CustomerCount"/>.</exception>
    public static CustomerSet FromPositions(PurchaseHistory history, ReadOnlySpan<bool> includeByPosition)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (includeByPosition.Length != history.CustomerCount)
        {
            ThrowHelper.ThrowArgument(nameof(includeByPosition), string.Create(CultureInfo.InvariantCulture,
                $"includeByPosition has length {includeByPosition.Length}; it must have one flag per customer ({history.CustomerCount})."));
        }
        var bits = new ulong[(history.CustomerCount + 63) >> 6];
        int count = 0;
        for (int p = 0; p < includeByPosition.Length; p++)
        {
            if (!includeByPosition[p]) continue;
            bits[p >> 6] |= 1UL << p;
            count++;
        }
        return new CustomerSet(history, bits, count, 0);
    }

    /// <summary>Gets whether the customer at a history position is in the set.</summary>
    /// <param name="position">A position in <c>0..CustomerCount−1</c>.</param>
    /// <returns><see langword="true"/> when the customer is in the set; <see langword="false"/> outside the range.</returns>
    public bool ContainsPosition(int position) =>
        (uint)position < (uint)History.CustomerCount && (_bits[position >> 6] & (1UL << position)) != 0;

    internal ulong[] Bits => _bits;

    /// <summary>Returns the bit words of <paramref name="customers"/> after checking it belongs to <paramref name="history"/>; null for all customers.</summary>
    internal static ulong[]? BitsFor(CustomerSet? customers, PurchaseHistory history, string paramName = "customers")
    {
        if (customers is null) return null;
        if (!ReferenceEquals(customers.History, history))
            ThrowHelper.ThrowArgument(paramName, $"{paramName} was created for another history; create it with this history.");
        return customers._bits;
    }

    /// <summary>Tests a position against optional bit words (null = everyone).</summary>
    internal static bool Includes(ulong[]? bits, int position) => bits is null || (bits[position >> 6] & (1UL << position)) != 0;
}
