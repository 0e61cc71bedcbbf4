namespace Retention.Metrics;

/// <summary>One equal-count group of customers ranked by spend (a decile when there are 10 groups).</summary>
/// <param name="Group">The group number, 1 for the top spenders.</param>
/// <param name="FirstRank">The rank of the group's first customer in <see cref="SpendRanking.Customers"/>.</param>
/// <param name="Customers">The number of customers in the group.</param>
/// <param name="Amount">The group's spend.</param>
/// <param name="MeanAmount">The group's mean spend per customer; 0 for an empty group.</param>
/// <param name="Share">The group's spend over the total; 0 when the total is 0.</param>
/// <param name="CumulativeShare">The spend of this and all higher groups over the total; 0 when the total is 0.</param>
public readonly record struct DecileRow(int Group, int FirstRank, int Customers, decimal Amount, decimal MeanAmount, double Share,
    double CumulativeShare);

/// <summary>Equal-count groups of customers ranked by spend (デシル分析), with spend, shares and cumulative shares.</summary>
/// <remarks>See <see cref="SpendRanking.Deciles"/> for the group sizes and tie placement.</remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.DecileResultJsonConverter))]
public sealed class DecileResult
{
    private readonly DecileRow[] _rows;

    internal DecileResult(DecileRow[] rows, decimal total)
    {
        _rows = rows;
        TotalAmount = total;
    }

    /// <summary>Gets the groups, top spenders first.</summary>
    public ReadOnlySpan<DecileRow> Rows => _rows;

    /// <summary>Gets the total spend over all groups.</summary>
    public decimal TotalAmount { get; }

    /// <summary>Gets the serializable form of the result.</summary>
    /// <returns>The data; <see cref="FromData"/> rebuilds an equal result.</returns>
    public DecileResultData ToData() => new((DecileRow[])_rows.Clone(), TotalAmount);

    /// <summary>Rebuilds a result from its serializable form.</summary>
    /// <param name="data">The data, for example read back from JSON.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> or its rows are <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The rows are empty, a row's group is not its position (1-based), its first rank does not follow
    /// the row before, or its customer count is negative; the message names the row.</exception>
    public static DecileResult FromData(DecileResultData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        DecileRow[] rows = Serialization.DataCheck.NotNull(data.Rows, nameof(data.Rows));
        Serialization.DataCheck.AtLeastLength(rows.Length, 1, nameof(data.Rows));
        int rank = 0;
        for (int g = 0; g < rows.Length; g++)
        {
            DecileRow row = rows[g];
            if (row.Group != g + 1 || row.FirstRank != rank || row.Customers < 0)
                Serialization.DataCheck.Throw(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"data.Rows[{g}] has group {row.Group}, first rank {row.FirstRank} and {row.Customers} customers; it must be group {g + 1} starting at rank {rank} with zero or more customers."));
            rank += row.Customers;
        }
        return new DecileResult((DecileRow[])rows.Clone(), data.TotalAmount);
    }
}

/// <summary>One point of a Lorenz curve.</summary>
/// <param name="CustomerShare">The share of customers, from the lowest spender up, in [0, 1].</param>
/// <param name="RevenueShare">The share of spend they make, in [0, 1].</param>
public readonly record struct LorenzPoint(double CustomerShare, double RevenueShare);

/// <summary>An ABC class.</summary>
public enum AbcClass
{
    /// <summary>The top customers making up to the A cut-off of spend.</summary>
    A,

    /// <summary>The next customers, up to the B cut-off.</summary>
    B,

    /// <summary>The rest.</summary>
    C,
}

/// <summary>The size of one ABC class.</summary>
/// <param name="Class">The class.</param>
/// <param name="Customers">The class's customers over all ranked customers.</param>
/// <param name="Amount">The class's spend.</param>
/// <param name="Share">The class's spend over the total; 0 when the total is 0.</param>
public readonly record struct AbcClassSummary(AbcClass Class, Rate Customers, decimal Amount, double Share);

/// <summary>The ABC classification of a spend ranking (ABC分析): each class is a contiguous run of ranks.</summary>
/// <remarks>See <see cref="SpendRanking.Abc"/> for the rule.</remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.AbcResultJsonConverter))]
public sealed class AbcResult
{
    private readonly SpendRanking _ranking;
    private readonly int _endA;
    private readonly int _endB;
    private readonly AbcClassSummary[] _classes;

    internal AbcResult(SpendRanking ranking, int endA, int endB, double aCutoff, double bCutoff,
        decimal amountA, decimal amountB, decimal amountC, double shareA, double shareB, double shareC)
    {
        _ranking = ranking;
        _endA = endA;
        _endB = endB;
        ACutoff = aCutoff;
        BCutoff = bCutoff;
        int n = ranking.Count;
        _classes =
        [
            new AbcClassSummary(AbcClass.A, new Rate(endA, n), amountA, shareA),
            new AbcClassSummary(AbcClass.B, new Rate(endB - endA, n), amountB, shareB),
            new AbcClassSummary(AbcClass.C, new Rate(n - endB, n), amountC, shareC),
        ];
    }

    /// <summary>Gets the A cut-off used.</summary>
    public double ACutoff { get; }

    /// <summary>Gets the B cut-off used.</summary>
    public double BCutoff { get; }

    /// <summary>Gets the three classes in order A, B, C.</summary>
    public ReadOnlySpan<AbcClassSummary> Classes => _classes;

    /// <summary>Gets the customers of a class, in rank order.</summary>
    /// <param name="abcClass">The class.</param>
    /// <returns>The caller's customer indexes; empty when the class is empty.</returns>
    public ReadOnlySpan<int> CustomersOf(AbcClass abcClass) => abcClass switch
    {
        AbcClass.A => _ranking.Customers[.._endA],
        AbcClass.B => _ranking.Customers[_endA.._endB],
        _ => _ranking.Customers[_endB..],
    };

    /// <summary>Gets the class of the customer at a rank.</summary>
    /// <param name="rank">The rank in <see cref="SpendRanking.Customers"/>.</param>
    /// <returns>The class.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rank"/> is outside the ranking.</exception>
    public AbcClass ClassAt(int rank)
    {
        if ((uint)rank >= (uint)_ranking.Count)
            ThrowHelper.ThrowOutOfRange(nameof(rank), rank, "it must be a rank of the ranking.");
        return rank < _endA ? AbcClass.A : rank < _endB ? AbcClass.B : AbcClass.C;
    }

    /// <summary>Gets the serializable form of the result: the ranking and the cutoffs.</summary>
    /// <returns>The data; <see cref="FromData"/> rebuilds an equal result.</returns>
    public AbcResultData ToData() => new(_ranking.ToData(), ACutoff, BCutoff);

    /// <summary>Rebuilds a result from its serializable form by classifying the ranking again.</summary>
    /// <param name="data">The data, for example read back from JSON.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> or its ranking is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The ranking is invalid (see <see cref="SpendRanking.FromData"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A cutoff is out of range (see <see cref="SpendRanking.Abc"/>).</exception>
    public static AbcResult FromData(AbcResultData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        SpendRankingData ranking = Serialization.DataCheck.NotNull(data.Ranking, nameof(data.Ranking));
        return SpendRanking.FromData(ranking).Abc(data.ACutoff, data.BCutoff);
    }
}
