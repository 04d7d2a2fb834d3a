using TakedownFn.Ledger.Merkle;

namespace TakedownFn.Ledger.Tests.Merkle;

/// <summary>
/// Proofs stored as text under golden/: the valid ones carry the proofs published with
/// transparency-dev/merkle, the corrupted ones the exact rejection an auditor must see.
/// </summary>
public class GoldenProofTests
{
    private static readonly string GoldenDirectory = Path.Combine(AppContext.BaseDirectory, "golden");

    public static TheoryData<string> Files =>
        [.. Directory.GetFiles(GoldenDirectory, "*.txt").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)];

    [Fact]
    public void Files_GoldenDirectory_HasValidAndCorruptedProofsOfBothKinds()
    {
        var files = Directory.GetFiles(GoldenDirectory, "*.txt").Select(File.ReadAllText).ToList();
        Assert.Contains(files, f => f.Contains("kind: inclusion", StringComparison.Ordinal) && f.Contains("want: valid", StringComparison.Ordinal));
        Assert.Contains(files, f => f.Contains("kind: inclusion", StringComparison.Ordinal) && f.Contains("want: error", StringComparison.Ordinal));
        Assert.Contains(files, f => f.Contains("kind: consistency", StringComparison.Ordinal) && f.Contains("want: valid", StringComparison.Ordinal));
        Assert.Contains(files, f => f.Contains("kind: consistency", StringComparison.Ordinal) && f.Contains("want: error", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Verify_GoldenFile_GivesRecordedOutcome(string name)
    {
        var golden = GoldenFile.Read(Path.Combine(GoldenDirectory, name + ".txt"));
        var error = Record.Exception(() => Verify(golden));
        if (golden.Want == "valid")
        {
            Assert.Null(error);

            // The proof we build ourselves over the same leaves must be byte-for-byte the published one.
            var built = await Build(golden);
            Assert.Equal(golden.Proof.Select(TestVectors.Hex), built.Select(TestVectors.Hex));
        }
        else
        {
            var rejection = Assert.IsAssignableFrom<LedgerVerificationException>(error);
            Assert.Equal(golden.Want["error ".Length..], rejection.Message);
        }
    }

    private static void Verify(GoldenFile golden)
    {
        if (golden.Kind == "inclusion")
        {
            MerkleVerifier.VerifyInclusion(golden.Long("index"), golden.Long("size"), golden.Hash("leaf-hash"), golden.Proof, golden.Hash("root"));
        }
        else
        {
            MerkleVerifier.VerifyConsistency(golden.Long("size1"), golden.Long("size2"), golden.Hash("root1"), golden.Hash("root2"), golden.Proof);
        }
    }

    private static async Task<IReadOnlyList<byte[]>> Build(GoldenFile golden)
    {
        var tree = new InMemoryMerkleTree();
        foreach (var leaf in TestVectors.Leaves)
        {
            tree.AppendLeaf(leaf);
        }

        return golden.Kind == "inclusion"
            ? await MerkleProofs.InclusionProofAsync(tree, golden.Long("index"), golden.Long("size"))
            : await MerkleProofs.ConsistencyProofAsync(tree, golden.Long("size1"), golden.Long("size2"));
    }

    private sealed record GoldenFile(string Kind, Dictionary<string, string> Fields, byte[][] Proof, string Want)
    {
        public static GoldenFile Read(string path)
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            var proof = new List<byte[]>();
            foreach (var line in File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')))
            {
                int colon = line.IndexOf(": ", StringComparison.Ordinal);
                var (key, value) = (line[..colon], line[(colon + 2)..]);
                if (key == "proof")
                {
                    proof.Add(Convert.FromHexString(value));
                }
                else
                {
                    fields.Add(key, value);
                }
            }

            return new GoldenFile(fields["kind"], fields, [.. proof], fields["want"]);
        }

        public long Long(string key) => long.Parse(Fields[key], System.Globalization.CultureInfo.InvariantCulture);

        public byte[] Hash(string key) => Convert.FromHexString(Fields[key]);
    }
}
