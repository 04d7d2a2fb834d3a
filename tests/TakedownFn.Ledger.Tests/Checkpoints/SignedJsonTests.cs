using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using TakedownFn.Ledger.Checkpoints;
using TakedownFn.Ledger.Leaves;

namespace TakedownFn.Ledger.Tests.Checkpoints;

public sealed class SignedJsonTests : IDisposable
{
    private const string Origin = "takedownfn.example/ledger/tenant-a";
    private readonly NoteSigner signer = NoteSigner.FromPem(Origin, LedgerKeyPair.Generate().PrivateKeyPem);

    /// <summary>Names out of order (UTF-16 order puts "Z" before "a" and "é" last), escapes, numbers, nulls, nested and empty arrays.</summary>
    private static JsonObject Document() => JsonNode.Parse("""
        { "é": 1, "steps": [ { "z": 1e21, "a": "line\u2028sep \"q\"" }, null, [ 2, [] ], 0.1 ], "Z": { "b": [], "a": -0 },
          "a": [], "signature": "not signed", "n": null }
        """)!.AsObject();

    [Fact]
    public void Sign_Document_EachLineIsTheSha256OfThatPartsRfc8785Form()
    {
        var document = Document();

        var text = SignedNote.Parse(SignedJson.Sign(signer, document, "evidence-bundle c1")).Text;

        var unsigned = Document();
        unsigned.Remove(SignedJson.SignatureMember);
        var expected = new StringBuilder($"{SignedJson.Header}\nevidence-bundle c1\n");
        foreach (var (name, value) in unsigned.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            expected.Append($"{name} {Digest(value)}\n");
            for (int i = 0; value is JsonArray array && i < array.Count; i++)
            {
                expected.Append($"{name}[{i}] {Digest(array[i])}\n");
            }
        }

        expected.Append($"* {Digest(unsigned)}\n");
        Assert.Equal(expected.ToString(), text);
    }

    [Fact]
    public void Verify_OneArrayElementChanged_NamesThatMember()
    {
        var document = Document();
        var note = SignedJson.Sign(signer, document, "evidence-bundle c1");
        var keys = new CheckpointVerifier([signer.GetVerifierKey()]);
        SignedJson.Verify(keys, note, document, "evidence-bundle c1");

        document["steps"]![2]![0] = 3;

        var e = Assert.Throws<LedgerVerificationException>(() => SignedJson.Verify(keys, note, document, "evidence-bundle c1"));
        Assert.Equal("bundle member steps differs from what was signed", e.Message);
    }

    public void Dispose() => signer.Dispose();

    private static string Digest(JsonNode? value) => Convert.ToBase64String(SHA256.HashData(JsonCanonicalizer.Canonicalize(value)));
}
