using TakedownFn.Ledger.Checkpoints;

namespace TakedownFn.Storage.Ledger;

/// <summary>
/// The checkpoint signing key and the verification keys published next to it. Each tenant's log
/// has its own origin, and by the verifier's convention the key name on signature lines is the
/// origin, so signers and verifier keys are made per tenant from the same PEM.
/// </summary>
public sealed class LedgerSigningKeys
{
    private readonly string signingKeyPem;
    private readonly string verificationKeysPem;

    /// <param name="signingKeyPem">The P-256 private key (PKCS#8 or SEC 1 PEM).</param>
    /// <param name="extraVerificationKeysPem">Further public keys to publish (e.g. the previous key during a rotation).</param>
    /// <param name="originPrefix">The origin of tenant t's log is <c>{originPrefix}/{t}</c>.</param>
    public LedgerSigningKeys(string signingKeyPem, string? extraVerificationKeysPem, string originPrefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingKeyPem);
        ArgumentException.ThrowIfNullOrEmpty(originPrefix);
        this.signingKeyPem = signingKeyPem;
        OriginPrefix = originPrefix.TrimEnd('/');
        using var signer = NoteSigner.FromPem(OriginPrefix, signingKeyPem);
        SigningKeyId = signer.KeyId;
        var own = signer.GetVerifierKey();
        var publicPem = System.Security.Cryptography.PemEncoding.WriteString("PUBLIC KEY", own.SubjectPublicKeyInfo) + "\n";
        var extra = string.IsNullOrWhiteSpace(extraVerificationKeysPem) ? string.Empty : extraVerificationKeysPem;

        // Parsing here makes a malformed key fail start-up rather than the first checkpoint.
        var extraKeys = extra.Length == 0 ? [] : NoteVerifierKey.FromPem(OriginPrefix, extra);
        verificationKeysPem = publicPem + string.Concat(extraKeys
            .Where(k => k.KeyId != own.KeyId)
            .Select(k => System.Security.Cryptography.PemEncoding.WriteString("PUBLIC KEY", k.SubjectPublicKeyInfo) + "\n"));
    }

    public string OriginPrefix { get; }

    /// <summary>The signed-note key id of the signing key.</summary>
    public uint SigningKeyId { get; }

    /// <summary>All published public keys as one PEM (what auditors save as their key file).</summary>
    public string VerificationKeysPem => verificationKeysPem;

    /// <summary>The log origin of a tenant: the first line of its checkpoints.</summary>
    public string Origin(string tenantId) => $"{OriginPrefix}/{tenantId}";

    /// <summary>A signer for the tenant's checkpoints; dispose it after use.</summary>
    public NoteSigner CreateSigner(string tenantId) => NoteSigner.FromPem(Origin(tenantId), signingKeyPem);

    /// <summary>The published keys under the tenant's key name.</summary>
    public IReadOnlyList<NoteVerifierKey> VerifierKeys(string tenantId) => NoteVerifierKey.FromPem(Origin(tenantId), verificationKeysPem);

    /// <summary>A verifier trusting every published key, for the tenant's checkpoints.</summary>
    public CheckpointVerifier Verifier(string tenantId) => new(VerifierKeys(tenantId));
}
