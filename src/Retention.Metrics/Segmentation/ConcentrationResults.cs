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
}
