using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
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

        // The document is read once and every member (and array element) canonicalized once; the
        // forms of arrays and of the whole document are joined from those pieces exactly as
        // RFC 8785 joins them (§3.2.3: members in UTF-16 code unit order), instead of
        // canonicalizing a 50-step bundle three times over (whole, member, element).
        using var parsed = JsonDocument.Parse(document.ToJsonString());
        var members = parsed.RootElement.EnumerateObject()
            .Where(m => m.Name != SignatureMember)
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .ToList();
        var text = new StringBuilder().Append(Header).Append('\n').Append(subject).Append('\n');
        var whole = new MemoryStream();
        whole.WriteByte((byte)'{');
        foreach (var member in members)
        {
            byte[] canonical;
            if (member.Value.ValueKind == JsonValueKind.Array)
            {
                var elements = member.Value.EnumerateArray().Select(JsonCanonicalizer.Canonicalize).ToList();
                canonical = Join((byte)'[', elements, (byte)']');
                text.Append(member.Name).Append(' ').Append(Digest(canonical)).Append('\n');
                for (int i = 0; i < elements.Count; i++)
                {
                    text.Append(member.Name).Append('[').Append(i).Append("] ").Append(Digest(elements[i])).Append('\n');
                }
            }
            else
            {
                canonical = JsonCanonicalizer.Canonicalize(member.Value);
                text.Append(member.Name).Append(' ').Append(Digest(canonical)).Append('\n');
            }

            if (whole.Length > 1)
            {
                whole.WriteByte((byte)',');
            }

            whole.Write(JsonCanonicalizer.CanonicalString(member.Name));
            whole.WriteByte((byte)':');
            whole.Write(canonical);
        }

        whole.WriteByte((byte)'}');
        return text.Append(WholeDocument).Append(' ').Append(Digest(whole.ToArray())).Append('\n').ToString();
    }

    private static byte[] Join(byte open, List<byte[]> items, byte close)
    {
        var joined = new byte[2 + items.Sum(i => i.Length) + Math.Max(0, items.Count - 1)];
        int at = 0;
        joined[at++] = open;
        for (int i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                joined[at++] = (byte)',';
            }

            items[i].CopyTo(joined, at);
            at += items[i].Length;
        }

        joined[at] = close;
        return joined;
    }

    private static Dictionary<string, string> Digests(string[] lines) =>
        lines.Skip(2).Select(l => l.Split(' ')).Where(p => p.Length == 2).GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);

    private static string Digest(byte[] canonical) => Convert.ToBase64String(SHA256.HashData(canonical));
}
