using System.Text.Json.Nodes;
using Json.Schema;

namespace TakedownFn.Tests.OpenApi;

/// <summary>A schema of the OpenAPI document as a JSON Schema 2020-12 validator, its components as <c>$defs</c>.</summary>
internal static class DocumentSchemas
{
    /// <summary>
    /// The schema with objects closed (no property the schema does not name), so a misspelt or
    /// undocumented field fails; with <paramref name="requireAll"/> false, <c>required</c> is left
    /// out, for abridged examples that show some fields only.
    /// </summary>
    public static JsonSchema Strict(JsonNode document, JsonNode schema, bool requireAll = true)
    {
        var defs = document["components"]?["schemas"]?.DeepClone() ?? new JsonObject();
        var own = schema.DeepClone();
        Close(defs, requireAll, map: true);
        Close(own, requireAll);
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = defs,
            ["allOf"] = new JsonArray(own),
        };
        var text = root.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        return JsonSchema.FromText(text, baseUri: new Uri($"https://takedownfn.test/{Guid.NewGuid():N}"));
    }

    /// <summary>Where and why an instance failed a schema: each JSON path with its errors (the first dozen).</summary>
    public static string Describe(EvaluationResults result) =>
        string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}").Distinct().Take(12));

    /// <summary>Closes a schema, or (when <paramref name="map"/>) each schema of an object of schemas by name, such as <c>properties</c>.</summary>
    private static void Close(JsonNode? node, bool requireAll, bool map = false)
    {
        switch (node)
        {
            case JsonObject o:
                if (!map && o["properties"] is JsonObject && o["additionalProperties"] is null)
                {
                    o["additionalProperties"] = false;
                }

                if (!map && !requireAll)
                {
                    o.Remove("required");
                }

                foreach (var (name, child) in o.ToList())
                {
                    Close(child, requireAll, map: !map && name is "properties" or "$defs" or "patternProperties");
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Close(child, requireAll);
                }

                break;
        }
    }
}
