namespace TakedownFn.Ledger.Merkle;

/// <summary>
/// Where proof generation reads node hashes from. Proofs only ever ask for perfect subtrees
/// (<see cref="NodeId"/>s), O(log n) of them per proof and all in one call, so a storage-backed
/// source can answer with one batched read per proof.
/// </summary>
public interface IMerkleNodeSource
{
    /// <summary>
    /// Returns the 32-byte hash of each requested node, in the order requested. Every node must be
    /// complete (all its leaves appended); asking for any other node is a caller error.
    /// </summary>
    ValueTask<IReadOnlyList<byte[]>> GetNodeHashesAsync(IReadOnlyList<NodeId> nodes, CancellationToken cancellationToken = default);
}
