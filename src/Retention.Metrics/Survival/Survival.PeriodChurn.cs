using System.Globalization;

namespace Retention.Metrics;

public static partial class Survival
{
    /// <summary>Writes the observed churn of each period from a cohort's survivor counts: the share of those active after period
    /// t − 1 who churned in period t.</summary>
    /// <param name="survivorsByPeriod">Customers still active after 0, 1, …, n periods; zero or greater and never increasing.</param>
    /// <param name="destination">Receives n rates, entry <c>t − 1</c> for period <c>t</c>; at least <c>survivorsByPeriod.Length − 1</c> long.</param>
    /// <returns>The number of rates written, n; 0 when fewer than two counts are given.</returns>
    /// <exception cref="ArgumentException">A count is negative or larger than the previous one (the message names the index), or
    /// <paramref name="destination"/> is too short.</exception>
    /// <remarks><c>churn_t = (s_{t−1} − s_t)/s_{t−1}</c> as a <see cref="Rate"/> with the counts kept (0/0 once nobody is left);
    /// the retention rate is its <see cref="Rate.Complement"/>. Survivor counts of cohorts on the same period grid add entry by entry,
    /// and so do the rates' counts (<see cref="Rate.Combine"/>).</remarks>
    public static int PeriodChurn(ReadOnlySpan<long> survivorsByPeriod, Span<Rate> destination)
    {
        int n = Math.Max(0, survivorsByPeriod.Length - 1);
        for (int t = 0; t < survivorsByPeriod.Length; t++)
        {
            long s = survivorsByPeriod[t];
            if (s < 0) ThrowHelper.ThrowElement(nameof(survivorsByPeriod), t, s, "survivors must be zero or greater.");
            if (t > 0 && s > survivorsByPeriod[t - 1])
                ThrowHelper.ThrowElement(nameof(survivorsByPeriod), t, s, string.Create(CultureInfo.InvariantCulture,
                    $"survivors must not increase (the previous period had {survivorsByPeriod[t - 1]})."));
        }
        if (destination.Length < n) ThrowHelper.ThrowDestinationTooShort(nameof(destination), destination.Length, n);
        for (int t = 1; t <= n; t++)
            destination[t - 1] = new Rate(survivorsByPeriod[t - 1] - survivorsByPeriod[t], survivorsByPeriod[t - 1]);
        return n;
    }
}
