using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;
using TakedownFn.Storage.Cases;
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
        TableClient cases,
        TenantStore tenants,
        BlobContainerClient container,
        LedgerSigningKeys keys,
        LedgerSequencerOptions options,
        TimeProvider time,
        ILogger<LedgerSequencer> logger,
        CaseNoticeCipher? cipher = null)
    {
        ArgumentNullException.ThrowIfNull(cases);
        this.store = store ?? throw new ArgumentNullException(nameof(store));
        this.tenants = tenants ?? throw new ArgumentNullException(nameof(tenants));
        this.container = container ?? throw new ArgumentNullException(nameof(container));
        this.keys = keys ?? throw new ArgumentNullException(nameof(keys));
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        this.time = time ?? throw new ArgumentNullException(nameof(time));
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
        pending = new PendingLeaves(cases, cipher);
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
        var lease = blob.GetBlobLeaseClient();
        if (!await TryAcquireLeaseAsync(blob, lease, cancellationToken))
        {
            return SequencerRun.Busy;
        }

        using var work = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopRenewing = new CancellationTokenSource();
        var renewing = RenewAsync(lease, tenantId, work, stopRenewing.Token);
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
            await ReleaseAsync(lease, tenantId);
        }
    }

    private async Task<bool> TryAcquireLeaseAsync(BlobClient blob, BlobLeaseClient lease, CancellationToken cancellationToken)
    {
        try
        {
            await lease.AcquireAsync(options.LeaseDuration, cancellationToken: cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // First run for this tenant: create the lease blob, then try again.
            try
            {
                await blob.UploadAsync(BinaryData.Empty, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
            }
            catch (RequestFailedException created) when (created.Status is 409 or 412)
            {
                // Another instance created it.
            }

            return await TryAcquireLeaseAsync(blob, lease, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false; // LeaseAlreadyPresent: another instance is sequencing this tenant.
        }
    }

    private async Task RenewAsync(BlobLeaseClient lease, string tenantId, CancellationTokenSource work, CancellationToken stop)
    {
        var period = options.LeaseDuration / 3;
        try
        {
            while (true)
            {
                await Task.Delay(period, time, stop);
                await lease.RenewAsync(cancellationToken: stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run ended.
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException or HttpRequestException or OperationCanceledException)
        {
            // Azure.Core reports transport failures as RequestFailedException (status 0), and
            // retries exhausted on them as an AggregateException.
            // The lease is lost (or cannot be kept): stop working. The ETag on the state row
            // already keeps a late write from landing; stopping just saves wasted work.
            LogLeaseLost(logger, e, tenantId);
            await work.CancelAsync();
        }
    }

    private async Task ReleaseAsync(BlobLeaseClient lease, string tenantId)
    {
        try
        {
            await lease.ReleaseAsync(cancellationToken: CancellationToken.None);
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException)
        {
            // It lapses by itself within the lease duration.
            LogReleaseFailed(logger, e, tenantId);
        }
    }

    private Task FaultAsync(string point, CancellationToken cancellationToken) =>
        Fault?.Invoke(point, cancellationToken) ?? Task.CompletedTask;
}
