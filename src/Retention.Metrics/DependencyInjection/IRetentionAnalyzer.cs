namespace Retention.Metrics.DependencyInjection;

/// <summary>Produces the standard retention dashboard with the options configured once at registration.</summary>
public interface IRetentionAnalyzer
{
    /// <summary>Gets the options this analyzer applies (a snapshot taken at registration).</summary>
    RetentionOptions Options { get; }

    /// <summary>Computes the standard report of a history as of a date.</summary>
    /// <param name="history">The purchase history.</param>
    /// <param name="asOf">The observation end, inclusive.</param>
    /// <returns>The report; an empty history gives a report of zeros.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> precedes the history's first purchase.</exception>
    RetentionReport Analyze(PurchaseHistory history, DateOnly asOf);

    /// <summary>Converts an order timestamp to the shop's local date with the configured time zone.</summary>
    /// <param name="instant">The timestamp.</param>
    /// <returns>The local date.</returns>
    DateOnly ToLocalDate(DateTimeOffset instant);
}
