using System.Security.Cryptography;
using System.Text;
using TakedownFn.Storage.Secrets;

namespace TakedownFn.Storage.Cases;

/// <summary>
/// Crypto-shredding of a case's personal data: each case gets its own random 256-bit data key,
/// AES-256-GCM seals the stored notice (notifier, contact, explanation, items, evidence, signature)
/// under it, and the key is kept on the case row only wrapped by the key-encryption key
/// (<see cref="SecretProtector"/>, bound to the tenant and case). Erasure replaces the row without
/// the wrapped key, so every copy of the ciphertext (backups included) becomes unreadable.
/// </summary>
public sealed class CaseNoticeCipher(SecretProtector protector)
{
    private const int KeyBytes = 32;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    /// <summary>The wrapped data key's binding: a key copied to another case's row does not unwrap.</summary>
    public static string KeyContext(string tenantId, string caseId) => $"case-data-key|{tenantId}|{caseId}";

    /// <summary>A new data key for the case (wrapped) and the notice sealed under it (nonce ‖ ciphertext ‖ tag).</summary>
    public (string WrappedKey, byte[] Sealed) Seal(string tenantId, string caseId, ReadOnlySpan<byte> notice)
    {
        var key = RandomNumberGenerator.GetBytes(KeyBytes);
        try
        {
            var output = new byte[NonceBytes + notice.Length + TagBytes];
            RandomNumberGenerator.Fill(output.AsSpan(0, NonceBytes));
            using var aes = new AesGcm(key, TagBytes);
            aes.Encrypt(output.AsSpan(0, NonceBytes), notice, output.AsSpan(NonceBytes, notice.Length), output.AsSpan(NonceBytes + notice.Length), Aad(tenantId, caseId));
            return (protector.Protect(key, KeyContext(tenantId, caseId)), output);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>The notice sealed by <see cref="Seal"/>.</summary>
    /// <exception cref="CryptographicException">The key or ciphertext was altered, moved to another case, or its KEK is not configured.</exception>
    public byte[] Open(string tenantId, string caseId, string wrappedKey, byte[] sealedNotice)
    {
        if (sealedNotice.Length < NonceBytes + TagBytes)
        {
            throw new CryptographicException("A sealed notice is malformed.");
        }

        var key = protector.Unprotect(wrappedKey, KeyContext(tenantId, caseId));
        try
        {
            var plaintext = new byte[sealedNotice.Length - NonceBytes - TagBytes];
            using var aes = new AesGcm(key, TagBytes);
            aes.Decrypt(sealedNotice.AsSpan(0, NonceBytes), sealedNotice.AsSpan(NonceBytes, plaintext.Length), sealedNotice.AsSpan(NonceBytes + plaintext.Length), plaintext, Aad(tenantId, caseId));
            return plaintext;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>The wrapped key re-wrapped under the current KEK, or null when it already is (see <see cref="SecretProtector.Rewrap"/>).</summary>
    public string? Rewrap(string tenantId, string caseId, string wrappedKey) => protector.Rewrap(wrappedKey, KeyContext(tenantId, caseId));

    private static byte[] Aad(string tenantId, string caseId) => Encoding.UTF8.GetBytes($"takedownfn:case-notice:v1:{tenantId}|{caseId}");
}
