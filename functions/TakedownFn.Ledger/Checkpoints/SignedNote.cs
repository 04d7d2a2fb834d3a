using System.Buffers.Binary;

namespace TakedownFn.Ledger.Checkpoints;

/// <summary>One signature line of a signed note: key name, key ID and the algorithm's signature bytes.</summary>
public sealed record NoteSignature(string KeyName, uint KeyId, byte[] Signature);

/// <summary>
/// A note split per c2sp.org/signed-note: the text (ending in a newline) and its signature lines.
/// Parsing checks structure only; <see cref="CheckpointVerifier"/> checks the signatures.
/// </summary>
public sealed class SignedNote
{
    /// <summary>Em dash (U+2014) and a space: how every signature line starts.</summary>
    public const string SignatureLinePrefix = "\u2014 ";

    /// <summary>
    /// signed-note asks verifiers to bound the number of signatures and to accept at least 16; 100
    /// leaves room for many witnesses while keeping a hostile note from costing much.
    /// </summary>
    public const int MaxSignatures = 100;

    private SignedNote(string text, IReadOnlyList<NoteSignature> signatures)
    {
        Text = text;
        Signatures = signatures;
    }

    /// <summary>The signed text, including its final newline.</summary>
    public string Text { get; }

    /// <summary>The signature lines, in order.</summary>
    public IReadOnlyList<NoteSignature> Signatures { get; }

    /// <summary>Splits a note into text and signatures; throws <see cref="LedgerVerificationException"/> when malformed.</summary>
    public static SignedNote Parse(string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        for (int i = 0; i < note.Length; i++)
        {
            if (note[i] < 0x20 && note[i] != '\n')
            {
                throw new LedgerVerificationException($"note contains control character U+{(int)note[i]:X4} at offset {i}");
            }

            if (char.IsHighSurrogate(note[i]) && i + 1 < note.Length && char.IsLowSurrogate(note[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(note[i]))
            {
                // Signed notes must be valid UTF-8, which cannot encode a lone surrogate.
                throw new LedgerVerificationException($"note contains an unpaired surrogate at offset {i}");
            }
        }

        if (note.Length == 0 || note[^1] != '\n')
        {
            throw new LedgerVerificationException("note does not end with a newline");
        }

        // "The text is separated from the signatures by the last empty line in the note."
        int blank = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (blank < 0)
        {
            throw new LedgerVerificationException("note has no blank line between text and signatures");
        }

        string text = note[..(blank + 1)];
        if (blank + 2 == note.Length)
        {
            throw new LedgerVerificationException("note has no signature lines");
        }

        var lines = note[(blank + 2)..^1].Split('\n');
        if (lines.Length > MaxSignatures)
        {
            throw new LedgerVerificationException($"note has {lines.Length} signature lines, more than {MaxSignatures}");
        }

        var signatures = new NoteSignature[lines.Length];
        for (int i = 0; i < lines.Length; i++)
        {
            signatures[i] = ParseSignatureLine(lines[i], i + 1);
        }

        return new SignedNote(text, signatures);
    }

    private static NoteSignature ParseSignatureLine(string line, int number)
    {
        if (!line.StartsWith(SignatureLinePrefix, StringComparison.Ordinal))
        {
            throw new LedgerVerificationException($"signature line {number} does not start with an em dash and a space");
        }

        var parts = line[SignatureLinePrefix.Length..].Split(' ');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[0].Contains('+', StringComparison.Ordinal))
        {
            throw new LedgerVerificationException($"signature line {number} is not \"\u2014 <key name> <base64 signature>\"");
        }

        var payload = new byte[parts[1].Length];
        if (!Convert.TryFromBase64String(parts[1], payload, out int length))
        {
            throw new LedgerVerificationException($"signature line {number} has a signature that is not valid base64");
        }

        if (length < 5)
        {
            throw new LedgerVerificationException($"signature line {number} has {length} signature bytes, too few for a key ID and a signature");
        }

        return new NoteSignature(parts[0], BinaryPrimitives.ReadUInt32BigEndian(payload), payload[4..length]);
    }
}
