using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using TakedownFn.Domain.Cases;
using TakedownFn.Domain.Events;

namespace TakedownFn.Domain.Tests.Events;

public class EventIdsTests
{
    [Fact]
    public void For_SameInputs_SameIdEveryTime()
    {
        var first = EventIds.For("tenant-a|case-1", StepKind.ContentRemoved, "msg-42");
        var again = EventIds.For("tenant-a|case-1", StepKind.ContentRemoved, "msg-42");

        Assert.Equal(first, again);
    }

    [Theory]
    [InlineData("case-2", "content-removed", "msg-42")]
    [InlineData("case-1", "content-disabled", "msg-42")]
    [InlineData("case-1", "content-removed", "msg-43")]
    [InlineData("case-1", "content-removed", "")]
    [InlineData("Case-1", "content-removed", "msg-42")]
    public void For_AnyInputDiffers_IdDiffers(string caseId, string kind, string discriminator)
    {
        Assert.NotEqual(EventIds.For("case-1", "content-removed", "msg-42"), EventIds.For(caseId, kind, discriminator));
    }

    [Fact]
    public void For_SameCharactersSplitDifferently_IdDiffers()
    {
        Assert.NotEqual(EventIds.For("case-1", "ab", "c"), EventIds.For("case-1", "a", "bc"));
        Assert.NotEqual(EventIds.For("a:b", "kind", "c"), EventIds.For("a", "b:kind", "c"));
    }

    [Fact]
    public void For_StepKindOverload_UsesTheWireId()
    {
        Assert.Equal(EventIds.For("case-1", "evidence-preserved", "x"), EventIds.For("case-1", StepKind.EvidencePreserved, "x"));
    }

    [Fact]
    public void For_ManyDiscriminators_AllIdsDistinctAndKeySafe()
    {
        var ids = Enumerable.Range(0, 2_000).Select(i => EventIds.For("case/with#odd?chars\\", StepKind.NotifierInformed, i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();

        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id =>
        {
            Assert.Equal(EventIds.Length, id.Length);
            Assert.StartsWith("ev-", id, StringComparison.Ordinal);
            Assert.DoesNotContain(id, c => c is '/' or '\\' or '#' or '?' || char.IsControl(c) || char.IsUpper(c));
            Assert.True(EventIds.IsWellFormed(id));
        });
    }

    /// <summary>
    /// Ids already written must never change, so the derivation is checked against the documented
    /// layout (tag, then each field as a 4-byte big-endian length and UTF-8) with a separate base32 decoder.
    /// </summary>
    [Fact]
    public void For_Derivation_IsSha256OfTheDocumentedLayout()
    {
        var id = EventIds.For("t1/case-9", "case-closed", "第一次");

        var expected = new List<byte>(Encoding.ASCII.GetBytes("takedownfn:event:v1"));
        foreach (var field in new[] { "t1/case-9", "case-closed", "第一次" })
        {
            var bytes = Encoding.UTF8.GetBytes(field);
            var length = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
            expected.AddRange(length);
            expected.AddRange(bytes);
        }

        Assert.Equal(SHA256.HashData(expected.ToArray()), DecodeBase32(id["ev-".Length..]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ev-")]
    [InlineData("ev-abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrs1")]
    [InlineData("EV-abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrst")]
    [InlineData("ev-abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstu")]
    public void IsWellFormed_NotAnEventId_False(string? value)
    {
        Assert.False(EventIds.IsWellFormed(value));
    }

    [Fact]
    public void For_EmptyCaseOrKind_Throws()
    {
        Assert.Throws<ArgumentException>(() => EventIds.For("", "validated", ""));
        Assert.Throws<ArgumentException>(() => EventIds.For("case-1", "", ""));
    }

    [Fact]
    public void For_BrokenUnicode_ThrowsInsteadOfCollidingWithTheReplacementCharacter()
    {
        var lone = "case-" + (char)0xDC00;

        Assert.Throws<ArgumentException>(() => EventIds.For(lone, "validated", ""));
    }

    private static byte[] DecodeBase32(string text)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        var bits = new StringBuilder();
        foreach (var c in text)
        {
            bits.Append(Convert.ToString(alphabet.IndexOf(c, StringComparison.Ordinal), 2).PadLeft(5, '0'));
        }

        return Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.ToString(i * 8, 8), 2)).ToArray();
    }
}
