using System.Numerics;
using TakedownFn.Ledger.Merkle;

namespace TakedownFn.Storage.Ledger;

/// <summary>
/// The right edge of a tenant's tree, as the sequencer extends it: the compact range (for the root)
/// and the unfinished tile of each level (<see cref="LedgerTiles"/>). Restored from the state row,
/// it appends leaves without reading the tree and hands back the tiles each leaf completes.
/// </summary>
internal sealed class TreeAppender
{
    private readonly CompactRange range;
    private readonly List<byte[]> partial = [];

    private TreeAppender(CompactRange range, byte[] tiles)
    {
        this.range = range;
        for (int level = 0; level < LedgerTiles.Levels(range.Size); level++)
        {
            partial.Add(new byte[LedgerTiles.Bytes]);
            LedgerTiles.Partial(tiles, range.Size, level).CopyTo(partial[level]);
        }
    }

    public long Size => range.Size;

    /// <summary>
    /// An appender continuing the log <paramref name="state"/> describes. Throws when the state
    /// row's unfinished tiles disagree with its compact range: appending would copy an altered
    /// entry into a leaf row for good, where a later checkpoint's proofs need not touch it.
    /// </summary>
    public static TreeAppender Restore(LedgerState state)
    {
        var range = state.ToRange();
        LedgerTiles.CheckPartialLength(state.Tiles, state.Size);
        CheckAgainstRange(state);
        return new TreeAppender(range, state.Tiles);
    }

    /// <summary>
    /// Appends leaf <see cref="Size"/> and returns the tiles it completes, lowest level first,
    /// concatenated (empty for all but one leaf in 256): what its row stores.
    /// </summary>
    public byte[] Append(byte[] leafHash)
    {
        long index = range.Size;
        int completed = LedgerTiles.CompletedBy(index);
        AddEntry(0, index, leafHash);
        if (completed > 0)
        {
            // Node (8t, ·) completes with this leaf for t ≤ completed: fold the compact range's
            // smallest roots (levels 0 … 8·completed − 1, all set in the size) into the leaf.
            var roots = range.GetSubtreeRoots();
            var hash = leafHash;
            for (int level = 1; level <= completed * LedgerTiles.Height; level++)
            {
                hash = Rfc6962.HashChildren(roots[^level], hash);
                if (level % LedgerTiles.Height == 0)
                {
                    AddEntry(level / LedgerTiles.Height, index >> level, hash);
                }
            }
        }

        range.AppendLeafHash(leafHash);
        var tiles = new byte[completed * LedgerTiles.Bytes];
        for (int level = 0; level < completed; level++)
        {
            partial[level].CopyTo(tiles, level * LedgerTiles.Bytes);
        }

        return tiles;
    }

    /// <summary><paramref name="state"/> advanced to this appender's size, root and unfinished tiles.</summary>
    public LedgerState ApplyTo(LedgerState state)
    {
        var tiles = new List<byte>(LedgerTiles.PartialBytes(range.Size));
        for (int level = 0; level < LedgerTiles.Levels(range.Size); level++)
        {
            tiles.AddRange(partial[level].AsSpan(0, LedgerTiles.PartialCount(range.Size, level) * Rfc6962.HashSize));
        }

        return state with { Size = range.Size, SubtreeRoots = range.GetSubtreeRoots(), Tiles = [.. tiles] };
    }

    /// <summary>
    /// The entries of each unfinished tile split, by the set bits of their count, into runs whose
    /// roots are the compact range's roots at the tile's levels: each run must hash to its root.
    /// </summary>
    private static void CheckAgainstRange(LedgerState state)
    {
        for (int level = 0; level < LedgerTiles.Levels(state.Size); level++)
        {
            var tile = LedgerTiles.Partial(state.Tiles, state.Size, level);
            int count = LedgerTiles.PartialCount(state.Size, level);
            int first = 0;
            for (int bit = LedgerTiles.Height - 1; bit >= 0; bit--)
            {
                int run = 1 << bit;
                if ((count & run) == 0)
                {
                    continue;
                }

                // The range's roots are largest first: one per set bit of the size above this level.
                int treeLevel = (level * LedgerTiles.Height) + bit;
                var root = state.SubtreeRoots[BitOperations.PopCount((ulong)(state.Size >> (treeLevel + 1)))];
                if (!LedgerTiles.PerfectRoot(tile.Slice(first * Rfc6962.HashSize, run * Rfc6962.HashSize)).AsSpan().SequenceEqual(root))
                {
                    throw new InvalidOperationException($"the state row's unfinished tile ({level}, {LedgerTiles.PartialTile(state.Size, level)}): entries {first} to {first + run - 1} do not hash to the compact range's root at level {treeLevel}");
                }

                first += run;
            }
        }
    }

    /// <summary>Writes node (8·<paramref name="level"/>, <paramref name="node"/>) into its tile's slot.</summary>
    private void AddEntry(int level, long node, byte[] hash)
    {
        if (partial.Count == level)
        {
            partial.Add(new byte[LedgerTiles.Bytes]);
        }

        hash.CopyTo(partial[level], (int)(node & (LedgerTiles.Width - 1)) * Rfc6962.HashSize);
    }
}
