using System.Buffers;

namespace Retention.Metrics;

public static partial class Repeat
{
    /// <summary>Computes the upgrade rate (引き上げ率): of the customers whose first purchase includes a product of set A (for example a trial
    /// product), the share who buy a product of set B (the main product) within <paramref name="windowDays"/> days, with right-censoring.</summary>
    /// <param name="lines">The order lines.</param>
    /// <param name="asOf">The observation end, inclusive.</param>
    /// <param name="fromProducts">Set A: the product indexes whose first-purchase buyers form the base.</param>
    /// <param name="toProducts">Set B: the product indexes that count as an upgrade.</param>
    /// <param name="windowDays">The window W in days after the first purchase day, 1 or greater.</param>
    /// <returns>The counts; all 0 for empty lines.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lines"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> precedes the first line, or <paramref name="windowDays"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">A product index is negative; the message names its index.</exception>
    /// <remarks>
    /// <para>A customer is in the base when any line of their first purchase day f is in A. They upgrade when a line of B falls on a day d with
    /// <c>f &lt; d ≤ f + W</c>: B bought on the first day itself is not an upgrade (it was bought at once). Eligible when <c>f + W ≤ asOf</c>; the others are
    /// censored and left out of the rate.</para>
    /// <para><c>rate = upgraded eligible / eligible base</c>. Results over disjoint customer sets combine with
    /// <see cref="UpgradeResult.Combine"/>.</para>
    /// </remarks>
    public static UpgradeResult UpgradeRate(OrderLines lines, DateOnly asOf, ReadOnlySpan<int> fromProducts, ReadOnlySpan<int> toProducts, int windowDays)
    {
        ArgumentNullException.ThrowIfNull(lines);
        lines.ValidateAsOf(asOf, nameof(asOf));
        if (windowDays < 1) ThrowHelper.ThrowOutOfRange(nameof(windowDays), windowDays, "it must be 1 or greater (days).");
        for (int i = 0; i < fromProducts.Length; i++)
            if (fromProducts[i] < 0) ThrowHelper.ThrowElement(nameof(fromProducts), i, fromProducts[i], "product indexes must be zero or greater.");
        for (int i = 0; i < toProducts.Length; i++)
            if (toProducts[i] < 0) ThrowHelper.ThrowElement(nameof(toProducts), i, toProducts[i], "product indexes must be zero or greater.");
        if (lines.IsEmpty) return default;

        int productCount = lines.ProductCount;
        // Membership per product: bit 1 = in A, bit 2 = in B.
        byte[] member = ArrayPool<byte>.Shared.Rent(productCount);
        try
        {
            member.AsSpan(0, productCount).Clear();
            foreach (int p in fromProducts) if (p < productCount) member[p] |= 1;
            foreach (int p in toProducts) if (p < productCount) member[p] |= 2;
            int asOfDay = asOf.DayNumber;
            ReadOnlySpan<int> starts = lines.CustomerStarts;
            int[] days = lines.DayArray;
            int[] products = lines.ProductArray;
            long customers = 0, eligible = 0, upgraded = 0, censoredUpgraded = 0;
            for (int c = 0; c < lines.CustomerCount; c++)
            {
                int s = starts[c], end = starts[c + 1];
                int first = days[s];
                if (first > asOfDay) continue;
                int i = s;
                bool inBase = false;
                for (; i < end && days[i] == first; i++) inBase |= (member[products[i]] & 1) != 0;
                if (!inBase) continue;
                customers++;
                long last = Math.Min((long)first + windowDays, asOfDay);
                bool up = false;
                for (; i < end && days[i] <= last; i++)
                {
                    if ((member[products[i]] & 2) != 0)
                    {
                        up = true;
                        break;
                    }
                }
                if ((long)first + windowDays <= asOfDay)
                {
                    eligible++;
                    if (up) upgraded++;
                }
                else if (up)
                {
                    censoredUpgraded++;
                }
            }
            return new UpgradeResult(customers, eligible, upgraded, censoredUpgraded);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(member);
        }
    }
}

/// <summary>The upgrade (引き上げ) counts of <see cref="Repeat.UpgradeRate"/>.</summary>
/// <param name="Customers">Customers whose first purchase includes a product of set A.</param>
/// <param name="Eligible">Of those, customers whose window is fully observed.</param>
/// <param name="Upgraded">Eligible customers who bought from set B within the window.</param>
/// <param name="CensoredUpgraded">Censored customers who have already bought from set B (shown, never in the rate).</param>
/// <remarks>Counts over disjoint customer sets add up (<see cref="Combine"/>). The default value is the empty result.</remarks>
public readonly record struct UpgradeResult(long Customers, long Eligible, long Upgraded, long CensoredUpgraded)
{
    /// <summary>Gets the customers left out because their window has not elapsed.</summary>
    public long Censored => Customers - Eligible;

    /// <summary>Gets the upgrade rate over eligible customers.</summary>
    public Rate Rate => new(Upgraded, Eligible);

    /// <summary>Combines results computed over disjoint customer sets.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>The result of the union.</returns>
    /// <exception cref="OverflowException">A count overflows.</exception>
    public static UpgradeResult Combine(UpgradeResult left, UpgradeResult right) => new(
        checked(left.Customers + right.Customers), checked(left.Eligible + right.Eligible),
        checked(left.Upgraded + right.Upgraded), checked(left.CensoredUpgraded + right.CensoredUpgraded));
}
