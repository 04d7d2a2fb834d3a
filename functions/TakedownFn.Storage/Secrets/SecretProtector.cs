using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace TakedownFn.Storage.Secrets;

/// <summary>A key-encryption key: its id (written next to every key it wraps) and 32 bytes of AES-256 key.</summary>
public sealed record KeyEncryptionKey(string Id, byte[] Key)
{
    /// <summary>Reads <c>{id}:{base64 of 32 bytes}</c>; the message names the problem, never the key.</summary>
    public static KeyEncryptionKey Parse(string text, string settingName)
    {
        var split = text.Trim().Split(':', 2);
        byte[]? key = null;
        if (split.Length == 2 && split[0].Length is > 0 and <= 32 && split[0].All(char.IsAsciiLetterOrDigit)
            && (key = TryBase64(split[1])) is { Length: 32 })
        {
            return new KeyEncryptionKey(split[0], key);
        }

        throw new InvalidOperationException($"{settingName} must be \"{{id}}:{{base64 of 32 random bytes}}\" with an id of 1 to 32 letters and digits.");
    }

    /// <summary>A new random key with a new id, in the form <see cref="Parse"/> reads.</summary>
    public static string NewText() => $"k{DateTimeOffset.UtcNow:yyyyMMddHHmmss}:{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}";

    private static byte[]? TryBase64(string text)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>
/// Envelope encryption of the secrets the service keeps (commitment secrets, webhook and
/// request-signing secrets): each value gets its own random data key, AES-256-GCM encrypts the
/// value with it, and the current key-encryption key (KEK) wraps the data key, also with
/// AES-256-GCM. Stored as <c>tfn-env1:{kekId}:{wrapped data key}:{ciphertext}</c> (base64url,
/// each nonce ‖ ciphertext ‖ tag), bound by its associated data to the row it belongs to, so a
/// value copied to another row does not decrypt.
/// </summary>
/// <remarks>
/// Rotation re-wraps without downtime: configure the new KEK as current and the old one as
/// previous on every instance (both unwrap), run <c>secrets rewrap</c> (each value's data key is
/// unwrapped with the old KEK and wrapped with the new; the ciphertext is not touched), then
/// drop the old KEK. A value written before encryption at rest (plain) is still read, and the
/// rewrap protects it.
/// </remarks>
public sealed class SecretProtector(KeyEncryptionKey current, IEnumerable<KeyEncryptionKey> previous)
{
    private const string Prefix = "tfn-env1:";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private readonly Dictionary<string, byte[]> _keys = previous.Append(current).ToDictionary(k => k.Id, k => k.Key, StringComparer.Ordinal);

    /// <summary>The id of the KEK new values are wrapped with.</summary>
    public string CurrentKeyId => current.Id;

    public static bool IsProtected(string? stored) => stored?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    /// <summary>The stored form of <paramref name="secret"/>, bound to <paramref name="context"/> (the row it is kept in).</summary>
    public string Protect(ReadOnlySpan<byte> secret, string context)
    {
        var dataKey = RandomNumberGenerator.GetBytes(32);
        try
        {
            return $"{Prefix}{current.Id}:{Base64Url.EncodeToString(Seal(current.Key, dataKey, Aad("kek", context)))}:{Base64Url.EncodeToString(Seal(dataKey, secret, Aad("value", context)))}";
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    public string Protect(string secret, string context) => Protect(Encoding.UTF8.GetBytes(secret), context);

    /// <summary>The secret in <paramref name="stored"/>; a value stored before encryption at rest is returned as it is.</summary>
    /// <exception cref="CryptographicException">The KEK it names is not configured, or the value was altered or moved to another row.</exception>
    public byte[] Unprotect(string stored, string context)
    {
        if (!IsProtected(stored))
        {
            return Encoding.UTF8.GetBytes(stored);
        }

        var (kekId, wrapped, sealedValue) = Split(stored);
        var dataKey = Open(KeyFor(kekId), wrapped, Aad("kek", context));
        try
        {
            return Open(dataKey, sealedValue, Aad("value", context));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    public string UnprotectText(string stored, string context) => Encoding.UTF8.GetString(Unprotect(stored, context));

    /// <summary>
    /// The same value with its data key wrapped by the current KEK (a plain value is protected);
    /// null when it already is, so a rewrap run writes only what changes.
    /// </summary>
    public string? Rewrap(string stored, string context)
    {
        if (!IsProtected(stored))
        {
            return Protect(Encoding.UTF8.GetBytes(stored), context);
        }

        var (kekId, wrapped, sealedValue) = Split(stored);
        if (kekId == current.Id)
        {
            return null;
        }

        var dataKey = Open(KeyFor(kekId), wrapped, Aad("kek", context));
        try
        {
            return $"{Prefix}{current.Id}:{Base64Url.EncodeToString(Seal(current.Key, dataKey, Aad("kek", context)))}:{Base64Url.EncodeToString(sealedValue)}";
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    private byte[] KeyFor(string kekId) =>
        _keys.TryGetValue(kekId, out var key) ? key : throw new CryptographicException($"The key-encryption key '{kekId}' is not configured.");

    private static (string KekId, byte[] Wrapped, byte[] Sealed) Split(string stored)
    {
        var parts = stored[Prefix.Length..].Split(':');
        return parts.Length == 3
            ? (parts[0], Base64Url.DecodeFromChars(parts[1]), Base64Url.DecodeFromChars(parts[2]))
            : throw new CryptographicException("A protected value is malformed.");
    }

    private static byte[] Aad(string layer, string context) => Encoding.UTF8.GetBytes($"takedownfn:secret:v1:{layer}:{context}");

    private static byte[] Seal(byte[] key, ReadOnlySpan<byte> plaintext, byte[] aad)
    {
        var output = new byte[NonceBytes + plaintext.Length + TagBytes];
        var nonce = output.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceBytes, plaintext.Length), output.AsSpan(NonceBytes + plaintext.Length), aad);
        return output;
    }

    private static byte[] Open(byte[] key, byte[] sealedValue, byte[] aad)
    {
        if (sealedValue.Length < NonceBytes + TagBytes)
        {
            throw new CryptographicException("A protected value is malformed.");
        }

        var plaintext = new byte[sealedValue.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(sealedValue.AsSpan(0, NonceBytes), sealedValue.AsSpan(NonceBytes, plaintext.Length), sealedValue.AsSpan(NonceBytes + plaintext.Length), plaintext, aad);
        return plaintext;
    }
}
