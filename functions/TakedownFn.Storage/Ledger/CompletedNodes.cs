using System.Numerics;
using TakedownFn.Ledger.Merkle;

namespace TakedownFn.Storage.Ledger;

/// <summary>
/// The perfect subtrees that appending one leaf completes: appending leaf i completes the nodes
/// (k, (i+1)/2^k − 1) for k = 1 … trailing zeros of i+1. Their left children are exactly the
/// smallest subtree roots of the compact range before the append.
/// </summary>
internal static class CompletedNodes
{
    /// <summary>
    /// Appends <paramref name="leafHash"/> to <paramref name="range"/> and returns the hashes of
    /// the nodes it completed, level 1 first, concatenated (empty for an even index).
    /// </summary>
    public static byte[] Append(CompactRange range, byte[] leafHash)
    {
        int completed = BitOperations.TrailingZeroCount(range.Size + 1);
        var nodes = new byte[completed * Rfc6962.HashSize];
        if (completed > 0)
        {
            // Bits 0 … completed−1 of the size are set, so the last roots are levels completed−1 … 0.
            var roots = range.GetSubtreeRoots();
            var hash = leafHash;
            for (int level = 1; level <= completed; level++)
            {
                hash = Rfc6962.HashChildren(roots[roots.Count - level], hash);
                hash.CopyTo(nodes, (level - 1) * Rfc6962.HashSize);
            }
        }

        range.AppendLeafHash(leafHash);
        return nodes;
    }
}
