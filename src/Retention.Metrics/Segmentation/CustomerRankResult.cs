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
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.CustomerRankResultJsonConverter))]
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

    /// <summary>Gets the serializable form of the result.</summary>
    /// <returns>The data; <see cref="FromData"/> rebuilds an equal result.</returns>
    public CustomerRankResultData ToData() =>
        new((decimal[])_thresholds.Clone(), (CustomerRank[])_customers.Clone(), (RankTierSummary[])_tiers.Clone());

    /// <summary>Rebuilds a result from its serializable form.</summary>
    /// <param name="data">The data, for example read back from JSON.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> or one of its arrays is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The thresholds are empty or not strictly ascending, there is not one tier per threshold plus
    /// one, or a customer's rank is not a tier; the message names the index.</exception>
    public static CustomerRankResult FromData(CustomerRankResultData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        decimal[] thresholds = Serialization.DataCheck.NotNull(data.Thresholds, nameof(data.Thresholds));
        CustomerRank[] customers = Serialization.DataCheck.NotNull(data.Customers, nameof(data.Customers));
        RankTierSummary[] tiers = Serialization.DataCheck.NotNull(data.Tiers, nameof(data.Tiers));
        Serialization.DataCheck.AtLeastLength(thresholds.Length, 1, nameof(data.Thresholds));
        for (int i = 1; i < thresholds.Length; i++)
        {
            if (thresholds[i] <= thresholds[i - 1])
                Serialization.DataCheck.Throw(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"data.Thresholds[{i}] is {thresholds[i]}; thresholds must be strictly ascending."));
        }
        Serialization.DataCheck.Length(tiers.Length, thresholds.Length + 1, nameof(data.Tiers), "one per threshold plus the tier below the first");
        for (int i = 0; i < customers.Length; i++)
        {
            if ((uint)customers[i].Rank >= (uint)tiers.Length)
                Serialization.DataCheck.Throw(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"data.Customers[{i}].Rank is {customers[i].Rank}; it must be in the range 0..{tiers.Length - 1}."));
        }
        return new CustomerRankResult((CustomerRank[])customers.Clone(), (RankTierSummary[])tiers.Clone(), (decimal[])thresholds.Clone());
    }
}

/// <summary>How customers moved between rank tiers from one date to another: a transition matrix and up/down/same shares.</summary>
/// <remarks>Matrices over disjoint customers add up.</remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.RankTransitionResultJsonConverter))]
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

    /// <summary>Gets the serializable form of the result.</summary>
    /// <returns>The data; <see cref="FromData"/> rebuilds an equal result.</returns>
    public RankTransitionResultData ToData()
    {
        var counts = new long[TierCount][];
        for (int a = 0; a < TierCount; a++) counts[a] = _matrix.AsSpan(a * TierCount, TierCount).ToArray();
        return new RankTransitionResultData(From, To, counts, (CustomerRankMove[])_customers.Clone());
    }

    /// <summary>Rebuilds a result from its serializable form, checking that the matrix counts the customers' moves.</summary>
    /// <param name="data">The data, for example read back from JSON.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/>, its matrix, a row or the customers are <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The matrix is not square, a count is negative, a customer's rank is not a tier, or a cell
    /// differs from the number of customers with that move; the message names the row and column or the customer index.</exception>
    public static RankTransitionResult FromData(RankTransitionResultData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        long[][] rows = Serialization.DataCheck.NotNull(data.Counts, nameof(data.Counts));
        CustomerRankMove[] customers = Serialization.DataCheck.NotNull(data.Customers, nameof(data.Customers));
        int tiers = rows.Length;
        var matrix = new long[tiers * tiers];
        var check = new long[tiers * tiers];
        for (int a = 0; a < tiers; a++)
        {
            long[] row = Serialization.DataCheck.NotNull(rows[a], $"Counts[{a}]");
            Serialization.DataCheck.Length(row.Length, tiers, $"Counts[{a}]", "a square matrix, one column per tier");
            Serialization.DataCheck.NonNegative(row, $"Counts[{a}]");
            row.CopyTo(matrix, a * tiers);
        }
        for (int i = 0; i < customers.Length; i++)
        {
            CustomerRankMove m = customers[i];
            if ((uint)m.FromRank >= (uint)tiers || (uint)m.ToRank >= (uint)tiers)
                Serialization.DataCheck.Throw(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"data.Customers[{i}] moves from {m.FromRank} to {m.ToRank}; ranks must be in the range 0..{tiers - 1}."));
            check[m.FromRank * tiers + m.ToRank]++;
        }
        for (int k = 0; k < matrix.Length; k++)
        {
            if (matrix[k] != check[k])
                Serialization.DataCheck.Throw(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"data.Counts[{k / tiers}][{k % tiers}] is {matrix[k]}; the customers list has {check[k]} such moves."));
        }
        return new RankTransitionResult(matrix, tiers, (CustomerRankMove[])customers.Clone(), data.From, data.To);
    }
}

/// <summary>One customer's tier at two dates.</summary>
/// <param name="Customer">The caller's customer index.</param>
/// <param name="FromRank">The tier at the earlier date (0 when not yet a customer).</param>
/// <param name="ToRank">The tier at the later date.</param>
public readonly record struct CustomerRankMove(int Customer, int FromRank, int ToRank);
