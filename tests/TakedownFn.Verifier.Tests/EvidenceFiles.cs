using System.Security.Cryptography;
using TakedownFn.Ledger.Checkpoints;
using TakedownFn.Ledger.Export;
using TakedownFn.Ledger.Leaves;
using TakedownFn.Ledger.Merkle;

namespace TakedownFn.Verifier.Tests;

/// <summary>A signing key, its public PEM, a signed checkpoint and an export, written to a temporary folder.</summary>
public sealed class EvidenceFiles : IDisposable
{
    public const string Origin = "takedownfn.example/ledger/tenant-a";

    public EvidenceFiles()
    {
        Directory.CreateDirectory(Folder);
        var keys = LedgerKeyPair.Generate();
        Signer = NoteSigner.FromPem(Origin, keys.PrivateKeyPem);
        File.WriteAllText(PublicKey, keys.PublicKeyPem);
        File.WriteAllText(OtherPublicKey, LedgerKeyPair.Generate().PublicKeyPem);

        var secret = RandomNumberGenerator.GetBytes(32);
        Leaves = [.. Enumerable.Range(0, 25).Select(i => new LedgerLeaf(
            $"evt-{i}", $"case-{i % 4}", "notice.received", DateTimeOffset.UnixEpoch.AddMinutes(i), "2025.1",
            new Dictionary<string, string> { ["complainant.email"] = Commitment.Compute(secret, "complainant.email", $"person{i}@example.com") })
            .ToCanonicalBytes())];
        Root = MerkleReplay.RootFromLeaves(Leaves.Select(l => (ReadOnlyMemory<byte>)l));
        CheckpointNote = new CheckpointSigner(Signer).Sign(new Checkpoint(Origin, Leaves.Length, Root));
        File.WriteAllText(Checkpoint, CheckpointNote);
        File.WriteAllText(Export, WriteExport(Leaves, CheckpointNote));
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "takedownfn-verifier-" + Guid.NewGuid().ToString("n"));

    public NoteSigner Signer { get; }

    public byte[][] Leaves { get; }

    public byte[] Root { get; }

    public string CheckpointNote { get; }

    public string PublicKey => Path.Combine(Folder, "ledger.pub.pem");

    public string OtherPublicKey => Path.Combine(Folder, "other.pub.pem");

    public string Checkpoint => Path.Combine(Folder, "checkpoint.txt");

    public string Export => Path.Combine(Folder, "export.jsonl");

    public string Write(string name, string contents)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, contents);
        return path;
    }

    public static string WriteExport(IEnumerable<byte[]> leaves, string checkpointNote)
    {
        var output = new StringWriter();
        var writer = new LedgerExportWriter(output, Origin);
        writer.WriteHeaderAsync().GetAwaiter().GetResult();
        foreach (var leaf in leaves)
        {
            writer.WriteLeafAsync(leaf).GetAwaiter().GetResult();
        }

        writer.WriteCheckpointAsync(checkpointNote).GetAwaiter().GetResult();
        return output.ToString();
    }

    public void Dispose()
    {
        Signer.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
