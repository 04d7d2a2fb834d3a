using Azure;
using Azure.Data.Tables;
using TakedownFn.Ledger.Merkle;

namespace TakedownFn.Storage.Ledger;

public sealed partial class LedgerSequencer
{
    /// <summary>One state row plus a leaf row and an event index row per leaf: 100 actions.</summary>
    internal const int LeavesPerTransaction = (MaxTransactionActions - 1) / 2;

    // Azure Tables: at most 100 operations per entity group transaction.
    private const int MaxTransactionActions = 100;

    // Deletes of to-do rows run behind the commits; this bounds how far behind.
    private const int MaxPendingDeletes = 8;

    /// <summary>
    /// Sequences the tenant's pending events without taking the lease (the lease is an
    /// optimisation; see the class remarks). Returns the leaves appended and the state after.
    /// </summary>
    internal async Task<(long Appended, LedgerState State)> AppendPendingAsync(string tenantId, CancellationToken cancellationToken)
    {
        var state = await EnsureStateAsync(tenantId, cancellationToken);
        var batch = await pending.ReadAsync(tenantId, time.GetUtcNow() - options.SettleTime, options.MaxLeavesPerRun, cancellationToken);
        if (batch.Count == 0)
        {
            return (0, state);
        }

        var secret = await tenants.GetOrCreateCommitmentSecretAsync(tenantId, cancellationToken);
        var deletes = new List<Task>();
        long appended = 0;
        try
        {
            foreach (var chunk in batch.Chunk(LeavesPerTransaction))
            {
                var leaves = await BuildLeavesAsync(tenantId, chunk, secret, cancellationToken);
                var (committed, done, next) = await CommitAsync(tenantId, state, leaves, cancellationToken);
                if (next is null)
                {
                    // Another sequencer advanced the log: it owns the tenant now. Carry on from
                    // what it committed, so nothing of ours (a checkpoint) lands on a stale size.
                    state = await store.GetStateAsync(tenantId, cancellationToken);
                    break;
                }

                state = next;
                appended += committed;
                await FaultAsync("after-commit", cancellationToken);
                deletes.Add(pending.DeleteAsync(tenantId, done, cancellationToken));
                if (deletes.Count >= MaxPendingDeletes)
                {
                    await Task.WhenAll(deletes);
                    deletes.Clear();
                }
            }
        }
        finally
        {
            // Let started deletes finish (or fail) before the run ends; their rows are in the log.
            await Task.WhenAll(deletes.Select(d => d.ContinueWith(_ => { }, TaskScheduler.Default)));
        }

        await Task.WhenAll(deletes);
        if (appended > 0)
        {
            LogAppended(logger, tenantId, appended, state.Size);
        }

        return (appended, state);
    }

    private async Task<LedgerState> EnsureStateAsync(string tenantId, CancellationToken cancellationToken)
    {
        var state = await store.GetStateAsync(tenantId, cancellationToken);
        if (state.ETag != default)
        {
            return state;
        }

        try
        {
            var added = await store.Table.AddEntityAsync(LedgerState.Empty.ToEntity(tenantId), cancellationToken);
            return LedgerState.Empty with { ETag = added.Headers.ETag ?? default };
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return await store.GetStateAsync(tenantId, cancellationToken);
        }
    }

    private async Task<List<(string EventId, byte[] Leaf)>> BuildLeavesAsync(string tenantId, PendingLeaf[] chunk, byte[] secret, CancellationToken cancellationToken)
    {
        var notices = await Task.WhenAll(chunk.Select(p => p.Event.Kind == LedgerLeaves.ReceivedKind
            ? pending.NoticeAsync(tenantId, p.Event.CaseId, cancellationToken)
            : Task.FromResult<byte[]?>(null)));
        return chunk.Select((p, i) => (p.Event.EventId, LedgerLeaves.From(p, secret, notices[i]).ToCanonicalBytes())).ToList();
    }

    /// <summary>
    /// Commits leaves as one transaction at the state's size. Events whose index row exists are in
    /// the log already (an earlier run committed them and stopped before deleting their to-do
    /// rows): they are dropped and the rest committed. Returns how many leaves were appended, the
    /// event ids now in the log, and the new state (null if another sequencer advanced the log).
    /// </summary>
    private async Task<(int Committed, List<string> Done, LedgerState? State)> CommitAsync(
        string tenantId, LedgerState state, List<(string EventId, byte[] Leaf)> leaves, CancellationToken cancellationToken)
    {
        var done = new List<string>();
        while (true)
        {
            if (leaves.Count == 0)
            {
                return (0, done, state);
            }

            var tree = TreeAppender.Restore(state);
            var actions = new List<TableTransactionAction>(1 + (2 * leaves.Count)) { null! };
            var events = new List<TableTransactionAction>(leaves.Count);
            foreach (var (eventId, leaf) in leaves)
            {
                long index = tree.Size;
                var leafHash = Rfc6962.HashLeaf(leaf);
                var tiles = tree.Append(leafHash);
                actions.Add(new(TableTransactionActionType.Add, new StoredLeaf(index, leaf, leafHash, eventId, tiles).ToEntity(tenantId)));
                events.Add(new(TableTransactionActionType.Add, LedgerRows.EventRow(tenantId, eventId, index, leaf, leafHash)));
            }

            var next = tree.ApplyTo(state);
            actions[0] = new(TableTransactionActionType.UpdateReplace, next.ToEntity(tenantId), state.ETag);
            actions.AddRange(events);
            await FaultAsync("before-commit", cancellationToken);
            try
            {
                var responses = await store.Table.SubmitTransactionAsync(actions, cancellationToken);
                done.AddRange(leaves.Select(l => l.EventId));
                return (leaves.Count, done, next with { ETag = responses.Value[0].Headers.ETag ?? default });
            }
            catch (TableTransactionFailedException e) when (e.Status == 409 && e.FailedTransactionActionIndex > leaves.Count)
            {
                var sequenced = await store.SequencedAsync(tenantId, leaves.Select(l => l.EventId), cancellationToken);
                if (sequenced.Count == 0)
                {
                    throw; // the conflict is not an event row after all: do not guess
                }

                LogAlreadySequenced(logger, tenantId, sequenced.Count);
                done.AddRange(sequenced);
                leaves = leaves.Where(l => !sequenced.Contains(l.EventId)).ToList();
            }
            catch (RequestFailedException e) when (e.Status == 412 || (e.Status == 409 && e is TableTransactionFailedException { FailedTransactionActionIndex: > 0 } t && t.FailedTransactionActionIndex <= leaves.Count))
            {
                // 412 on the state row, or a leaf row at our indexes exists: the log moved on.
                LogLostRace(logger, tenantId, state.Size);
                return (0, done, null);
            }
        }
    }
}
