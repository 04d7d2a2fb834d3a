using System.Numerics;

namespace TakedownFn.Ledger.Merkle;

/// <summary>
/// Verifies inclusion (RFC 9162 §2.1.3.2) and consistency (RFC 9162 §2.1.4.2) proofs. Every
/// rejection is a <see cref="LedgerVerificationException"/>; a proof that is well formed but leads
/// elsewhere is a <see cref="RootMismatchException"/> carrying both roots.
/// </summary>
/// <remarks>
/// Instead of walking the proof bit by bit as the RFC's pseudo-code does, the proof's shape is
/// derived up front: the path from leaf <c>index</c> to the root of a tree of <c>size</c> leaves
/// first climbs <c>inner</c> levels of the perfect subtree shared by <c>index</c> and
/// <c>size - 1</c>, taking a sibling on whichever side the index bit says, and then crosses
/// <c>border</c> left siblings (one per set bit of <c>index &gt;&gt; inner</c>). That gives the
/// exact proof length before any hashing, so missing and extra elements are reported as such.
/// </remarks>
public static class MerkleVerifier
{
    /// <summary>Checks that <paramref name="leafHash"/> is leaf <paramref name="index"/> of the tree with <paramref name="root"/>.</summary>
    public static void VerifyInclusion(long index, long size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root)
    {
        HashChecks.RequireHashSize(root, "root");
        var computed = RootFromInclusionProof(index, size, leafHash, proof);
        if (!computed.AsSpan().SequenceEqual(root))
        {
            throw new RootMismatchException("root", root.ToArray(), computed);
        }
    }

    /// <summary>Returns the root that an inclusion proof for <paramref name="leafHash"/> leads to.</summary>
    public static byte[] RootFromInclusionProof(long index, long size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        RequireNonNegative(index, "index");
        RequireNonNegative(size, "size");
        if (index >= size)
        {
            throw new LedgerVerificationException($"index {index} is beyond size {size}");
        }

        HashChecks.RequireHashSize(leafHash, "leaf hash");
        HashChecks.RequireProofHashes(proof);
        var (inner, border) = Decompose(index, size);
        HashChecks.RequireProofLength(proof, inner + border);

        var hash = leafHash.ToArray();
        ChainInner(hash, proof, 0, inner, index);
        ChainBorderRight(hash, proof, inner, border);
        return hash;
    }

    /// <summary>
    /// Checks that the tree of <paramref name="size1"/> leaves with <paramref name="root1"/> is a
    /// prefix of the tree of <paramref name="size2"/> leaves with <paramref name="root2"/>.
    /// </summary>
    public static void VerifyConsistency(long size1, long size2, ReadOnlySpan<byte> root1, ReadOnlySpan<byte> root2, IReadOnlyList<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        RequireNonNegative(size1, "size1");
        RequireNonNegative(size2, "size2");
        if (size1 == 0)
        {
            // RFC 9162 §2.1.4.2 starts from a non-empty tree; every tree trivially extends the empty one.
            throw new LedgerVerificationException("size1 is 0; consistency is only defined from a non-empty tree");
        }

        if (size1 > size2)
        {
            throw new LedgerVerificationException($"size1 {size1} is beyond size2 {size2}");
        }

        HashChecks.RequireHashSize(root1, "root1");
        HashChecks.RequireHashSize(root2, "root2");
        HashChecks.RequireProofHashes(proof);

        if (size1 == size2)
        {
            HashChecks.RequireProofLength(proof, 0);
            if (!root1.SequenceEqual(root2))
            {
                throw new RootMismatchException("root2", root2.ToArray(), root1.ToArray());
            }

            return;
        }

        var (inner, border) = Decompose(size1 - 1, size2);
        int shift = BitOperations.TrailingZeroCount(size1);
        inner -= shift;

        // When size1 is a power of two the old tree is a node of the new one and the verifier
        // already holds its hash (root1); otherwise the proof starts with that node's hash.
        bool seedIsRoot1 = size1 == 1L << shift;
        int start = seedIsRoot1 ? 0 : 1;
        HashChecks.RequireProofLength(proof, start + inner + border);
        var seed = seedIsRoot1 ? root1.ToArray() : proof[0];
        long mask = (size1 - 1) >> shift;

        var hash1 = (byte[])seed.Clone();
        ChainInnerRight(hash1, proof, start, inner, mask);
        ChainBorderRight(hash1, proof, start + inner, border);
        if (!hash1.AsSpan().SequenceEqual(root1))
        {
            throw new RootMismatchException("root1", root1.ToArray(), hash1);
        }

        var hash2 = (byte[])seed.Clone();
        ChainInner(hash2, proof, start, inner, mask);
        ChainBorderRight(hash2, proof, start + inner, border);
        if (!hash2.AsSpan().SequenceEqual(root2))
        {
            throw new RootMismatchException("root2", root2.ToArray(), hash2);
        }
    }

    /// <summary>Proof shape for leaf <paramref name="index"/> in a tree of <paramref name="size"/>.</summary>
    private static (int Inner, int Border) Decompose(long index, long size)
    {
        int inner = 64 - BitOperations.LeadingZeroCount((ulong)(index ^ (size - 1)));
        int border = BitOperations.PopCount((ulong)index >> inner);
        return (inner, border);
    }

    // Climbs the shared perfect subtree: bit i of the index says whether our node is the right
    // child (sibling on the left) or the left child (sibling on the right).
    private static void ChainInner(byte[] hash, IReadOnlyList<byte[]> proof, int start, int count, long index)
    {
        for (int i = 0; i < count; i++)
        {
            if (((index >> i) & 1) == 0)
            {
                Rfc6962.HashChildren(hash, proof[start + i], hash);
            }
            else
            {
                Rfc6962.HashChildren(proof[start + i], hash, hash);
            }
        }
    }

    // The same climb restricted to left siblings: what the old (size1) tree saw of the path.
    private static void ChainInnerRight(byte[] hash, IReadOnlyList<byte[]> proof, int start, int count, long index)
    {
        for (int i = 0; i < count; i++)
        {
            if (((index >> i) & 1) == 1)
            {
                Rfc6962.HashChildren(proof[start + i], hash, hash);
            }
        }
    }

    private static void ChainBorderRight(byte[] hash, IReadOnlyList<byte[]> proof, int start, int count)
    {
        for (int i = 0; i < count; i++)
        {
            Rfc6962.HashChildren(proof[start + i], hash, hash);
        }
    }

    private static void RequireNonNegative(long value, string name)
    {
        if (value < 0)
        {
            throw new LedgerVerificationException($"{name} {value} is negative");
        }
    }
}
