using System.Security.Cryptography;
using System.Text.Json;
using TakedownFn.Ledger.Checkpoints;
using TakedownFn.Ledger.Leaves;
using TakedownFn.Ledger.Statements;
using TakedownFn.Storage.Ledger;

namespace TakedownFn.SafeHarbour;

/// <summary>A statement as served: its JSON bytes (envelope with signature) and the figures they state.</summary>
internal sealed record SignedStatement(byte[] Body, SafeHarbourFigures Figures, string StatementId, long TreeSize, string RootHash);

/// <summary>
/// Builds a period safe-harbour statement: the figures counted by <see cref="SafeHarbourCalculator"/>
/// over the leaves the tenant's current checkpoint covers (so an auditor recounts them from an
/// export), bound to that checkpoint and signed with the ledger key as a closed report period is.
/// </summary>
internal sealed class SafeHarbourStatements(LedgerStore ledger, LedgerSigningKeys keys, TimeProvider time)
{
    /// <summary>The signed statement; null when the tenant's ledger has no checkpoint yet.</summary>
    public async Task<SignedStatement?> BuildAsync(string tenantId, DateTimeOffset from, DateTimeOffset to, string? regime, CancellationToken cancellationToken)
    {
        var state = await ledger.GetStateAsync(tenantId, cancellationToken);
        if (state.Checkpoint is null)
        {
            return null;
        }

        var checkpoint = Checkpoint.ParseNoteText(SignedNote.Parse(state.Checkpoint).Text);
        var calculator = new SafeHarbourCalculator(from, to, regime);
        await foreach (var leaf in ledger.ReadLeavesAsync(tenantId, 0, checkpoint.TreeSize, cancellationToken))
        {
            calculator.Add(LedgerLeaf.FromCanonicalBytes(leaf.Leaf));
        }

        var figures = calculator.Figures();
        var statementId = SafeHarbourStatement.StatementId(from, to, regime);
        var rootHash = Convert.ToHexStringLower(checkpoint.RootHash);
        var statement = JsonSerializer.SerializeToUtf8Bytes(
            new
            {
                statementId,
                tenantId,
                from = from.ToUniversalTime(),
                to = to.ToUniversalTime(),
                regime,
                generatedAt = time.GetUtcNow(),
                checkpoint = new { checkpoint.Origin, checkpoint.TreeSize, rootHash, note = state.Checkpoint },
                figures,
            },
            SafeHarbourStatement.Json);
        var digest = Convert.ToHexStringLower(SHA256.HashData(statement));
        using var signer = keys.CreateSigner(tenantId);
        var note = signer.Sign(SafeHarbourStatement.NoteText(tenantId, statementId, checkpoint.TreeSize, checkpoint.RootHash, digest));

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

        return new SignedStatement(buffer.ToArray(), figures, statementId, checkpoint.TreeSize, rootHash);
    }
}
