using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Retention.Metrics.Serialization;

namespace Retention.Metrics;

/// <summary>Serializes the library's results to JSON and back with System.Text.Json, trimming- and AOT-safe.</summary>
/// <remarks>
/// <para>The format (documented in <c>docs/json.md</c>): camelCase property names; dates as ISO <c>yyyy-MM-dd</c>; money as
/// JSON numbers with every digit of the <see cref="decimal"/>; enums as their names; the non-finite doubles NaN, +∞ and −∞ as
/// the JSON strings <c>"NaN"</c>, <c>"Infinity"</c> and <c>"-Infinity"</c> (never an exception). Derived values, such as a
/// <see cref="Rate"/>'s <c>value</c>, are written for readers and ignored when reading.</para>
/// <para>Every public result type is supported. Result classes without a settable shape (series, tables, fitted models) are written
/// as their public data form (for example <see cref="RepeatSeriesData"/> from <see cref="RepeatSeries.ToData"/>) and rebuilt with
/// their <c>FromData</c> when reading, which rejects inconsistent data with an <see cref="ArgumentException"/> naming the field.</para>
/// <para>Use <see cref="Options"/> or <see cref="Resolver"/> with <see cref="JsonSerializer"/> directly, or the helpers here.</para>
/// </remarks>
public static class RetentionJson
{
    private static readonly JsonSerializerOptions s_options = CreateOptions(indented: false);
    private static readonly JsonSerializerOptions s_indented = CreateOptions(indented: true);

    /// <summary>Gets the resolver holding the metadata of every result type.</summary>
    public static IJsonTypeInfoResolver Resolver => RetentionJsonContext.Default;

    /// <summary>Gets read-only serializer options using <see cref="Resolver"/>.</summary>
    public static JsonSerializerOptions Options => s_options;

    /// <summary>Serializes a result.</summary>
    /// <typeparam name="T">A result type of this library.</typeparam>
    /// <param name="value">The result.</param>
    /// <param name="indented">Whether to indent the output.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a result type of this library.</exception>
    public static string Serialize<T>(T value, bool indented = false) =>
        JsonSerializer.Serialize(value, TypeInfo<T>(indented ? s_indented : s_options));

    /// <summary>Deserializes a result.</summary>
    /// <typeparam name="T">A result type of this library.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <returns>The result; <see langword="null"/> (or default) for the JSON literal <c>null</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The text is not valid JSON for <typeparamref name="T"/>.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a result type of this library.</exception>
    public static T? Deserialize<T>(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, TypeInfo<T>(s_options));
    }

    private static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options)
    {
        if (options.TryGetTypeInfo(typeof(T), out JsonTypeInfo? info)) return (JsonTypeInfo<T>)info;
        throw new NotSupportedException($"{typeof(T)} is not a Retention.Metrics result type; RetentionJson serializes only those.");
    }

    private static JsonSerializerOptions CreateOptions(bool indented)
    {
        var options = new JsonSerializerOptions(RetentionJsonContext.Default.Options)
        {
            WriteIndented = indented,
            TypeInfoResolver = RetentionJsonContext.Default,
        };
        options.MakeReadOnly();
        return options;
    }
}
