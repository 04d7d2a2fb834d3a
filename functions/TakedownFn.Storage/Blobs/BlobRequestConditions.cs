using Azure;

namespace TakedownFn.Storage.Blobs;

/// <summary>
/// Preconditions on a blob request. A failed one surfaces as <see cref="Core.StorageRequestFailedException"/>
/// with status 412 (<c>ConditionNotMet</c>, <c>LeaseIdMissing</c>, …), or 409 <c>BlobAlreadyExists</c>
/// for <c>If-None-Match: *</c> on an existing blob; on a download, a matching
/// <see cref="IfNoneMatch"/> yields a not-modified result instead.
/// </summary>
public class BlobRequestConditions
{
    /// <summary>Only if the blob's ETag is this one (<see cref="ETag.All"/>: only if it exists).</summary>
    public ETag? IfMatch { get; init; }

    /// <summary>Only if the blob's ETag is not this one (<see cref="ETag.All"/>: only if it does not exist, i.e. create-only).</summary>
    public ETag? IfNoneMatch { get; init; }

    /// <summary>The lease to write under; required for writes to a leased blob.</summary>
    public string? LeaseId { get; init; }

    /// <summary>Create-only: fails if the blob exists.</summary>
    public static BlobRequestConditions CreateOnly() => new() { IfNoneMatch = ETag.All };
}
