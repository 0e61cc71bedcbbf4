using System.Globalization;

namespace Retention.Metrics;

/// <summary>How the columns (period indexes) of a cohort table are laid out.</summary>
public enum CohortPeriodMode
{
    /// <summary>Calendar periods of <see cref="CohortOptions.Unit"/>: period k of a cohort is the k-th calendar period after the cohort's own period.</summary>
    Calendar = 0,

    /// <summary>Rolling windows of <see cref="CohortOptions.RollingDays"/> days counted from each customer's own first purchase day.</summary>
    Rolling = 1,

    /// <summary>Custom brackets of days since each customer's first purchase, for example days 1–7, 8–30 and 31–90.</summary>
    Brackets = 2,
}

/// <summary>Which customers a cohort cell counts as retained.</summary>
public enum CohortRetention
{
    /// <summary>Customers with at least one purchase in period k ("on day/period k" retention).</summary>
    On = 0,

    /// <summary>Customers with at least one purchase in period k or any later period observed by the as-of date ("unbounded" retention).</summary>
    /// <remarks>By definition the count depends on how much later time has been observed: a cell whose own period has ended
    /// (<see cref="CohortCellState.Observed"/>) can still grow when a later as-of date reveals later purchases.</remarks>
    OnOrAfter = 1,
}

/// <summary>An inclusive range of days since a customer's first purchase (day 0 is the first purchase day), used as a cohort column.</summary>
/// <param name="FirstDay">The first day of the bracket, inclusive; zero or greater.</param>
/// <param name="LastDay">The last day of the bracket, inclusive; at least <paramref name="FirstDay"/>.</param>
public readonly record struct CohortBracket(int FirstDay, int LastDay)
{
    /// <summary>Formats the bracket as <c>"FirstDay–LastDay"</c>, for example <c>"8-30"</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{FirstDay}-{LastDay}");
}

/// <summary>Options of a cohort table: how customers are grouped into cohorts, how periods are counted, and what counts as retained.</summary>
/// <remarks>
/// <para>A customer's cohort is the calendar period of <see cref="Unit"/> (week start <see cref="WeekStart"/>) that contains the
/// first purchase, in every mode. The columns depend on <see cref="Mode"/>:</para>
/// <list type="bullet">
/// <item><see cref="CohortPeriodMode.Calendar"/> (<see cref="RollingDays"/> is 0, no <see cref="Brackets"/>): period
/// <c>k = ordinal(day) − ordinal(first purchase day)</c> in calendar periods of <see cref="Unit"/>.</item>
/// <item><see cref="CohortPeriodMode.Rolling"/> (<see cref="RollingDays"/> = N &gt; 0): <c>k = ⌊(day − first purchase day) / N⌋</c>.</item>
/// <item><see cref="CohortPeriodMode.Brackets"/>: column j holds the days <c>Brackets[j].FirstDay ≤ day − first purchase day ≤ Brackets[j].LastDay</c>.</item>
/// </list>
/// <para>The default value, <see cref="Monthly"/>, is calendar months with "on" retention and ISO (Monday) weeks. Equality compares
/// every property, brackets element by element.</para>
/// </remarks>
public sealed record CohortOptions
{
    private readonly IReadOnlyList<CohortBracket>? _brackets;

    /// <summary>Gets the default options: monthly calendar cohorts and periods, "on" retention.</summary>
    public static CohortOptions Monthly { get; } = new();

    /// <summary>Gets the calendar period that defines a cohort (and, in calendar mode, a column); <see cref="PeriodUnit.Month"/> by default.</summary>
    public PeriodUnit Unit { get; init; } = PeriodUnit.Month;

    /// <summary>Gets the first day of a week when <see cref="Unit"/> is <see cref="PeriodUnit.Week"/>; ISO Monday by default.</summary>
    public DayOfWeek WeekStart { get; init; } = DayOfWeek.Monday;

    /// <summary>Gets the length in days of a rolling period counted from each customer's first purchase; 0 (the default) for calendar periods.</summary>
    public int RollingDays { get; init; }

    /// <summary>Gets which customers a cell counts: active in the period (<see cref="CohortRetention.On"/>, the default) or in it or later.</summary>
    public CohortRetention Retention { get; init; } = CohortRetention.On;

    /// <summary>Gets the custom day brackets that replace periods as columns, ascending and non-overlapping; <see langword="null"/> (the default) for periods.</summary>
    public IReadOnlyList<CohortBracket>? Brackets
    {
        get => _brackets;
        init => _brackets = value is null ? null : [.. value];
    }

    /// <summary>Gets the column layout implied by <see cref="RollingDays"/> and <see cref="Brackets"/>.</summary>
    public CohortPeriodMode Mode =>
        _brackets is not null ? CohortPeriodMode.Brackets : RollingDays > 0 ? CohortPeriodMode.Rolling : CohortPeriodMode.Calendar;

    /// <summary>Gets whether these options equal <paramref name="other"/>, comparing brackets element by element.</summary>
    /// <param name="other">The options to compare with.</param>
    /// <returns><see langword="true"/> when every property is equal.</returns>
    public bool Equals(CohortOptions? other)
    {
        if (other is null) return false;
        if (ReferenceEquals(this, other)) return true;
        if (Unit != other.Unit || WeekStart != other.WeekStart || RollingDays != other.RollingDays || Retention != other.Retention)
            return false;
        if (_brackets is null || other._brackets is null) return _brackets is null && other._brackets is null;
        if (_brackets.Count != other._brackets.Count) return false;
        for (int i = 0; i < _brackets.Count; i++)
        {
            if (_brackets[i] != other._brackets[i]) return false;
        }
        return true;
    }

    /// <summary>Gets a hash code consistent with <see cref="Equals(CohortOptions)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Unit);
        hash.Add(WeekStart);
        hash.Add(RollingDays);
        hash.Add(Retention);
        if (_brackets is not null)
        {
            for (int i = 0; i < _brackets.Count; i++) hash.Add(_brackets[i]);
        }
        return hash.ToHashCode();
    }

    /// <summary>Throws when the options are inconsistent.</summary>
    internal void Validate(string paramName)
    {
        if ((uint)Unit > (uint)PeriodUnit.Year)
            ThrowHelper.ThrowArgument(paramName, string.Create(CultureInfo.InvariantCulture,
                $"{paramName}.Unit is {Unit}; it must be Day, Week, Month, Quarter or Year."));
        if ((uint)WeekStart > (uint)DayOfWeek.Saturday)
            ThrowHelper.ThrowArgument(paramName, string.Create(CultureInfo.InvariantCulture,
                $"{paramName}.WeekStart is {WeekStart}; it must be a day of the week."));
        if ((uint)Retention > (uint)CohortRetention.OnOrAfter)
            ThrowHelper.ThrowArgument(paramName, string.Create(CultureInfo.InvariantCulture,
                $"{paramName}.Retention is {Retention}; it must be On or OnOrAfter."));
        if (RollingDays < 0)
            ThrowHelper.ThrowArgument(paramName, string.Create(CultureInfo.InvariantCulture,
                $"{paramName}.RollingDays is {RollingDays}; it must be zero (calendar periods) or greater."));
        if (_brackets is null) return;
        if (RollingDays != 0)
            ThrowHelper.ThrowArgument(paramName, string.Create(CultureInfo.InvariantCulture,
                $"{paramName}.RollingDays is {RollingDays}; it must be zero when brackets are given (brackets are already days since the first purchase)."));
        if (_brackets.Count == 0)
            ThrowHelper.ThrowArgument(paramName, $"{paramName}.Brackets is empty; give at least one bracket, or null for periods.");
        int previousLast = -1;
        for (int i = 0; i < _brackets.Count; i++)
        {
            CohortBracket b = _brackets[i];
            if (b.FirstDay < 0)
                ThrowBracket(paramName, i, nameof(CohortBracket.FirstDay), b.FirstDay, "it must be zero or greater.");
            if (b.LastDay < b.FirstDay)
                ThrowBracket(paramName, i, nameof(CohortBracket.LastDay), b.LastDay,
                    string.Create(CultureInfo.InvariantCulture, $"it must be at least FirstDay ({b.FirstDay})."));
            if (b.FirstDay <= previousLast)
                ThrowBracket(paramName, i, nameof(CohortBracket.FirstDay), b.FirstDay,
                    string.Create(CultureInfo.InvariantCulture, $"brackets must be ascending and must not overlap; the previous bracket ends on day {previousLast}."));
            previousLast = b.LastDay;
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowBracket(string paramName, int index, string field, int value, string rule) =>
        ThrowHelper.ThrowArgument(paramName, string.Create(CultureInfo.InvariantCulture,
            $"{paramName}.Brackets[{index}].{field} is {value}; {rule}"));
}
