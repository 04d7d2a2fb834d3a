using Azure.Data.Tables;

namespace TakedownFn.Storage.Ledger;

/// <summary>One leaf row as stored: nothing here is trusted until it is checked against a checkpoint.</summary>
/// <param name="Index">The leaf's index in the log.</param>
/// <param name="Leaf">The canonical leaf bytes (RFC 8785 JSON of a <c>LedgerLeaf</c>).</param>
/// <param name="LeafHash">The stored RFC 6962 leaf hash.</param>
/// <param name="EventId">The event the leaf records.</param>
/// <param name="Tiles">The tiles this leaf completes (<see cref="LedgerTiles"/>), lowest level first, 8 KiB each; empty for all but one leaf in 256.</param>
public sealed record StoredLeaf(long Index, byte[] Leaf, byte[] LeafHash, string EventId, byte[] Tiles)
{
    internal static readonly string[] AllColumns = ["RowKey", "Leaf", "Hash", "EventId", "Tiles"];

    internal TableEntity ToEntity(string tenantId)
    {
        var entity = new TableEntity(tenantId, LedgerRows.Leaf(Index))
        {
            ["Leaf"] = Leaf,
            ["Hash"] = LeafHash,
            ["EventId"] = EventId,
        };
        if (Tiles.Length > 0)
        {
            entity["Tiles"] = Tiles;
        }

        return entity;
    }

    internal static StoredLeaf FromEntity(TableEntity entity) => new(
        LedgerRows.IndexOf(entity.RowKey),
        entity.GetBinary("Leaf") ?? [],
        entity.GetBinary("Hash") ?? [],
        entity.GetString("EventId") ?? string.Empty,
        entity.GetBinary("Tiles") ?? []);
}
