using TakedownFn.Ledger.Merkle;

namespace TakedownFn.Ledger.Tests.Merkle;

public class Rfc6962Tests
{
    public static TheoryData<int> Sizes0To8 => [0, 1, 2, 3, 4, 5, 6, 7, 8];

    [Theory]
    [MemberData(nameof(Sizes0To8))]
    public void CompactRange_ReferenceLeaves_MatchesPublishedRoot(int size)
    {
        var range = new CompactRange();
        foreach (var leaf in TestVectors.Leaves.Take(size))
        {
            range.AppendLeaf(leaf);
        }

        Assert.Equal(TestVectors.Roots[size], TestVectors.Hex(range.GetRoot()));
        Assert.Equal(size, range.Size);
    }

    [Theory]
    [MemberData(nameof(Sizes0To8))]
    public void InMemoryMerkleTree_ReferenceLeaves_MatchesPublishedRootAtEverySize(int size)
    {
        var tree = new InMemoryMerkleTree();
        foreach (var leaf in TestVectors.Leaves)
        {
            tree.AppendLeaf(leaf);
        }

        Assert.Equal(TestVectors.Roots[size], TestVectors.Hex(tree.GetRoot(size)));
    }

    [Theory]
    [MemberData(nameof(Sizes0To8))]
    public async Task RootAsync_ReferenceLeaves_MatchesPublishedRoot(int size)
    {
        var tree = new InMemoryMerkleTree();
        foreach (var leaf in TestVectors.Leaves)
        {
            tree.AppendLeaf(leaf);
        }

        Assert.Equal(TestVectors.Roots[size], TestVectors.Hex(await MerkleProofs.RootAsync(tree, size)));
    }

    [Theory]
    [MemberData(nameof(Sizes0To8))]
    public void ReferenceTree_ReferenceLeaves_MatchesPublishedRoot(int size)
    {
        // Guards the guard: the reference tree used to cross-check everything else is itself right.
        Assert.Equal(TestVectors.Roots[size], TestVectors.Hex(ReferenceTree.Mth(TestVectors.Leaves, 0, size)));
    }

    [Fact]
    public void EmptyRoot_IsSha256OfNothing()
    {
        Assert.Equal(TestVectors.Roots[0], TestVectors.Hex(Rfc6962.EmptyRootHash()));
    }

    [Fact]
    public void HashLeaf_LeafEqualToNodeInput_DiffersFromNodeHash()
    {
        // The domain separation RFC 6962 prefixes exist for: the same 64 bytes hashed as a leaf
        // and as two children must differ.
        var left = new byte[32];
        var right = new byte[32];
        right[0] = 1;
        Assert.NotEqual(Rfc6962.HashLeaf([.. left, .. right]), Rfc6962.HashChildren(left, right));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(510)]
    [InlineData(511)]
    [InlineData(512)]
    [InlineData(4096)]
    public void HashLeaf_AnyLength_MatchesReference(int length)
    {
        var leaf = Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();
        Assert.Equal(ReferenceTree.LeafHash(leaf), Rfc6962.HashLeaf(leaf));
    }

    [Theory]
    [InlineData(31, 32)]
    [InlineData(32, 33)]
    public void HashChildren_WrongChildSize_Throws(int leftSize, int rightSize)
    {
        var ex = Assert.Throws<ArgumentException>(() => Rfc6962.HashChildren(new byte[leftSize], new byte[rightSize]));
        Assert.Equal($"child hashes are {leftSize} and {rightSize} bytes, want 32", ex.Message);
    }
}
