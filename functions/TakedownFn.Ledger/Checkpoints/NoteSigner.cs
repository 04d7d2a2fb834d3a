using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace TakedownFn.Ledger.Checkpoints;

/// <summary>
/// Signs note texts (c2sp.org/signed-note) with an ECDSA P-256 key under a key name. Owns the key.
/// </summary>
public sealed class NoteSigner : IDisposable
{
    private readonly ECDsa key;

    /// <summary>Takes ownership of <paramref name="privateKey"/>, which must be a P-256 private key.</summary>
    public NoteSigner(string keyName, ECDsa privateKey)
    {
        EcdsaNoteKey.RequireKeyName(keyName);
        ArgumentNullException.ThrowIfNull(privateKey);
        EcdsaNoteKey.RequireP256(privateKey);
        KeyName = keyName;
        key = privateKey;
        SubjectPublicKeyInfo = key.ExportSubjectPublicKeyInfo();
        KeyId = EcdsaNoteKey.KeyId(SubjectPublicKeyInfo);
    }

    /// <summary>The key name written on signature lines; for checkpoints, by convention the log's origin.</summary>
    public string KeyName { get; }

    /// <summary>The signed-note key ID (see <see cref="NoteVerifierKey"/> for how it is derived).</summary>
    public uint KeyId { get; }

    /// <summary>The public key, DER SubjectPublicKeyInfo.</summary>
    public byte[] SubjectPublicKeyInfo { get; }

    /// <summary>Loads a P-256 private key from PEM: PKCS#8 ("PRIVATE KEY") or SEC 1 ("EC PRIVATE KEY").</summary>
    public static NoteSigner FromPem(string keyName, string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var key = ECDsa.Create();
        try
        {
            if (!PemKeys.TryImportPrivateKey(key, pem))
            {
                throw new CryptographicException("no \"PRIVATE KEY\" or \"EC PRIVATE KEY\" PEM block found");
            }

            return new NoteSigner(keyName, key);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>The public half of this signer's key, for verifiers.</summary>
    public NoteVerifierKey GetVerifierKey() => NoteVerifierKey.FromSubjectPublicKeyInfo(KeyName, SubjectPublicKeyInfo);

    /// <summary>Returns the signed note: <paramref name="text"/>, a blank line, and this key's signature line.</summary>
    public string Sign(string text) => text + "\n" + SignatureLine(text);

    /// <summary>Returns just the signature line for <paramref name="text"/>, e.g. to add a cosignature.</summary>
    public string SignatureLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || text[^1] != '\n')
        {
            throw new ArgumentException("note text must end with a newline", nameof(text));
        }

        var signature = EcdsaNoteKey.Sign(key, Encoding.UTF8.GetBytes(text));
        var payload = new byte[4 + signature.Length];
        BinaryPrimitives.WriteUInt32BigEndian(payload, KeyId);
        signature.CopyTo(payload, 4);
        return $"{SignedNote.SignatureLinePrefix}{KeyName} {Convert.ToBase64String(payload)}\n";
    }

    public void Dispose() => key.Dispose();
}
