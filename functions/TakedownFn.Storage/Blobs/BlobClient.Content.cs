using Azure.Core;
using TakedownFn.Storage.Core;

namespace TakedownFn.Storage.Blobs;

public sealed partial class BlobClient
{
    /// <summary>
    /// Writes a block blob in one Put Blob, replacing any existing one. Sends Content-MD5 so the
    /// service rejects a body damaged in transit (400 <c>Md5Mismatch</c>).
    /// <see cref="BlobRequestConditions.CreateOnly"/> makes it create-only.
    /// </summary>
    /// <param name="content">The bytes; <see cref="BinaryData.MediaType"/> becomes the blob's content type.</param>
    /// <param name="conditions">ETag and lease conditions.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<BlobContentInfo> UploadAsync(BinaryData content, BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var bytes = content.ToMemory();
        var md5 = BlobHeaders.Md5(bytes.Span);
        using var message = CreateMessage(RequestMethod.Put, conditions);
        message.Request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        message.Request.Headers.SetValue(HttpHeader.Names.ContentType, content.MediaType ?? "application/octet-stream");
        message.Request.Headers.SetValue("Content-MD5", Convert.ToBase64String(md5));
        message.Request.Content = RequestContent.Create(bytes);
        var response = await _pipeline.SendCheckedAsync(message, $"Upload blob '{Name}'", cancellationToken);
        var stored = BlobHeaders.ContentMd5Of(response);
        return new BlobContentInfo(BlobHeaders.ETagOf(response), BlobHeaders.LastModifiedOf(response) ?? default, stored.IsEmpty ? md5 : stored);
    }

    /// <summary>
    /// Reads the whole blob. When the service reports a Content-MD5, the bytes are checked against
    /// it and a mismatch throws <see cref="StorageRequestFailedException"/> with code <c>Md5Mismatch</c>.
    /// A matching <see cref="BlobRequestConditions.IfNoneMatch"/> answers a not-modified result, not an error.
    /// </summary>
    /// <param name="conditions">ETag and lease conditions.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<BlobDownloadResult> DownloadContentAsync(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Get, conditions);
        var response = await _pipeline.SendCheckedAsync(message, $"Download blob '{Name}'", cancellationToken);
        if (response.Status == 304)
        {
            // Azure sends the current ETag with a 304; when absent, it is the one the caller already has.
            var etag = response.Headers.TryGetValue("ETag", out var header) ? new Azure.ETag(header) : conditions!.IfNoneMatch!.Value;
            return new BlobDownloadResult(BinaryData.Empty, etag, BlobHeaders.LastModifiedOf(response), ReadOnlyMemory<byte>.Empty, null, IsNotModified: true);
        }

        var content = response.Content;
        var hash = BlobHeaders.ContentMd5Of(response);
        if (!hash.IsEmpty && !BlobHeaders.Md5(content.ToMemory().Span).AsSpan().SequenceEqual(hash.Span))
        {
            response.Headers.TryGetValue("x-ms-request-id", out var requestId);
            throw new StorageRequestFailedException(
                response.Status,
                $"Download blob '{Name}': the {content.ToMemory().Length} bytes received do not match the Content-MD5 the service sent.",
                "Md5Mismatch",
                requestId);
        }

        return new BlobDownloadResult(
            content,
            BlobHeaders.ETagOf(response),
            BlobHeaders.LastModifiedOf(response),
            hash,
            BlobHeaders.Value(response, "x-ms-blob-type"));
    }
}
