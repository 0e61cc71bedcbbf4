namespace Retention.Metrics;

public static partial class Campaigns
{
    /// <summary>Compares the F2 conversion (F2転換率) of a treated and a control group of new customers, for example a step-mail
    /// programme against a holdout, with the same censoring as <see cref="Repeat.F2Conversion"/>.</summary>
    /// <param name="history">The purchase history holding both groups.</param>
    /// <param name="treated">The treated customers (built with <see cref="CustomerSet.FromIds"/> on <paramref name="history"/>).</param>
    /// <param name="control">The control customers; disjoint from <paramref name="treated"/> for the test to be valid.</param>
    /// <param name="asOf">The observation end, inclusive.</param>
    /// <param name="windowDays">The conversion window W in days after each customer's first purchase; zero or greater.</param>
    /// <param name="confidenceLevel">The confidence level of the uplift interval in (0, 1); 0.95 by default.</param>
    /// <returns>Both groups' converted-over-eligible rates and the z-test. There is no empty value: each group needs an eligible customer.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A set belongs to another history, or a group has no customer whose window has elapsed.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> precedes the first purchase, <paramref name="windowDays"/> is negative,
    /// or <paramref name="confidenceLevel"/> is not in (0, 1).</exception>
    /// <remarks>Each rate is <c>Repeat.F2Conversion(history, asOf, windowDays, customers: group).Total.Rate</c>; the test is
    /// <see cref="TwoProportionZTest"/> on those counts.</remarks>
    public static RetentionComparison CompareF2Conversion(PurchaseHistory history, CustomerSet treated, CustomerSet control,
        DateOnly asOf, int windowDays, double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(treated);
        ArgumentNullException.ThrowIfNull(control);
        Rate t = Repeat.F2Conversion(history, asOf, windowDays, customers: treated).Total.Rate;
        Rate c = Repeat.F2Conversion(history, asOf, windowDays, customers: control).Total.Rate;
        return Compare(t, c, confidenceLevel);
    }

    /// <summary>Compares the repeat rate of a treated and a control group in a window, for example the months after a DM:
    /// among each group's customers who bought in <c>[from, to]</c>, the share who bought at least twice.</summary>
    /// <param name="history">The purchase history holding both groups.</param>
    /// <param name="treated">The treated customers.</param>
    /// <param name="control">The control customers; disjoint from <paramref name="treated"/> for the test to be valid.</param>
    /// <param name="from">The first day of the window, inclusive.</param>
    /// <param name="to">The last day of the window, inclusive.</param>
    /// <param name="counting">Whether purchases are occasions (distinct days, the default) or orders.</param>
    /// <param name="confidenceLevel">The confidence level of the uplift interval in (0, 1); 0.95 by default.</param>
    /// <returns>Both groups' rates and the z-test. There is no empty value: each group needs a buyer in the window.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A set belongs to another history, or a group has no buyer in the window.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The window is out of order or precedes the first purchase, or
    /// <paramref name="confidenceLevel"/> is not in (0, 1).</exception>
    /// <remarks>Each rate is <c>Repeat.MultiPurchaseShare(history, from, to, counting, group)</c>; the test is <see cref="TwoProportionZTest"/>.
    /// To measure "bought again after the mailing" over the whole group instead, compare <see cref="Summarize"/> results built from counts.</remarks>
    public static RetentionComparison CompareRepeatRate(PurchaseHistory history, CustomerSet treated, CustomerSet control,
        DateOnly from, DateOnly to, PurchaseCounting counting = PurchaseCounting.Occasions, double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(treated);
        ArgumentNullException.ThrowIfNull(control);
        Rate t = Repeat.MultiPurchaseShare(history, from, to, counting, treated);
        Rate c = Repeat.MultiPurchaseShare(history, from, to, counting, control);
        return Compare(t, c, confidenceLevel);
    }

    private static RetentionComparison Compare(Rate treated, Rate control, double confidenceLevel)
    {
        ValidateConfidence(confidenceLevel, nameof(confidenceLevel));
        if (treated.Denominator == 0) ThrowHelper.ThrowArgument(nameof(treated), "treated has no customer to measure (nobody eligible or nobody bought in the window).");
        if (control.Denominator == 0) ThrowHelper.ThrowArgument(nameof(control), "control has no customer to measure (nobody eligible or nobody bought in the window).");
        var t = new CampaignGroup(treated.Denominator, treated.Numerator, treated.Numerator, 0m, 0m);
        var c = new CampaignGroup(control.Denominator, control.Numerator, control.Numerator, 0m, 0m);
        return new RetentionComparison(treated, control, TwoProportionZTest(t, c, CampaignOutcome.Response, confidenceLevel));
    }
}
