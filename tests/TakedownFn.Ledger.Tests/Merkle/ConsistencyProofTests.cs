using TakedownFn.Ledger.Merkle;
using static TakedownFn.Ledger.Tests.Merkle.InclusionProofTests;

namespace TakedownFn.Ledger.Tests.Merkle;

public class ConsistencyProofTests
{
    private static readonly TreeFixture Fixture = TreeFixture.Instance;

    [Fact]
    public async Task ConsistencyProofAsync_EverySizePairUpTo256_MatchesReferenceAndVerifies()
    {
        for (int size2 = 1; size2 <= TreeFixture.MaxSize; size2++)
        {
            for (int size1 = 1; size1 <= size2; size1++)
            {
                var proof = await MerkleProofs.ConsistencyProofAsync(Fixture.Tree, size1, size2);
                var want = ReferenceTree.Proof(size1, Fixture.Leaves, size2);
                Assert.True(want.Count == proof.Count && want.Zip(proof).All(p => p.First.AsSpan().SequenceEqual(p.Second)), $"proof differs for {size1} -> {size2}");
                MerkleVerifier.VerifyConsistency(size1, size2, Fixture.Roots[size1], Fixture.Roots[size2], proof);
            }
        }
    }

    [Fact]
    public async Task VerifyConsistency_AnySingleBitFlipUpToSize16_Rejected()
    {
        for (int size2 = 1; size2 <= 16; size2++)
        {
            for (int size1 = 1; size1 <= size2; size1++)
            {
                var proof = await MerkleProofs.ConsistencyProofAsync(Fixture.Tree, size1, size2);
                var root1 = Fixture.Roots[size1];
                var root2 = Fixture.Roots[size2];
                for (int bit = 0; bit < 256; bit++)
                {
                    var where = $"bit {bit}, {size1} -> {size2}";
                    AssertRejected(() => MerkleVerifier.VerifyConsistency(size1, size2, Flip(root1, bit), root2, proof), "root1 " + where);
                    AssertRejected(() => MerkleVerifier.VerifyConsistency(size1, size2, root1, Flip(root2, bit), proof), "root2 " + where);
                    for (int element = 0; element < proof.Count; element++)
                    {
                        var corrupted = proof.ToArray();
                        corrupted[element] = Flip(proof[element], bit);
                        AssertRejected(() => MerkleVerifier.VerifyConsistency(size1, size2, root1, root2, corrupted), $"proof[{element}] " + where);
                    }
                }
            }
        }
    }

    [Fact]
    public async Task VerifyConsistency_TruncatedExtendedOrResizedProofUpToSize64_Rejected()
    {
        for (int size2 = 2; size2 <= 64; size2++)
        {
            for (int size1 = 1; size1 < size2; size1++)
            {
                var proof = await MerkleProofs.ConsistencyProofAsync(Fixture.Tree, size1, size2);
                var root1 = Fixture.Roots[size1];
                var root2 = Fixture.Roots[size2];
                var where = $"{size1} -> {size2}";
                AssertRejected(() => MerkleVerifier.VerifyConsistency(size1, size2, root1, root2, proof.Take(proof.Count - 1).ToArray()), "truncated " + where);
                AssertRejected(() => MerkleVerifier.VerifyConsistency(size1, size2, root1, root2, proof.Skip(1).ToArray()), "first removed " + where);
                AssertRejected(() => MerkleVerifier.VerifyConsistency(size1, size2, root1, root2, []), "empty " + where);
                AssertRejected(() => MerkleVerifier.VerifyConsistency(size1, size2, root1, root2, [.. proof, root1]), "root1 appended " + where);
                AssertRejected(() => MerkleVerifier.VerifyConsistency(size1, size2, root1, root2, [root2, .. proof]), "root2 prepended " + where);
                AssertRejected(() => MerkleVerifier.VerifyConsistency(size1, size2, root1, root2, [proof[0], .. proof]), "proof[0] repeated " + where);
                AssertRejected(() => MerkleVerifier.VerifyConsistency(size1, size2, root2, root1, proof), "swapped roots " + where);
                AssertRejected(() => MerkleVerifier.VerifyConsistency(size1 + 1, size2, root1, root2, proof), "size1 + 1 " + where);
                AssertRejected(() => MerkleVerifier.VerifyConsistency(size1, size2 * 2, root1, root2, proof), "size2 * 2 " + where);
                if (size1 > 1)
                {
                    AssertRejected(() => MerkleVerifier.VerifyConsistency(size1 - 1, size2, root1, root2, proof), "size1 - 1 " + where);
                }

                if (size1 < size2 / 2)
                {
                    AssertRejected(() => MerkleVerifier.VerifyConsistency(size1, size2 / 2, root1, root2, proof), "size2 / 2 " + where);
                }
            }
        }
    }

    [Theory]
    [InlineData(0, 0, "size1 is 0; consistency is only defined from a non-empty tree")]
    [InlineData(0, 5, "size1 is 0; consistency is only defined from a non-empty tree")]
    [InlineData(9, 8, "size1 9 is beyond size2 8")]
    [InlineData(2, 1, "size1 2 is beyond size2 1")]
    [InlineData(-1, 8, "size1 -1 is negative")]
    [InlineData(1, -8, "size2 -8 is negative")]
    public void VerifyConsistency_BadSizes_RejectedWithMessage(long size1, long size2, string message)
    {
        var ex = Assert.Throws<LedgerVerificationException>(() => MerkleVerifier.VerifyConsistency(size1, size2, new byte[32], new byte[32], []));
        Assert.Equal(message, ex.Message);
    }

    [Theory]
    [InlineData(31, 32, 32, "root1 is 31 bytes, want 32")]
    [InlineData(32, 0, 32, "root2 is 0 bytes, want 32")]
    [InlineData(32, 32, 64, "proof[0] is 64 bytes, want 32")]
    public void VerifyConsistency_WrongHashSize_RejectedWithMessage(int root1Size, int root2Size, int proofElementSize, string message)
    {
        var ex = Assert.Throws<LedgerVerificationException>(() =>
            MerkleVerifier.VerifyConsistency(1, 2, new byte[root1Size], new byte[root2Size], [new byte[proofElementSize]]));
        Assert.Equal(message, ex.Message);
    }

    [Theory]
    [InlineData(4, 4, 1, "proof has 1 hashes, want 0")]
    [InlineData(4, 8, 0, "proof has 0 hashes, want 1")]
    [InlineData(3, 8, 3, "proof has 3 hashes, want 4")]
    [InlineData(3, 8, 5, "proof has 5 hashes, want 4")]
    public void VerifyConsistency_MissingOrExtraElements_RejectedWithCount(long size1, long size2, int count, string message)
    {
        var proof = Enumerable.Range(0, count).Select(_ => new byte[32]).ToArray();
        var ex = Assert.Throws<LedgerVerificationException>(() => MerkleVerifier.VerifyConsistency(size1, size2, new byte[32], new byte[32], proof));
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void VerifyConsistency_EqualSizesDifferentRoots_ReportsBothRoots()
    {
        var ex = Assert.Throws<RootMismatchException>(() => MerkleVerifier.VerifyConsistency(5, 5, Fixture.Roots[5], Fixture.Roots[4], []));
        Assert.Equal(Fixture.Roots[4], ex.ExpectedRoot);
        Assert.Equal(Fixture.Roots[5], ex.ComputedRoot);
    }

    [Fact]
    public async Task VerifyConsistency_ForkedLog_ReportsRoot2Mismatch()
    {
        // A log that rewrote leaf 6 after publishing size 5 can prove nothing about its new head.
        var forked = new InMemoryMerkleTree();
        for (int i = 0; i < 8; i++)
        {
            forked.AppendLeaf(i == 6 ? [0xff] : Fixture.Leaves[i]);
        }

        var proof = await MerkleProofs.ConsistencyProofAsync(Fixture.Tree, 5, 8);
        var ex = Assert.Throws<RootMismatchException>(() => MerkleVerifier.VerifyConsistency(5, 8, Fixture.Roots[5], forked.GetRoot(), proof));
        Assert.Equal("root2", ex.Label);
        Assert.Equal(Fixture.Roots[8], ex.ComputedRoot);
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(6, 5)]
    public async Task ConsistencyProofAsync_BadSizes_Throws(long size1, long size2)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await MerkleProofs.ConsistencyProofAsync(Fixture.Tree, size1, size2));
    }
}
