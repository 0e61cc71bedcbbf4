namespace Retention.Metrics.Cli.Html;

/// <summary>One customer among the top spenders: rank, the caller's key and the spend.</summary>
internal readonly record struct TopCustomer(int Rank, string Key, decimal Amount, double Share);

/// <summary>Every figure the HTML report shows, each the result of one library call over the same history and as-of date.</summary>
internal sealed class ReportModel
{
    /// <summary>The days without a purchase after which a customer's lifetime counts as ended in the survival chart.</summary>
    internal const int DormancyDays = 180;

    /// <summary>The F2 conversion window in days.</summary>
    internal const int F2WindowDays = 90;

    /// <summary>The highest rung of the Fn ladder.</summary>
    internal const int LadderMax = 10;

    /// <summary>The horizons, in months since the first purchase, of the LTV-by-cohort table.</summary>
    internal static readonly int[] LtvHorizonMonths = [3, 6, 12, 24];

    /// <summary>The number of top spenders listed.</summary>
    internal const int TopCustomerCount = 10;

    private ReportModel(string source, DateOnly asOf, PurchaseHistory history)
    {
        Source = source;
        AsOf = asOf;
        FirstDate = history.FirstDate;
        LastDate = history.LastDate;
        AmountScale = history.AmountScale;
        IsEmpty = history.IsEmpty;
    }

    internal string Source { get; }
    internal DateOnly AsOf { get; }
    internal DateOnly FirstDate { get; }
    internal DateOnly LastDate { get; }
    internal int AmountScale { get; }
    internal bool IsEmpty { get; }

    internal SummaryTotals Totals { get; private set; }
    internal CohortTable? Cohorts { get; private set; }
    internal CohortLtvResult? Ltv { get; private set; }
    internal ConversionResult? F2 { get; private set; }
    internal FrequencyLadder? Ladder { get; private set; }
    internal RfmResult? Rfm { get; private set; }
    internal SpendRanking? Ranking { get; private set; }
    internal DecileResult? Deciles { get; private set; }
    internal KaplanMeierCurve? Survival { get; private set; }
    internal IReadOnlyList<TopCustomer> TopCustomers { get; private set; } = [];

    /// <summary>Computes the report of a history as of a date.</summary>
    /// <param name="history">The purchase history.</param>
    /// <param name="asOf">The observation end, on or after the first purchase.</param>
    /// <param name="source">The name of the data shown in the page (a file name, or "sample shop …").</param>
    /// <param name="customerKey">The caller's key of a customer index (as given to the history builder).</param>
    internal static ReportModel Compute(PurchaseHistory history, DateOnly asOf, string source, Func<int, string> customerKey)
    {
        var model = new ReportModel(source, asOf, history);
        if (history.IsEmpty) return model;
        model.Totals = Summaries.Totals(history, asOf);
        model.Cohorts = Metrics.Cohorts.Compute(history, asOf, CohortOptions.Monthly);
        model.Ltv = Lifetime.ByCohort(history, asOf, LtvHorizonMonths);
        model.F2 = Repeat.F2Conversion(history, asOf, F2WindowDays);
        model.Ladder = Repeat.FrequencyLadder(history, asOf, LadderMax);
        model.Rfm = Metrics.Rfm.Compute(history, asOf);
        SpendRanking ranking = Concentration.Rank(history, asOf);
        model.Ranking = ranking;
        model.Deciles = ranking.Deciles(10);
        model.Survival = Metrics.Survival.KaplanMeier(Lifetimes(history, asOf));

        int top = Math.Min(TopCustomerCount, ranking.Count);
        var topCustomers = new TopCustomer[top];
        ReadOnlySpan<int> ranked = ranking.Customers;
        decimal total = ranking.TotalAmount;
        for (int r = 0; r < top; r++)
        {
            decimal amount = ranking.AmountAt(r);
            topCustomers[r] = new TopCustomer(r + 1, customerKey(ranked[r]), amount, total == 0 ? 0 : (double)(amount / total));
        }
        model.TopCustomers = topCustomers;
        return model;
    }

    /// <summary>Each customer's buying lifetime in days, from the first to the last purchase: ended (an event) when the customer
    /// has not bought for <see cref="DormancyDays"/> days at <paramref name="asOf"/>, otherwise still running and censored at the
    /// days from the first to the last purchase so far.</summary>
    internal static SurvivalObservation[] Lifetimes(PurchaseHistory history, DateOnly asOf)
    {
        CustomerSummary[] summaries = Summaries.Compute(history, asOf);
        var observations = new SurvivalObservation[summaries.Length];
        for (int i = 0; i < summaries.Length; i++)
        {
            CustomerSummary s = summaries[i];
            observations[i] = new SurvivalObservation(s.RecencyDays, s.DaysSinceLastPurchase >= DormancyDays);
        }
        return observations;
    }
}
