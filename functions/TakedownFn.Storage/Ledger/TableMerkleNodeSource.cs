using Azure.Data.Tables;
using TakedownFn.Ledger.Merkle;

namespace TakedownFn.Storage.Ledger;

/// <summary>
/// Serves node hashes of a tenant's tree of <paramref name="size"/> leaves from its tiles (see
/// <see cref="LedgerTiles"/>): one point read per tile the requested nodes lie in, plus the state
/// row when some lie in an unfinished tile, all made concurrently. A proof is one round trip of at
/// most ⌈log₂ n / 8⌉ + 1 reads.
/// </summary>
/// <remarks>
/// A tile unfinished at <paramref name="size"/> is read from the state row, which the caller read
/// no earlier than it learnt <paramref name="size"/>, so the tile holds every node complete at that
/// size, unless the log has since completed it; then it is on its leaf row, read in a second trip.
/// </remarks>
internal sealed class TableMerkleNodeSource(TableClient table, string tenantId, long size) : IMerkleNodeSource
{
    private static readonly string[] TileColumns = ["Tiles"];
    private static readonly string[] StateColumns = ["Size", "Tiles"];

    public async ValueTask<IReadOnlyList<byte[]>> GetNodeHashesAsync(IReadOnlyList<NodeId> nodes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var wanted = nodes.Select(n => LedgerTiles.Locate(n)).Select(l => (l.Level, l.Tile)).Distinct().ToList();
        var complete = wanted.Where(t => LedgerTiles.RowHolding(t.Level, t.Tile) < size).ToList();
        var unfinished = wanted.Except(complete).ToList();
        var stateRead = unfinished.Count > 0
            ? table.GetEntityOrNullAsync(tenantId, LedgerRows.State, StateColumns, cancellationToken)
            : Task.FromResult<TableEntity?>(null);
        var tiles = await ReadTilesAsync(complete, cancellationToken);
        if (unfinished.Count > 0)
        {
            var state = await stateRead ?? throw new InvalidOperationException("the log has no state row");
            long stateSize = state.GetInt64("Size") ?? 0;
            var stored = state.GetBinary("Tiles") ?? [];
            LedgerTiles.CheckPartialLength(stored, stateSize);
            foreach (var tile in unfinished.Where(t => LedgerTiles.PartialTile(stateSize, t.Level) == t.Tile))
            {
                tiles[tile] = LedgerTiles.Partial(stored, stateSize, tile.Level).ToArray();
            }

            // Completed since the caller learnt the size: on its leaf row now.
            foreach (var (tile, bytes) in await ReadTilesAsync(unfinished.Where(t => !tiles.ContainsKey(t)).ToList(), cancellationToken))
            {
                tiles[tile] = bytes;
            }
        }

        return nodes.Select(node =>
        {
            var (level, tile, _, _) = LedgerTiles.Locate(node);
            return LedgerTiles.NodeHash(tiles[(level, tile)], node);
        }).ToList();
    }

    /// <summary>Complete tiles from the leaf rows holding them.</summary>
    private async Task<Dictionary<(int Level, long Tile), byte[]>> ReadTilesAsync(List<(int Level, long Tile)> tiles, CancellationToken cancellationToken)
    {
        var rows = await Task.WhenAll(tiles.Select(t => table.GetEntityOrNullAsync(tenantId, LedgerRows.Leaf(LedgerTiles.RowHolding(t.Level, t.Tile)), TileColumns, cancellationToken)));
        var read = new Dictionary<(int Level, long Tile), byte[]>();
        for (int i = 0; i < tiles.Count; i++)
        {
            var (level, tile) = tiles[i];
            long row = LedgerTiles.RowHolding(level, tile);
            var stored = (rows[i] ?? throw new InvalidOperationException($"leaf row {row} of the log is missing")).GetBinary("Tiles") ?? [];
            if (stored.Length < (level + 1) * LedgerTiles.Bytes)
            {
                throw new InvalidOperationException($"leaf row {row} holds {stored.Length} bytes of tiles, not tile ({level}, {tile})");
            }

            read[tiles[i]] = stored[(level * LedgerTiles.Bytes)..((level + 1) * LedgerTiles.Bytes)];
        }

        return read;
    }
}
