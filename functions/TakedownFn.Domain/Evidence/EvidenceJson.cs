using System.Text.Json;
using System.Text.Json.Serialization;

namespace TakedownFn.Domain.Evidence;

/// <summary>How bundles are written and read: web names, enums as kebab-case ids (as the case row stores its policy).</summary>
public static class EvidenceJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };
}
