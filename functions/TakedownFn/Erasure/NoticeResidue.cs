using System.Text.Json;
using System.Text.Json.Nodes;

namespace TakedownFn.Erasure;

/// <summary>
/// What of a notice survives erasure: the fields that say what kind of notice it was and how the
/// platform flagged it, none of which identifies a person (regime, category, the notifier's role —
/// reports and statements of reasons count by it —, severity inputs, declarations, topic, reference,
/// receipt time, each item's marker kinds). Everything else — the notifier's name and contact, the
/// explanation, the item URLs and content ids, evidence links, the signature — is personal or may
/// be, and goes with the data key.
/// </summary>
internal static class NoticeResidue
{
    private static readonly string[] KeptTopLevel = ["regime", "category", "severity", "declarations", "topic", "platformReference", "receivedAt"];

    /// <summary>The residue to store in place of the notice, and the JSON paths of the fields erased (names, never values).</summary>
    public static (byte[] Residue, IReadOnlyList<string> Erased) Of(ReadOnlySpan<byte> notice)
    {
        var root = JsonNode.Parse(notice) as JsonObject ?? [];
        var residue = new JsonObject();
        foreach (var name in KeptTopLevel)
        {
            if (root[name] is { } value)
            {
                residue[name] = value.DeepClone();
            }
        }

        if (root["notifier"] is JsonObject { } notifier && notifier["role"] is { } role)
        {
            residue["notifier"] = new JsonObject { ["role"] = role.DeepClone() };
        }

        if (root["items"] is JsonArray items)
        {
            residue["items"] = new JsonArray([.. items.Select(item => (JsonNode)(item is JsonObject { } o && o["markers"] is { } markers
                ? new JsonObject { ["markers"] = markers.DeepClone() }
                : new JsonObject()))]);
        }

        var kept = Paths(residue).ToHashSet(StringComparer.Ordinal);
        var erased = Paths(root).Where(p => !kept.Contains(p)).ToList();
        return (JsonSerializer.SerializeToUtf8Bytes(residue), erased);
    }

    /// <summary>The paths of the leaves (and empty containers) under <paramref name="node"/>, e.g. <c>notifier.contact.email</c>, <c>items[0].url</c>.</summary>
    private static IEnumerable<string> Paths(JsonNode? node, string prefix = "")
    {
        switch (node)
        {
            case JsonObject o when o.Count > 0:
                foreach (var (name, value) in o)
                {
                    foreach (var path in Paths(value, prefix.Length == 0 ? name : $"{prefix}.{name}"))
                    {
                        yield return path;
                    }
                }

                break;
            case JsonArray a when a.Count > 0:
                for (var i = 0; i < a.Count; i++)
                {
                    foreach (var path in Paths(a[i], $"{prefix}[{i}]"))
                    {
                        yield return path;
                    }
                }

                break;
            default:
                if (prefix.Length > 0)
                {
                    yield return prefix;
                }

                break;
        }
    }
}
