namespace Retention.Metrics;

/// <summary>One customer's (or group's) Gamma-Gamma input: repeat purchases <c>x</c> and their mean value <c>z̄</c>.</summary>
/// <param name="Frequency">The number of repeat purchase occasions <c>x</c>, zero or greater.</param>
/// <param name="MeanValue">The mean value of the repeat purchases <c>z̄</c> (BTYD <c>m_x</c>); greater than 0 when <c>x &gt; 0</c>.</param>
/// <param name="Weight">The number of customers this row stands for; 1 for one customer.</param>
/// <remarks>The first purchase is excluded from both numbers (BTYD convention). Rows with <c>x = 0</c> carry no spend
/// information: <see cref="GammaGammaModel.Fit"/> skips them and reports how many it used. The default value is such a row
/// with weight 0.</remarks>
public readonly record struct GammaGammaObservation(double Frequency, double MeanValue, double Weight = 1d)
{
    /// <summary>Builds the observation of one customer summary.</summary>
    /// <param name="summary">The customer summary.</param>
    /// <returns><c>(summary.Frequency, (double)summary.MeanRepeatAmount, 1)</c>.</returns>
    /// <remarks>The mean is over repeat occasions (same-day orders summed first).</remarks>
    public static GammaGammaObservation FromSummary(in CustomerSummary summary) =>
        new(summary.Frequency, (double)summary.MeanRepeatAmount);

    /// <summary>Writes the observation of every summary, in order.</summary>
    /// <param name="summaries">The customer summaries.</param>
    /// <param name="destination">Receives one observation per summary; at least as long as <paramref name="summaries"/>.</param>
    /// <returns>The number of observations written; 0 for no summaries.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    /// <remarks>See <see cref="FromSummary"/>. No allocation.</remarks>
    public static int FromSummaries(ReadOnlySpan<CustomerSummary> summaries, Span<GammaGammaObservation> destination)
    {
        if (destination.Length < summaries.Length)
            ThrowHelper.ThrowDestinationTooShort(nameof(destination), destination.Length, summaries.Length);
        for (int i = 0; i < summaries.Length; i++) destination[i] = FromSummary(summaries[i]);
        return summaries.Length;
    }

    internal static void Validate(ReadOnlySpan<GammaGammaObservation> data, string paramName)
    {
        for (int i = 0; i < data.Length; i++)
        {
            ref readonly GammaGammaObservation o = ref data[i];
            if (!(o.Frequency >= 0d) || !double.IsFinite(o.Frequency))
                ThrowHelper.ThrowElement(paramName, i, nameof(Frequency), o.Frequency, "frequencies must be finite and zero or greater.");
            if (!double.IsFinite(o.MeanValue) || (o.Frequency > 0d && !(o.MeanValue > 0d)) || o.MeanValue < 0d)
                ThrowHelper.ThrowElement(paramName, i, nameof(MeanValue), o.MeanValue,
                    "mean values must be finite, zero or greater, and greater than 0 when the frequency is positive.");
            if (!(o.Weight >= 0d) || !double.IsFinite(o.Weight))
                ThrowHelper.ThrowElement(paramName, i, nameof(Weight), o.Weight, "weights must be finite and zero or greater.");
        }
    }
}

/// <summary>The three Gamma-Gamma parameters: <c>p</c> (shape of spend per transaction), <c>q</c> and <c>γ</c> (shape and scale of its mean).</summary>
/// <param name="P">The shape of each transaction value's gamma distribution.</param>
/// <param name="Q">The shape of the gamma distribution of the customers' scale parameter.</param>
/// <param name="Gamma">The scale of that distribution, in money units.</param>
/// <remarks>Also used for the standard errors of the three estimates.</remarks>
public readonly record struct GammaGammaParameters(double P, double Q, double Gamma);

/// <summary>Options of <see cref="GammaGammaModel.Fit"/>; <see langword="null"/> means the defaults.</summary>
public sealed record GammaGammaFitOptions
{
    /// <summary>Gets the L2 penalty <c>λ</c>: the fit minimises <c>−LL/W + λ(p² + q² + γ²)</c>. Default 0.</summary>
    public double L2Penalty { get; init; }

    /// <summary>Gets the iteration budget of the optimizer. Default 2000.</summary>
    public int MaxIterations { get; init; } = 2000;
}

/// <summary>The discounting horizon of a model-based customer lifetime value: how many periods, how long each is in the model's time unit, and the discount rate per period.</summary>
/// <param name="Periods">The number of periods summed; 1 or greater.</param>
/// <param name="PeriodLength">The length of one period in the BG/NBD model's time unit (for example 4.345 weeks); finite and positive.</param>
/// <param name="DiscountRate">The discount rate per period (0.01 = 1 %); finite and greater than −1.</param>
/// <remarks>Nothing is assumed about months: the period length is stated explicitly. The lifetimes package's convention
/// ("month" = 4.345 weeks or 30 days) is available by name as <see cref="LifetimesMonthsInWeeks"/> and <see cref="LifetimesMonthsInDays"/>.</remarks>
public readonly record struct ClvHorizon(int Periods, double PeriodLength, double DiscountRate)
{
    /// <summary>The length of a month in weeks under the lifetimes convention (<c>freq="W"</c>).</summary>
    public const double LifetimesWeeksPerMonth = 4.345;

    /// <summary>The length of a month in days under the lifetimes convention (<c>freq="D"</c>).</summary>
    public const double LifetimesDaysPerMonth = 30d;

    /// <summary>Creates the lifetimes-convention horizon for a model in weeks: months of 4.345 weeks.</summary>
    /// <param name="months">The number of months.</param>
    /// <param name="monthlyDiscountRate">The discount rate per month.</param>
    /// <returns>The horizon <c>(months, 4.345, monthlyDiscountRate)</c>.</returns>
    public static ClvHorizon LifetimesMonthsInWeeks(int months, double monthlyDiscountRate) => new(months, LifetimesWeeksPerMonth, monthlyDiscountRate);

    /// <summary>Creates the lifetimes-convention horizon for a model in days: months of 30 days.</summary>
    /// <param name="months">The number of months.</param>
    /// <param name="monthlyDiscountRate">The discount rate per month.</param>
    /// <returns>The horizon <c>(months, 30, monthlyDiscountRate)</c>.</returns>
    public static ClvHorizon LifetimesMonthsInDays(int months, double monthlyDiscountRate) => new(months, LifetimesDaysPerMonth, monthlyDiscountRate);

    internal void Validate(string paramName)
    {
        if (Periods < 1) ThrowHelper.ThrowOutOfRange(paramName + ".Periods", Periods, "it must be 1 or greater.");
        if (!(PeriodLength > 0d) || !double.IsFinite(PeriodLength))
            ThrowHelper.ThrowOutOfRange(paramName + ".PeriodLength", PeriodLength, "it must be finite and greater than 0.");
        if (!(DiscountRate > -1d) || !double.IsFinite(DiscountRate))
            ThrowHelper.ThrowOutOfRange(paramName + ".DiscountRate", DiscountRate, "it must be finite and greater than -1.");
    }
}
