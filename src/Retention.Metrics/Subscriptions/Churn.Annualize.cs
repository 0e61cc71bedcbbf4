namespace Retention.Metrics;

public static partial class Churn
{
    /// <summary>Converts a per-period churn rate to the churn over a year of such periods, <c>1 − (1 − rate)^periodsPerYear</c>.</summary>
    /// <param name="periodRate">The churn per period in [0, 1], for example a monthly <see cref="Rate.Value"/>.</param>
    /// <param name="periodsPerYear">The number of periods in a year; 12 for months (the default), 4 for quarters, 52 for weeks.</param>
    /// <returns>The annual churn in [0, 1]; 0 for a rate of 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="periodRate"/> is not in [0, 1] (or is NaN), or
    /// <paramref name="periodsPerYear"/> is less than 1.</exception>
    /// <remarks>Assumes the same churn in every period and compounds survival: a 5 % monthly churn is
    /// <c>1 − 0.95¹² = 45.96 %</c> a year, not <c>5 % × 12 = 60 %</c> (the multiplication is only a first-order approximation).</remarks>
    public static double Annualize(double periodRate, int periodsPerYear = 12)
    {
        if (!(periodRate >= 0d && periodRate <= 1d)) ThrowHelper.ThrowOutOfRange(nameof(periodRate), periodRate, "it must be in the range [0, 1].");
        if (periodsPerYear < 1) ThrowHelper.ThrowOutOfRange(nameof(periodsPerYear), periodsPerYear, "it must be at least 1.");
        return 1d - Math.Pow(1d - periodRate, periodsPerYear);
    }
}
