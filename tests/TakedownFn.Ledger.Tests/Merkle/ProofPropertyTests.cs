using TakedownFn.Ledger.Merkle;

namespace TakedownFn.Ledger.Tests.Merkle;

/// <summary>
/// Random trees well past the exhaustively checked sizes. The seed is fixed so failures replay;
/// every assertion message carries it.
/// </summary>
public class ProofPropertyTests
{
    private const int Seed = 6962;
    private const int TreeSize = 20_000;
    private static readonly Lazy<(InMemoryMerkleTree Tree, byte[][] LeafHashes, byte[][] Roots)> Big = new(Build);

    [Fact]
    public async Task InclusionProof_RandomIndexAndSize_VerifiesAndRejectsOneFlippedBit()
    {
        var (tree, leafHashes, roots) = Big.Value;
        var random = new Random(Seed);
        for (int trial = 0; trial < 300; trial++)
        {
            long size = random.NextInt64(1, TreeSize + 1);
            long index = random.NextInt64(0, size);
            var where = $"seed {Seed}, trial {trial}: index {index}, size {size}";
            var proof = await MerkleProofs.InclusionProofAsync(tree, index, size);
            Assert.True(proof.Count <= 64 - long.LeadingZeroCount(size - 1), $"proof too long, {where}");
            var computed = MerkleVerifier.RootFromInclusionProof(index, size, leafHashes[index], proof);
            Assert.True(computed.AsSpan().SequenceEqual(roots[size]), $"wrong root, {where}");

            if (proof.Count > 0)
            {
                var corrupted = proof.ToArray();
                int element = random.Next(proof.Count);
                corrupted[element] = InclusionProofTests.Flip(proof[element], random.Next(256));
                InclusionProofTests.AssertRejected(() => MerkleVerifier.VerifyInclusion(index, size, leafHashes[index], corrupted, roots[size]), where);
            }
        }
    }

    [Fact]
    public async Task ConsistencyProof_RandomSizes_VerifiesAndRejectsOneFlippedBit()
    {
        var (tree, _, roots) = Big.Value;
        var random = new Random(Seed + 1);
        for (int trial = 0; trial < 300; trial++)
        {
            long size2 = random.NextInt64(1, TreeSize + 1);
            long size1 = random.NextInt64(1, size2 + 1);
            var where = $"seed {Seed + 1}, trial {trial}: {size1} -> {size2}";
            var proof = await MerkleProofs.ConsistencyProofAsync(tree, size1, size2);
            var ex = Record.Exception(() => MerkleVerifier.VerifyConsistency(size1, size2, roots[size1], roots[size2], proof));
            Assert.True(ex is null, $"{ex?.Message}, {where}");

            if (proof.Count > 0)
            {
                var corrupted = proof.ToArray();
                int element = random.Next(proof.Count);
                corrupted[element] = InclusionProofTests.Flip(proof[element], random.Next(256));
                InclusionProofTests.AssertRejected(() => MerkleVerifier.VerifyConsistency(size1, size2, roots[size1], roots[size2], corrupted), where);
            }
        }
    }

    [Fact]
    public void CompactRange_RestoredAtRandomSizes_ContinuesToSameRoot()
    {
        var (_, leafHashes, roots) = Big.Value;
        var random = new Random(Seed + 2);
        for (int trial = 0; trial < 20; trial++)
        {
            int cut = random.Next(0, TreeSize);
            int end = random.Next(cut, TreeSize + 1);
            var first = new CompactRange();
            for (int i = 0; i < cut; i++)
            {
                first.AppendLeafHash(leafHashes[i]);
            }

            var restored = CompactRange.Restore(first.Size, first.GetSubtreeRoots());
            for (int i = cut; i < end; i++)
            {
                restored.AppendLeafHash(leafHashes[i]);
            }

            Assert.True(restored.GetRoot().AsSpan().SequenceEqual(roots[end]), $"seed {Seed + 2}, trial {trial}: cut {cut}, end {end}");
        }
    }

    private static (InMemoryMerkleTree, byte[][], byte[][]) Build()
    {
        var tree = new InMemoryMerkleTree();
        var range = new CompactRange();
        var leafHashes = new byte[TreeSize][];
        var roots = new byte[TreeSize + 1][];
        roots[0] = range.GetRoot();
        for (int i = 0; i < TreeSize; i++)
        {
            leafHashes[i] = Rfc6962.HashLeaf(BitConverter.GetBytes(i));
            tree.AppendLeafHash(leafHashes[i]);
            range.AppendLeafHash(leafHashes[i]);
            roots[i + 1] = range.GetRoot();
        }

        return (tree, leafHashes, roots);
    }
}
