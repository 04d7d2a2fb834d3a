namespace TakedownFn.Ledger.Merkle;

/// <summary>
/// Builds RFC 6962 / RFC 9162 §2.1.3 inclusion and §2.1.4 consistency proofs, and roots, from any
/// <see cref="IMerkleNodeSource"/>, with one batched node read per call.
/// </summary>
public static class MerkleProofs
{
    /// <summary>The audit path of leaf <paramref name="index"/> in the tree of <paramref name="size"/> leaves.</summary>
    public static async ValueTask<IReadOnlyList<byte[]>> InclusionProofAsync(IMerkleNodeSource source, long index, long size, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        if (index >= size)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"index {index} is beyond size {size}");
        }

        return await ResolveAsync(source, ProofPlan.Inclusion(index, size), cancellationToken);
    }

    /// <summary>
    /// The audit paths of several leaves in the tree of <paramref name="size"/> leaves, in the
    /// order of <paramref name="indexes"/>, with all their nodes requested from
    /// <paramref name="source"/> at once, so nodes and tiles the paths share are read once
    /// (an evidence bundle proves every step of a case).
    /// </summary>
    public static async ValueTask<IReadOnlyList<IReadOnlyList<byte[]>>> InclusionProofsAsync(IMerkleNodeSource source, IReadOnlyList<long> indexes, long size, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(indexes);
        foreach (var index in indexes)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            if (index >= size)
            {
                throw new ArgumentOutOfRangeException(nameof(indexes), $"index {index} is beyond size {size}");
            }
        }

        var plans = indexes.Select(i => ProofPlan.Inclusion(i, size)).ToList();
        var all = await ResolveAsync(source, [.. plans.SelectMany(p => p)], cancellationToken);
        var proofs = new List<IReadOnlyList<byte[]>>(plans.Count);
        int next = 0;
        foreach (var plan in plans)
        {
            proofs.Add([.. all.Skip(next).Take(plan.Count)]);
            next += plan.Count;
        }

        return proofs;
    }

    /// <summary>The proof that the tree of <paramref name="size1"/> leaves is a prefix of the tree of <paramref name="size2"/>.</summary>
    public static async ValueTask<IReadOnlyList<byte[]>> ConsistencyProofAsync(IMerkleNodeSource source, long size1, long size2, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (size1 <= 0)
        {
            // RFC 9162 §2.1.4 defines consistency only from a non-empty tree: every tree extends the empty one.
            throw new ArgumentOutOfRangeException(nameof(size1), $"size1 {size1} must be at least 1");
        }

        if (size1 > size2)
        {
            throw new ArgumentOutOfRangeException(nameof(size1), $"size1 {size1} is beyond size2 {size2}");
        }

        return await ResolveAsync(source, ProofPlan.Consistency(size1, size2), cancellationToken);
    }

    /// <summary>The root of the tree of <paramref name="size"/> leaves held by <paramref name="source"/>.</summary>
    public static async ValueTask<byte[]> RootAsync(IMerkleNodeSource source, long size, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (size == 0)
        {
            return Rfc6962.EmptyRootHash();
        }

        var proof = await ResolveAsync(source, [new ProofPlan.LeafRange(0, size)], cancellationToken);
        return proof[0];
    }

    private static async ValueTask<IReadOnlyList<byte[]>> ResolveAsync(IMerkleNodeSource source, List<ProofPlan.LeafRange> ranges, CancellationToken cancellationToken)
    {
        var nodes = new List<NodeId>();
        var starts = new int[ranges.Count + 1];
        for (int i = 0; i < ranges.Count; i++)
        {
            starts[i] = nodes.Count;
            nodes.AddRange(ProofPlan.RangeNodes(ranges[i].Begin, ranges[i].End));
        }

        starts[ranges.Count] = nodes.Count;
        if (nodes.Count == 0)
        {
            return [];
        }

        var hashes = await source.GetNodeHashesAsync(nodes, cancellationToken);
        if (hashes.Count != nodes.Count)
        {
            throw new InvalidOperationException($"node source returned {hashes.Count} hashes for {nodes.Count} nodes");
        }

        for (int i = 0; i < hashes.Count; i++)
        {
            if (hashes[i] is null || hashes[i].Length != Rfc6962.HashSize)
            {
                throw new InvalidOperationException($"node source returned {hashes[i]?.Length ?? 0} bytes for node {nodes[i]}, want {Rfc6962.HashSize}");
            }
        }

        var proof = new byte[ranges.Count][];
        for (int i = 0; i < ranges.Count; i++)
        {
            proof[i] = ProofPlan.FoldRange(hashes, starts[i], starts[i + 1] - starts[i]);
        }

        return proof;
    }
}
