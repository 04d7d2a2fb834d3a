using Azure.Data.Tables;
using TakedownFn.Ledger.Merkle;
using TakedownFn.Storage.Tenants;

namespace TakedownFn.Storage.Ledger;

public static partial class LedgerBenchmarkSupport
{
    /// <summary>
    /// Writes a complete log of <paramref name="events"/> into the tenant's empty ledger and returns
    /// its state row as written. The rows are those the sequencer commits for the same events,
    /// computed by the same code (leaf bytes from <see cref="LedgerLeaves"/> under the tenant's
    /// secret, tiles from <see cref="TreeAppender"/>); only the writing differs: concurrent
    /// transactions of 100 rows instead of one transaction per 49 leaves, and no to-do rows to read
    /// and delete. The state row goes last, so nothing bounded by it ever sees a missing row. No
    /// checkpoint is published: <see cref="DrainAsync"/> then has the sequencer prove the stored
    /// tree and sign one.
    /// </summary>
    /// <param name="store">The ledger to write to.</param>
    /// <param name="tenants">Where the tenant's commitment secret is kept.</param>
    /// <param name="tenantId">The tenant whose log this is.</param>
    /// <param name="events">In sequencing order (<see cref="PendingLeaf.Order"/>); <c>received</c> events only with <paramref name="notices"/>, since their leaf commits to the stored notice.</param>
    /// <param name="progress">Hears the rows written so far (two per event).</param>
    /// <param name="notices">The notice a <c>received</c> event's leaf commits to, as accepting it would have stored it.</param>
    /// <param name="cancellationToken">Stops the load; rows written stay, without a state row.</param>
    /// <remarks>
    /// For building logs large enough to time reads on (issue 5: proofs at 1,000,000 leaves). Appends
    /// are measured through the sequencer (<see cref="AppendSyntheticAsync"/>), never with this.
    /// </remarks>
    public static async Task<LedgerState> BulkLoadAsync(
        LedgerStore store, TenantStore tenants, string tenantId, IReadOnlyList<PendingLeaf> events, Action<long>? progress = null, Func<PendingLeaf, byte[]>? notices = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(tenants);
        ArgumentNullException.ThrowIfNull(events);
        CheckLoadable(events, notices is not null);
        if ((await store.GetStateAsync(tenantId, cancellationToken)).ETag != default)
        {
            throw new InvalidOperationException($"the log of tenant {tenantId} exists; a bulk load only builds a new one");
        }

        var secret = await tenants.GetOrCreateCommitmentSecretAsync(tenantId, cancellationToken);
        var tree = TreeAppender.Restore(LedgerState.Empty);

        // Event rows first, in row key order, then leaf rows in index order: Azurite (LokiJS) keeps
        // a table's row keys in one sorted array and an insert moves every entry after it, so rows
        // that arrive in key order move none (a quarter off LokiJS's insert time for 300,000 leaves).
        await AddAllAsync(store.Table, EventRows(tenantId, events, secret, notices), progress, cancellationToken);
        await AddAllAsync(store.Table, LeafRows(tenantId, events, secret, tree, notices), written => progress?.Invoke(events.Count + written), cancellationToken);
        var state = tree.ApplyTo(LedgerState.Empty);
        var added = await store.Table.AddEntityAsync(state.ToEntity(tenantId), cancellationToken);
        return state with { ETag = added.Headers.ETag ?? default };
    }

    private static void CheckLoadable(IReadOnlyList<PendingLeaf> events, bool withNotices)
    {
        for (int i = 0; i < events.Count; i++)
        {
            if (!withNotices && events[i].Event.Kind == LedgerLeaves.ReceivedKind)
            {
                throw new ArgumentException($"event {i} is a received event; its leaf commits to the stored notice, which a bulk load does not read", nameof(events));
            }

            if (i > 0 && PendingLeaf.Order.Compare(events[i - 1], events[i]) >= 0)
            {
                throw new ArgumentException($"event {i} is not after event {i - 1} in sequencing order", nameof(events));
            }
        }
    }

    /// <summary>The event index rows (<c>E{eventId}</c> → leaf index and leaf), exactly as the sequencer writes them, in row key order.</summary>
    private static IEnumerable<TableEntity> EventRows(string tenantId, IReadOnlyList<PendingLeaf> events, byte[] secret, Func<PendingLeaf, byte[]>? notices)
    {
        var byKey = Enumerable.Range(0, events.Count).Select(i => (Key: LedgerRows.Event(events[i].Event.EventId), Index: i)).ToArray();
        Array.Sort(byKey, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach (var (_, index) in byKey)
        {
            // The leaf is computed again for its leaf row: holding a million leaves to write them twice costs more than the HMACs.
            var leaf = Leaf(events[index], secret, notices);
            yield return LedgerRows.EventRow(tenantId, events[index].Event.EventId, index, leaf, Rfc6962.HashLeaf(leaf));
        }
    }

    private static byte[] Leaf(PendingLeaf pending, byte[] secret, Func<PendingLeaf, byte[]>? notices) =>
        LedgerLeaves.From(pending, secret, pending.Event.Kind == LedgerLeaves.ReceivedKind ? notices!(pending) : null).ToCanonicalBytes();

    /// <summary>The leaf rows in index order; <paramref name="tree"/> ends as the edge of the whole log.</summary>
    private static IEnumerable<TableEntity> LeafRows(string tenantId, IReadOnlyList<PendingLeaf> events, byte[] secret, TreeAppender tree, Func<PendingLeaf, byte[]>? notices)
    {
        for (int i = 0; i < events.Count; i++)
        {
            var leaf = Leaf(events[i], secret, notices);
            var leafHash = Rfc6962.HashLeaf(leaf);
            yield return new StoredLeaf(i, leaf, leafHash, events[i].Event.EventId, tree.Append(leafHash)).ToEntity(tenantId);
        }
    }
}
