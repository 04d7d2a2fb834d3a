using Azure;

namespace TakedownFn.Storage.Blobs;

/// <summary>The blob after a write: its new ETag and the MD5 of what was stored.</summary>
public sealed record BlobContentInfo(ETag ETag, DateTimeOffset LastModified, ReadOnlyMemory<byte> ContentHash);
