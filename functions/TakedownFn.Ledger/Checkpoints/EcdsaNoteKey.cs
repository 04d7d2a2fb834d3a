using System.Buffers.Binary;
using System.Security.Cryptography;

namespace TakedownFn.Ledger.Checkpoints;

/// <summary>
/// Our signed-note signature algorithm: ECDSA P-256 over SHA-256 of the note text, signature
/// DER-encoded (RFC 3279 Ecdsa-Sig-Value). This is signed-note's assigned type 0x02 ("ECDSA
/// signatures as implemented by github.com/transparency-dev/witness", also Sigstore Rekor's
/// checkpoints), and we follow that type's definition exactly so existing Go note verifiers accept
/// our checkpoints: the key ID is the first four bytes (big-endian) of SHA-256 of the DER
/// SubjectPublicKeyInfo, without the key name. Using type 0x02 with signed-note's generic
/// recommendation (SHA-256(name || 0x0A || 0x02 || key)) instead would give IDs that no other
/// 0x02 verifier matches.
/// </summary>
internal static class EcdsaNoteKey
{
    /// <summary>signed-note signature type byte for ECDSA (c2sp.org/signed-note, "Signature types").</summary>
    public const byte SignatureType = 0x02;

    private const string P256Oid = "1.2.840.10045.3.1.7";

    public static uint KeyId(ReadOnlySpan<byte> subjectPublicKeyInfo) =>
        BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(subjectPublicKeyInfo));

    public static byte[] Sign(ECDsa key, ReadOnlySpan<byte> text) =>
        key.SignData(text, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    public static bool Verify(ECDsa key, ReadOnlySpan<byte> text, ReadOnlySpan<byte> signature)
    {
        try
        {
            return key.VerifyData(text, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            // A signature that is not even DER is simply not a valid signature.
            return false;
        }
    }

    public static void RequireP256(ECDsa key)
    {
        var curve = key.ExportParameters(false).Curve;
        bool isP256 = curve.IsNamed && (curve.Oid.Value == P256Oid || curve.Oid.FriendlyName is "nistP256" or "ECDSA_P256" or "secp256r1" or "prime256v1");
        if (!isP256)
        {
            throw new CryptographicException($"key is on curve {curve.Oid.FriendlyName ?? curve.Oid.Value ?? "(unnamed)"}, want NIST P-256");
        }
    }

    /// <summary>signed-note key names: non-empty, no Unicode spaces, no '+'.</summary>
    public static void RequireKeyName(string keyName)
    {
        ArgumentNullException.ThrowIfNull(keyName);
        if (keyName.Length == 0 || keyName.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '+'))
        {
            throw new ArgumentException($"key name \"{keyName}\" must be non-empty and contain no spaces, control characters or '+'", nameof(keyName));
        }
    }
}
