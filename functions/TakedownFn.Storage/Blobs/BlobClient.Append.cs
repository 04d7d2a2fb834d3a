using Azure.Core;
using TakedownFn.Storage.Core;

namespace TakedownFn.Storage.Blobs;

public sealed partial class BlobClient
{
    /// <summary>
    /// Creates an empty append blob, replacing any blob of that name unless
    /// <paramref name="conditions"/> say otherwise (<see cref="BlobRequestConditions.CreateOnly"/>).
    /// </summary>
    /// <param name="conditions">ETag and lease conditions.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<BlobContentInfo> CreateAppendBlobAsync(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Put, conditions);
        message.Request.Headers.SetValue("x-ms-blob-type", "AppendBlob");
        var response = await _pipeline.SendCheckedAsync(message, $"Create append blob '{Name}'", cancellationToken);
        return new BlobContentInfo(BlobHeaders.ETagOf(response), BlobHeaders.LastModifiedOf(response) ?? default, ReadOnlyMemory<byte>.Empty);
    }

    /// <summary>
    /// Appends one block (Append Block) with its Content-MD5. Use
    /// <see cref="AppendBlobRequestConditions.IfAppendPositionEqual"/> so that a retried append after
    /// a lost response fails (412 <c>AppendPositionConditionNotMet</c>) instead of writing twice.
    /// </summary>
    /// <param name="content">The block's bytes; the service limits the block size.</param>
    /// <param name="conditions">Append position, ETag and lease conditions.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<BlobAppendInfo> AppendBlockAsync(BinaryData content, AppendBlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var bytes = content.ToMemory();
        var md5 = BlobHeaders.Md5(bytes.Span);
        using var message = CreateMessage(RequestMethod.Put, conditions, comp: "appendblock");
        message.Request.Headers.SetValue("Content-MD5", Convert.ToBase64String(md5));
        message.Request.Content = RequestContent.Create(bytes);
        var response = await _pipeline.SendCheckedAsync(message, $"Append to blob '{Name}'", cancellationToken);
        var hash = BlobHeaders.ContentMd5Of(response);
        return new BlobAppendInfo(
            BlobHeaders.ETagOf(response),
            BlobHeaders.LastModifiedOf(response) ?? default,
            BlobHeaders.LongOf(response, "x-ms-blob-append-offset") ?? throw new FormatException("Append Block answered without x-ms-blob-append-offset."),
            (int)(BlobHeaders.LongOf(response, "x-ms-blob-committed-block-count") ?? 0),
            hash.IsEmpty ? md5 : hash);
    }
}
