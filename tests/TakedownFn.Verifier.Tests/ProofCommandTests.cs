using TakedownFn.Ledger.Merkle;

namespace TakedownFn.Verifier.Tests;

public class ProofCommandTests
{
    // transparency-dev/merkle reference leaves and published proofs.
    private static readonly byte[][] Leaves =
        [.. new[] { "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f" }.Select(Convert.FromHexString)];

    private const string Root8 = "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328";
    private const string Root6 = "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef";
    private const string Proof5Of8 = "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b,ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0,d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7";
    private const string Proof6To8 = "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a,ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0,d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7";

    private static string LeafHash5 => Convert.ToHexStringLower(Rfc6962.HashLeaf(Leaves[5]));

    [Fact]
    public async Task Inclusion_ValidProof_ExitsZeroWithVerdict()
    {
        var (code, output, _) = await VerifierProcess.RunAsync("inclusion", "--leaf-hash", LeafHash5, "--index", "5", "--size", "8", "--root", Root8, "--proof", Proof5Of8);
        Assert.Equal(0, code);
        Assert.Equal("valid: leaf 5 is included in tree of size 8", output.Trim());
    }

    [Fact]
    public async Task Inclusion_OneBitFlippedInProof_ExitsOneWithBothRoots()
    {
        var corrupted = "bd" + Proof5Of8[2..];
        var (code, _, error) = await VerifierProcess.RunAsync("inclusion", "--leaf-hash", LeafHash5, "--index", "5", "--size", "8", "--root", Root8, "--proof", corrupted);
        Assert.Equal(1, code);
        Assert.StartsWith("invalid: computed root ", error.Trim(), StringComparison.Ordinal);
        Assert.EndsWith($"does not match expected root {Root8}", error.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inclusion_IndexBeyondSize_ExitsOne()
    {
        var (code, _, error) = await VerifierProcess.RunAsync("inclusion", "--leaf-hash", LeafHash5, "--index", "9", "--size", "8", "--root", Root8, "--proof", Proof5Of8);
        Assert.Equal(1, code);
        Assert.Equal("invalid: index 9 is beyond size 8", error.Trim());
    }

    [Fact]
    public async Task Inclusion_ProofMissingAnElement_ExitsOne()
    {
        var (code, _, error) = await VerifierProcess.RunAsync("inclusion", "--leaf-hash", LeafHash5, "--index", "5", "--size", "8", "--root", Root8, "--proof", Proof5Of8[..129]);
        Assert.Equal(1, code);
        Assert.Equal("invalid: proof has 2 hashes, want 3", error.Trim());
    }

    [Fact]
    public async Task Consistency_ValidProof_ExitsZeroWithVerdict()
    {
        var (code, output, _) = await VerifierProcess.RunAsync("consistency", "--size1", "6", "--size2", "8", "--root1", Root6, "--root2", Root8, "--proof", Proof6To8);
        Assert.Equal(0, code);
        Assert.Equal("valid: tree of size 6 is consistent with tree of size 8", output.Trim());
    }

    [Fact]
    public async Task Consistency_RootsSwapped_ExitsOne()
    {
        var (code, _, error) = await VerifierProcess.RunAsync("consistency", "--size1", "6", "--size2", "8", "--root1", Root8, "--root2", Root6, "--proof", Proof6To8);
        Assert.Equal(1, code);
        Assert.Equal($"invalid: computed root1 {Root6} does not match expected root1 {Root8}", error.Trim());
    }

    [Fact]
    public async Task Consistency_FromEmptyTree_ExitsOne()
    {
        var (code, _, error) = await VerifierProcess.RunAsync("consistency", "--size1", "0", "--size2", "8", "--root1", Root6, "--root2", Root8);
        Assert.Equal(1, code);
        Assert.Equal("invalid: size1 is 0; consistency is only defined from a non-empty tree", error.Trim());
    }

    [Theory]
    [InlineData("usage error: no command given")]
    [InlineData("usage error: unknown command \"prove\"", "prove")]
    [InlineData("usage error: --root is required", "inclusion", "--leaf-hash", "00", "--index", "0", "--size", "1")]
    [InlineData("usage error: --root \"xyz\" is not hex", "inclusion", "--leaf-hash", "00", "--index", "0", "--size", "1", "--root", "xyz")]
    [InlineData("usage error: --size \"eight\" is not a whole number", "inclusion", "--leaf-hash", "00", "--index", "0", "--size", "eight", "--root", "00")]
    [InlineData("usage error: unknown option --leaf", "inclusion", "--leaf", "00")]
    [InlineData("usage error: --index given twice", "inclusion", "--index", "1", "--index", "2")]
    public async Task AnyCommand_BadCommandLine_ExitsTwoWithUsage(string message, params string[] args)
    {
        var (code, _, error) = await VerifierProcess.RunAsync(args);
        Assert.Equal(2, code);
        Assert.Equal(message, error.Split('\n')[0].Trim());
        Assert.Contains("usage: TakedownFn.Verifier <command> [options]", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_PrintsUsageAndExitsZero()
    {
        var (code, output, _) = await VerifierProcess.RunAsync("--help");
        Assert.Equal(0, code);
        Assert.Contains("exit codes: 0 valid, 1 invalid", output, StringComparison.Ordinal);
    }
}
