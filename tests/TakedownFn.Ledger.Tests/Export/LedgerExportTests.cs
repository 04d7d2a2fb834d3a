using System.Text;
using TakedownFn.Ledger.Checkpoints;
using TakedownFn.Ledger.Export;
using TakedownFn.Ledger.Merkle;

namespace TakedownFn.Ledger.Tests.Export;

public sealed class LedgerExportTests : IDisposable
{
    private const string Origin = "takedownfn.example/ledger/tenant-a";
    private readonly NoteSigner signer = NoteSigner.FromPem(Origin, LedgerKeyPair.Generate().PrivateKeyPem);
    private readonly byte[][] leaves = [.. Enumerable.Range(0, 10).Select(i => Encoding.UTF8.GetBytes($"{{\"event\":{i}}}"))];

    [Fact]
    public async Task VerifyAsync_WrittenExport_ReturnsSignedCheckpoint()
    {
        var export = await Write(leaves);

        var checkpoint = await Replay(export);

        Assert.Equal(10, checkpoint.TreeSize);
        Assert.Equal(Origin, checkpoint.Origin);
        Assert.Equal(MerkleReplay.RootFromLeaves(leaves.Select(l => (ReadOnlyMemory<byte>)l)), checkpoint.RootHash);
    }

    [Fact]
    public async Task WriteAndRead_Export_RoundTripsEveryLeafAndTheCheckpoint()
    {
        var export = await Write(leaves);
        Assert.StartsWith("{\"format\":\"takedownfn-ledger-export\",\"origin\":\"takedownfn.example/ledger/tenant-a\",\"version\":1}\n{\"index\":0,\"leaf\":\"", export, StringComparison.Ordinal);

        var reader = new LedgerExportReader(new StringReader(export));
        Assert.Equal(Origin, await reader.ReadHeaderAsync());
        for (int i = 0; i < leaves.Length; i++)
        {
            var record = await reader.ReadAsync();
            Assert.Equal(i, record!.Index);
            Assert.Equal(leaves[i], record.Leaf);
        }

        var last = await reader.ReadAsync();
        Assert.StartsWith(Origin + "\n10\n", last!.Checkpoint, StringComparison.Ordinal);
        Assert.Null(await reader.ReadAsync());
    }

    [Fact]
    public async Task VerifyAsync_EmptyLog_ValidWithEmptyRoot()
    {
        var checkpoint = await Replay(await Write([]));
        Assert.Equal(0, checkpoint.TreeSize);
        Assert.Equal(Rfc6962.EmptyRootHash(), checkpoint.RootHash);
    }

    [Fact]
    public async Task VerifyAsync_OneLeafByteAltered_RootMismatch()
    {
        var altered = leaves.Select(l => (byte[])l.Clone()).ToArray();
        var lines = Lines(await Write(leaves));
        altered[4][2] ^= 0x01;
        lines[5] = $"{{\"index\":4,\"leaf\":\"{Convert.ToBase64String(altered[4])}\"}}";

        var ex = await Assert.ThrowsAsync<RootMismatchException>(() => Replay(Join(lines)));
        Assert.Equal(MerkleReplay.RootFromLeaves(leaves.Select(l => (ReadOnlyMemory<byte>)l)), ex.ExpectedRoot);
        Assert.Equal(MerkleReplay.RootFromLeaves(altered.Select(l => (ReadOnlyMemory<byte>)l)), ex.ComputedRoot);
    }

    [Fact]
    public async Task VerifyAsync_MissingLeaf_ReportsItsIndex()
    {
        var lines = Lines(await Write(leaves));
        lines.RemoveAt(4); // leaf 3
        var ex = await Assert.ThrowsAsync<LedgerVerificationException>(() => Replay(Join(lines)));
        Assert.Equal("line 5: leaf 3 is missing or out of order (found leaf 4)", ex.Message);
    }

    [Fact]
    public async Task VerifyAsync_LastLeafMissing_ReportsSizeMismatch()
    {
        var lines = Lines(await Write(leaves));
        lines.RemoveAt(10); // leaf 9
        var ex = await Assert.ThrowsAsync<LedgerVerificationException>(() => Replay(Join(lines)));
        Assert.Equal("checkpoint tree size 10 does not match the 9 leaves in the export", ex.Message);
    }

    [Fact]
    public async Task VerifyAsync_TwoLinesSwapped_ReportsFirstOutOfOrderIndex()
    {
        var lines = Lines(await Write(leaves));
        (lines[3], lines[7]) = (lines[7], lines[3]); // leaves 2 and 6
        var ex = await Assert.ThrowsAsync<LedgerVerificationException>(() => Replay(Join(lines)));
        Assert.Equal("line 4: leaf 2 is missing or out of order (found leaf 6)", ex.Message);
    }

    [Fact]
    public async Task VerifyAsync_LeafContentsSwappedUnderTheirIndexes_RootMismatch()
    {
        var reordered = leaves.ToArray();
        (reordered[2], reordered[6]) = (reordered[6], reordered[2]);
        var lines = Lines(await Write(leaves));
        var relabelled = Lines(await Write(reordered));
        relabelled[^1] = lines[^1]; // the genuine checkpoint over the original order
        await Assert.ThrowsAsync<RootMismatchException>(() => Replay(Join(relabelled)));
    }

    [Fact]
    public async Task VerifyAsync_DuplicatedLeaf_Reported()
    {
        var lines = Lines(await Write(leaves));
        lines.Insert(4, lines[3]); // leaf 2 again
        var ex = await Assert.ThrowsAsync<LedgerVerificationException>(() => Replay(Join(lines)));
        Assert.Equal("line 5: leaf 2 appears twice", ex.Message);
    }

    [Fact]
    public async Task VerifyAsync_EarlierLeafRepeatedLater_ReportedOutOfOrder()
    {
        var lines = Lines(await Write(leaves));
        lines.Insert(6, lines[2]); // leaf 1 after leaf 4
        var ex = await Assert.ThrowsAsync<LedgerVerificationException>(() => Replay(Join(lines)));
        Assert.Equal("line 7: leaf 1 is out of order (expected leaf 5)", ex.Message);
    }

    [Fact]
    public async Task VerifyAsync_CheckpointForFewerLeaves_ReportsSizeMismatch()
    {
        var lines = Lines(await Write(leaves));
        lines[^1] = CheckpointLine(new Checkpoint(Origin, 9, MerkleReplay.RootFromLeaves(leaves.Take(9).Select(l => (ReadOnlyMemory<byte>)l))));
        var ex = await Assert.ThrowsAsync<LedgerVerificationException>(() => Replay(Join(lines)));
        Assert.Equal("checkpoint tree size 9 does not match the 10 leaves in the export", ex.Message);
    }

    [Fact]
    public async Task VerifyAsync_CheckpointWithOtherRoot_RootMismatch()
    {
        var lines = Lines(await Write(leaves));
        var wrongRoot = new byte[32];
        lines[^1] = CheckpointLine(new Checkpoint(Origin, 10, wrongRoot));
        var ex = await Assert.ThrowsAsync<RootMismatchException>(() => Replay(Join(lines)));
        Assert.Equal(wrongRoot, ex.ExpectedRoot);
    }

    [Fact]
    public async Task VerifyAsync_CheckpointOfAnotherLog_Rejected()
    {
        var lines = Lines(await Write(leaves));
        lines[0] = lines[0].Replace("tenant-a", "tenant-b", StringComparison.Ordinal);
        var ex = await Assert.ThrowsAsync<LedgerVerificationException>(() => Replay(Join(lines)));
        Assert.Equal($"checkpoint origin \"{Origin}\" is not the expected \"takedownfn.example/ledger/tenant-b\"", ex.Message);
    }

    [Fact]
    public async Task VerifyAsync_CheckpointSignedByUntrustedKey_Rejected()
    {
        var export = await Write(leaves);
        using var other = NoteSigner.FromPem(Origin, LedgerKeyPair.Generate().PrivateKeyPem);
        var ex = await Assert.ThrowsAsync<LedgerVerificationException>(() =>
            LedgerExportReplay.VerifyAsync(new StringReader(export), new CheckpointVerifier([other.GetVerifierKey()])));
        Assert.StartsWith("no signature from a known key", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "export is empty")]
    [InlineData("{\"format\":\"something-else\",\"origin\":\"o\",\"version\":1}\n", "line 1: not a takedownfn-ledger-export header")]
    [InlineData("{\"format\":\"takedownfn-ledger-export\",\"origin\":\"o\",\"version\":2}\n", "line 1: unsupported export version (this verifier reads version 1)")]
    [InlineData("{\"format\":\"takedownfn-ledger-export\",\"origin\":\"o\",\"version\":1}\n", "export ends without a checkpoint line")]
    [InlineData("{\"format\":\"takedownfn-ledger-export\",\"origin\":\"o\",\"version\":1}\n{\"index\":0,\"leaf\":\"!!\"}\n", "line 2: leaf 0 is not valid base64")]
    [InlineData("{\"format\":\"takedownfn-ledger-export\",\"origin\":\"o\",\"version\":1}\n{\"index\":0}\n", "line 2: leaf line must be {\"index\":<n>,\"leaf\":\"<base64>\"}")]
    [InlineData("{\"format\":\"takedownfn-ledger-export\",\"origin\":\"o\",\"version\":1}\n[]\n", "line 2: not a JSON object")]
    public async Task VerifyAsync_MalformedExport_RejectedWithReason(string export, string message)
    {
        var ex = await Assert.ThrowsAsync<LedgerVerificationException>(() => Replay(export));
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public async Task VerifyAsync_ContentAfterCheckpoint_Rejected()
    {
        var lines = Lines(await Write(leaves));
        lines.Add("{\"index\":10,\"leaf\":\"AA==\"}");
        var ex = await Assert.ThrowsAsync<LedgerVerificationException>(() => Replay(Join(lines)));
        Assert.Equal("line 13: content after the checkpoint", ex.Message);
    }

    [Fact]
    public async Task Writer_LeafAfterCheckpoint_Throws()
    {
        var writer = new LedgerExportWriter(new StringWriter(), Origin);
        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.WriteLeafAsync(new byte[1]));
        await writer.WriteHeaderAsync();
        await writer.WriteCheckpointAsync("x\n");
        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.WriteLeafAsync(new byte[1]));
    }

    public void Dispose() => signer.Dispose();

    private async Task<string> Write(byte[][] logLeaves)
    {
        var output = new StringWriter();
        var writer = new LedgerExportWriter(output, Origin);
        await writer.WriteHeaderAsync();
        foreach (var leaf in logLeaves)
        {
            await writer.WriteLeafAsync(leaf);
        }

        var root = MerkleReplay.RootFromLeaves(logLeaves.Select(l => (ReadOnlyMemory<byte>)l));
        await writer.WriteCheckpointAsync(new CheckpointSigner(signer).Sign(new Checkpoint(Origin, logLeaves.Length, root)));
        return output.ToString();
    }

    private string CheckpointLine(Checkpoint checkpoint)
    {
        var line = new StringBuilder();
        var writer = new LedgerExportWriter(new StringWriter(line), Origin);
        writer.WriteHeaderAsync().GetAwaiter().GetResult();
        writer.WriteCheckpointAsync(new CheckpointSigner(signer).Sign(checkpoint)).GetAwaiter().GetResult();
        return Lines(line.ToString())[^1];
    }

    private Task<Checkpoint> Replay(string export) =>
        LedgerExportReplay.VerifyAsync(new StringReader(export), new CheckpointVerifier([signer.GetVerifierKey()]));

    private static List<string> Lines(string export) => [.. export.Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    private static string Join(List<string> lines) => string.Join('\n', lines) + "\n";
}
