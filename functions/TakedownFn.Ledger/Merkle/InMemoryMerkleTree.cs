namespace TakedownFn.Ledger.Merkle;

/// <summary>
/// An append-only RFC 6962 tree held in memory with every perfect subtree's hash, serving proofs
/// through <see cref="IMerkleNodeSource"/> exactly as a storage-backed tree would. Used by tests,
/// by the offline verifier and as the model for the storage layer's node table.
/// </summary>
public sealed class InMemoryMerkleTree : IMerkleNodeSource
{
    // levels[0] holds leaf hashes; levels[k][i] is the node (k, i), present once complete.
    private readonly List<HashList> levels = [new HashList()];

    /// <summary>Number of leaves appended.</summary>
    public long Size => levels[0].Count;

    /// <summary>Appends a leaf given its bytes; returns its index.</summary>
    public long AppendLeaf(ReadOnlySpan<byte> leaf)
    {
        Span<byte> leafHash = stackalloc byte[Rfc6962.HashSize];
        Rfc6962.HashLeaf(leaf, leafHash);
        return AppendLeafHash(leafHash);
    }

    /// <summary>Appends a leaf given its RFC 6962 leaf hash; returns its index.</summary>
    public long AppendLeafHash(ReadOnlySpan<byte> leafHash)
    {
        if (leafHash.Length != Rfc6962.HashSize)
        {
            throw new ArgumentException($"leaf hash is {leafHash.Length} bytes, want {Rfc6962.HashSize}", nameof(leafHash));
        }

        long index = Size;
        levels[0].Add(leafHash);

        // Each time a right child lands, its parent is complete: add it, and carry upwards.
        Span<byte> parent = stackalloc byte[Rfc6962.HashSize];
        long position = index;
        for (int level = 0; (position & 1) == 1; level++, position >>= 1)
        {
            Rfc6962.HashChildren(levels[level][position - 1], levels[level][position], parent);
            if (levels.Count == level + 1)
            {
                levels.Add(new HashList());
            }

            levels[level + 1].Add(parent);
        }

        return index;
    }

    /// <summary>Returns the hash of a complete node.</summary>
    public byte[] GetNodeHash(NodeId node)
    {
        if (node.Level < 0 || node.Index < 0 || node.Level >= levels.Count || node.Index >= levels[node.Level].Count)
        {
            throw new ArgumentOutOfRangeException(nameof(node), $"node {node} is not complete in a tree of size {Size}");
        }

        return levels[node.Level][node.Index].ToArray();
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<byte[]>> GetNodeHashesAsync(IReadOnlyList<NodeId> nodes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        cancellationToken.ThrowIfCancellationRequested();
        var result = new byte[nodes.Count][];
        for (int i = 0; i < nodes.Count; i++)
        {
            result[i] = GetNodeHash(nodes[i]);
        }

        return ValueTask.FromResult<IReadOnlyList<byte[]>>(result);
    }

    /// <summary>Returns the root of the tree at its current size.</summary>
    public byte[] GetRoot() => GetRoot(Size);

    /// <summary>Returns the root of the tree as it was at <paramref name="size"/> leaves.</summary>
    public byte[] GetRoot(long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, Size);
        var nodes = ProofPlan.RangeNodes(0, size);
        var hashes = new byte[nodes.Count][];
        for (int i = 0; i < nodes.Count; i++)
        {
            hashes[i] = GetNodeHash(nodes[i]);
        }

        return ProofPlan.FoldRange(hashes, 0, hashes.Length);
    }
}
