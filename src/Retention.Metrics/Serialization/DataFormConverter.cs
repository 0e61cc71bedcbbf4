using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Retention.Metrics.Serialization;

/// <summary>Writes a result class through its serializable data form and rebuilds it, validated, when reading.</summary>
/// <typeparam name="T">The result class (spans and indexers, no settable shape).</typeparam>
/// <typeparam name="TData">Its data form, a record of arrays registered in <see cref="RetentionJsonContext"/>.</typeparam>
internal abstract class DataFormConverter<T, TData> : JsonConverter<T>
    where T : class
    where TData : class
{
    private protected abstract JsonTypeInfo<TData> DataInfo { get; }

    private protected abstract TData ToData(T value);

    private protected abstract T FromData(TData data);

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        TData? data = JsonSerializer.Deserialize(ref reader, DataInfo);
        return data is null ? null : FromData(data);
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, ToData(value), DataInfo);
}
