using System.Security.Cryptography;
using System.Text.Json;
using TakedownFn.Ledger.Checkpoints;
using TakedownFn.Storage.Ledger;

namespace TakedownFn.LedgerApi;

/// <summary>The tenant's current checkpoint as a signed document binds it: parsed, and as the JSON member it states.</summary>
/// <param name="Checkpoint">The parsed checkpoint.</param>
/// <param name="Json">The <c>checkpoint</c> member (<c>origin</c>, <c>treeSize</c>, <c>rootHash</c> in hex, the signed <c>note</c>).</param>
internal sealed record BoundCheckpoint(Checkpoint Checkpoint, BoundCheckpointJson Json)
{
    /// <summary>The tenant's current checkpoint; null while its ledger has none.</summary>
    public static async Task<BoundCheckpoint?> CurrentAsync(LedgerStore ledger, string tenantId, CancellationToken cancellationToken)
    {
        var state = await ledger.GetStateAsync(tenantId, cancellationToken);
        if (state.Checkpoint is null)
        {
            return null;
        }

        var checkpoint = Checkpoint.ParseNoteText(SignedNote.Parse(state.Checkpoint).Text);
        return new BoundCheckpoint(checkpoint, new BoundCheckpointJson(checkpoint.Origin, checkpoint.TreeSize, Convert.ToHexStringLower(checkpoint.RootHash), state.Checkpoint));
    }
}

/// <summary>A checkpoint as a signed document states it.</summary>
internal sealed record BoundCheckpointJson(string Origin, long TreeSize, string RootHash, string Note);

/// <summary>
/// The envelope of a signed document (a closed report period, a safe-harbour statement):
/// <c>{"statement":{…},"statementSha256":"…","signedNote":"…"}</c>, where the C2SP signed note
/// (ledger key) carries the SHA-256 of the statement's exact bytes.
/// </summary>
internal static class SignedEnvelope
{
    /// <summary>Hashes <paramref name="statement"/>, signs the note <paramref name="noteText"/> makes of its hex digest, and wraps both.</summary>
    public static byte[] Seal(byte[] statement, Func<string, string> noteText, LedgerSigningKeys keys, string tenantId)
    {
        var digest = Convert.ToHexStringLower(SHA256.HashData(statement));
        string note;
        using (var signer = keys.CreateSigner(tenantId))
        {
            note = signer.Sign(noteText(digest));
        }

        // The statement goes in as its own bytes, so an auditor hashes exactly what was signed.
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("statement");
            writer.WriteRawValue(statement, skipInputValidation: true);
            writer.WriteString("statementSha256", digest);
            writer.WriteString("signedNote", note);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
