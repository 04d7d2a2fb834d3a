using System.Text.Json;
using TakedownFn.Ledger.Leaves;
using TakedownFn.Ledger.Statements;
using TakedownFn.LedgerApi;
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
        if (await BoundCheckpoint.CurrentAsync(ledger, tenantId, cancellationToken) is not { } bound)
        {
            return null;
        }

        var (checkpoint, checkpointJson) = bound;
        var calculator = new SafeHarbourCalculator(from, to, regime);
        await foreach (var leaf in ledger.ReadLeavesAsync(tenantId, 0, checkpoint.TreeSize, cancellationToken))
        {
            calculator.Add(LedgerLeaf.FromCanonicalBytes(leaf.Leaf));
        }

        var figures = calculator.Figures();
        var statementId = SafeHarbourStatement.StatementId(from, to, regime);
        var statement = JsonSerializer.SerializeToUtf8Bytes(
            new
            {
                statementId,
                tenantId,
                from = from.ToUniversalTime(),
                to = to.ToUniversalTime(),
                regime,
                generatedAt = time.GetUtcNow(),
                checkpoint = checkpointJson,
                figures,
            },
            SafeHarbourStatement.Json);
        var body = SignedEnvelope.Seal(
            statement,
            digest => SafeHarbourStatement.NoteText(tenantId, statementId, checkpoint.TreeSize, checkpoint.RootHash, digest),
            keys,
            tenantId);

        return new SignedStatement(body, figures, statementId, checkpoint.TreeSize, checkpointJson.RootHash);
    }
}
