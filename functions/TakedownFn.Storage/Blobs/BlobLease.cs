using Azure;

namespace TakedownFn.Storage.Blobs;

/// <summary>A lease held on a blob: writes must carry <see cref="LeaseId"/> until it is released or broken.</summary>
public sealed record BlobLease(string LeaseId, ETag ETag, DateTimeOffset LastModified)
{
    /// <summary>Pass as a lease duration for a lease that lasts until released or broken.</summary>
    public static readonly TimeSpan InfiniteDuration = Timeout.InfiniteTimeSpan;

    /// <summary>The shortest finite lease the service grants.</summary>
    public static readonly TimeSpan MinDuration = TimeSpan.FromSeconds(15);

    /// <summary>The longest finite lease the service grants.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromSeconds(60);
}
