using TakedownFn.Ledger.Merkle;

namespace TakedownFn.Storage.Ledger;

/// <summary>
/// Checks every stored tile entry against the stored hashes it was computed from: an entry of a
/// level-0 tile against its leaf row's hash, an entry of a level-t tile against the root of the
/// stored level-(t − 1) tile below it. Each check is local, so one altered hash is reported on its
/// own row; an entry whose children are already known bad is not checked, nor reported again.
/// </summary>
internal sealed class StoredTiles
{
    // Per tile level, the entries expected of the tile being filled, and which of them are untrusted.
    private readonly List<byte[]> expected = [];
    private readonly List<bool[]> untrusted = [];

    /// <summary>Checks the tiles on <paramref name="row"/> (the next leaf row in index order).</summary>
    public void Check(StoredLeaf row, bool leafBad, Action<long?, string> report)
    {
        bool hashOk = row.LeafHash.Length == Rfc6962.HashSize;
        Expect(0, row.Index, hashOk ? row.LeafHash : new byte[Rfc6962.HashSize], leafBad || !hashOk);
        int completes = LedgerTiles.CompletedBy(row.Index);
        if (row.Tiles.Length != completes * LedgerTiles.Bytes)
        {
            report(row.Index, $"leaf {row.Index}: {row.Tiles.Length} bytes of tiles stored, want {completes} tiles of {LedgerTiles.Bytes}");
            for (int level = 0; level < completes; level++)
            {
                Expect(level + 1, row.Index >> (LedgerTiles.Height * (level + 1)), new byte[Rfc6962.HashSize], true);
            }

            return;
        }

        for (int level = 0; level < completes; level++)
        {
            var tile = row.Tiles.AsSpan(level * LedgerTiles.Bytes, LedgerTiles.Bytes);
            long index = row.Index >> (LedgerTiles.Height * (level + 1));
            bool bad = CheckEntries(level, tile, LedgerTiles.Width, e => report(row.Index, $"leaf {row.Index}: entry {e} of stored tile ({level}, {index}) differs from {Child(level, (index * LedgerTiles.Width) + e)}"));
            Expect(level + 1, index, LedgerTiles.PerfectRoot(tile), bad);
        }
    }

    /// <summary>Checks the state row's unfinished tiles, once every leaf row of its log was checked.</summary>
    public void CheckUnfinished(LedgerState state, Action<long?, string> report)
    {
        if (LedgerTiles.PartialLengthProblem(state.Tiles, state.Size) is { } problem)
        {
            report(null, problem);
            return;
        }

        for (int level = 0; level < LedgerTiles.Levels(state.Size); level++)
        {
            long index = LedgerTiles.PartialTile(state.Size, level);
            var tile = LedgerTiles.Partial(state.Tiles, state.Size, level);
            CheckEntries(level, tile, LedgerTiles.PartialCount(state.Size, level), e => report(null, $"the state row's entry {e} of unfinished tile ({level}, {index}) differs from {Child(level, (index * LedgerTiles.Width) + e)}"));
        }
    }

    /// <summary>Compares the first <paramref name="count"/> entries with those expected; true when any is bad or untrusted.</summary>
    private bool CheckEntries(int level, ReadOnlySpan<byte> tile, int count, Action<int> report)
    {
        bool bad = false;
        for (int e = 0; e < count; e++)
        {
            var entry = tile.Slice(e * Rfc6962.HashSize, Rfc6962.HashSize);
            if (untrusted[level][e])
            {
                bad = true;
            }
            else if (!entry.SequenceEqual(expected[level].AsSpan(e * Rfc6962.HashSize, Rfc6962.HashSize)))
            {
                report(e);
                bad = true;
            }
        }

        return bad;
    }

    private static string Child(int level, long node) =>
        level == 0 ? $"the stored hash of leaf {node}" : $"the root of the stored tile ({level - 1}, {node}) below it";

    /// <summary>Records what entry <paramref name="node"/> of the level's tiles should hold.</summary>
    private void Expect(int level, long node, ReadOnlySpan<byte> hash, bool isUntrusted)
    {
        if (expected.Count == level)
        {
            expected.Add(new byte[LedgerTiles.Bytes]);
            untrusted.Add(new bool[LedgerTiles.Width]);
        }

        int slot = (int)(node & (LedgerTiles.Width - 1));
        hash.CopyTo(expected[level].AsSpan(slot * Rfc6962.HashSize));
        untrusted[level][slot] = isUntrusted;
    }
}
