namespace TakedownFn.Ledger.Merkle;

/// <summary>
/// Names a perfect subtree: the node at <paramref name="Level"/> (0 = leaves) and horizontal
/// <paramref name="Index"/>, covering leaves [Index·2^Level, (Index+1)·2^Level). Once those leaves
/// exist the node's hash never changes, so a storage layer can write it once and serve it forever.
/// </summary>
public readonly record struct NodeId(int Level, long Index)
{
    /// <summary>First leaf covered by this node.</summary>
    public long FirstLeaf => Index << Level;

    /// <summary>Number of leaves covered by this node.</summary>
    public long Width => 1L << Level;

    public override string ToString() => $"({Level}, {Index})";
}
