using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Retention.Metrics;

/// <summary>Builds the library's exception messages in one place, so every message names the argument, the index and the rule.</summary>
[StackTraceHidden]
internal static class ThrowHelper
{
    /// <summary>Throws for a bad element: <c>{paramName}[{index}].{field} is {value}; {rule}</c>.</summary>
    [DoesNotReturn]
    internal static void ThrowElement(string paramName, long index, string field, object? value, string rule) =>
        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
            $"{paramName}[{index}].{field} is {Format(value)}; {rule}"), paramName);

    /// <summary>Throws for a bad element that has no named field: <c>{paramName}[{index}] is {value}; {rule}</c>.</summary>
    [DoesNotReturn]
    internal static void ThrowElement(string paramName, long index, object? value, string rule) =>
        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
            $"{paramName}[{index}] is {Format(value)}; {rule}"), paramName);

    /// <summary>Throws an <see cref="ArgumentException"/> with a free message.</summary>
    [DoesNotReturn]
    internal static void ThrowArgument(string paramName, string message) =>
        throw new ArgumentException(message, paramName);

    /// <summary>Throws an <see cref="ArgumentOutOfRangeException"/>: <c>{paramName} is {value}; {rule}</c>.</summary>
    [DoesNotReturn]
    internal static void ThrowOutOfRange(string paramName, object? value, string rule) =>
        throw new ArgumentOutOfRangeException(paramName, value,
            string.Create(CultureInfo.InvariantCulture, $"{paramName} is {Format(value)}; {rule}"));

    /// <summary>Throws when a destination span is shorter than the result.</summary>
    [DoesNotReturn]
    internal static void ThrowDestinationTooShort(string paramName, int length, int required) =>
        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
            $"{paramName} has length {length}; it must hold at least {required} elements."), paramName);

    /// <summary>Throws an <see cref="InvalidOperationException"/>.</summary>
    [DoesNotReturn]
    internal static void ThrowInvalidOperation(string message) => throw new InvalidOperationException(message);

    private static string Format(object? value) => value switch
    {
        null => "null",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };
}
