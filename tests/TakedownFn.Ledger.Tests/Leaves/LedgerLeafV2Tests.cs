using System.Text;
using TakedownFn.Ledger.Leaves;

namespace TakedownFn.Ledger.Tests.Leaves;

public class LedgerLeafV2Tests
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("tenant-a secret: 32 bytes or more!!");

    [Fact]
    public void FromCanonicalBytes_GoldenVersion1Leaf_ReadsAndHashesAsWritten()
    {
        // A leaf in the version 1 layout, its RFC 6962 leaf hash computed outside .NET.
        var bytes = File.ReadAllBytes(Path.Combine("golden", "leaf-v1-content-removed.json"));
        var hash = File.ReadAllText(Path.Combine("golden", "leaf-v1-content-removed.hash")).Trim();

        var leaf = LedgerLeaf.FromCanonicalBytes(bytes);

        Assert.Equal(1, leaf.Version);
        Assert.Null(leaf.DetailsDigest);
        Assert.Equal("content-removed", leaf.EventType);
        Assert.Equal(bytes, leaf.ToCanonicalBytes());
        Assert.Equal(hash, Convert.ToHexStringLower(leaf.LeafHash()));
    }

    [Fact]
    public void ToCanonicalBytes_Version2_BindsDigestAndFactsInClear()
    {
        var leaf = Sample();
        var json = Encoding.UTF8.GetString(leaf.ToCanonicalBytes());

        Assert.Equal(2, leaf.Version);
        Assert.Contains("\"version\":2", json, StringComparison.Ordinal);
        Assert.Contains("\"detailsDigest\":\"" + leaf.DetailsDigest + "\"", json, StringComparison.Ordinal);
        Assert.Contains("\"facts\":{\"category\":\"doxxing\",\"completes\":[\"act\"],\"regime\":\"cn-doxxing\",\"severity\":\"high\",\"stages\":[{\"completedAt\":\"2026-11-02T09:30:00.0000000Z\",\"dueAt\":\"2026-11-02T10:00:00.0000000Z\",\"stage\":\"act\",\"state\":\"met\"}],\"state\":\"actioned\",\"validation\":\"valid\"}", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane", json, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCanonicalBytes_Version2_RoundTrips()
    {
        var leaf = Sample();
        Assert.Equal(leaf, LedgerLeaf.FromCanonicalBytes(leaf.ToCanonicalBytes()));
    }

    [Fact]
    public void FromCanonicalBytes_Version2WithoutDigest_Rejected()
    {
        var json = Encoding.UTF8.GetString(Sample().ToCanonicalBytes());
        var start = json.IndexOf("\"detailsDigest\"", StringComparison.Ordinal);
        json = json.Remove(start, "\"detailsDigest\":\"\",".Length + 64);

        var ex = Assert.Throws<LedgerVerificationException>(() => LedgerLeaf.FromCanonicalBytes(Encoding.UTF8.GetBytes(json)));
        Assert.Contains("detailsDigest", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCanonicalBytes_MovedDeadline_DifferentLeafHash()
    {
        var leaf = Sample();
        var moved = leaf with { Facts = leaf.Facts! with { Stages = [leaf.Facts.Stages[0] with { DueAt = leaf.Facts.Stages[0].DueAt.AddSeconds(1) }] } };
        Assert.NotEqual(leaf.LeafHash(), moved.LeafHash());
    }

    [Fact]
    public void DetailsDigest_SameDetailsInAnyLayout_Same()
    {
        var salt = DetailsDigest.Salt(Secret, "e-1");
        Assert.Equal(DetailsDigest.Compute(salt, "{\"reason\":\"spam\",\"n\":1.0}"), DetailsDigest.Compute(salt, "{ \"n\": 1, \"reason\": \"spam\" }"));
    }

    [Theory]
    [InlineData("{\"reason\":\"spam.\"}", "e-1")]
    [InlineData("{\"reason\":\"spam\"}", "e-2")]
    public void DetailsDigest_OtherDetailsOrOtherStep_Differs(string details, string eventId)
    {
        var original = DetailsDigest.Compute(DetailsDigest.Salt(Secret, "e-1"), "{\"reason\":\"spam\"}");
        Assert.NotEqual(original, DetailsDigest.Compute(DetailsDigest.Salt(Secret, eventId), details));
    }

    [Fact]
    public void DetailsDigest_IsSha256OfCanonicalDetailsAndSalt()
    {
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("{\"details\":{\"a\":1},\"salt\":\"s\"}")));
        Assert.Equal(expected, DetailsDigest.Compute("s", "{\"a\":1}"));
    }

    private static LedgerLeaf Sample()
    {
        var at = new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);
        var details = "{\"notifierName\":\"Jane\"}";
        return new LedgerLeaf("e-1", "c-1", "content-removed", at, "takedownfn-default/1", new Dictionary<string, string>
        {
            ["details"] = Commitment.Compute(Secret, "details", details),
        })
        {
            DetailsDigest = DetailsDigest.Compute(DetailsDigest.Salt(Secret, "e-1"), details),
            Facts = new LeafFacts("cn-doxxing", "doxxing", "high", "valid", "actioned", [new LeafStage("act", at.AddMinutes(30), "met", at)], ["act"]),
        };
    }
}
