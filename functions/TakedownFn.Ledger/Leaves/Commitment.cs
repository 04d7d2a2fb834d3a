using System.Security.Cryptography;
using System.Text;

namespace TakedownFn.Ledger.Leaves;

/// <summary>
/// Commitments to personal or confidential fields: HMAC-SHA256(tenantSecret, fieldName || 0x00 ||
/// value), lower-case hex. The ledger stores only these, never the values: whoever holds the value
/// and the tenant's secret can show it is the one committed to, nobody else can test guesses
/// (the secret is the salt), and destroying the secret makes every commitment permanently
/// unopenable, which is how erasure works on an immutable log.
/// </summary>
public static class Commitment
{
    /// <summary>HMAC-SHA256 keys shorter than the hash output weaken it (RFC 2104 §3).</summary>
    public const int MinimumSecretLength = 32;

    /// <summary>Length of a commitment in hex characters.</summary>
    public const int HexLength = 64;

    /// <summary>Returns the commitment to <paramref name="value"/> of field <paramref name="fieldName"/>.</summary>
    public static string Compute(ReadOnlySpan<byte> tenantSecret, string fieldName, string value)
    {
        if (tenantSecret.Length < MinimumSecretLength)
        {
            throw new ArgumentException($"tenant secret is {tenantSecret.Length} bytes, want at least {MinimumSecretLength}", nameof(tenantSecret));
        }

        ArgumentNullException.ThrowIfNull(fieldName);
        ArgumentNullException.ThrowIfNull(value);
        if (fieldName.Length == 0 || fieldName.Contains('\0', StringComparison.Ordinal))
        {
            // The 0x00 separator is what keeps ("ab", "c") and ("a", "bc") apart.
            throw new ArgumentException("field name must be non-empty and contain no NUL", nameof(fieldName));
        }

        int nameLength = Encoding.UTF8.GetByteCount(fieldName);
        var message = new byte[nameLength + 1 + Encoding.UTF8.GetByteCount(value)];
        Encoding.UTF8.GetBytes(fieldName, message);
        message[nameLength] = 0x00;
        Encoding.UTF8.GetBytes(value, message.AsSpan(nameLength + 1));
        return Convert.ToHexStringLower(HMACSHA256.HashData(tenantSecret, message));
    }

    /// <summary>Checks, in constant time, that <paramref name="commitment"/> commits to <paramref name="value"/>.</summary>
    public static bool Matches(ReadOnlySpan<byte> tenantSecret, string fieldName, string value, string commitment)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        var expected = Encoding.ASCII.GetBytes(Compute(tenantSecret, fieldName, value));
        var actual = Encoding.ASCII.GetBytes(commitment);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    /// <summary>True when <paramref name="value"/> has the shape of a commitment (64 lower-case hex digits).</summary>
    public static bool IsWellFormed(string? value) =>
        value is { Length: HexLength } && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
