namespace Retention.Metrics;

/// <summary>One customer's spend and rank tier.</summary>
/// <param name="Customer">The caller's customer index.</param>
/// <param name="Spend">The spend the rank is based on.</param>
/// <param name="Rank">The tier: 0 below the first threshold, <c>i</c> when spend reaches threshold <c>i</c> (1-based) but not the next.</param>
public readonly record struct CustomerRank(int Customer, decimal Spend, int Rank);

/// <summary>The size of one rank tier.</summary>
/// <param name="Rank">The tier, 0 for customers below the first threshold.</param>
/// <param name="Customers">The tier's customers over all customers.</param>
/// <param name="Spend">The tier's spend.</param>
public readonly record struct RankTierSummary(int Rank, Rate Customers, decimal Spend);

/// <summary>Customer rank tiers (顧客ランク) by spend: every customer's tier and the tier sizes.</summary>
/// <remarks>Tier sizes over disjoint customers add up; customers are listed in input order.</remarks>
public sealed class CustomerRankResult
{
    private readonly CustomerRank[] _customers;
    private readonly RankTierSummary[] _tiers;
    private readonly decimal[] _thresholds;

    internal CustomerRankResult(CustomerRank[] customers, RankTierSummary[] tiers, decimal[] thresholds)
    {
        _customers = customers;
        _tiers = tiers;
        _thresholds = thresholds;
    }

    /// <summary>Gets the thresholds used, ascending; tier <c>i</c> starts at <c>Thresholds[i − 1]</c>.</summary>
    public ReadOnlySpan<decimal> Thresholds => _thresholds;

    /// <summary>Gets every customer's spend and tier, in input order.</summary>
    public ReadOnlySpan<CustomerRank> Customers => _customers;

    /// <summary>Gets the tier sizes, tier 0 first.</summary>
    public ReadOnlySpan<RankTierSummary> Tiers => _tiers;
}

/// <summary>How customers moved between rank tiers from one date to another: a transition matrix and up/down/same shares.</summary>
/// <remarks>Matrices over disjoint customers add up.</remarks>
public sealed class RankTransitionResult
{
    private readonly long[] _matrix;
    private readonly CustomerRankMove[] _customers;

    internal RankTransitionResult(long[] matrix, int tiers, CustomerRankMove[] customers, DateOnly from, DateOnly to)
    {
        _matrix = matrix;
        TierCount = tiers;
        _customers = customers;
        From = from;
        To = to;
        long up = 0, down = 0;
        for (int a = 0; a < tiers; a++)
        {
            for (int b = 0; b < tiers; b++)
            {
                if (b > a) up += matrix[a * tiers + b];
                else if (b < a) down += matrix[a * tiers + b];
            }
        }
        long n = customers.Length;
        Up = new Rate(up, n);
        Down = new Rate(down, n);
        Same = new Rate(n - up - down, n);
    }

    /// <summary>Gets the earlier date.</summary>
    public DateOnly From { get; }

    /// <summary>Gets the later date.</summary>
    public DateOnly To { get; }

    /// <summary>Gets the number of tiers, thresholds + 1.</summary>
    public int TierCount { get; }

    /// <summary>Gets the share of customers whose tier rose.</summary>
    public Rate Up { get; }

    /// <summary>Gets the share of customers whose tier fell.</summary>
    public Rate Down { get; }

    /// <summary>Gets the share of customers whose tier stayed.</summary>
    public Rate Same { get; }

    /// <summary>Gets every customer's tiers at both dates, in history order.</summary>
    public ReadOnlySpan<CustomerRankMove> Customers => _customers;

    /// <summary>Gets the number of customers in tier <paramref name="fromRank"/> at <see cref="From"/> and tier <paramref name="toRank"/> at <see cref="To"/>.</summary>
    /// <param name="fromRank">The tier at the earlier date.</param>
    /// <param name="toRank">The tier at the later date.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A tier is outside <c>0..TierCount−1</c>.</exception>
    public long Count(int fromRank, int toRank)
    {
        if ((uint)fromRank >= (uint)TierCount) ThrowHelper.ThrowOutOfRange(nameof(fromRank), fromRank, "it must be a tier of the result.");
        if ((uint)toRank >= (uint)TierCount) ThrowHelper.ThrowOutOfRange(nameof(toRank), toRank, "it must be a tier of the result.");
        return _matrix[fromRank * TierCount + toRank];
    }
}

/// <summary>One customer's tier at two dates.</summary>
/// <param name="Customer">The caller's customer index.</param>
/// <param name="FromRank">The tier at the earlier date (0 when not yet a customer).</param>
/// <param name="ToRank">The tier at the later date.</param>
public readonly record struct CustomerRankMove(int Customer, int FromRank, int ToRank);
