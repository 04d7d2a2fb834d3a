using Azure;
using Azure.Data.Tables;
using TakedownFn.Ledger.Merkle;

namespace TakedownFn.Storage.Ledger;

/// <summary>
/// A tenant log's state row: how many leaves are committed, the compact range over them (so the
/// sequencer appends without reading the tree) and the last published checkpoint. Every commit
/// replaces it conditionally on <see cref="ETag"/>: that condition is what makes two sequencers
/// unable to both extend the log from the same size.
/// </summary>
/// <param name="Size">Committed leaves: rows at indexes ≥ this are not part of the log.</param>
/// <param name="SubtreeRoots">The compact range [0, Size): one hash per set bit of Size, largest first.</param>
/// <param name="Tiles">The unfinished tile of each level (<see cref="LedgerTiles"/>), lowest level first, concatenated.</param>
/// <param name="CheckpointSize">Tree size of the last published checkpoint (0: none yet).</param>
/// <param name="Checkpoint">The last published signed checkpoint note.</param>
/// <param name="CheckpointAt">When it was published.</param>
/// <param name="ETag">The row's version.</param>
public sealed record LedgerState(long Size, IReadOnlyList<byte[]> SubtreeRoots, byte[] Tiles, long CheckpointSize, string? Checkpoint, DateTimeOffset? CheckpointAt, ETag ETag)
{
    public static LedgerState Empty { get; } = new(0, [], [], 0, null, null, default);

    /// <summary>The compact range this state describes.</summary>
    public CompactRange ToRange() => CompactRange.Restore(Size, SubtreeRoots);

    internal TableEntity ToEntity(string tenantId)
    {
        var roots = new byte[SubtreeRoots.Count * Rfc6962.HashSize];
        for (int i = 0; i < SubtreeRoots.Count; i++)
        {
            SubtreeRoots[i].CopyTo(roots, i * Rfc6962.HashSize);
        }

        return new TableEntity(tenantId, LedgerRows.State)
        {
            ["Size"] = Size,
            ["Roots"] = roots,
            ["Tiles"] = Tiles,
            ["CheckpointSize"] = CheckpointSize,
            ["Checkpoint"] = Checkpoint,
            ["CheckpointAt"] = CheckpointAt,
        };
    }

    internal static LedgerState FromEntity(TableEntity entity)
    {
        var roots = entity.GetBinary("Roots") ?? [];
        var list = new byte[roots.Length / Rfc6962.HashSize][];
        for (int i = 0; i < list.Length; i++)
        {
            list[i] = roots.AsSpan(i * Rfc6962.HashSize, Rfc6962.HashSize).ToArray();
        }

        return new LedgerState(
            entity.GetInt64("Size") ?? 0,
            list,
            entity.GetBinary("Tiles") ?? [],
            entity.GetInt64("CheckpointSize") ?? 0,
            entity.GetString("Checkpoint"),
            entity.GetDateTimeOffset("CheckpointAt"),
            entity.ETag);
    }
}
