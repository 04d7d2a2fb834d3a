using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace TakedownFn.Storage.Queues;

/// <summary>
/// Builds the Put/Update Message body in one allocation: the XML envelope around the base64 of the
/// message bytes, which is what the Functions queue trigger decodes with <c>messageEncoding: base64</c>.
/// base64 needs no XML escaping, so the body is written as bytes, not through an XML writer.
/// </summary>
internal static class QueueMessageEncoding
{
    private const int StackLimit = 512;

    private static ReadOnlySpan<byte> Prefix => "<?xml version=\"1.0\" encoding=\"utf-8\"?><QueueMessage><MessageText>"u8;

    private static ReadOnlySpan<byte> Suffix => "</MessageText></QueueMessage>"u8;

    public static byte[] EncodeText(string messageText, string paramName)
    {
        var byteCount = Encoding.UTF8.GetByteCount(messageText);
        QueueArguments.ThrowIfFitsNot(byteCount, paramName);
        byte[]? rented = null;
        var utf8 = byteCount <= StackLimit
            ? stackalloc byte[StackLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(byteCount));
        try
        {
            var written = Encoding.UTF8.GetBytes(messageText, utf8);
            return EncodeBytes(utf8[..written], paramName);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    public static byte[] EncodeBytes(ReadOnlySpan<byte> body, string paramName)
    {
        QueueArguments.ThrowIfFitsNot(body.Length, paramName);
        var encodedLength = QueueLimits.EncodedLength(body.Length);
        var result = new byte[Prefix.Length + encodedLength + Suffix.Length];
        Prefix.CopyTo(result);
        Base64.EncodeToUtf8(body, result.AsSpan(Prefix.Length), out _, out var written);
        Suffix.CopyTo(result.AsSpan(Prefix.Length + written));
        return result;
    }

    /// <summary>Decodes a received <c>MessageText</c>; a producer that did not base64-encode is named in the error.</summary>
    public static byte[] Decode(string encodedText, string messageId)
    {
        try
        {
            return Convert.FromBase64String(encodedText);
        }
        catch (FormatException e)
        {
            throw new FormatException(
                $"Message '{messageId}' is not base64-encoded (was it sent without base64 encoding?); read EncodedMessageText instead.",
                e);
        }
    }
}
