using Azure;

namespace TakedownFn.Storage.Blobs;

/// <summary>What Append Block answers: where the block landed and how many blocks the blob now has.</summary>
public sealed record BlobAppendInfo(ETag ETag, DateTimeOffset LastModified, long AppendOffset, int CommittedBlockCount, ReadOnlyMemory<byte> ContentHash);
