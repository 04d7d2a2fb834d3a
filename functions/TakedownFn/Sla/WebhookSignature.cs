using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TakedownFn.Sla;

/// <summary>
/// Signs escalation webhooks the way Stripe and Slack sign theirs: HMAC-SHA256, keyed with the
/// tenant's secret (its UTF-8 bytes), over <c>{timestamp}.{body}</c>, where the timestamp is Unix
/// seconds sent in <see cref="TimestampHeader"/>. Signing the timestamp lets a receiver refuse
/// replays of an old delivery; signing the exact body bytes lets it refuse any change.
/// </summary>
internal static class WebhookSignature
{
    public const string TimestampHeader = "X-TakedownFn-Timestamp";
    public const string SignatureHeader = "X-TakedownFn-Signature";
    public const string EventIdHeader = "X-TakedownFn-Event-Id";

    /// <summary>The header value: <c>sha256=</c> and the lower-case hex HMAC.</summary>
    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>A new secret: 32 random bytes, base64url.</summary>
    public static string NewSecret() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
