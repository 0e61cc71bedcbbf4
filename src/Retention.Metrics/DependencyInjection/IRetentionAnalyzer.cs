namespace Retention.Metrics.DependencyInjection;

/// <summary>Produces the standard retention dashboard with the options configured once at registration.</summary>
public interface IRetentionAnalyzer
{
    /// <summary>Gets a copy of the options this analyzer applies (a snapshot taken at registration); changing the copy changes nothing.</summary>
    RetentionOptions Options { get; }

    /// <summary>Computes the standard report of a history as of a date, with subscription metrics when a ledger is given.</summary>
    /// <param name="history">The purchase history.</param>
    /// <param name="asOf">The observation end, inclusive.</param>
    /// <param name="subscriptions">The subscriptions, for logo churn and MRR per period; <see langword="null"/> (the default) leaves
    /// those sections <see langword="null"/>.</param>
    /// <returns>The report; for an empty history, every section is its area's documented empty result (zero totals, no cohorts,
    /// no customers, empty deciles).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> precedes the history's first purchase.</exception>
    /// <exception cref="ArgumentException">A section's area function rejects the input, for example a cohort table that would
    /// exceed its cell limit; the message names the cause.</exception>
    /// <remarks>Each section is one call of an area function with the configured options; see <see cref="RetentionReport"/>.
    /// The subscription series run over calendar periods of <see cref="RetentionOptions.CohortPeriod"/> from the history's first
    /// purchase (or <paramref name="asOf"/> for an empty history) to <paramref name="asOf"/>; the last period runs to its own end.</remarks>
    RetentionReport Analyze(PurchaseHistory history, DateOnly asOf, SubscriptionLedger? subscriptions = null);

    /// <summary>Converts an order timestamp to the shop's local date with the configured time zone.</summary>
    /// <param name="instant">The timestamp.</param>
    /// <returns>The local date.</returns>
    DateOnly ToLocalDate(DateTimeOffset instant);
}
