using System.Globalization;
using System.Security.Cryptography;
using Azure;
using Azure.Core;

namespace TakedownFn.Storage.Blobs;

/// <summary>Request conditions out, response headers in: the header spelling lives only here.</summary>
internal static class BlobHeaders
{
    public static void Apply(Request request, BlobRequestConditions? conditions)
    {
        if (conditions is null)
        {
            return;
        }

        if (conditions.IfMatch is { } ifMatch)
        {
            request.Headers.SetValue(HttpHeader.Names.IfMatch, Format(ifMatch));
        }

        if (conditions.IfNoneMatch is { } ifNoneMatch)
        {
            request.Headers.SetValue(HttpHeader.Names.IfNoneMatch, Format(ifNoneMatch));
        }

        if (conditions.LeaseId is { } leaseId)
        {
            request.Headers.SetValue("x-ms-lease-id", leaseId);
        }

        if (conditions is AppendBlobRequestConditions { IfAppendPositionEqual: { } position })
        {
            request.Headers.SetValue("x-ms-blob-condition-appendpos", position.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>An ETag as a header value: the service's own quoted form, <c>*</c>, or a bare value quoted (RFC 9110 §8.8.3).</summary>
    public static string Format(ETag etag)
    {
        var value = etag.ToString();
        return value == "*" || value.StartsWith('"') || value.StartsWith("W/", StringComparison.Ordinal) ? value : $"\"{value}\"";
    }

    /// <summary>The ETag exactly as sent, so it can go back in <c>If-Match</c> unchanged.</summary>
    public static ETag ETagOf(Response response) =>
        response.Headers.TryGetValue(HttpHeader.Names.ETag, out var value)
            ? new ETag(value)
            : throw new FormatException("The blob service answered without an ETag.");

    public static DateTimeOffset? LastModifiedOf(Response response) =>
        response.Headers.TryGetValue("Last-Modified", out var value)
            && DateTimeOffset.TryParseExact(value, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
                ? time
                : null;

    public static ReadOnlyMemory<byte> ContentMd5Of(Response response) =>
        response.Headers.TryGetValue("Content-MD5", out var value) && value.Length > 0
            ? Convert.FromBase64String(value)
            : ReadOnlyMemory<byte>.Empty;

    public static string? Value(Response response, string name) =>
        response.Headers.TryGetValue(name, out var value) ? value : null;

    public static long? LongOf(Response response, string name) =>
        Value(response, name) is { } value ? long.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture) : null;

    /// <summary>
    /// Content-MD5 is the integrity check the Blob REST API defines (Put Blob, Append Block, Get Blob),
    /// not a security measure: tampering is caught by the ledger's SHA-256 Merkle tree.
    /// </summary>
#pragma warning disable CA5351 // MD5 is required by the protocol's Content-MD5 header.
    public static byte[] Md5(ReadOnlySpan<byte> content) => MD5.HashData(content);
#pragma warning restore CA5351
}
