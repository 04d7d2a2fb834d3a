using TakedownFn.Ledger.Checkpoints;

namespace TakedownFn.Verifier.Tests;

public sealed class CheckpointCommandTests(EvidenceFiles files) : IClassFixture<EvidenceFiles>
{
    [Fact]
    public async Task Checkpoint_SignedByTrustedKey_ExitsZeroWithVerdict()
    {
        var (code, output, _) = await VerifierProcess.RunAsync("checkpoint", "--file", files.Checkpoint, "--key", files.PublicKey);
        Assert.Equal(0, code);
        Assert.Equal($"valid: checkpoint {EvidenceFiles.Origin} size 25 root {Convert.ToHexStringLower(files.Root)} is signed by a trusted key", output.Trim());
    }

    [Fact]
    public async Task Checkpoint_KeyFileWithOldAndNewKey_ExitsZero()
    {
        var both = files.Write("rotation.pem", File.ReadAllText(files.OtherPublicKey) + File.ReadAllText(files.PublicKey));
        var (code, _, _) = await VerifierProcess.RunAsync("checkpoint", "--file", files.Checkpoint, "--key", both);
        Assert.Equal(0, code);
    }

    [Fact]
    public async Task Checkpoint_TreeSizeEdited_ExitsOneBadSignature()
    {
        var tampered = files.Write("tampered.txt", files.CheckpointNote.Replace("\n25\n", "\n24\n", StringComparison.Ordinal));
        var (code, _, error) = await VerifierProcess.RunAsync("checkpoint", "--file", tampered, "--key", files.PublicKey);
        Assert.Equal(1, code);
        Assert.Equal($"invalid: signature by key {EvidenceFiles.Origin} (id {files.Signer.KeyId:x8}) does not verify", error.Trim());
    }

    [Fact]
    public async Task Checkpoint_UntrustedKey_ExitsOne()
    {
        var (code, _, error) = await VerifierProcess.RunAsync("checkpoint", "--file", files.Checkpoint, "--key", files.OtherPublicKey);
        Assert.Equal(1, code);
        Assert.Equal($"invalid: no signature from a known key; signed by {EvidenceFiles.Origin} (id {files.Signer.KeyId:x8})", error.Trim());
    }

    [Fact]
    public async Task Checkpoint_TrailingNewlineMissing_ExitsOne()
    {
        var truncated = files.Write("truncated.txt", files.CheckpointNote[..^1]);
        var (code, _, error) = await VerifierProcess.RunAsync("checkpoint", "--file", truncated, "--key", files.PublicKey);
        Assert.Equal(1, code);
        Assert.Equal("invalid: note does not end with a newline", error.Trim());
    }

    [Fact]
    public async Task Checkpoint_WindowsLineEndings_ExitsOne()
    {
        var crlf = files.Write("crlf.txt", files.CheckpointNote.Replace("\n", "\r\n", StringComparison.Ordinal));
        var (code, _, error) = await VerifierProcess.RunAsync("checkpoint", "--file", crlf, "--key", files.PublicKey);
        Assert.Equal(1, code);
        Assert.StartsWith("invalid: note contains control character U+000D", error.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checkpoint_KeyNameOverride_MustMatchSignatureLine()
    {
        var (code, _, error) = await VerifierProcess.RunAsync("checkpoint", "--file", files.Checkpoint, "--key", files.PublicKey, "--key-name", "someone.else/key");
        Assert.Equal(1, code);
        Assert.StartsWith("invalid: no signature from a known key", error.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checkpoint_MissingOrUnusableKeyFile_ExitsTwo()
    {
        var (missing, _, missingError) = await VerifierProcess.RunAsync("checkpoint", "--file", files.Checkpoint, "--key", files.PublicKey + ".nope");
        Assert.Equal(2, missing);
        Assert.StartsWith("usage error: cannot read", missingError, StringComparison.Ordinal);

        var privateOnly = files.Write("private.pem", LedgerKeyPair.Generate().PrivateKeyPem);
        var (unusable, _, unusableError) = await VerifierProcess.RunAsync("checkpoint", "--file", files.Checkpoint, "--key", privateOnly);
        Assert.Equal(2, unusable);
        Assert.StartsWith("usage error: key file cannot be used: no \"PUBLIC KEY\" PEM block found", unusableError, StringComparison.Ordinal);
    }
}
