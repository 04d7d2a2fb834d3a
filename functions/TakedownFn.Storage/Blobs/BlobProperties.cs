using Azure;

namespace TakedownFn.Storage.Blobs;

/// <summary>Get Blob Properties: size, type, ETag, stored MD5 and lease state (<c>available</c>, <c>leased</c>, <c>breaking</c>, …).</summary>
public sealed record BlobProperties(
    long ContentLength,
    string BlobType,
    ETag ETag,
    DateTimeOffset LastModified,
    ReadOnlyMemory<byte> ContentHash,
    string? LeaseState,
    string? LeaseStatus,
    int? CommittedBlockCount);
