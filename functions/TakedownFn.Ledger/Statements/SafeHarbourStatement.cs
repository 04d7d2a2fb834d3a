using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TakedownFn.Ledger.Statements;

/// <summary>
/// The wire form of a period safe-harbour statement, shared by the service that signs it and the
/// verifier that recomputes it: <c>{"statement":{…},"statementSha256":"…","signedNote":"…"}</c>,
/// where the note (C2SP signed-note format, the ledger key) binds the tenant, the period, the
/// checkpoint and the SHA-256 of the statement's exact bytes, as a closed report period does.
/// </summary>
public static class SafeHarbourStatement
{
    /// <summary>The first line of a statement's signed note.</summary>
    public const string NoteHeader = "takedownfn.example/safe-harbour-statement/v1";

    /// <summary>How figures are written: web names, nulls kept (a missing time is shown as missing).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The signed note's text.</summary>
    public static string NoteText(string tenantId, string statementId, long treeSize, byte[] rootHash, string sha256Hex) =>
        string.Create(CultureInfo.InvariantCulture, $"{NoteHeader}\n{tenantId}\n{statementId}\n{treeSize} {Convert.ToBase64String(rootHash)}\nsha256 {sha256Hex}\n");

    /// <summary>A statement's id: its period in UTC hours and its regime (or <c>all</c>).</summary>
    public static string StatementId(DateTimeOffset from, DateTimeOffset to, string? regime) =>
        string.Create(CultureInfo.InvariantCulture, $"{from.UtcDateTime:yyyyMMddHH}-{to.UtcDateTime:yyyyMMddHH}-{regime ?? "all"}");

    /// <summary>
    /// Every figure that differs between two figure documents, as <c>path: stated → recomputed</c>;
    /// list items are keyed by what they are about (regime, week, case and stage), not their position,
    /// so a missing or extra item is named.
    /// </summary>
    public static IReadOnlyList<string> Differences(JsonNode? stated, JsonNode? recomputed)
    {
        var before = Flatten(stated);
        var after = Flatten(recomputed);
        return before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k))
            .Select(k => $"{k}: {before.GetValueOrDefault(k) ?? "(absent)"} → {after.GetValueOrDefault(k) ?? "(absent)"}")
            .ToList();
    }

    private static Dictionary<string, string> Flatten(JsonNode? root)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        JsonFigures.Flatten(root, "", ItemKey, values);
        return values;
    }

    private static string ItemKey(JsonNode? item) => item switch
    {
        JsonObject o when o["caseId"] is { } caseId && o["stage"] is { } stage => $"{caseId}/{stage}",
        JsonObject o when o["regime"] is { } regime => regime.ToString(),
        JsonObject o when o["week"] is { } week => week.ToString(),
        _ => item?.ToJsonString() ?? "null",
    };
}
