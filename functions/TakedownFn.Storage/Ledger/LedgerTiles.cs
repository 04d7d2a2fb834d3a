using System.Numerics;
using TakedownFn.Ledger.Merkle;

namespace TakedownFn.Storage.Ledger;

/// <summary>
/// How node hashes are stored: in tiles, after transparency-dev's tlog tiles. Tile (t, k) holds
/// the hashes of the 256 nodes (8t, 256k) … (8t, 256k + 255). Every node of levels 8t … 8t + 7 is
/// the root of a run of one tile's entries, so any node is one tile read plus at most 127 hashes
/// in memory, and a proof over n leaves reads at most ⌈log₂ n / 8⌉ tiles (3 at a million leaves).
/// </summary>
/// <remarks>
/// A tile is complete when its last node is, i.e. when leaf (k + 1)·2^(8t + 8) − 1 is appended; it
/// is stored on that leaf's row (<see cref="StoredLeaf.Tiles"/>: every tile that leaf completes,
/// lowest level first, 8 KiB each). The unfinished tile of each level is kept on the state row
/// (<see cref="LedgerState.Tiles"/>) and rewritten with it on every commit. Seven tile levels
/// cover 2^56 leaves, far beyond the 10^12 that leaf row keys have room for.
/// </remarks>
internal static class LedgerTiles
{
    /// <summary>Tree levels per tile.</summary>
    public const int Height = 8;

    /// <summary>Entries of a complete tile.</summary>
    public const int Width = 1 << Height;

    /// <summary>Bytes of a complete tile.</summary>
    public const int Bytes = Width * Rfc6962.HashSize;

    /// <summary>How many tiles leaf <paramref name="index"/> completes (its row holds that many).</summary>
    public static int CompletedBy(long index) => BitOperations.TrailingZeroCount(index + 1) / Height;

    /// <summary>The leaf row holding complete tile (<paramref name="level"/>, <paramref name="tile"/>).</summary>
    public static long RowHolding(int level, long tile) => ((tile + 1) << (Height * (level + 1))) - 1;

    /// <summary>Entries in the unfinished tile of <paramref name="level"/> in a tree of <paramref name="size"/> leaves.</summary>
    public static int PartialCount(long size, int level) => (int)((size >> (Height * level)) & (Width - 1));

    /// <summary>The index of the unfinished tile of <paramref name="level"/> in a tree of <paramref name="size"/> leaves.</summary>
    public static long PartialTile(long size, int level) => size >> (Height * (level + 1));

    /// <summary>Tile levels with nodes in a tree of <paramref name="size"/> leaves.</summary>
    public static int Levels(long size) => size == 0 ? 0 : (64 - BitOperations.LeadingZeroCount((ulong)size) + Height - 1) / Height;

    /// <summary>Bytes of all unfinished tiles of a tree of <paramref name="size"/> leaves, as the state row holds them.</summary>
    public static int PartialBytes(long size)
    {
        int bytes = 0;
        for (int level = 0; level < Levels(size); level++)
        {
            bytes += PartialCount(size, level) * Rfc6962.HashSize;
        }

        return bytes;
    }

    /// <summary>What is wrong with the length of the state row's <paramref name="tiles"/> for a tree of <paramref name="size"/> leaves; null when nothing is.</summary>
    public static string? PartialLengthProblem(ReadOnlySpan<byte> tiles, long size) =>
        tiles.Length == PartialBytes(size) ? null : $"the state row holds {tiles.Length} bytes of unfinished tiles, a log of {size} leaves has {PartialBytes(size)}";

    /// <summary>Throws unless <paramref name="tiles"/> has the length of the unfinished tiles of a tree of <paramref name="size"/> leaves.</summary>
    public static void CheckPartialLength(ReadOnlySpan<byte> tiles, long size)
    {
        if (PartialLengthProblem(tiles, size) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }
    }

    /// <summary>The unfinished tile of <paramref name="level"/> within <paramref name="tiles"/>, all of them as the state row holds them.</summary>
    public static ReadOnlySpan<byte> Partial(ReadOnlySpan<byte> tiles, long size, int level)
    {
        int offset = 0;
        for (int lower = 0; lower < level; lower++)
        {
            offset += PartialCount(size, lower) * Rfc6962.HashSize;
        }

        return tiles.Slice(offset, PartialCount(size, level) * Rfc6962.HashSize);
    }

    /// <summary>The tile holding <paramref name="node"/>, and which of its entries the node is the root of.</summary>
    public static (int Level, long Tile, int First, int Count) Locate(NodeId node)
    {
        int level = node.Level / Height;
        int above = node.Level - (level * Height);
        long first = node.Index << above;
        return (level, first >> Height, (int)(first & (Width - 1)), 1 << above);
    }

    /// <summary>
    /// The hash of <paramref name="node"/> from the entries of its tile (a complete tile, or the
    /// unfinished one when it holds all the node's entries).
    /// </summary>
    public static byte[] NodeHash(ReadOnlySpan<byte> tile, NodeId node)
    {
        var (_, _, first, count) = Locate(node);
        if (tile.Length < (first + count) * Rfc6962.HashSize)
        {
            throw new InvalidOperationException($"node {node} needs entries {first} to {first + count - 1} of its tile, which holds {tile.Length / Rfc6962.HashSize}");
        }

        return PerfectRoot(tile.Slice(first * Rfc6962.HashSize, count * Rfc6962.HashSize));
    }

    /// <summary>The root of a perfect subtree from its bottom hashes (a power of two of them).</summary>
    public static byte[] PerfectRoot(ReadOnlySpan<byte> hashes)
    {
        int count = hashes.Length / Rfc6962.HashSize;
        var work = hashes.ToArray();
        for (; count > 1; count /= 2)
        {
            for (int i = 0; i < count / 2; i++)
            {
                var pair = work.AsSpan(2 * i * Rfc6962.HashSize, 2 * Rfc6962.HashSize);
                Rfc6962.HashChildren(pair[..Rfc6962.HashSize], pair[Rfc6962.HashSize..], work.AsSpan(i * Rfc6962.HashSize, Rfc6962.HashSize));
            }
        }

        return work[..Rfc6962.HashSize];
    }
}
