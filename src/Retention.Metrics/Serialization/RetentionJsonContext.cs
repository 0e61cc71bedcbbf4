using System.Text.Json.Serialization;

namespace Retention.Metrics.Serialization;

/// <summary>The source-generated serialization metadata of every public result type (internal: a public context would leak generated API).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UseStringEnumConverter = true,
    WriteIndented = false)]
[JsonSerializable(typeof(Rate))]
[JsonSerializable(typeof(Interval))]
[JsonSerializable(typeof(CustomerSummary))]
[JsonSerializable(typeof(CustomerSummary[]))]
[JsonSerializable(typeof(SummaryTotals))]
[JsonSerializable(typeof(HoldoutSummary))]
[JsonSerializable(typeof(HoldoutSummary[]))]
internal sealed partial class RetentionJsonContext : JsonSerializerContext
{
}
