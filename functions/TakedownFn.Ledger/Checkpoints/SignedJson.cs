using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using TakedownFn.Ledger.Leaves;

namespace TakedownFn.Ledger.Checkpoints;

/// <summary>
/// A detached signature over a JSON document (an evidence bundle): a signed note, by the ledger's
/// key, whose text names what it signs and lists the SHA-256 of the RFC 8785 form of each top-level
/// member (and of each element of a top-level array), then of the whole document without the
/// signature member. The whole-document line is the signature over the RFC 8785 form; the member
/// lines let a verifier say which part was changed after signing.
/// </summary>
public static class SignedJson
{
    /// <summary>First line of every note this type writes.</summary>
    public const string Header = "takedownfn signed json v1";

    /// <summary>The member that holds the signature; never itself signed.</summary>
    public const string SignatureMember = "signature";

    private const string WholeDocument = "*";

    /// <summary>Returns the signed note for <paramref name="document"/> (its signature member ignored) about <paramref name="subject"/>.</summary>
    public static string Sign(NoteSigner signer, JsonObject document, string subject)
    {
        ArgumentNullException.ThrowIfNull(signer);
        return signer.Sign(NoteText(document, subject));
    }

    /// <summary>
    /// Checks that <paramref name="note"/> is signed by a trusted key, is about
    /// <paramref name="subject"/>, and signs exactly <paramref name="document"/>; otherwise throws
    /// naming the first member that differs.
    /// </summary>
    public static void Verify(CheckpointVerifier keys, string note, JsonObject document, string subject)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var signed = keys.VerifyNote(note).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var actual = NoteText(document, subject).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (signed.Length < 2 || signed[0] != Header)
        {
            throw new LedgerVerificationException("the signature is not a signed JSON note");
        }

        if (signed[1] != actual[1])
        {
            throw new LedgerVerificationException($"the signature is for \"{signed[1]}\", not \"{actual[1]}\"");
        }

        var expected = Digests(signed);
        var computed = Digests(actual);
        foreach (var (name, digest) in computed)
        {
            if (name == WholeDocument)
            {
                continue;
            }

            if (!expected.TryGetValue(name, out var signedDigest))
            {
                throw new LedgerVerificationException($"bundle member {name} was not signed");
            }

            if (signedDigest != digest)
            {
                throw new LedgerVerificationException($"bundle member {name} differs from what was signed");
            }
        }

        if (expected.Keys.FirstOrDefault(k => !computed.ContainsKey(k)) is { } missing)
        {
            throw new LedgerVerificationException($"signed bundle member {missing} is missing");
        }

        if (expected.GetValueOrDefault(WholeDocument) != computed[WholeDocument])
        {
            throw new LedgerVerificationException("the bundle's RFC 8785 form differs from what was signed");
        }
    }

    private static string NoteText(JsonObject document, string subject)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (string.IsNullOrEmpty(subject) || subject.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException("subject must be one non-empty line", nameof(subject));
        }

        var unsigned = (JsonObject)document.DeepClone();
        unsigned.Remove(SignatureMember);
        var text = new StringBuilder().Append(Header).Append('\n').Append(subject).Append('\n');
        foreach (var (name, value) in unsigned.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append(' ').Append(Digest(value)).Append('\n');
            if (value is JsonArray array)
            {
                for (int i = 0; i < array.Count; i++)
                {
                    text.Append(name).Append('[').Append(i).Append("] ").Append(Digest(array[i])).Append('\n');
                }
            }
        }

        return text.Append(WholeDocument).Append(' ').Append(Digest(unsigned)).Append('\n').ToString();
    }

    private static Dictionary<string, string> Digests(string[] lines) =>
        lines.Skip(2).Select(l => l.Split(' ')).Where(p => p.Length == 2).GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);

    private static string Digest(JsonNode? value) => Convert.ToBase64String(SHA256.HashData(JsonCanonicalizer.Canonicalize(value)));
}
