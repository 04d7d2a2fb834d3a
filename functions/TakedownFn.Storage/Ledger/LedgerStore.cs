using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using TakedownFn.Ledger.Merkle;

namespace TakedownFn.Storage.Ledger;

/// <summary>
/// Reads tenants' logs from the ledger table (layout in <see cref="LedgerRows"/>): state, leaves,
/// event lookups and proofs. Only the sequencer writes; everything read here is bounded by the
/// committed size the caller passes, so rows of an unfinished batch are never served.
/// </summary>
public sealed class LedgerStore(TableClient table)
{
    /// <summary>The most leaves one page of <see cref="GetLeavesAsync"/> returns.</summary>
    public const int MaxLeavesPerRead = 1000;

    /// <summary>The most rows the table service returns per query page.</summary>
    internal const int MaxPageSize = 1000;

    /// <summary>Windows of leaves <see cref="ReadLeavesAsync"/> reads ahead of its caller.</summary>
    private const int WindowsAhead = 4;

    // Azure allows 1 KiB of UTF-16 per key; Azurite 512 characters.
    private const int MaxKeyLength = 512;

    internal TableClient Table => table;

    /// <summary>The tenant's log state; <see cref="LedgerState.Empty"/> before the first leaf.</summary>
    public async Task<LedgerState> GetStateAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var entity = await table.GetEntityOrNullAsync(tenantId, LedgerRows.State, cancellationToken: cancellationToken);
        return entity is null ? LedgerState.Empty : LedgerState.FromEntity(entity);
    }

    /// <summary>Node hashes of the tenant's tree of <paramref name="size"/> leaves (size ≤ committed size), for <see cref="MerkleProofs"/>.</summary>
    public IMerkleNodeSource Nodes(string tenantId, long size) => new TableMerkleNodeSource(table, tenantId, size);

    /// <summary>The audit path of leaf <paramref name="index"/> in the tree of <paramref name="size"/> leaves (size ≤ committed size).</summary>
    public async Task<IReadOnlyList<byte[]>> InclusionProofAsync(string tenantId, long index, long size, CancellationToken cancellationToken = default) =>
        await MerkleProofs.InclusionProofAsync(Nodes(tenantId, size), index, size, cancellationToken);

    /// <summary>The audit paths of <paramref name="indexes"/> in the tree of <paramref name="size"/> leaves, their tiles read once.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<byte[]>>> InclusionProofsAsync(string tenantId, IReadOnlyList<long> indexes, long size, CancellationToken cancellationToken = default) =>
        await MerkleProofs.InclusionProofsAsync(Nodes(tenantId, size), indexes, size, cancellationToken);

    /// <summary>The consistency proof from <paramref name="size1"/> to <paramref name="size2"/> leaves (size2 ≤ committed size).</summary>
    public async Task<IReadOnlyList<byte[]>> ConsistencyProofAsync(string tenantId, long size1, long size2, CancellationToken cancellationToken = default) =>
        await MerkleProofs.ConsistencyProofAsync(Nodes(tenantId, size2), size1, size2, cancellationToken);

    /// <summary>The root of the tenant's tree at <paramref name="size"/> leaves, from stored nodes.</summary>
    public async Task<byte[]> RootAsync(string tenantId, long size, CancellationToken cancellationToken = default) =>
        await MerkleProofs.RootAsync(Nodes(tenantId, size), size, cancellationToken);

    /// <summary>Leaf <paramref name="index"/> (below the committed size), by one point read.</summary>
    public async Task<StoredLeaf> GetLeafAsync(string tenantId, long index, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var entity = await table.GetEntityOrNullAsync(tenantId, LedgerRows.Leaf(index), StoredLeaf.AllColumns, cancellationToken);
        return entity is null ? throw new InvalidOperationException($"leaf row {index} of the log is missing") : StoredLeaf.FromEntity(entity);
    }

    /// <summary>Leaves [start, start + count), at most <see cref="MaxLeavesPerRead"/>.</summary>
    public async Task<IReadOnlyList<StoredLeaf>> GetLeavesAsync(string tenantId, long start, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxLeavesPerRead);
        var leaves = new List<StoredLeaf>(count);
        await foreach (var leaf in ReadLeavesAsync(tenantId, start, start + count, cancellationToken))
        {
            leaves.Add(leaf);
        }

        return leaves;
    }

    /// <summary>
    /// Streams leaves [start, end) in index order; a missing row is an error (the committed part of
    /// a log has no gaps), reported with its index.
    /// </summary>
    /// <remarks>
    /// Leaf indexes are dense, so the range is cut into windows of <see cref="MaxPageSize"/> leaves,
    /// each its own bounded query, with up to <see cref="WindowsAhead"/> read ahead of the caller.
    /// One query with continuation tokens would read one page after the other; and Azurite answers
    /// each page by sorting every row still in the range, so a statement or export over 1,000,000
    /// leaves spent minutes sorting. A window sorts at most a page.
    /// </remarks>
    public async IAsyncEnumerable<StoredLeaf> ReadLeavesAsync(string tenantId, long start, long end, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (start >= end)
        {
            yield break;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var windows = new Queue<Task<List<StoredLeaf>>>();
        long next = start;
        try
        {
            long expected = start;
            while (ReadAhead() > 0)
            {
                foreach (var leaf in await windows.Dequeue())
                {
                    if (leaf.Index != expected)
                    {
                        throw new InvalidOperationException($"leaf row {expected} of the log is missing");
                    }

                    expected++;
                    yield return leaf;
                }
            }

            if (expected != end)
            {
                throw new InvalidOperationException($"leaf row {expected} of the log is missing");
            }
        }
        finally
        {
            // A caller that stops early (or a failed window) leaves reads in flight: end them, and observe them.
            await stop.CancelAsync();
            await Task.WhenAll(windows.Select(w => w.ContinueWith(_ => { }, TaskScheduler.Default)));
        }

        int ReadAhead()
        {
            while (windows.Count < WindowsAhead && next < end)
            {
                var windowEnd = Math.Min(end, next + MaxPageSize);
                windows.Enqueue(ReadWindowAsync(tenantId, next, windowEnd, stop.Token));
                next = windowEnd;
            }

            return windows.Count;
        }
    }

    private async Task<List<StoredLeaf>> ReadWindowAsync(string tenantId, long start, long end, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey ge {LedgerRows.Leaf(start)} and RowKey lt {LedgerRows.Leaf(end)}");
        var leaves = new List<StoredLeaf>((int)(end - start));
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, MaxPageSize, StoredLeaf.AllColumns, cancellationToken))
        {
            leaves.Add(StoredLeaf.FromEntity(entity));
        }

        return leaves;
    }

    /// <summary>
    /// The index of the leaf recording <paramref name="eventId"/>, when it is within the first
    /// <paramref name="size"/> leaves; null otherwise.
    /// </summary>
    public async Task<long?> FindEventAsync(string tenantId, string eventId, long size, CancellationToken cancellationToken = default)
    {
        if (!IsKeySafe(eventId))
        {
            return null;
        }

        var row = await table.GetEntityOrNullAsync(tenantId, LedgerRows.Event(eventId), cancellationToken: cancellationToken);
        return row?.GetInt64("Index") is { } index && index < size ? index : null;
    }

    /// <summary>
    /// The leaf recording <paramref name="eventId"/>, when it is within the first
    /// <paramref name="size"/> leaves; null otherwise. One point read: the event's index row holds
    /// a copy of its leaf (a second read, of the leaf row, for rows written before it did). Its
    /// <see cref="StoredLeaf.Tiles"/> are empty.
    /// </summary>
    public async Task<StoredLeaf?> FindLeafAsync(string tenantId, string eventId, long size, CancellationToken cancellationToken = default)
    {
        if (!IsKeySafe(eventId))
        {
            return null;
        }

        var row = await table.GetEntityOrNullAsync(tenantId, LedgerRows.Event(eventId), cancellationToken: cancellationToken);
        if (row?.GetInt64("Index") is not { } index || index >= size)
        {
            return null;
        }

        return row.GetBinary("Leaf") is { } leaf && row.GetBinary("Hash") is { } hash
            ? new StoredLeaf(index, leaf, hash, eventId, [])
            : await GetLeafAsync(tenantId, index, cancellationToken);
    }

    /// <summary>Which of <paramref name="eventIds"/> the tenant's log already holds (their index rows exist).</summary>
    internal async Task<HashSet<string>> SequencedAsync(string tenantId, IEnumerable<string> eventIds, CancellationToken cancellationToken)
    {
        var ids = eventIds.ToList();
        var rows = await Task.WhenAll(ids.Select(id => table.GetEntityOrNullAsync(tenantId, LedgerRows.Event(id), ["Index"], cancellationToken)));
        return ids.Where((_, i) => rows[i] is not null).ToHashSet(StringComparer.Ordinal);
    }

    private static bool IsKeySafe(string value) =>
        value.Length is > 0 and < MaxKeyLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
