using TakedownFn.Ledger.Checkpoints;
using TakedownFn.Ledger.Merkle;

namespace TakedownFn.Ledger.Export;

/// <summary>
/// Replays an export: checks the leaves are 0, 1, 2, … with nothing missing, repeated or moved,
/// recomputes the RFC 6962 root, verifies the signed checkpoint with the trusted keys and checks
/// that it covers exactly these leaves with exactly this root.
/// </summary>
public static class LedgerExportReplay
{
    /// <summary>
    /// Returns the verified checkpoint; throws <see cref="LedgerVerificationException"/> (or
    /// <see cref="RootMismatchException"/>) naming the first problem found.
    /// </summary>
    public static Task<Checkpoint> VerifyAsync(TextReader input, CheckpointVerifier verifier, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        return VerifyAsync(input, _ => verifier, cancellationToken);
    }

    /// <summary>
    /// As <see cref="VerifyAsync(TextReader, CheckpointVerifier, CancellationToken)"/>, choosing the
    /// trusted keys from the origin in the export's header (e.g. keys named after the origin).
    /// </summary>
    public static async Task<Checkpoint> VerifyAsync(TextReader input, Func<string, CheckpointVerifier> verifierForOrigin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(verifierForOrigin);
        var reader = new LedgerExportReader(input);
        string origin = await reader.ReadHeaderAsync(cancellationToken);
        var verifier = verifierForOrigin(origin);
        var range = new CompactRange();
        while (await reader.ReadAsync(cancellationToken) is { } record)
        {
            if (record.Checkpoint is null)
            {
                RequireNext(record, range.Size);
                range.AppendLeaf(record.Leaf);
                continue;
            }

            if (await reader.ReadAsync(cancellationToken) is { } extra)
            {
                throw new LedgerVerificationException($"line {extra.LineNumber}: content after the checkpoint");
            }

            var checkpoint = verifier.Verify(record.Checkpoint, origin);
            if (checkpoint.TreeSize != range.Size)
            {
                throw new LedgerVerificationException($"checkpoint tree size {checkpoint.TreeSize} does not match the {range.Size} leaves in the export");
            }

            var computed = range.GetRoot();
            if (!computed.AsSpan().SequenceEqual(checkpoint.RootHash))
            {
                throw new RootMismatchException("root", checkpoint.RootHash, computed);
            }

            return checkpoint;
        }

        throw new LedgerVerificationException("export ends without a checkpoint line");
    }

    private static void RequireNext(LedgerExportRecord record, long expected)
    {
        if (record.Index == expected)
        {
            return;
        }

        string problem = record.Index > expected
            ? $"leaf {expected} is missing or out of order (found leaf {record.Index})"
            : record.Index == expected - 1
                ? $"leaf {record.Index} appears twice"
                : $"leaf {record.Index} is out of order (expected leaf {expected})";
        throw new LedgerVerificationException($"line {record.LineNumber}: {problem}");
    }
}
