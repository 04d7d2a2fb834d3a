namespace TakedownFn.Verifier.Tests;

public sealed class ExportCommandTests(EvidenceFiles files) : IClassFixture<EvidenceFiles>
{
    [Fact]
    public async Task Export_IntactLog_ExitsZeroWithVerdict()
    {
        var (code, output, _) = await VerifierProcess.RunAsync("export", "--file", files.Export, "--key", files.PublicKey);
        Assert.Equal(0, code);
        Assert.Equal($"valid: export of {EvidenceFiles.Origin} replays 25 leaves to root {Convert.ToHexStringLower(files.Root)} signed by a trusted key", output.Trim());
    }

    [Fact]
    public async Task Export_OneLeafByteAltered_ExitsOneWithRootMismatch()
    {
        var leaves = files.Leaves.Select(l => (byte[])l.Clone()).ToArray();
        leaves[17][10] ^= 0x20;
        var path = files.Write("altered.jsonl", EvidenceFiles.WriteExport(leaves, files.CheckpointNote));
        var (code, _, error) = await VerifierProcess.RunAsync("export", "--file", path, "--key", files.PublicKey);
        Assert.Equal(1, code);
        Assert.StartsWith("invalid: computed root ", error.Trim(), StringComparison.Ordinal);
        Assert.EndsWith($"does not match expected root {Convert.ToHexStringLower(files.Root)}", error.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_LeafLineDeleted_ExitsOneNamingTheLeaf()
    {
        var lines = File.ReadAllLines(files.Export).ToList();
        lines.RemoveAt(8); // leaf 7
        var path = files.Write("missing.jsonl", string.Join('\n', lines) + "\n");
        var (code, _, error) = await VerifierProcess.RunAsync("export", "--file", path, "--key", files.PublicKey);
        Assert.Equal(1, code);
        Assert.Equal("invalid: line 9: leaf 7 is missing or out of order (found leaf 8)", error.Trim());
    }

    [Fact]
    public async Task Export_UntrustedKey_ExitsOne()
    {
        var (code, _, error) = await VerifierProcess.RunAsync("export", "--file", files.Export, "--key", files.OtherPublicKey);
        Assert.Equal(1, code);
        Assert.StartsWith("invalid: no signature from a known key", error.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_NotUtf8_ExitsOne()
    {
        var path = Path.Combine(files.Folder, "binary.jsonl");
        File.WriteAllBytes(path, [0xff, 0xfe, 0x00, (byte)'\n']);
        var (code, _, error) = await VerifierProcess.RunAsync("export", "--file", path, "--key", files.PublicKey);
        Assert.Equal(1, code);
        Assert.Equal("invalid: export is not valid UTF-8", error.Trim());
    }

    [Fact]
    public async Task Export_MissingFileOption_ExitsTwo()
    {
        var (code, _, error) = await VerifierProcess.RunAsync("export", "--key", files.PublicKey);
        Assert.Equal(2, code);
        Assert.StartsWith("usage error: --file is required", error, StringComparison.Ordinal);
    }
}
