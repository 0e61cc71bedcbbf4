using System.Text.Json.Serialization;

namespace Retention.Metrics;

/// <summary>One customer's purchase summary as of an observation end: the inputs of RFM, BG/NBD and most repeat metrics.</summary>
/// <remarks>
/// <para>Following the BTYD convention (glossary): a <em>purchase day</em> (occasion) is a day with at least one order, and
/// <see cref="Frequency"/> counts repeat occasions, <c>PurchaseDays − 1</c>. <see cref="RecencyDays"/> (<c>t_x</c>) runs from
/// the first to the last purchase, <see cref="AgeDays"/> (<c>T</c>) from the first purchase to the observation end.
/// <see cref="RepeatAmount"/> sums purchases after the first purchase day, and <see cref="MeanRepeatAmount"/> (<c>m_x</c>)
/// averages it over repeat occasions, same-day orders counting as one occasion.</para>
/// <para>Equality compares every field, amounts by value (10.5 equals 10.50). Amounts are exact.</para>
/// </remarks>
public readonly record struct CustomerSummary
{
    private readonly long _totalUnits;
    private readonly long _repeatUnits;
    private readonly byte _scale;

    /// <summary>Creates a summary from its parts, for example from rows aggregated elsewhere.</summary>
    /// <param name="customer">The caller's customer index.</param>
    /// <param name="firstPurchase">The first purchase date.</param>
    /// <param name="lastPurchase">The last purchase date, on or after the first.</param>
    /// <param name="orders">The number of orders; at least <paramref name="purchaseDays"/>.</param>
    /// <param name="purchaseDays">The number of distinct purchase days; 1 or greater.</param>
    /// <param name="asOf">The observation end, on or after the last purchase.</param>
    /// <param name="totalAmount">The total spend.</param>
    /// <param name="repeatAmount">The spend after the first purchase day.</param>
    /// <exception cref="ArgumentOutOfRangeException">The parts are inconsistent; the message names the part.</exception>
    [JsonConstructor]
    public CustomerSummary(int customer, DateOnly firstPurchase, DateOnly lastPurchase, int orders, int purchaseDays,
        DateOnly asOf, decimal totalAmount, decimal repeatAmount)
    {
        if (lastPurchase < firstPurchase) ThrowHelper.ThrowOutOfRange(nameof(lastPurchase), lastPurchase, "it must be on or after firstPurchase.");
        if (asOf < lastPurchase) ThrowHelper.ThrowOutOfRange(nameof(asOf), asOf, "it must be on or after lastPurchase.");
        if (purchaseDays < 1) ThrowHelper.ThrowOutOfRange(nameof(purchaseDays), purchaseDays, "it must be 1 or greater.");
        if (orders < purchaseDays) ThrowHelper.ThrowOutOfRange(nameof(orders), orders, "it must be at least purchaseDays.");
        if (purchaseDays > lastPurchase.DayNumber - firstPurchase.DayNumber + 1)
            ThrowHelper.ThrowOutOfRange(nameof(purchaseDays), purchaseDays, "it cannot exceed the days from firstPurchase to lastPurchase.");
        int scale = Math.Max(Money.MinimalScale(totalAmount), Money.MinimalScale(repeatAmount));
        if (scale > Money.MaxScale) ThrowHelper.ThrowOutOfRange(nameof(totalAmount), totalAmount, "it cannot be held exactly.");
        if (!Money.TryToUnits(totalAmount, scale, out long total))
            ThrowHelper.ThrowOutOfRange(nameof(totalAmount), totalAmount, "it cannot be held exactly.");
        if (!Money.TryToUnits(repeatAmount, scale, out long repeat))
            ThrowHelper.ThrowOutOfRange(nameof(repeatAmount), repeatAmount, "it cannot be held exactly.");
        Customer = customer;
        FirstDayNumber = firstPurchase.DayNumber;
        LastDayNumber = lastPurchase.DayNumber;
        Orders = orders;
        PurchaseDays = purchaseDays;
        AsOfDayNumber = asOf.DayNumber;
        _totalUnits = total;
        _repeatUnits = repeat;
        _scale = (byte)scale;
    }

    internal CustomerSummary(int customer, int firstDay, int lastDay, int orders, int purchaseDays, int asOfDay,
        long totalUnits, long repeatUnits, int scale)
    {
        Customer = customer;
        FirstDayNumber = firstDay;
        LastDayNumber = lastDay;
        Orders = orders;
        PurchaseDays = purchaseDays;
        AsOfDayNumber = asOfDay;
        _totalUnits = totalUnits;
        _repeatUnits = repeatUnits;
        _scale = (byte)scale;
    }

    /// <summary>Gets the caller's customer index.</summary>
    public int Customer { get; }

    /// <summary>Gets the first purchase date.</summary>
    public DateOnly FirstPurchase => DateOnly.FromDayNumber(FirstDayNumber);

    /// <summary>Gets the last purchase date on or before the observation end.</summary>
    public DateOnly LastPurchase => DateOnly.FromDayNumber(LastDayNumber);

    /// <summary>Gets the observation end the summary was taken at.</summary>
    public DateOnly AsOf => DateOnly.FromDayNumber(AsOfDayNumber);

    /// <summary>Gets the number of orders.</summary>
    public int Orders { get; }

    /// <summary>Gets the number of distinct purchase days (occasions).</summary>
    public int PurchaseDays { get; }

    /// <summary>Gets the number of repeat purchase occasions, <c>PurchaseDays − 1</c> (BTYD <c>x</c>).</summary>
    public int Frequency => PurchaseDays - 1;

    /// <summary>Gets the days from the first to the last purchase (BTYD <c>t_x</c> in days).</summary>
    public int RecencyDays => LastDayNumber - FirstDayNumber;

    /// <summary>Gets the days from the first purchase to the observation end (BTYD <c>T</c> in days).</summary>
    public int AgeDays => AsOfDayNumber - FirstDayNumber;

    /// <summary>Gets the days from the last purchase to the observation end (the R of RFM, 0-based).</summary>
    public int DaysSinceLastPurchase => AsOfDayNumber - LastDayNumber;

    /// <summary>Gets the total spend.</summary>
    public decimal TotalAmount => Money.FromUnits(_totalUnits, _scale);

    /// <summary>Gets the spend after the first purchase day.</summary>
    public decimal RepeatAmount => Money.FromUnits(_repeatUnits, _scale);

    /// <summary>Gets the mean spend per repeat occasion (BTYD <c>m_x</c>); 0 when <see cref="Frequency"/> is 0.</summary>
    public decimal MeanRepeatAmount => Frequency == 0 ? 0m : RepeatAmount / Frequency;

    /// <summary>Gets <see cref="RecencyDays"/> in the given unit.</summary>
    /// <param name="unit">The time unit.</param>
    /// <returns>The recency in that unit.</returns>
    public double Recency(TimeUnit unit) => unit.Between(FirstDayNumber, LastDayNumber);

    /// <summary>Gets <see cref="AgeDays"/> in the given unit.</summary>
    /// <param name="unit">The time unit.</param>
    /// <returns>The age in that unit.</returns>
    public double Age(TimeUnit unit) => unit.Between(FirstDayNumber, AsOfDayNumber);

    /// <summary>Compares every field; amounts by value, whatever their scale.</summary>
    /// <param name="other">The summary to compare with.</param>
    /// <returns><see langword="true"/> when the summaries describe the same customer activity.</returns>
    public bool Equals(CustomerSummary other) =>
        Customer == other.Customer && FirstDayNumber == other.FirstDayNumber && LastDayNumber == other.LastDayNumber
        && Orders == other.Orders && PurchaseDays == other.PurchaseDays && AsOfDayNumber == other.AsOfDayNumber
        && (_scale == other._scale
            ? _totalUnits == other._totalUnits && _repeatUnits == other._repeatUnits
            : TotalAmount == other.TotalAmount && RepeatAmount == other.RepeatAmount);

    /// <summary>Gets a hash code consistent with <see cref="Equals(CustomerSummary)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() =>
        HashCode.Combine(Customer, FirstDayNumber, LastDayNumber, Orders, PurchaseDays, AsOfDayNumber, TotalAmount, RepeatAmount);

    internal int FirstDayNumber { get; }

    internal int LastDayNumber { get; }

    internal int AsOfDayNumber { get; }

    internal long TotalUnits => _totalUnits;

    internal long RepeatUnits => _repeatUnits;

    internal int Scale => _scale;
}
