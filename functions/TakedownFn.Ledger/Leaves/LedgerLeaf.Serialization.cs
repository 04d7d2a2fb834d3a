using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TakedownFn.Ledger.Merkle;

namespace TakedownFn.Ledger.Leaves;

public sealed partial record LedgerLeaf
{
    // RFC 3339 in UTC with the full tick precision, so the text round-trips the stored time.
    private const string ServerTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>The leaf bytes: RFC 8785 canonical JSON, identical for identical leaves on any machine.</summary>
    public byte[] ToCanonicalBytes()
    {
        var commitments = new JsonObject();
        foreach (var (field, commitment) in Commitments)
        {
            commitments[field] = commitment;
        }

        var document = new JsonObject
        {
            ["version"] = Version,
            ["eventId"] = EventId,
            ["caseId"] = CaseId,
            ["eventType"] = EventType,
            ["serverTime"] = ServerTime.UtcDateTime.ToString(ServerTimeFormat, CultureInfo.InvariantCulture),
            ["policyVersion"] = PolicyVersion,
            ["commitments"] = commitments,
        };
        if (DetailsDigest is not null)
        {
            document["detailsDigest"] = DetailsDigest;
            if (Facts is not null)
            {
                document["facts"] = Facts.ToJson();
            }
        }

        return JsonCanonicalizer.Canonicalize(document);
    }

    /// <summary>The RFC 6962 leaf hash of <see cref="ToCanonicalBytes"/>.</summary>
    public byte[] LeafHash() => Rfc6962.HashLeaf(ToCanonicalBytes());

    /// <summary>
    /// Reads leaf bytes back, accepting only the canonical form this type writes, so that a leaf
    /// that parses is also byte-for-byte the leaf that was hashed.
    /// </summary>
    public static LedgerLeaf FromCanonicalBytes(ReadOnlySpan<byte> leaf)
    {
        LedgerLeaf parsed;
        try
        {
            using var document = JsonDocument.Parse(leaf.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new LedgerVerificationException("leaf is not a JSON object");
            }

            if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || version.GetRawText() is not ("1" or "2"))
            {
                throw new LedgerVerificationException($"leaf version is not {Version1} or {CurrentVersion}");
            }

            var commitments = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var member in Member(root, "commitments", JsonValueKind.Object).EnumerateObject())
            {
                commitments[member.Name] = member.Value.ValueKind == JsonValueKind.String ? member.Value.GetString()! : "";
            }

            var time = DateTime.ParseExact(Text(root, "serverTime"), ServerTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            parsed = new LedgerLeaf(Text(root, "eventId"), Text(root, "caseId"), Text(root, "eventType"), new DateTimeOffset(time, TimeSpan.Zero), Text(root, "policyVersion"), commitments);
            if (version.GetRawText() == "2")
            {
                parsed = parsed with
                {
                    DetailsDigest = Text(root, "detailsDigest"),
                    Facts = root.TryGetProperty("facts", out var facts) ? LeafFacts.FromJson(facts) : null,
                };
            }
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException or InvalidOperationException or KeyNotFoundException)
        {
            throw new LedgerVerificationException($"leaf is not a valid ledger leaf: {ex.Message}", ex);
        }

        if (!parsed.ToCanonicalBytes().AsSpan().SequenceEqual(leaf))
        {
            throw new LedgerVerificationException("leaf is not in canonical form (RFC 8785) or has unknown members");
        }

        return parsed;
    }

    private static JsonElement Member(JsonElement root, string name, JsonValueKind kind) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == kind
            ? value
            : throw new LedgerVerificationException($"leaf member \"{name}\" is missing or not a JSON {kind.ToString().ToLowerInvariant()}");

    private static string Text(JsonElement root, string name) => Member(root, name, JsonValueKind.String).GetString()!;
}
