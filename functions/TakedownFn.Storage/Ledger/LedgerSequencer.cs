using Microsoft.Extensions.Logging;
using TakedownFn.Storage.Blobs;
using TakedownFn.Storage.Core;
using TakedownFn.Storage.Tables;
using TakedownFn.Storage.Tenants;

namespace TakedownFn.Storage.Ledger;

/// <summary>
/// Appends a tenant's pending events to its log and publishes checkpoints. One instance works on a
/// tenant at a time, holding a blob lease (<c>{tenant}/sequencer</c> in the ledger container); a
/// second instance finds the lease taken and leaves the tenant alone until it lapses.
/// </summary>
/// <remarks>
/// The lease keeps sequencers from wasting work; correctness does not rest on it. Each batch is
/// one entity group transaction in the tenant's log partition: the state row replaced on the
/// ETag it was read with, the new leaf rows inserted at indexes ≥ the old size, and one event
/// index row inserted per leaf. A sequencer whose lease lapsed mid-batch therefore fails on the
/// ETag (412) instead of writing over the log, and an event already in the log fails the insert
/// of its index row (409) instead of being appended twice. To-do rows are deleted only after
/// their batch committed; a crash in between leaves rows the next run recognises and drops.
/// </remarks>
public sealed partial class LedgerSequencer
{
    private readonly LedgerStore store;
    private readonly PendingLeaves pending;
    private readonly TenantStore tenants;
    private readonly BlobContainerClient container;
    private readonly LedgerSigningKeys keys;
    private readonly LedgerSequencerOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;

    public LedgerSequencer(
        LedgerStore store,
        ITableClient cases,
        TenantStore tenants,
        BlobContainerClient container,
        LedgerSigningKeys keys,
        LedgerSequencerOptions options,
        TimeProvider time,
        ILogger<LedgerSequencer> logger)
    {
        ArgumentNullException.ThrowIfNull(cases);
        this.store = store ?? throw new ArgumentNullException(nameof(store));
        this.tenants = tenants ?? throw new ArgumentNullException(nameof(tenants));
        this.container = container ?? throw new ArgumentNullException(nameof(container));
        this.keys = keys ?? throw new ArgumentNullException(nameof(keys));
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        this.time = time ?? throw new ArgumentNullException(nameof(time));
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
        pending = new PendingLeaves(cases);
    }

    /// <summary>Test hook: called at named points between writes; throwing there simulates a crash.</summary>
    internal Func<string, CancellationToken, Task>? Fault { get; set; }

    /// <summary>True when the tenant has events to sequence or leaves not yet covered by a checkpoint.</summary>
    public async Task<bool> HasWorkAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var state = await store.GetStateAsync(tenantId, cancellationToken);
        return state.Size > state.CheckpointSize || await pending.AnyAsync(tenantId, cancellationToken);
    }

    /// <summary>
    /// Takes the tenant's lease (or answers <see cref="SequencerRun.Busy"/>), sequences its pending
    /// events and publishes a checkpoint when one is due, renewing the lease meanwhile.
    /// </summary>
    public async Task<SequencerRun> RunAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var blob = container.GetBlobClient($"{tenantId}/sequencer");
        var lease = await TryAcquireLeaseAsync(blob, cancellationToken);
        if (lease is null)
        {
            return SequencerRun.Busy;
        }

        using var work = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopRenewing = new CancellationTokenSource();
        var renewing = RenewAsync(blob, lease.LeaseId, tenantId, work, stopRenewing.Token);
        try
        {
            var (appended, state) = await AppendPendingAsync(tenantId, work.Token);
            var checkpoint = await PublishCheckpointAsync(tenantId, state, force: false, work.Token);
            return new SequencerRun(true, appended, checkpoint?.TreeSize);
        }
        finally
        {
            await stopRenewing.CancelAsync();
            await renewing;
            await ReleaseAsync(blob, lease.LeaseId, tenantId);
        }
    }

    private async Task<BlobLease?> TryAcquireLeaseAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            return await blob.AcquireLeaseAsync(options.LeaseDuration, cancellationToken: cancellationToken);
        }
        catch (StorageRequestFailedException e) when (e.Status == 404)
        {
            // First run for this tenant: create the lease blob, then try again.
            try
            {
                await blob.UploadAsync(BinaryData.Empty, BlobRequestConditions.CreateOnly(), cancellationToken);
            }
            catch (StorageRequestFailedException created) when (created.Status is 409 or 412)
            {
                // Another instance created it.
            }

            return await TryAcquireLeaseAsync(blob, cancellationToken);
        }
        catch (StorageRequestFailedException e) when (e.Status == 409)
        {
            return null; // LeaseAlreadyPresent: another instance is sequencing this tenant.
        }
    }

    private async Task RenewAsync(BlobClient blob, string leaseId, string tenantId, CancellationTokenSource work, CancellationToken stop)
    {
        var period = options.LeaseDuration / 3;
        try
        {
            while (true)
            {
                await Task.Delay(period, time, stop);
                await blob.RenewLeaseAsync(leaseId, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run ended.
        }
        catch (Exception e) when (e is StorageRequestFailedException or HttpRequestException or OperationCanceledException)
        {
            // The lease is lost (or cannot be kept): stop working. The ETag on the state row
            // already keeps a late write from landing; stopping just saves wasted work.
            LogLeaseLost(logger, e, tenantId);
            await work.CancelAsync();
        }
    }

    private async Task ReleaseAsync(BlobClient blob, string leaseId, string tenantId)
    {
        try
        {
            await blob.ReleaseLeaseAsync(leaseId, CancellationToken.None);
        }
        catch (StorageRequestFailedException e)
        {
            // It lapses by itself within the lease duration.
            LogReleaseFailed(logger, e, tenantId);
        }
    }

    private Task FaultAsync(string point, CancellationToken cancellationToken) =>
        Fault?.Invoke(point, cancellationToken) ?? Task.CompletedTask;
}
