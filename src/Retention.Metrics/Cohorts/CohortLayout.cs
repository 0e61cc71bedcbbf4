using System.Globalization;

namespace Retention.Metrics;

/// <summary>The shape of a cohort table: its rows (cohort periods), columns, and how far each row is observed at the as-of date.</summary>
/// <remarks>
/// Rows are every cohort period from the one containing the first day to the one containing the as-of date, consecutive,
/// so the shape depends only on (options, first day's period, as-of date) and tables of disjoint customer sets align.
/// For row r, columns <c>0 .. Observed[r] − 1</c> are fully observed, <c>Observed[r] .. Started[r] − 1</c> are partially
/// observed, and the rest have not started; both counts are monotone in k for every mode.
/// </remarks>
internal sealed class CohortLayout
{
    /// <summary>The most cells a table may have (6 arrays of 8 bytes each per cell).</summary>
    internal const int MaxCells = 1 << 24;

    private CohortLayout(CohortOptions options, int asOfDay, int firstOrdinal, int periodCount, int[] startDays, int[] started, int[] observed)
    {
        Options = options;
        AsOfDay = asOfDay;
        FirstOrdinal = firstOrdinal;
        PeriodCount = periodCount;
        StartDays = startDays;
        Started = started;
        Observed = observed;
    }

    internal CohortOptions Options { get; }

    internal int AsOfDay { get; }

    /// <summary>The absolute period ordinal of row 0.</summary>
    internal int FirstOrdinal { get; }

    internal int CohortCount => Started.Length;

    internal int PeriodCount { get; }

    /// <summary>Start day of each row, plus one more entry: the day after the last row's period ends.</summary>
    internal int[] StartDays { get; }

    internal int[] Started { get; }

    internal int[] Observed { get; }

    internal static CohortLayout Empty(CohortOptions options, int asOfDay) => new(options, asOfDay, 0, 0, [0], [], []);

    /// <summary>Lays out a table whose first cohort contains <paramref name="firstDay"/>; <paramref name="firstDay"/> ≤ <paramref name="asOfDay"/>.</summary>
    internal static CohortLayout Create(CohortOptions options, int firstDay, int asOfDay)
    {
        PeriodUnit unit = options.Unit;
        DayOfWeek weekStart = options.WeekStart;
        int firstOrdinal = Calendar.PeriodOrdinal(firstDay, unit, weekStart);
        return CreateFromOrdinal(options, firstOrdinal, asOfDay);
    }

    /// <summary>Lays out a table whose first cohort is the period with the given absolute ordinal.</summary>
    internal static CohortLayout CreateFromOrdinal(CohortOptions options, int firstOrdinal, int asOfDay)
    {
        PeriodUnit unit = options.Unit;
        DayOfWeek weekStart = options.WeekStart;
        int lastOrdinal = Calendar.PeriodOrdinal(asOfDay, unit, weekStart);
        int cohorts = lastOrdinal - firstOrdinal + 1;
        var startDays = new int[cohorts + 1];
        for (int r = 0; r <= cohorts; r++) startDays[r] = SafeStartDay(firstOrdinal + r, unit, weekStart);

        var started = new int[cohorts];
        var observed = new int[cohorts];
        int periods;
        switch (options.Mode)
        {
            case CohortPeriodMode.Calendar:
                {
                    // Every period up to the as-of period has started; the as-of period is observed only when asOf is its last day.
                    bool asOfEndsPeriod = startDays[cohorts] - 1 <= asOfDay;
                    periods = cohorts;
                    for (int r = 0; r < cohorts; r++)
                    {
                        started[r] = cohorts - r;
                        observed[r] = asOfEndsPeriod ? cohorts - r : cohorts - r - 1;
                    }
                    break;
                }
            case CohortPeriodMode.Rolling:
                {
                    int n = options.RollingDays;
                    for (int r = 0; r < cohorts; r++)
                    {
                        int start = startDays[r];
                        int end = startDays[r + 1] - 1;
                        // Period k of a member who started on f spans [f + kN, f + kN + N − 1] with start ≤ f ≤ end:
                        // started when start + kN ≤ asOf; observed for every member when end + kN + N − 1 ≤ asOf.
                        started[r] = ((asOfDay - start) / n) + 1;
                        long room = (long)asOfDay - end + 1;
                        observed[r] = room <= 0 ? 0 : (int)Math.Min(room / n, started[r]);
                    }
                    periods = started[0];
                    break;
                }
            default:
                {
                    IReadOnlyList<CohortBracket> brackets = options.Brackets!;
                    periods = brackets.Count;
                    for (int r = 0; r < cohorts; r++)
                    {
                        int start = startDays[r];
                        int end = startDays[r + 1] - 1;
                        int s = 0, o = 0;
                        for (int j = 0; j < brackets.Count; j++)
                        {
                            if ((long)start + brackets[j].FirstDay <= asOfDay) s = j + 1;
                            if ((long)end + brackets[j].LastDay <= asOfDay) o = j + 1;
                        }
                        started[r] = s;
                        observed[r] = o;
                    }
                    break;
                }
        }

        long cells = (long)cohorts * periods;
        if (cells > MaxCells)
        {
            ThrowHelper.ThrowArgument(nameof(options), string.Create(CultureInfo.InvariantCulture,
                $"The cohort table would have {cohorts} cohorts × {periods} periods = {cells} cells; at most {MaxCells} are supported. Choose a longer unit or rolling period, or a later start."));
        }
        return new CohortLayout(options, asOfDay, firstOrdinal, periods, startDays, started, observed);
    }

    /// <summary>The start day of a period, clamped to the representable range: day 0 for a week that began before 0001-01-01, one past <see cref="DateOnly.MaxValue"/> for the period after the last one.</summary>
    private static int SafeStartDay(int ordinal, PeriodUnit unit, DayOfWeek weekStart)
    {
        int maxOrdinal = Calendar.PeriodOrdinal(DateOnly.MaxValue.DayNumber, unit, weekStart);
        return ordinal > maxOrdinal ? DateOnly.MaxValue.DayNumber + 1 : Math.Max(0, Calendar.PeriodStartDay(ordinal, unit, weekStart));
    }
}
