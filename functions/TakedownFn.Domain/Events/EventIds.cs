using System.Security.Cryptography;
using System.Text;
using TakedownFn.Domain.Cases;

namespace TakedownFn.Domain.Events;

/// <summary>
/// Deterministic ids for case events, so a redelivered queue message writes the same row again
/// (a no-op insert) instead of a second one.
/// </summary>
/// <remarks>
/// Named <c>EventIds</c>, not <c>EventId</c>, to stay clear of <c>Microsoft.Extensions.Logging.EventId</c>
/// in the layers that log. An id is <c>ev-</c> plus the SHA-256 of the inputs in lower-case RFC 4648
/// base32 without padding: 55 characters of <c>[a-z2-7-]</c>, safe as a Table key (no <c>/ \ # ?</c>,
/// no control characters) and in URLs.
/// </remarks>
public static class EventIds
{
    public const string Prefix = "ev-";

    /// <summary>Length of every id: the prefix plus 52 base32 characters for 256 bits.</summary>
    public const int Length = 55;

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    // Version the derivation: changing it must never collide with ids already written.
    private static readonly byte[] DomainTag = Encoding.ASCII.GetBytes("takedownfn:event:v1");

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The id of the event for <paramref name="kind"/> on <paramref name="caseId"/>.</summary>
    public static string For(string caseId, StepKind kind, string discriminator) => For(caseId, kind.ToId(), discriminator);

    /// <summary>
    /// The id of an event. <paramref name="discriminator"/> tells apart events of one kind on one case
    /// (the platform's step reference, the queue message's own id); it may be empty for one-off steps
    /// such as <c>validated</c>.
    /// </summary>
    /// <exception cref="ArgumentException">An input is empty (except the discriminator) or not well-formed UTF-16.</exception>
    public static string For(string caseId, string stepKind, string discriminator)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseId);
        ArgumentException.ThrowIfNullOrEmpty(stepKind);
        ArgumentNullException.ThrowIfNull(discriminator);

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(DomainTag);
        AppendField(hash, caseId, nameof(caseId));
        AppendField(hash, stepKind, nameof(stepKind));
        AppendField(hash, discriminator, nameof(discriminator));
        return Prefix + Base32(hash.GetHashAndReset());
    }

    /// <summary>Whether <paramref name="value"/> has the shape of an id made by <see cref="For(string, string, string)"/>.</summary>
    public static bool IsWellFormed(string? value) =>
        value is { Length: Length }
        && value.StartsWith(Prefix, StringComparison.Ordinal)
        && value.AsSpan(Prefix.Length).IndexOfAnyExcept(Alphabet) < 0;

    /// <summary>Length-prefixed, so ("a:b", "c") and ("a", "b:c") never hash alike.</summary>
    private static void AppendField(IncrementalHash hash, string value, string name)
    {
        byte[] bytes;
        try
        {
            bytes = StrictUtf8.GetBytes(value);
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException("must be well-formed Unicode text", name, e);
        }

        Span<byte> length = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }

    private static string Base32(ReadOnlySpan<byte> bytes)
    {
        var builder = new StringBuilder((bytes.Length * 8 + 4) / 5);
        var buffer = 0;
        var bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                builder.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            builder.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return builder.ToString();
    }
}
