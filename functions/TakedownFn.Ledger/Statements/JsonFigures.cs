using System.Text.Json.Nodes;

namespace TakedownFn.Ledger.Statements;

/// <summary>
/// A figures document flattened to <c>path → value</c>, so two versions of it (stated and
/// recomputed, frozen and current) can be compared figure by figure. Array items are keyed by what
/// they are about (given by the caller), not by position, so a missing or extra item is named
/// rather than shifting every item after it.
/// </summary>
public static class JsonFigures
{
    /// <summary>Adds every leaf value under <paramref name="node"/> to <paramref name="into"/>, its path starting at <paramref name="path"/>.</summary>
    public static void Flatten(JsonNode? node, string path, Func<JsonNode?, string> itemKey, IDictionary<string, string> into)
    {
        ArgumentNullException.ThrowIfNull(itemKey);
        ArgumentNullException.ThrowIfNull(into);
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o)
                {
                    Flatten(child, path.Length == 0 ? name : $"{path}.{name}", itemKey, into);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Flatten(item, $"{path}[{itemKey(item)}]", itemKey, into);
                }

                break;
            default:
                into[path] = node?.ToJsonString() ?? "null";
                break;
        }
    }
}
