namespace Retention.Metrics;

/// <summary>One customer's (or one group of identical customers') BG/NBD input: repeat purchases <c>x</c>, recency <c>t_x</c> and age <c>T</c>.</summary>
/// <param name="Frequency">The number of repeat purchase occasions <c>x</c>, zero or greater.</param>
/// <param name="Recency">The time from the first to the last purchase <c>t_x</c>, in the caller's time unit; 0 when <c>x = 0</c>.</param>
/// <param name="Age">The time from the first purchase to the observation end <c>T</c>, at least <paramref name="Recency"/>.</param>
/// <param name="Weight">The number of customers this row stands for (grouped data); 1 for one customer.</param>
/// <remarks>
/// All three times must be in the same unit, and every prediction of a model fitted on them is in that unit (for example
/// weeks for the CDNOW studies). <see cref="FromSummaries"/> builds the rows from <see cref="CustomerSummary"/> values.
/// The default value is a customer with no repeat purchase, age 0 and weight 0.
/// </remarks>
public readonly record struct BgNbdObservation(double Frequency, double Recency, double Age, double Weight = 1d)
{
    /// <summary>Builds the observation of one customer summary in the given time unit.</summary>
    /// <param name="summary">The customer summary.</param>
    /// <param name="unit">The time unit of recency and age, for example <see cref="TimeUnit.Weeks"/>.</param>
    /// <returns>The observation <c>(Frequency, Recency(unit), Age(unit), 1)</c>.</returns>
    /// <remarks><c>x = PurchaseDays − 1</c>, <c>t_x = unit.Between(first, last)</c>, <c>T = unit.Between(first, asOf)</c>.</remarks>
    public static BgNbdObservation FromSummary(in CustomerSummary summary, TimeUnit unit) =>
        new(summary.Frequency, summary.Recency(unit), summary.Age(unit));

    /// <summary>Writes the observation of every summary, in order, in the given time unit.</summary>
    /// <param name="summaries">The customer summaries.</param>
    /// <param name="unit">The time unit of recency and age.</param>
    /// <param name="destination">Receives one observation per summary; at least as long as <paramref name="summaries"/>.</param>
    /// <returns>The number of observations written; 0 for no summaries.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    /// <remarks>See <see cref="FromSummary"/>. No allocation.</remarks>
    public static int FromSummaries(ReadOnlySpan<CustomerSummary> summaries, TimeUnit unit, Span<BgNbdObservation> destination)
    {
        if (destination.Length < summaries.Length)
            ThrowHelper.ThrowDestinationTooShort(nameof(destination), destination.Length, summaries.Length);
        for (int i = 0; i < summaries.Length; i++) destination[i] = FromSummary(summaries[i], unit);
        return summaries.Length;
    }

    internal static void Validate(ReadOnlySpan<BgNbdObservation> data, string paramName)
    {
        for (int i = 0; i < data.Length; i++)
        {
            ref readonly BgNbdObservation o = ref data[i];
            if (!(o.Frequency >= 0d) || !double.IsFinite(o.Frequency))
                ThrowHelper.ThrowElement(paramName, i, nameof(Frequency), o.Frequency, "frequencies must be finite and zero or greater.");
            if (!(o.Recency >= 0d) || !double.IsFinite(o.Recency))
                ThrowHelper.ThrowElement(paramName, i, nameof(Recency), o.Recency, "recencies must be finite and zero or greater.");
            if (!(o.Age >= o.Recency) || !double.IsFinite(o.Age))
                ThrowHelper.ThrowElement(paramName, i, nameof(Age), o.Age, "ages must be finite and at least the recency.");
            if (!(o.Weight >= 0d) || !double.IsFinite(o.Weight))
                ThrowHelper.ThrowElement(paramName, i, nameof(Weight), o.Weight, "weights must be finite and zero or greater.");
        }
    }
}

/// <summary>The four BG/NBD parameters: purchase-rate shape <c>r</c> and scale <c>α</c>, dropout shapes <c>a</c> and <c>b</c>.</summary>
/// <param name="R">The shape of the gamma distribution of purchase rates.</param>
/// <param name="Alpha">The scale of the gamma distribution of purchase rates, in the data's time unit.</param>
/// <param name="A">The first shape of the beta distribution of dropout probabilities.</param>
/// <param name="B">The second shape of the beta distribution of dropout probabilities.</param>
/// <remarks>Also used for the standard errors of the four estimates.</remarks>
public readonly record struct BgNbdParameters(double R, double Alpha, double A, double B);

/// <summary>Options of <see cref="BgNbdModel.Fit"/>; <see langword="null"/> means the defaults.</summary>
public sealed record BgNbdFitOptions
{
    /// <summary>Gets the L2 penalty <c>λ</c>: the fit minimises <c>−LL/W + λ(r² + α² + a² + b²)</c> (W the total weight). Default 0.</summary>
    public double L2Penalty { get; init; }

    /// <summary>Gets the iteration budget of the optimizer. Default 2000.</summary>
    public int MaxIterations { get; init; } = 2000;
}
