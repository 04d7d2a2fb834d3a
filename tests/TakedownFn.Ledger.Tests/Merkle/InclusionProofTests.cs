using TakedownFn.Ledger.Merkle;

namespace TakedownFn.Ledger.Tests.Merkle;

public class InclusionProofTests
{
    private static readonly TreeFixture Fixture = TreeFixture.Instance;

    [Fact]
    public async Task InclusionProofsAsync_SeveralIndexes_EqualEachProofAlone()
    {
        long[] indexes = [0, 7, 8, 100, 254, 7];
        var proofs = await MerkleProofs.InclusionProofsAsync(Fixture.Tree, indexes, 255);

        Assert.Equal(indexes.Length, proofs.Count);
        for (int i = 0; i < indexes.Length; i++)
        {
            Assert.Equal(await MerkleProofs.InclusionProofAsync(Fixture.Tree, indexes[i], 255), proofs[i]);
        }

        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await MerkleProofs.InclusionProofsAsync(Fixture.Tree, [3, 9], 9));
        Assert.StartsWith("index 9 is beyond size 9", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InclusionProofAsync_EveryIndexAndSizeUpTo256_MatchesReferenceAndVerifies()
    {
        for (int size = 1; size <= TreeFixture.MaxSize; size++)
        {
            for (int index = 0; index < size; index++)
            {
                var proof = await MerkleProofs.InclusionProofAsync(Fixture.Tree, index, size);
                var want = ReferenceTree.Path(index, Fixture.Leaves, 0, size);
                Assert.True(want.Count == proof.Count && want.Zip(proof).All(p => p.First.AsSpan().SequenceEqual(p.Second)), $"proof differs for index {index}, size {size}");
                MerkleVerifier.VerifyInclusion(index, size, Fixture.LeafHashes[index], proof, Fixture.Roots[size]);
            }
        }
    }

    [Fact]
    public async Task VerifyInclusion_AnySingleBitFlipUpToSize16_Rejected()
    {
        for (int size = 1; size <= 16; size++)
        {
            for (int index = 0; index < size; index++)
            {
                var proof = await MerkleProofs.InclusionProofAsync(Fixture.Tree, index, size);
                var leafHash = Fixture.LeafHashes[index];
                var root = Fixture.Roots[size];
                for (int bit = 0; bit < 256; bit++)
                {
                    AssertRejected(() => MerkleVerifier.VerifyInclusion(index, size, Flip(leafHash, bit), proof, root), $"leaf hash bit {bit}, index {index}, size {size}");
                    AssertRejected(() => MerkleVerifier.VerifyInclusion(index, size, leafHash, proof, Flip(root, bit)), $"root bit {bit}, index {index}, size {size}");
                    for (int element = 0; element < proof.Count; element++)
                    {
                        var corrupted = proof.ToArray();
                        corrupted[element] = Flip(proof[element], bit);
                        AssertRejected(() => MerkleVerifier.VerifyInclusion(index, size, leafHash, corrupted, root), $"proof[{element}] bit {bit}, index {index}, size {size}");
                    }
                }
            }
        }
    }

    [Fact]
    public async Task VerifyInclusion_TruncatedExtendedOrMovedProofUpToSize64_Rejected()
    {
        for (int size = 1; size <= 64; size++)
        {
            for (int index = 0; index < size; index++)
            {
                var proof = await MerkleProofs.InclusionProofAsync(Fixture.Tree, index, size);
                var leafHash = Fixture.LeafHashes[index];
                var root = Fixture.Roots[size];
                var where = $"index {index}, size {size}";
                if (proof.Count > 0)
                {
                    AssertRejected(() => MerkleVerifier.VerifyInclusion(index, size, leafHash, proof.Take(proof.Count - 1).ToArray(), root), "truncated " + where);
                    AssertRejected(() => MerkleVerifier.VerifyInclusion(index, size, leafHash, proof.Skip(1).ToArray(), root), "first removed " + where);
                }

                AssertRejected(() => MerkleVerifier.VerifyInclusion(index, size, leafHash, [.. proof, root], root), "root appended " + where);
                AssertRejected(() => MerkleVerifier.VerifyInclusion(index, size, leafHash, [root, .. proof], root), "root prepended " + where);
                AssertRejected(() => MerkleVerifier.VerifyInclusion(index, size, leafHash, [.. proof, new byte[32]], root), "zero hash appended " + where);
                AssertRejected(() => MerkleVerifier.VerifyInclusion(index, size, leafHash, [.. proof, []], root), "empty element appended " + where);
                AssertRejected(() => MerkleVerifier.VerifyInclusion(index + 1, size, leafHash, proof, root), "index + 1 " + where);
                AssertRejected(() => MerkleVerifier.VerifyInclusion(index ^ 1, size, leafHash, proof, root), "index ^ 1 " + where, allowValid: (index ^ 1) == index);
                AssertRejected(() => MerkleVerifier.VerifyInclusion(index, size * 2, leafHash, proof, root), "size * 2 " + where);
                if (index > 0)
                {
                    AssertRejected(() => MerkleVerifier.VerifyInclusion(index - 1, size, leafHash, proof, root), "index - 1 " + where);
                }

                if (index < size / 2)
                {
                    AssertRejected(() => MerkleVerifier.VerifyInclusion(index, size / 2, leafHash, proof, root), "size / 2 " + where);
                }

                if (size > 1)
                {
                    AssertRejected(() => MerkleVerifier.VerifyInclusion(index, size, Fixture.LeafHashes[(index + 1) % size], proof, root), "other leaf " + where);
                    if (proof.Count > 1)
                    {
                        AssertRejected(() => MerkleVerifier.VerifyInclusion(index, size, leafHash, [proof[1], proof[0], .. proof.Skip(2)], root), "swapped " + where);
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData(8, 8, "index 8 is beyond size 8")]
    [InlineData(9, 8, "index 9 is beyond size 8")]
    [InlineData(0, 0, "index 0 is beyond size 0")]
    [InlineData(-1, 8, "index -1 is negative")]
    [InlineData(0, -1, "size -1 is negative")]
    public void VerifyInclusion_IndexOutOfRange_RejectedWithMessage(long index, long size, string message)
    {
        var ex = Assert.Throws<LedgerVerificationException>(() => MerkleVerifier.VerifyInclusion(index, size, new byte[32], [], new byte[32]));
        Assert.Equal(message, ex.Message);
    }

    [Theory]
    [InlineData(0, 32, 32, "leaf hash is 0 bytes, want 32")]
    [InlineData(31, 32, 32, "leaf hash is 31 bytes, want 32")]
    [InlineData(33, 32, 32, "leaf hash is 33 bytes, want 32")]
    [InlineData(32, 31, 32, "root is 31 bytes, want 32")]
    [InlineData(32, 32, 33, "proof[0] is 33 bytes, want 32")]
    public void VerifyInclusion_WrongHashSize_RejectedWithMessage(int leafHashSize, int rootSize, int proofElementSize, string message)
    {
        var ex = Assert.Throws<LedgerVerificationException>(() =>
            MerkleVerifier.VerifyInclusion(0, 2, new byte[leafHashSize], [new byte[proofElementSize]], new byte[rootSize]));
        Assert.Equal(message, ex.Message);
    }

    [Theory]
    [InlineData(0, 0, "proof has 1 hashes, want 0")]
    [InlineData(5, 1, "proof has 1 hashes, want 3")]
    [InlineData(5, 4, "proof has 4 hashes, want 3")]
    [InlineData(6, 2, "proof has 2 hashes, want 3")]
    public void VerifyInclusion_MissingOrExtraElements_RejectedWithCount(long index, int count, string message)
    {
        long size = index == 0 ? 1 : 8;
        int proofCount = index == 0 ? 1 : count;
        var proof = Enumerable.Range(0, proofCount).Select(_ => new byte[32]).ToArray();
        var ex = Assert.Throws<LedgerVerificationException>(() => MerkleVerifier.VerifyInclusion(index, size, new byte[32], proof, new byte[32]));
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public async Task VerifyInclusion_WrongRoot_ReportsExpectedAndComputedRoot()
    {
        var proof = await MerkleProofs.InclusionProofAsync(Fixture.Tree, 3, 7);
        var wrongRoot = Fixture.Roots[6];
        var ex = Assert.Throws<RootMismatchException>(() => MerkleVerifier.VerifyInclusion(3, 7, Fixture.LeafHashes[3], proof, wrongRoot));
        Assert.Equal(wrongRoot, ex.ExpectedRoot);
        Assert.Equal(Fixture.Roots[7], ex.ComputedRoot);
        Assert.Equal($"computed root {TestVectors.Hex(Fixture.Roots[7])} does not match expected root {TestVectors.Hex(wrongRoot)}", ex.Message);
    }

    [Theory]
    [InlineData(5, 5)]
    [InlineData(-1, 5)]
    public async Task InclusionProofAsync_IndexOutOfRange_Throws(long index, long size)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await MerkleProofs.InclusionProofAsync(Fixture.Tree, index, size));
    }

    [Fact]
    public async Task InclusionProofAsync_SizeBeyondTree_ThrowsFromSource()
    {
        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await MerkleProofs.InclusionProofAsync(Fixture.Tree, 0, TreeFixture.MaxSize + 1));
        Assert.Contains("is not complete in a tree of size 256", ex.Message, StringComparison.Ordinal);
    }

    internal static byte[] Flip(byte[] hash, int bit)
    {
        var copy = (byte[])hash.Clone();
        copy[bit / 8] ^= (byte)(1 << (bit % 8));
        return copy;
    }

    internal static void AssertRejected(Action verify, string what, bool allowValid = false)
    {
        try
        {
            verify();
        }
        catch (LedgerVerificationException)
        {
            return;
        }

        Assert.True(allowValid, $"accepted a corrupted proof: {what}");
    }
}
