using System.Globalization;

namespace Retention.Metrics;

/// <summary>Customers ranked by spend, highest first: the basis of deciles, Pareto shares, the Lorenz curve, Gini and ABC.</summary>
/// <remarks>
/// <para>Order: spend descending, equal spend by ascending customer index, so the ranking (and every equal-count split of it)
/// is deterministic, like SQL <c>ORDER BY spend DESC, customer</c>. Rank 0 is the top customer.</para>
/// <para>Amounts are exact (<see cref="decimal"/> at the API, integer units inside); shares are <see cref="double"/> quotients
/// of exact sums. When all spend is zero every share is 0 and <see cref="Gini"/> is 0.</para>
/// <para>The ranking depends on every customer, so rankings of customer shards do not combine by adding; rank the union.</para>
/// </remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.SpendRankingJsonConverter))]
public sealed class SpendRanking
{
    private readonly int[] _customers;
    private readonly long[] _units;
    private readonly int _scale;
    private readonly Int128 _total;

    private SpendRanking(int[] customers, long[] units, int scale, Int128 total)
    {
        _customers = customers;
        _units = units;
        _scale = scale;
        _total = total;
    }

    /// <summary>Gets the number of ranked customers.</summary>
    public int Count => _customers.Length;

    /// <summary>Gets the total spend of the ranked customers.</summary>
    public decimal TotalAmount => Money.FromUnits(_total, _scale);

    /// <summary>Gets the caller's customer indexes in rank order (highest spend first).</summary>
    public ReadOnlySpan<int> Customers => _customers;

    /// <summary>Gets the spend of the customer at a rank.</summary>
    /// <param name="rank">The rank, 0 for the top customer.</param>
    /// <returns>The spend.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rank"/> is outside <c>0..Count−1</c>.</exception>
    public decimal AmountAt(int rank)
    {
        if ((uint)rank >= (uint)_units.Length)
            ThrowHelper.ThrowOutOfRange(nameof(rank), rank, string.Create(CultureInfo.InvariantCulture, $"it must be in the range 0..{_units.Length - 1}."));
        return Money.FromUnits(_units[rank], _scale);
    }

    internal ReadOnlySpan<long> Units => _units;

    internal int Scale => _scale;

    internal Int128 TotalUnits => _total;

    /// <summary>Gets the Gini coefficient of spend: 0 when everyone spends the same, approaching 1 when one customer spends all.</summary>
    /// <remarks>With spend ascending <c>x_(1) ≤ … ≤ x_(n)</c> and total <c>T</c>: <c>G = 2·Σ i·x_(i) / (n·T) − (n + 1)/n</c>, which equals
    /// <c>Σ_i Σ_j |x_i − x_j| / (2·n²·mean)</c> and lies in <c>[0, 1 − 1/n]</c>. The sums are exact; 0 for no customers or
    /// zero total.</remarks>
    public double Gini
    {
        get
        {
            int n = _units.Length;
            if (n == 0 || _total == 0) return 0d;
            Int128 weighted = 0;
            for (int j = 0; j < n; j++) weighted = checked(weighted + (Int128)(n - j) * _units[j]);
            Int128 numerator = checked(2 * weighted - (Int128)(n + 1) * _total);
            return (double)numerator / ((double)n * (double)_total);
        }
    }

    /// <summary>Splits the ranking into equal-count groups (<c>NTILE</c>), 10 by default (deciles), each with its spend and shares.</summary>
    /// <param name="groups">The number of groups, 1 or greater.</param>
    /// <returns>The groups, top spenders first.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="groups"/> is less than 1.</exception>
    /// <remarks>
    /// <para>Group sizes follow SQL <c>NTILE(groups)</c> over the ranking: <c>⌊n/groups⌋</c> each, and the first <c>n mod groups</c>
    /// groups one more. Customers with equal spend on a group boundary are split by customer index (the ranking order), so the
    /// counts stay equal. With fewer customers than groups, the last groups are empty.</para>
    /// <para>Share = group spend ÷ total; cumulative share = spend of this and all higher groups ÷ total (exactly 1 for the
    /// last non-empty group when the total is positive). Shares are non-increasing down the groups.</para>
    /// </remarks>
    public DecileResult Deciles(int groups = 10)
    {
        if (groups < 1) ThrowHelper.ThrowOutOfRange(nameof(groups), groups, "it must be 1 or greater.");
        int n = _units.Length;
        int size = n / groups, extra = n % groups;
        var rows = new DecileRow[groups];
        int rank = 0;
        Int128 cumulative = 0;
        double total = (double)_total;
        for (int g = 0; g < groups; g++)
        {
            int members = size + (g < extra ? 1 : 0);
            Int128 sum = 0;
            for (int i = rank; i < rank + members; i++) sum += _units[i];
            cumulative += sum;
            decimal amount = Money.FromUnits(sum, _scale);
            rows[g] = new DecileRow(g + 1, rank, members, amount, members == 0 ? 0m : amount / members,
                _total == 0 ? 0d : (double)sum / total, _total == 0 ? 0d : (double)cumulative / total);
            rank += members;
        }
        return new DecileResult(rows, TotalAmount);
    }

    /// <summary>Gets the share of spend made by the top <paramref name="customerFraction"/> of customers (20 % by default).</summary>
    /// <param name="customerFraction">The fraction of customers from the top, in [0, 1].</param>
    /// <returns>The spend share in [0, 1]; 0 for no customers or zero total.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="customerFraction"/> is outside [0, 1] or NaN.</exception>
    /// <remarks>The top curve is linear between whole customers: with <c>t = fraction·n = k + f</c> (<c>0 ≤ f &lt; 1</c>),
    /// share = <c>(x_1 + … + x_k + f·x_{k+1}) / T</c> over the descending ranking. So 20 % of 7 customers is the top customer
    /// and 0.4 of the second.</remarks>
    public double TopShare(double customerFraction = 0.2)
    {
        ValidateFraction(customerFraction, nameof(customerFraction));
        int n = _units.Length;
        if (n == 0 || _total == 0) return 0d;
        double t = customerFraction * n;
        int k = Math.Min(n, (int)Math.Floor(t));
        Int128 cumulative = 0;
        for (int i = 0; i < k; i++) cumulative += _units[i];
        double value = (double)cumulative;
        if (k < n) value += (t - k) * _units[k];
        return Math.Min(1d, value / (double)_total);
    }

    /// <summary>Gets the smallest share of customers, from the top, that makes <paramref name="revenueFraction"/> of spend (80 % by default).</summary>
    /// <param name="revenueFraction">The fraction of spend, in [0, 1].</param>
    /// <returns>The customer share in [0, 1]; 0 for no customers, zero total or a zero fraction.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="revenueFraction"/> is outside [0, 1] or NaN.</exception>
    /// <remarks>The inverse of <see cref="TopShare"/> on the same piecewise-linear curve: the first rank <c>k</c> (0-based) whose
    /// cumulative spend reaches <c>y·T</c>, then <c>(k + (y·T − C_k)/x_{k+1}) / n</c>.</remarks>
    public double CustomerShareFor(double revenueFraction = 0.8)
    {
        ValidateFraction(revenueFraction, nameof(revenueFraction));
        int n = _units.Length;
        if (n == 0 || _total == 0 || revenueFraction == 0d) return 0d;
        double target = revenueFraction * (double)_total;
        Int128 cumulative = 0;
        for (int k = 0; k < n; k++)
        {
            Int128 next = cumulative + _units[k];
            if ((double)next >= target)
            {
                double within = (target - (double)cumulative) / _units[k];
                return Math.Min(1d, (k + Math.Clamp(within, 0d, 1d)) / n);
            }
            cumulative = next;
        }
        return 1d;
    }

    /// <summary>Gets the Lorenz curve at evenly spaced customer shares: the spend share of the bottom <c>j/segments</c> of customers.</summary>
    /// <param name="segments">The number of intervals, 1 or greater; the curve has <c>segments + 1</c> points (100 by default).</param>
    /// <returns>The points from (0, 0) to (1, 1); all spend shares 0 for no customers or zero total.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="segments"/> is less than 1.</exception>
    /// <remarks><c>L(p) = 1 − TopShare(1 − p)</c> on the piecewise-linear curve; one pass over the ranking.</remarks>
    public LorenzPoint[] Lorenz(int segments = 100)
    {
        if (segments < 1) ThrowHelper.ThrowOutOfRange(nameof(segments), segments, "it must be 1 or greater.");
        int n = _units.Length;
        var points = new LorenzPoint[segments + 1];
        bool empty = n == 0 || _total == 0;
        double total = (double)_total;
        // Walk the top curve at x = m/segments for m = 0..segments (increasing positions), writing L(1 − x).
        Int128 cumulative = 0;
        int k = 0;
        for (int m = 0; m <= segments; m++)
        {
            double x = (double)m / segments;
            double p = (double)(segments - m) / segments;
            if (empty)
            {
                points[segments - m] = new LorenzPoint(p, 0d);
                continue;
            }
            double t = x * n;
            int whole = Math.Min(n, (int)Math.Floor(t));
            while (k < whole) cumulative += _units[k++];
            double top = (double)cumulative;
            if (whole < n) top += (t - whole) * _units[whole];
            double share = m == segments ? 1d : Math.Min(1d, top / total);
            points[segments - m] = new LorenzPoint(p, m == 0 ? 1d : 1d - share);
        }
        return points;
    }

    /// <summary>Classifies the ranking into A, B and C by cumulative spend share (70 % / 90 % by default).</summary>
    /// <param name="aCutoff">The cumulative share up to which customers are class A, in [0, 1].</param>
    /// <param name="bCutoff">The cumulative share up to which customers are class B, in [<paramref name="aCutoff"/>, 1].</param>
    /// <returns>The classes; all empty for no customers.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A cut-off is outside [0, 1] or NaN, or <paramref name="bCutoff"/> is below
    /// <paramref name="aCutoff"/>.</exception>
    /// <remarks>A customer's cumulative share includes its own spend: <c>S_k = (x_1 + … + x_k)/T</c>; class A if <c>S_k ≤ a</c>,
    /// B if <c>a &lt; S_k ≤ b</c>, C otherwise. So a top customer holding more than <c>a</c> of spend is not A, and customers
    /// with zero spend after the total is reached are C. When the total is 0 every customer is C (none contributes revenue).</remarks>
    public AbcResult Abc(double aCutoff = 0.7, double bCutoff = 0.9)
    {
        ValidateFraction(aCutoff, nameof(aCutoff));
        ValidateFraction(bCutoff, nameof(bCutoff));
        if (bCutoff < aCutoff)
            ThrowHelper.ThrowOutOfRange(nameof(bCutoff), bCutoff, string.Create(CultureInfo.InvariantCulture, $"it must be at least aCutoff ({aCutoff})."));
        int n = _units.Length;
        int endA = 0, endB = 0;
        Int128 sumA = 0, sumB = 0;
        if (_total != 0)
        {
            double total = (double)_total;
            Int128 cumulative = 0;
            for (int k = 0; k < n; k++)
            {
                cumulative += _units[k];
                double share = (double)cumulative / total;
                if (share > bCutoff) break;
                if (share <= aCutoff)
                {
                    endA = k + 1;
                    sumA = cumulative;
                }
                endB = k + 1;
                sumB = cumulative;
            }
        }
        Int128 b = sumB - sumA, c = _total - sumB;
        return new AbcResult(this, endA, endB, aCutoff, bCutoff,
            Money.FromUnits(sumA, _scale), Money.FromUnits(b, _scale), Money.FromUnits(c, _scale),
            Share(sumA), Share(b), Share(c));
    }

    private double Share(Int128 units) => _total == 0 ? 0d : (double)units / (double)_total;

    internal static SpendRanking Create(Span<long> amounts, Span<int> customers, int scale)
    {
        int n = amounts.Length;
        var keys = new long[n];
        var ids = new int[n];
        Int128 total = 0;
        for (int i = 0; i < n; i++)
        {
            keys[i] = -amounts[i];
            ids[i] = customers[i];
            total += amounts[i];
        }
        keys.AsSpan().Sort(ids.AsSpan());
        // Equal spend: order by customer index so the ranking is deterministic.
        int start = 0;
        for (int i = 1; i <= n; i++)
        {
            if (i == n || keys[i] != keys[start])
            {
                if (i - start > 1) ids.AsSpan(start, i - start).Sort();
                start = i;
            }
        }
        for (int i = 0; i < n; i++) keys[i] = -keys[i];
        return new SpendRanking(ids, keys, scale, total);
    }

    private static void ValidateFraction(double value, string paramName)
    {
        if (!(value >= 0d && value <= 1d)) ThrowHelper.ThrowOutOfRange(paramName, value, "it must be in the range [0, 1].");
    }

    /// <summary>Gets the serializable form of the ranking: the customers from the highest spend down, with their spend.</summary>
    /// <returns>The data; <see cref="FromData"/> rebuilds an equal ranking.</returns>
    public SpendRankingData ToData()
    {
        var amounts = new decimal[_units.Length];
        for (int i = 0; i < amounts.Length; i++) amounts[i] = Money.FromUnits(_units[i], _scale);
        return new SpendRankingData((int[])_customers.Clone(), amounts);
    }

    /// <summary>Rebuilds a ranking from its serializable form, checking the order.</summary>
    /// <param name="data">The data, for example read back from JSON.</param>
    /// <returns>The ranking.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> or one of its arrays is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The arrays differ in length, a customer index is negative, the amounts increase, customers of
    /// equal spend are not in ascending index order, or an amount has more than 18 decimal places or does not fit; the message names the rank.</exception>
    public static SpendRanking FromData(SpendRankingData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int[] customers = Serialization.DataCheck.NotNull(data.Customers, nameof(data.Customers));
        decimal[] amounts = Serialization.DataCheck.NotNull(data.Amounts, nameof(data.Amounts));
        Serialization.DataCheck.Length(amounts.Length, customers.Length, nameof(data.Amounts), "one per ranked customer");
        int scale = 0;
        for (int i = 0; i < amounts.Length; i++)
        {
            if (customers[i] < 0)
                Serialization.DataCheck.Throw(string.Create(CultureInfo.InvariantCulture, $"data.Customers[{i}] is {customers[i]}; customer indexes must be zero or greater."));
            if (i > 0 && (amounts[i] > amounts[i - 1] || (amounts[i] == amounts[i - 1] && customers[i] <= customers[i - 1])))
                Serialization.DataCheck.Throw(string.Create(CultureInfo.InvariantCulture,
                    $"data.Amounts[{i}] is {amounts[i]} for customer {customers[i]}; ranks go from the highest spend down, equal spend by ascending customer index."));
            scale = Math.Max(scale, amounts[i].Scale);
        }
        if (scale > Money.MaxScale)
            Serialization.DataCheck.Throw(string.Create(CultureInfo.InvariantCulture, $"data.Amounts has {scale} decimal places; at most {Money.MaxScale} are supported."));
        var units = new long[amounts.Length];
        Int128 total = 0;
        for (int i = 0; i < amounts.Length; i++)
        {
            if (!Money.TryToUnits(amounts[i], scale, out units[i]))
                Serialization.DataCheck.Throw(string.Create(CultureInfo.InvariantCulture,
                    $"data.Amounts[{i}] is {amounts[i]}; with {scale} decimal places it does not fit the ranking's 64-bit units."));
            total += units[i];
        }
        return new SpendRanking((int[])customers.Clone(), units, scale, total);
    }
}
