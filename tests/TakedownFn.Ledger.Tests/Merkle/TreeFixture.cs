using TakedownFn.Ledger.Merkle;

namespace TakedownFn.Ledger.Tests.Merkle;

/// <summary>One tree of 256 generated leaves with every reference root and leaf hash precomputed.</summary>
internal sealed class TreeFixture
{
    public const int MaxSize = 256;

    private static readonly Lazy<TreeFixture> Shared = new(() => new TreeFixture());

    private TreeFixture()
    {
        Leaves = TestVectors.Generated(MaxSize);
        Tree = new InMemoryMerkleTree();
        foreach (var leaf in Leaves)
        {
            Tree.AppendLeaf(leaf);
        }

        LeafHashes = [.. Leaves.Select(ReferenceTree.LeafHash)];
        Roots = [.. Enumerable.Range(0, MaxSize + 1).Select(size => ReferenceTree.Mth(Leaves, 0, size))];
    }

    public static TreeFixture Instance => Shared.Value;

    public byte[][] Leaves { get; }

    public InMemoryMerkleTree Tree { get; }

    public byte[][] LeafHashes { get; }

    public byte[][] Roots { get; }
}
