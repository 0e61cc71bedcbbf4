using System.Globalization;

namespace Retention.Metrics;

/// <summary>The counts and money of one campaign cell (a mailed group or a holdout/control group, 送付群 / 非送付群).</summary>
/// <remarks>
/// <para>Invariants: <c>0 ≤ Responders ≤ Mailed</c>, <c>0 ≤ Orders ≤ Mailed</c>, <c>Revenue ≥ 0</c>, <c>Cost ≥ 0</c>. For a holdout
/// group, <c>Mailed</c> is the number of customers held out (not contacted) and <c>Cost</c> is normally 0. The default value
/// is an empty group (all zero). Equality compares all five fields.</para>
/// <para>Responders (レスポンス数) are customers who reacted (ordered, asked for a catalogue, called); Orders (受注件数) are
/// orders attributed to the campaign. Both are compared with <c>Mailed</c>, so the conversion rate is <c>Orders / Mailed</c>.</para>
/// </remarks>
public readonly record struct CampaignGroup
{
    /// <summary>Creates a campaign cell.</summary>
    /// <param name="mailed">Customers in the cell (発送数, or the holdout size); zero or greater.</param>
    /// <param name="responders">Customers who responded (レスポンス数); 0..<paramref name="mailed"/>.</param>
    /// <param name="orders">Orders attributed to the campaign (受注件数); 0..<paramref name="mailed"/>.</param>
    /// <param name="revenue">Revenue of those orders; zero or greater.</param>
    /// <param name="cost">Total campaign cost (総DM費: design, print, enclosing, postage); zero or greater.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count or amount is negative, or a count exceeds <paramref name="mailed"/>.</exception>
    [System.Text.Json.Serialization.JsonConstructor]
    public CampaignGroup(long mailed, long responders, long orders, decimal revenue, decimal cost)
    {
        if (mailed < 0) ThrowHelper.ThrowOutOfRange(nameof(mailed), mailed, "it must be zero or greater.");
        if (responders < 0 || responders > mailed)
            ThrowHelper.ThrowOutOfRange(nameof(responders), responders,
                string.Create(CultureInfo.InvariantCulture, $"it must be in the range 0..{mailed} (mailed)."));
        if (orders < 0 || orders > mailed)
            ThrowHelper.ThrowOutOfRange(nameof(orders), orders,
                string.Create(CultureInfo.InvariantCulture, $"it must be in the range 0..{mailed} (mailed)."));
        if (revenue < 0m) ThrowHelper.ThrowOutOfRange(nameof(revenue), revenue, "it must be zero or greater.");
        if (cost < 0m) ThrowHelper.ThrowOutOfRange(nameof(cost), cost, "it must be zero or greater.");
        Mailed = mailed;
        Responders = responders;
        Orders = orders;
        Revenue = revenue;
        Cost = cost;
    }

    /// <summary>Gets the number of customers in the cell.</summary>
    public long Mailed { get; }

    /// <summary>Gets the number of customers who responded.</summary>
    public long Responders { get; }

    /// <summary>Gets the number of orders attributed to the campaign.</summary>
    public long Orders { get; }

    /// <summary>Gets the revenue of those orders.</summary>
    public decimal Revenue { get; }

    /// <summary>Gets the total cost of the campaign cell.</summary>
    public decimal Cost { get; }

    /// <summary>Combines two cells over disjoint customers (for example, two mailing waves) by adding every field.</summary>
    /// <param name="left">The first cell.</param>
    /// <param name="right">The second cell.</param>
    /// <returns>The cell of the union.</returns>
    /// <exception cref="OverflowException">A sum overflows.</exception>
    public static CampaignGroup Combine(CampaignGroup left, CampaignGroup right) =>
        new(checked(left.Mailed + right.Mailed), checked(left.Responders + right.Responders), checked(left.Orders + right.Orders),
            left.Revenue + right.Revenue, left.Cost + right.Cost);

    internal long Successes(CampaignOutcome outcome) => outcome == CampaignOutcome.Order ? Orders : Responders;
}

/// <summary>Which count of a <see cref="CampaignGroup"/> a lift or a test compares.</summary>
public enum CampaignOutcome
{
    /// <summary>Responders ÷ mailed (反応率, response rate). The default.</summary>
    Response = 0,

    /// <summary>Orders ÷ mailed (CVR, conversion rate).</summary>
    Order = 1,
}

/// <summary>How a campaign's return on investment is stated; Japanese DM guides use both (domain notes §7).</summary>
public enum RoiConvention
{
    /// <summary><c>(gross profit − cost) ÷ cost</c>: 0 means break-even, ROI = (利益 − DM費) ÷ DM費. The default.</summary>
    NetOfCost = 0,

    /// <summary><c>gross profit ÷ cost</c>: 1 means break-even, ROI = 利益 ÷ 総費用 (sometimes called ROAS on gross profit).</summary>
    GrossOverCost = 1,
}
