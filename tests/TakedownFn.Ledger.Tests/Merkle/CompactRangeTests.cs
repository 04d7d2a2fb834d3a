using TakedownFn.Ledger.Merkle;

namespace TakedownFn.Ledger.Tests.Merkle;

public class CompactRangeTests
{
    [Fact]
    public void GetRoot_EverySizeUpTo256_MatchesReferenceTree()
    {
        var fixture = TreeFixture.Instance;
        var range = new CompactRange();
        Assert.Equal(fixture.Roots[0], range.GetRoot());
        for (int i = 0; i < TreeFixture.MaxSize; i++)
        {
            range.AppendLeaf(fixture.Leaves[i]);
            Assert.True(range.GetRoot().AsSpan().SequenceEqual(fixture.Roots[i + 1]), $"size {i + 1}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(255)]
    public void GetSubtreeRoots_AnySize_OnePerSetBitLargestFirst(int size)
    {
        var fixture = TreeFixture.Instance;
        var range = new CompactRange();
        foreach (var leaf in fixture.Leaves.Take(size))
        {
            range.AppendLeaf(leaf);
        }

        var roots = range.GetSubtreeRoots();
        Assert.Equal(int.PopCount(size), roots.Count);
        Assert.Equal(fixture.Tree.GetNodeHash(new NodeId(31 - int.LeadingZeroCount(size), 0)), roots[0]);
    }

    [Fact]
    public void AppendSubtree_Misaligned_Throws()
    {
        var range = new CompactRange();
        range.AppendLeafHash(new byte[32]);
        var ex = Assert.Throws<InvalidOperationException>(() => range.AppendSubtree(1, new byte[32]));
        Assert.Equal("a subtree of 2 leaves cannot start at index 1", ex.Message);
    }

    [Fact]
    public void Restore_WrongNumberOfRoots_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => CompactRange.Restore(7, [new byte[32], new byte[32]]));
        Assert.StartsWith("size 7 needs 3 subtree roots, got 2", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(16_383)]
    [InlineData(16_384)]
    [InlineData(3 * 16_384 + 5)]
    public void RootFromLeafHashesParallel_AnySize_EqualsSequentialRoot(int size)
    {
        var leaves = TestVectors.Generated(size).Select(l => (ReadOnlyMemory<byte>)l).ToArray();
        var hashes = new byte[size * 32];
        MerkleReplay.HashLeaves(leaves, hashes, 2);
        var sequential = MerkleReplay.RootFromLeaves(leaves);
        Assert.Equal(sequential, MerkleReplay.RootFromLeafHashes(hashes));
        Assert.Equal(sequential, MerkleReplay.RootFromLeafHashesParallel(hashes, 2));
        if (size <= TreeFixture.MaxSize)
        {
            Assert.Equal(ReferenceTree.Mth([.. leaves.Select(l => l.ToArray())], 0, size), sequential);
        }
    }

    [Fact]
    public void VerifyLeafHashes_OneLeafChanged_ReportsBothRoots()
    {
        var leaves = TestVectors.Generated(1000);
        var hashes = leaves.SelectMany(l => Rfc6962.HashLeaf(l)).ToArray();
        var root = MerkleReplay.RootFromLeafHashes(hashes);
        MerkleReplay.VerifyLeafHashes(hashes, root, 2);

        hashes[500 * 32] ^= 1;
        var ex = Assert.Throws<RootMismatchException>(() => MerkleReplay.VerifyLeafHashes(hashes, root));
        Assert.Equal(root, ex.ExpectedRoot);
        Assert.NotEqual(root, ex.ComputedRoot);
    }
}
