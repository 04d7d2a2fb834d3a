using System.Security.Cryptography;
using System.Text;

namespace TakedownFn.Ledger.Checkpoints;

/// <summary>
/// A trusted public key for verifying signed notes: key name, ECDSA P-256 public key and the
/// signed-note key ID derived from it. Key ID (our choice, signed-note type 0x02 as defined for
/// transparency-dev/witness and Rekor): the first four bytes, big-endian, of SHA-256 of the DER
/// SubjectPublicKeyInfo. Signature: ECDSA P-256 over SHA-256 of the note text, DER-encoded.
/// </summary>
public sealed class NoteVerifierKey
{
    private NoteVerifierKey(string name, byte[] subjectPublicKeyInfo)
    {
        Name = name;
        SubjectPublicKeyInfo = subjectPublicKeyInfo;
        KeyId = EcdsaNoteKey.KeyId(subjectPublicKeyInfo);
    }

    /// <summary>The key name expected on signature lines.</summary>
    public string Name { get; }

    /// <summary>The signed-note key ID.</summary>
    public uint KeyId { get; }

    /// <summary>The public key, DER SubjectPublicKeyInfo.</summary>
    public byte[] SubjectPublicKeyInfo { get; }

    /// <summary>Builds a key from DER SubjectPublicKeyInfo; the key must be on P-256.</summary>
    public static NoteVerifierKey FromSubjectPublicKeyInfo(string name, byte[] subjectPublicKeyInfo)
    {
        EcdsaNoteKey.RequireKeyName(name);
        ArgumentNullException.ThrowIfNull(subjectPublicKeyInfo);
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out int read);
        if (read != subjectPublicKeyInfo.Length)
        {
            throw new CryptographicException("trailing bytes after the SubjectPublicKeyInfo");
        }

        EcdsaNoteKey.RequireP256(key);

        // Re-export so the key ID is computed over the canonical DER, whatever was read.
        return new NoteVerifierKey(name, key.ExportSubjectPublicKeyInfo());
    }

    /// <summary>
    /// Loads every "PUBLIC KEY" (SubjectPublicKeyInfo) block in <paramref name="pem"/> under one key
    /// name: during a rotation the old and the new key are both trusted.
    /// </summary>
    public static IReadOnlyList<NoteVerifierKey> FromPem(string name, string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var keys = PemKeys.PublicKeys(pem).Select(der => FromSubjectPublicKeyInfo(name, der)).ToList();
        if (keys.Count == 0)
        {
            throw new CryptographicException("no \"PUBLIC KEY\" PEM block found");
        }

        return keys;
    }

    /// <summary>
    /// The key in the textual verifier-key form Go tooling reads (golang.org/x/mod/sumdb/note,
    /// transparency-dev/formats): name+hex key ID+base64(0x02 || SubjectPublicKeyInfo).
    /// </summary>
    public string ToNoteVerifierKeyString() =>
        $"{Name}+{KeyId:x8}+{Convert.ToBase64String([EcdsaNoteKey.SignatureType, .. SubjectPublicKeyInfo])}";

    internal bool Verify(string text, byte[] signature)
    {
        // Imported per call so the key holds no native handle and needs no disposing; checkpoints
        // are verified a few at a time, not in hot loops.
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(SubjectPublicKeyInfo, out _);
        return EcdsaNoteKey.Verify(key, Encoding.UTF8.GetBytes(text), signature);
    }
}
