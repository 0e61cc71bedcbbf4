using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Retention.Metrics.Serialization;

/// <summary>Checks shared by the <c>FromData</c> methods: every failure is an <see cref="ArgumentException"/> whose
/// <see cref="ArgumentException.ParamName"/> is <c>data</c> and whose message names the field, the index and the rule.</summary>
[StackTraceHidden]
internal static class DataCheck
{
    internal const string Param = "data";

    internal static T NotNull<T>([NotNull] T? value, string field)
        where T : class
    {
        if (value is null) ThrowNull(Param, $"data.{field} is null.");
        return value;
    }

    internal static void NonNegative(ReadOnlySpan<long> values, string field)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] < 0) Throw(string.Create(CultureInfo.InvariantCulture, $"data.{field}[{i}] is {values[i]}; counts must be zero or greater."));
        }
    }

    internal static void NonNegative(long value, string field)
    {
        if (value < 0) Throw(string.Create(CultureInfo.InvariantCulture, $"data.{field} is {value}; it must be zero or greater."));
    }

    internal static void Positive(double value, string field)
    {
        if (!(value > 0d) || double.IsPositiveInfinity(value))
            Throw(string.Create(CultureInfo.InvariantCulture, $"data.{field} is {value}; it must be positive and finite."));
    }

    internal static void NonNegativeFinite(double value, string field)
    {
        if (!(value >= 0d) || double.IsPositiveInfinity(value))
            Throw(string.Create(CultureInfo.InvariantCulture, $"data.{field} is {value}; it must be zero or greater and finite."));
    }

    internal static void Length(int actual, int expected, string field, string rule)
    {
        if (actual != expected)
            Throw(string.Create(CultureInfo.InvariantCulture, $"data.{field} has {actual} elements; it must have {expected} ({rule})."));
    }

    internal static void AtLeastLength(int actual, int minimum, string field)
    {
        if (actual < minimum)
            Throw(string.Create(CultureInfo.InvariantCulture, $"data.{field} has {actual} elements; it must have at least {minimum}."));
    }

    internal static void Defined<TEnum>(TEnum value, string field)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value)) Throw(string.Create(CultureInfo.InvariantCulture, $"data.{field} is {value}; it must be a defined {typeof(TEnum).Name}."));
    }

    internal static void WeekStart(DayOfWeek value, string field)
    {
        if ((uint)value > (uint)DayOfWeek.Saturday) Throw(string.Create(CultureInfo.InvariantCulture, $"data.{field} is {value}; it must be a day of the week."));
    }

    [DoesNotReturn]
    internal static void Throw(string message) => ThrowHelper.ThrowArgument(Param, message);

    [DoesNotReturn]
    private static void ThrowNull(string paramName, string message) => throw new ArgumentNullException(paramName, message);
}
