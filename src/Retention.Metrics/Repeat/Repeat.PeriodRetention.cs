namespace Retention.Metrics;

public static partial class Repeat
{
    /// <summary>Computes the retention from period A to period B (顧客維持率): the share of A's buyers who also bought in B, for all, new and existing customers.</summary>
    /// <param name="history">The purchase history.</param>
    /// <param name="aFrom">The first day of period A, inclusive.</param>
    /// <param name="aTo">The last day of period A, inclusive.</param>
    /// <param name="bFrom">The first day of period B, inclusive.</param>
    /// <param name="bTo">The last day of period B, inclusive.</param>
    /// <param name="customers">The customers to measure; <see langword="null"/> for all.</param>
    /// <returns>The counts; all 0 when nobody bought in A.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A period ends before it starts.</exception>
    /// <exception cref="ArgumentException"><paramref name="customers"/> belongs to another history.</exception>
    /// <remarks>
    /// <c>retention = |buyers(A) ∩ buyers(B)| / |buyers(A)|</c>. New customers are A's buyers whose first-ever purchase is in A; existing
    /// customers are A's other buyers. The periods are usually consecutive (previous 12 months → this year) but need not be.
    /// Results over disjoint customer sets combine with <see cref="PeriodRetentionResult.Combine"/>.
    /// </remarks>
    public static PeriodRetentionResult PeriodRetention(PurchaseHistory history, DateOnly aFrom, DateOnly aTo, DateOnly bFrom, DateOnly bTo,
        CustomerSet? customers = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (aTo < aFrom) ThrowHelper.ThrowOutOfRange(nameof(aTo), aTo, $"it must be on or after aFrom ({aFrom:yyyy-MM-dd}).");
        if (bTo < bFrom) ThrowHelper.ThrowOutOfRange(nameof(bTo), bTo, $"it must be on or after bFrom ({bFrom:yyyy-MM-dd}).");
        ulong[]? bits = CustomerSet.BitsFor(customers, history);
        int a0 = aFrom.DayNumber, a1 = aTo.DayNumber, b0 = bFrom.DayNumber, b1 = bTo.DayNumber;
        ReadOnlySpan<int> starts = history.CustomerStarts;
        int[] days = history.DayArray;
        long aBuyers = 0, aNew = 0, retained = 0, newRetained = 0;
        int customerCount = history.CustomerCount;
        for (int c = 0; c < customerCount; c++)
        {
            if (!CustomerSet.Includes(bits, c)) continue;
            int s = starts[c], end = starts[c + 1];
            bool inA = false, inB = false;
            for (int i = s; i < end && !(inA && inB); i++)
            {
                int day = days[i];
                if (day >= a0 && day <= a1) inA = true;
                if (day >= b0 && day <= b1) inB = true;
            }
            if (!inA) continue;
            bool isNew = days[s] >= a0;
            aBuyers++;
            if (isNew) aNew++;
            if (inB)
            {
                retained++;
                if (isNew) newRetained++;
            }
        }
        return new PeriodRetentionResult(aBuyers, aNew, retained, newRetained);
    }
}

/// <summary>Retention from period A to period B, for all of A's buyers and split into new and existing customers.</summary>
/// <param name="Buyers">Customers who bought in A.</param>
/// <param name="NewBuyers">A's buyers whose first-ever purchase is in A.</param>
/// <param name="Retained">A's buyers who also bought in B.</param>
/// <param name="NewRetained">A's new buyers who also bought in B.</param>
/// <remarks>Counts over disjoint customer sets add up (<see cref="Combine"/>). The default value is the empty result.</remarks>
public readonly record struct PeriodRetentionResult(long Buyers, long NewBuyers, long Retained, long NewRetained)
{
    /// <summary>Gets the retention of all of A's buyers (顧客維持率).</summary>
    public Rate Retention => new(Retained, Buyers);

    /// <summary>Gets the retention of A's new customers (新規顧客維持率).</summary>
    public Rate NewCustomerRetention => new(NewRetained, NewBuyers);

    /// <summary>Gets the retention of A's existing customers (既存顧客維持率).</summary>
    public Rate ExistingCustomerRetention => new(Retained - NewRetained, Buyers - NewBuyers);

    /// <summary>Combines results computed over disjoint customer sets.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>The result of the union.</returns>
    /// <exception cref="OverflowException">A count overflows.</exception>
    public static PeriodRetentionResult Combine(PeriodRetentionResult left, PeriodRetentionResult right) => new(
        checked(left.Buyers + right.Buyers), checked(left.NewBuyers + right.NewBuyers),
        checked(left.Retained + right.Retained), checked(left.NewRetained + right.NewRetained));
}
