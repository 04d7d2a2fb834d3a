namespace TakedownFn.Storage.Blobs;

/// <summary>
/// The blob operations the app depends on (checkpoints, ledger segments, the sequencer's lease),
/// so tests can substitute a fake and the official SDK can stand behind it later. See <see cref="BlobClient"/>.
/// </summary>
public interface IBlobClient
{
    string Name { get; }

    Task<BlobContentInfo> UploadAsync(BinaryData content, BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default);

    Task<BlobDownloadResult> DownloadContentAsync(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default);

    Task<BlobProperties> GetPropertiesAsync(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(CancellationToken cancellationToken = default);

    Task<bool> DeleteIfExistsAsync(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default);

    Task<BlobContentInfo> CreateAppendBlobAsync(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default);

    Task<BlobAppendInfo> AppendBlockAsync(BinaryData content, AppendBlobRequestConditions? conditions = null, CancellationToken cancellationToken = default);

    Task<BlobLease> AcquireLeaseAsync(TimeSpan duration, string? proposedLeaseId = null, CancellationToken cancellationToken = default);

    Task<BlobLease> RenewLeaseAsync(string leaseId, CancellationToken cancellationToken = default);

    Task ReleaseLeaseAsync(string leaseId, CancellationToken cancellationToken = default);

    Task<TimeSpan> BreakLeaseAsync(TimeSpan? breakPeriod = null, CancellationToken cancellationToken = default);
}
