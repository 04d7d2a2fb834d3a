using Azure.Data.Tables;
using TakedownFn.Ledger;
using TakedownFn.Ledger.Leaves;
using TakedownFn.Ledger.Merkle;

namespace TakedownFn.Storage.Ledger;

/// <summary>One thing wrong with a stored log; <paramref name="Index"/> names the leaf row where it was found.</summary>
public sealed record SelfCheckProblem(long? Index, string Message);

/// <summary>The outcome of <see cref="LedgerSelfCheck"/>.</summary>
public sealed record SelfCheckReport(string TenantId, long Size, long CheckpointSize, long LeavesChecked, IReadOnlyList<SelfCheckProblem> Problems)
{
    public bool Ok => Problems.Count == 0;
}

/// <summary>
/// Replays a tenant's whole log from storage: every leaf hash is recomputed from the leaf bytes,
/// every stored tile entry from the stored hashes below it, the compact range compared with the state
/// row, and the root at the checkpoint's size with the signed checkpoint. Each discrepancy is
/// reported with the leaf row it sits on. Streams the log, so its memory does not grow with it.
/// </summary>
public static class LedgerSelfCheck
{
    private const int MaxProblems = 1000;

    public static async Task<SelfCheckReport> RunAsync(LedgerStore store, LedgerSigningKeys keys, string tenantId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(keys);
        var state = await store.GetStateAsync(tenantId, cancellationToken);
        var problems = new List<SelfCheckProblem>();
        void Report(long? index, string message)
        {
            if (problems.Count < MaxProblems)
            {
                problems.Add(new SelfCheckProblem(index, message));
            }
        }

        var range = new CompactRange();
        var tiles = new StoredTiles();
        byte[]? rootAtCheckpoint = null;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey ge {LedgerRows.Leaf(0)} and RowKey lt {LedgerRows.Leaf(state.Size)}");
        await foreach (var entity in store.Table.QueryAsync<TableEntity>(filter, LedgerStore.MaxPageSize, StoredLeaf.AllColumns, cancellationToken))
        {
            var row = StoredLeaf.FromEntity(entity);
            if (row.Index != range.Size)
            {
                Report(range.Size, $"leaf rows {range.Size} to {row.Index - 1} are missing; replay stops here");
                break;
            }

            bool leafBad = !CheckLeaf(row, Report);
            tiles.Check(row, leafBad, Report);

            // The root is replayed from the leaf bytes alone: it is what an auditor's export replay computes.
            range.AppendLeaf(row.Leaf);
            if (range.Size == state.CheckpointSize)
            {
                rootAtCheckpoint = range.GetRoot();
            }
        }

        if (range.Size != state.Size)
        {
            Report(range.Size, $"the state row says the log has {state.Size} leaves, but only {range.Size} consecutive leaf rows were found");
        }
        else
        {
            if (!SameRoots(range.GetSubtreeRoots(), state.SubtreeRoots))
            {
                Report(null, "the state row's compact range differs from the one replayed from the leaves");
            }

            tiles.CheckUnfinished(state, Report);
        }

        CheckCheckpoint(state, keys, tenantId, rootAtCheckpoint, Report);
        return new SelfCheckReport(tenantId, state.Size, state.CheckpointSize, range.Size, problems);
    }

    /// <summary>Checks the leaf bytes against the row's own hash and event id; false when they disagree.</summary>
    private static bool CheckLeaf(StoredLeaf row, Action<long?, string> report)
    {
        var leafHash = Rfc6962.HashLeaf(row.Leaf);
        if (!leafHash.AsSpan().SequenceEqual(row.LeafHash))
        {
            report(row.Index, $"leaf {row.Index}: the stored leaf hash is not the hash of the stored leaf bytes");
            return false;
        }

        try
        {
            var leaf = LedgerLeaf.FromCanonicalBytes(row.Leaf);
            if (leaf.EventId != row.EventId)
            {
                report(row.Index, $"leaf {row.Index}: the row's event id differs from the leaf's");
            }
        }
        catch (LedgerVerificationException e)
        {
            report(row.Index, $"leaf {row.Index}: {e.Message}");
        }

        return true;
    }

    private static void CheckCheckpoint(LedgerState state, LedgerSigningKeys keys, string tenantId, byte[]? rootAtCheckpoint, Action<long?, string> report)
    {
        if (state.Checkpoint is null)
        {
            return;
        }

        try
        {
            var checkpoint = keys.Verifier(tenantId).Verify(state.Checkpoint, keys.Origin(tenantId));
            if (checkpoint.TreeSize != state.CheckpointSize)
            {
                report(null, $"the checkpoint's tree size {checkpoint.TreeSize} differs from the state row's {state.CheckpointSize}");
            }
            else if (rootAtCheckpoint is null || !rootAtCheckpoint.AsSpan().SequenceEqual(checkpoint.RootHash))
            {
                var replayed = rootAtCheckpoint is null ? "nothing" : Convert.ToHexStringLower(rootAtCheckpoint);
                report(null, $"the checkpoint at size {checkpoint.TreeSize} has root {Convert.ToHexStringLower(checkpoint.RootHash)}, the stored leaves replay to {replayed}");
            }
        }
        catch (LedgerVerificationException e)
        {
            report(null, $"the latest checkpoint does not verify: {e.Message}");
        }
    }

    private static bool SameRoots(IReadOnlyList<byte[]> a, IReadOnlyList<byte[]> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.AsSpan().SequenceEqual(p.Second));
}
