using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TakedownFn.Ledger;
using TakedownFn.Ledger.Checkpoints;
using TakedownFn.Ledger.Export;
using TakedownFn.Ledger.Leaves;
using TakedownFn.Ledger.Merkle;
using TakedownFn.Ledger.Statements;

namespace TakedownFn.Verifier.Statements;

/// <summary>
/// <c>statement --file PATH --export PATH --key PATH</c>: checks a period safe-harbour statement
/// offline. The export must replay to a signed checkpoint whose first leaves give the root of the
/// statement's signed checkpoint; every figure, recounted from those leaves, must equal the stated
/// one (each differing figure is named); and the signed note must bind the statement's bytes and
/// checkpoint.
/// </summary>
internal static class StatementCommand
{
    public static async Task<string> RunAsync(string[] args)
    {
        var a = new Arguments(args, ["file", "export", "key", "key-name"]);
        var file = Encoding.UTF8.GetBytes(FileCommands.ReadText(a.Text("file")));
        string keyPem = FileCommands.ReadText(a.Text("key"));
        var (statementBytes, statement, stated) = Read(file);
        var tenant = Text(statement, "tenantId");
        var origin = Text(statement["checkpoint"], "origin");
        var keys = FileCommands.Verifier(a.Optional("key-name") ?? origin, keyPem);

        // The checkpoint the statement names must be signed, and the export's first leaves must give its root.
        var checkpoint = keys.Verify(Text(statement["checkpoint"], "note"), origin);
        if (Number(statement["checkpoint"], "treeSize") != checkpoint.TreeSize || Text(statement["checkpoint"], "rootHash") != Convert.ToHexStringLower(checkpoint.RootHash))
        {
            throw new LedgerVerificationException("checkpoint.treeSize or checkpoint.rootHash differs from the signed checkpoint note");
        }

        // Every figure, recounted from those leaves as they stream past (an export of millions of
        // leaves is never held in memory); differences are named before the signature is judged,
        // so an edited statement says which figure was edited.
        var calculator = new SafeHarbourCalculator(Time(statement, "from"), Time(statement, "to"), statement["regime"]?.GetValue<string>());
        await CountLeavesAsync(a.Text("export"), checkpoint, a.Optional("key-name"), keyPem, calculator);
        var recomputed = JsonSerializer.SerializeToNode(calculator.Figures(), SafeHarbourStatement.Json);
        var differences = SafeHarbourStatement.Differences(statement["figures"], recomputed);
        if (differences.Count > 0)
        {
            throw new LedgerVerificationException($"{differences.Count} figure(s) differ from the ones recounted from the export's first {checkpoint.TreeSize} leaves (stated → recomputed):\n  figures." + string.Join("\n  figures.", differences));
        }

        // The signature binds these exact bytes and this checkpoint.
        var digest = Convert.ToHexStringLower(SHA256.HashData(statementBytes));
        var noteText = keys.VerifyNote(Text(stated, "signedNote"));
        var expected = SafeHarbourStatement.NoteText(tenant, Text(statement, "statementId"), checkpoint.TreeSize, checkpoint.RootHash, digest);
        if (noteText != expected)
        {
            throw new LedgerVerificationException($"the signed note does not bind this statement and its checkpoint (statement sha256 {digest}, checkpoint size {checkpoint.TreeSize}): a member other than the figures was changed, or the checkpoint was swapped");
        }

        if (Text(stated, "statementSha256") != digest)
        {
            throw new LedgerVerificationException($"statementSha256 differs from the SHA-256 of the statement ({digest})");
        }

        return $"safe-harbour statement {Text(statement, "statementId")} of {tenant}: every figure recounts from {checkpoint.TreeSize} leaves under root {Convert.ToHexStringLower(checkpoint.RootHash)} signed by a trusted key";
    }

    private static (byte[] Bytes, JsonObject Statement, JsonObject Document) Read(byte[] file)
    {
        try
        {
            var document = JsonNode.Parse(file) as JsonObject ?? throw new LedgerVerificationException("statement file is not a JSON object");

            // The signature is over the statement's bytes exactly as served: cut them out of the file.
            var reader = new Utf8JsonReader(file);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isStatement = reader.ValueTextEquals("statement");
                reader.Read();
                long start = reader.TokenStartIndex;
                reader.Skip();
                if (isStatement)
                {
                    var bytes = file.AsSpan((int)start, (int)(reader.BytesConsumed - start)).ToArray();
                    var statement = document["statement"] as JsonObject ?? throw new LedgerVerificationException("statement is not a JSON object");
                    return (bytes, statement, document);
                }
            }

            throw new LedgerVerificationException("statement file has no statement member");
        }
        catch (JsonException ex)
        {
            throw new LedgerVerificationException($"statement file is not JSON: {ex.Message}", ex);
        }
    }

    /// <summary>Adds the export's first leaves up to the bound checkpoint to <paramref name="calculator"/>, once they give its root.</summary>
    private static async Task CountLeavesAsync(string path, Checkpoint bound, string? keyName, string keyPem, SafeHarbourCalculator calculator)
    {
        using (var replay = Open(path))
        {
            var exported = await LedgerExportReplay.VerifyAsync(replay, o => FileCommands.Verifier(keyName ?? o, keyPem));
            if (exported.Origin != bound.Origin)
            {
                throw new LedgerVerificationException($"the export is of {exported.Origin}, the statement of {bound.Origin}");
            }

            if (exported.TreeSize < bound.TreeSize)
            {
                throw new LedgerVerificationException($"the export holds {exported.TreeSize} leaves, fewer than the statement's checkpoint ({bound.TreeSize})");
            }
        }

        using var input = Open(path);
        var reader = new LedgerExportReader(input);
        await reader.ReadHeaderAsync();
        var range = new CompactRange();
        while (range.Size < bound.TreeSize && await reader.ReadAsync() is { Checkpoint: null } record)
        {
            range.AppendLeaf(record.Leaf);
            calculator.Add(LedgerLeaf.FromCanonicalBytes(record.Leaf));
        }

        // The figures are read only after this: a recount over leaves that are not the checkpoint's is never reported.
        var root = range.GetRoot();
        if (!root.AsSpan().SequenceEqual(bound.RootHash))
        {
            throw new RootMismatchException("statement checkpoint root", bound.RootHash, root);
        }
    }

    private static StreamReader Open(string path)
    {
        try
        {
            return new StreamReader(path, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read {path}: {ex.Message}");
        }
    }

    private static string Text(JsonNode? node, string name) =>
        node?[name] is JsonValue v && v.TryGetValue(out string? s) ? s : throw new LedgerVerificationException($"statement member \"{name}\" is missing or not a string");

    private static long Number(JsonNode? node, string name) =>
        node?[name] is JsonValue v && v.TryGetValue(out long n) ? n : throw new LedgerVerificationException($"statement member \"{name}\" is missing or not a number");

    private static DateTimeOffset Time(JsonNode node, string name) =>
        node[name] is JsonValue v && v.TryGetValue(out DateTimeOffset t) ? t : throw new LedgerVerificationException($"statement member \"{name}\" is missing or not a time");
}
