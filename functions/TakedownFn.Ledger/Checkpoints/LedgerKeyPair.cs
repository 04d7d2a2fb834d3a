using System.Security.Cryptography;

namespace TakedownFn.Ledger.Checkpoints;

/// <summary>A freshly generated checkpoint signing key pair as PEM: PKCS#8 private key, SubjectPublicKeyInfo public key.</summary>
public sealed record LedgerKeyPair(string PrivateKeyPem, string PublicKeyPem)
{
    /// <summary>Generates a new ECDSA P-256 key pair.</summary>
    public static LedgerKeyPair Generate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        // Trailing newlines so the files concatenate into a valid multi-key PEM (rotation).
        return new LedgerKeyPair(key.ExportPkcs8PrivateKeyPem() + "\n", key.ExportSubjectPublicKeyInfoPem() + "\n");
    }

    // The private key must not end up in logs through the record's generated ToString.
    public override string ToString() => $"LedgerKeyPair {{ PublicKeyPem = {PublicKeyPem} }}";
}
