using System.Text;

namespace TakedownFn.Ledger.Checkpoints;

/// <summary>
/// Verifies signed checkpoints against a set of trusted keys. Several keys may be trusted at once
/// (rotation); per signed-note, signatures by unknown keys are ignored, a known key's signature
/// that fails rejects the note, and at least one known key must have signed.
/// </summary>
public sealed class CheckpointVerifier
{
    private readonly IReadOnlyList<NoteVerifierKey> keys;

    public CheckpointVerifier(IEnumerable<NoteVerifierKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        this.keys = [.. keys];
        if (this.keys.Count == 0)
        {
            throw new ArgumentException("at least one verifier key is needed", nameof(keys));
        }
    }

    /// <summary>Verifies a note given as raw bytes, which must be valid UTF-8.</summary>
    public Checkpoint Verify(ReadOnlySpan<byte> note, string? expectedOrigin = null)
    {
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(note);
        }
        catch (DecoderFallbackException)
        {
            throw new LedgerVerificationException("note is not valid UTF-8");
        }

        return Verify(text, expectedOrigin);
    }

    /// <summary>
    /// Checks the note's structure and signatures, then parses the checkpoint it signs. With
    /// <paramref name="expectedOrigin"/>, a checkpoint of another log is rejected too.
    /// </summary>
    public Checkpoint Verify(string note, string? expectedOrigin = null)
    {
        var checkpoint = Checkpoint.ParseNoteText(VerifyNote(note));
        if (expectedOrigin is not null && checkpoint.Origin != expectedOrigin)
        {
            throw new LedgerVerificationException($"checkpoint origin \"{checkpoint.Origin}\" is not the expected \"{expectedOrigin}\"");
        }

        return checkpoint;
    }

    /// <summary>Checks a signed note's structure and signatures and returns the text they sign, whatever it says.</summary>
    public string VerifyNote(string note)
    {
        var signed = SignedNote.Parse(note);
        int verified = 0;
        foreach (var signature in signed.Signatures)
        {
            var key = keys.FirstOrDefault(k => k.Name == signature.KeyName && k.KeyId == signature.KeyId);
            if (key is null)
            {
                continue;
            }

            if (!key.Verify(signed.Text, signature.Signature))
            {
                throw new LedgerVerificationException($"signature by key {signature.KeyName} (id {signature.KeyId:x8}) does not verify");
            }

            verified++;
        }

        if (verified == 0)
        {
            var signers = string.Join(", ", signed.Signatures.Select(s => $"{s.KeyName} (id {s.KeyId:x8})"));
            throw new LedgerVerificationException($"no signature from a known key; signed by {signers}");
        }

        return signed.Text;
    }
}
