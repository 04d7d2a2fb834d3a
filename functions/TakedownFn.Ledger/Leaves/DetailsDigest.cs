using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TakedownFn.Ledger.Leaves;

/// <summary>
/// What a version 2 leaf binds about a step's details: SHA-256 of the RFC 8785 form of
/// <c>{"details": …, "salt": …}</c>. The salt is a per-step secret (an HMAC of the event id under
/// the tenant's secret) that an evidence bundle discloses together with the details, so anyone
/// holding the bundle can check the details against the leaf, while nobody holding only the log
/// can test guesses of what the details said.
/// </summary>
public static class DetailsDigest
{
    /// <summary>Commitment field name the salt is derived under.</summary>
    public const string SaltField = "details-salt";

    /// <summary>The step's salt: HMAC-SHA256(tenant secret, "details-salt" || 0x00 || event id), hex.</summary>
    public static string Salt(ReadOnlySpan<byte> tenantSecret, string eventId) => Commitment.Compute(tenantSecret, SaltField, eventId);

    /// <summary>The digest (lower-case hex) of <paramref name="detailsJson"/> under <paramref name="salt"/>.</summary>
    public static string Compute(string salt, string detailsJson)
    {
        ArgumentNullException.ThrowIfNull(salt);
        ArgumentNullException.ThrowIfNull(detailsJson);
        var details = JsonNode.Parse(detailsJson);
        return Compute(salt, details);
    }

    /// <summary>The digest (lower-case hex) of <paramref name="details"/> under <paramref name="salt"/>.</summary>
    public static string Compute(string salt, JsonElement details) => Compute(salt, JsonNode.Parse(details.GetRawText()));

    private static string Compute(string salt, JsonNode? details)
    {
        var document = new JsonObject { ["details"] = details, ["salt"] = salt };
        return Convert.ToHexStringLower(SHA256.HashData(JsonCanonicalizer.Canonicalize(document)));
    }
}
