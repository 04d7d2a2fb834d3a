using Azure;

namespace TakedownFn.Storage.Blobs;

/// <summary>
/// A downloaded blob. When the request's <see cref="BlobRequestConditions.IfNoneMatch"/> matched
/// (304), <see cref="IsNotModified"/> is true and <see cref="Content"/> is empty: the caller's copy is current.
/// </summary>
public sealed record BlobDownloadResult(
    BinaryData Content,
    ETag ETag,
    DateTimeOffset? LastModified,
    ReadOnlyMemory<byte> ContentHash,
    string? BlobType,
    bool IsNotModified = false);
