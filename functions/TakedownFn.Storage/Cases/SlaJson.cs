using System.Text.Json;
using System.Text.Json.Serialization;

namespace TakedownFn.Storage.Cases;

/// <summary>
/// How SLA values (a case's <c>ResolvedPolicy</c>, its timers) are stored: camel-case properties and
/// the same kebab-case enum ids as the policy packs (<c>counter-notice-restoration</c>,
/// <c>business-days</c>), so a stored policy reads like the pack it came from.
/// </summary>
public static class SlaJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };
}
