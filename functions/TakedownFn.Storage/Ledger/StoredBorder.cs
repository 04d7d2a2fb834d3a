using System.Numerics;
using TakedownFn.Ledger.Merkle;

namespace TakedownFn.Storage.Ledger;

/// <summary>
/// Checks every stored node hash against its two stored children, keeping the stored left
/// siblings still waiting for their right sibling. Each check is local, so one altered hash is
/// reported on its own row; a node whose child is already known bad is not reported again.
/// </summary>
internal sealed class StoredBorder
{
    private readonly byte[]?[] left = new byte[64][];
    private readonly bool[] leftBad = new bool[64];

    public void Check(StoredLeaf row, bool leafBad, Action<long?, string> report)
    {
        int completes = BitOperations.TrailingZeroCount(row.Index + 1);
        if (row.Nodes.Length != completes * Rfc6962.HashSize || row.LeafHash.Length != Rfc6962.HashSize)
        {
            report(row.Index, $"leaf {row.Index}: {row.Nodes.Length / Rfc6962.HashSize} node hashes stored, want {completes}");
            Array.Fill(leftBad, true);
            return;
        }

        var child = row.LeafHash;
        bool bad = leafBad;
        for (int level = 0; level < completes; level++)
        {
            var parent = row.Nodes.AsSpan(level * Rfc6962.HashSize, Rfc6962.HashSize).ToArray();
            if (!bad && !leftBad[level] && !Rfc6962.HashChildren(left[level]!, child).AsSpan().SequenceEqual(parent))
            {
                report(row.Index, $"leaf {row.Index}: stored hash of node ({level + 1}, {((row.Index + 1) >> (level + 1)) - 1}) differs from the hash of its stored children");
                bad = true;
            }

            bad |= leftBad[level];
            child = parent;
        }

        left[completes] = child;
        leftBad[completes] = bad;
    }
}
