using System.Text;
using TakedownFn.Ledger.Leaves;

namespace TakedownFn.Ledger.Tests.Leaves;

public class LedgerLeafTests
{
    private static readonly byte[] TenantA = Encoding.UTF8.GetBytes("tenant-a secret: 32 bytes or more!!");
    private static readonly byte[] TenantB = Encoding.UTF8.GetBytes("tenant-b secret: 32 bytes or more!!");

    [Fact]
    public void ToCanonicalBytes_Leaf_IsSortedCompactJsonWithUtcTime()
    {
        var leaf = Sample(new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.FromHours(2)).AddTicks(1234567));
        var commitment = leaf.Commitments["complainant.email"];
        Assert.Equal(
            "{\"caseId\":\"case-7\",\"commitments\":{\"complainant.email\":\"" + commitment + "\"},\"eventId\":\"evt-42\",\"eventType\":\"notice.received\",\"policyVersion\":\"2025.1\",\"serverTime\":\"2025-03-01T08:00:00.1234567Z\",\"version\":1}",
            Encoding.UTF8.GetString(leaf.ToCanonicalBytes()));
    }

    [Fact]
    public void ToCanonicalBytes_SameLeafBuiltTwiceInAnyOrder_SameBytesAndHash()
    {
        var time = DateTimeOffset.UnixEpoch;
        var a = new LedgerLeaf("e", "c", "t", time, "p", new Dictionary<string, string> { ["x"] = new('a', 64), ["b"] = new('b', 64) });
        var b = new LedgerLeaf("e", "c", "t", time, "p", new Dictionary<string, string> { ["b"] = new('b', 64), ["x"] = new('a', 64) });
        Assert.Equal(a.ToCanonicalBytes(), b.ToCanonicalBytes());
        Assert.Equal(a.LeafHash(), b.LeafHash());
        Assert.Equal(a, b);
    }

    [Fact]
    public void FromCanonicalBytes_RoundTrip_EqualLeaf()
    {
        var leaf = Sample(DateTimeOffset.UnixEpoch.AddTicks(987654321));
        Assert.Equal(leaf, LedgerLeaf.FromCanonicalBytes(leaf.ToCanonicalBytes()));
    }

    [Theory]
    [InlineData(" ", "leaf is not in canonical form (RFC 8785) or has unknown members")]
    [InlineData("EXTRA", "leaf is not in canonical form (RFC 8785) or has unknown members")]
    [InlineData("VERSION3", "leaf version is not 1 or 2")]
    public void FromCanonicalBytes_NonCanonicalOrUnknown_Rejected(string change, string message)
    {
        var json = Encoding.UTF8.GetString(Sample(DateTimeOffset.UnixEpoch).ToCanonicalBytes());
        json = change switch
        {
            " " => json.Replace(",", ", ", StringComparison.Ordinal),
            "EXTRA" => json.Replace("\"version\":1", "\"version\":1,\"zzz\":\"raw@example.com\"", StringComparison.Ordinal),
            _ => json.Replace("\"version\":1", "\"version\":3", StringComparison.Ordinal),
        };
        var ex = Assert.Throws<LedgerVerificationException>(() => LedgerLeaf.FromCanonicalBytes(Encoding.UTF8.GetBytes(json)));
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Constructor_RawValueInsteadOfCommitment_Rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new LedgerLeaf("e", "c", "t", DateTimeOffset.UnixEpoch, "p", new Dictionary<string, string> { ["email"] = "jane@example.com" }));
        Assert.StartsWith("commitment for \"email\" is not 64 lower-case hex digits", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Commitment_DifferentTenantSecrets_Differ()
    {
        Assert.NotEqual(Commitment.Compute(TenantA, "email", "jane@example.com"), Commitment.Compute(TenantB, "email", "jane@example.com"));
    }

    [Fact]
    public void Commitment_IsHmacSha256OfFieldNulValue()
    {
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(TenantA, Encoding.UTF8.GetBytes("email\0jane@example.com")));
        Assert.Equal(expected, Commitment.Compute(TenantA, "email", "jane@example.com"));
    }

    [Fact]
    public void Commitment_FieldBoundaryShifted_Differs()
    {
        Assert.NotEqual(Commitment.Compute(TenantA, "ab", "c"), Commitment.Compute(TenantA, "a", "bc"));
        Assert.NotEqual(Commitment.Compute(TenantA, "email", "x"), Commitment.Compute(TenantA, "phone", "x"));
    }

    [Fact]
    public void Commitment_Matches_OnlyTheCommittedValue()
    {
        var commitment = Commitment.Compute(TenantA, "email", "jane@example.com");
        Assert.True(Commitment.Matches(TenantA, "email", "jane@example.com", commitment));
        Assert.False(Commitment.Matches(TenantA, "email", "jane@example.org", commitment));
        Assert.False(Commitment.Matches(TenantB, "email", "jane@example.com", commitment));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    public void Commitment_ShortSecret_Rejected(int length)
    {
        Assert.Throws<ArgumentException>(() => Commitment.Compute(new byte[length], "email", "x"));
    }

    [Fact]
    public void Leaf_WithCommitment_HoldsNoRawPersonalData()
    {
        var bytes = Encoding.UTF8.GetString(Sample(DateTimeOffset.UnixEpoch).ToCanonicalBytes());
        Assert.DoesNotContain("jane", bytes, StringComparison.OrdinalIgnoreCase);
    }

    private static LedgerLeaf Sample(DateTimeOffset time) =>
        new("evt-42", "case-7", "notice.received", time, "2025.1", new Dictionary<string, string>
        {
            ["complainant.email"] = Commitment.Compute(TenantA, "complainant.email", "jane@example.com"),
        });
}
