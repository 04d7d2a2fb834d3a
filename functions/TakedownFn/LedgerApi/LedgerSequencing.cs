using TakedownFn.Functions;
using TakedownFn.Storage.Ledger;
using TakedownFn.Storage.Tenants;

namespace TakedownFn.LedgerApi;

/// <summary>
/// The ledger timer (every 2 s): runs the sequencer for each tenant with pending events or an
/// unpublished checkpoint. Instances race harmlessly: the tenant's lease picks one, and the state
/// row's ETag fences any other.
/// </summary>
internal sealed partial class LedgerSequencing(TenantStore tenants, LedgerSequencer sequencer, ILogger<LedgerSequencing> logger) : ITimerHandler
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var tenant in await tenants.ListTenantsAsync(cancellationToken))
        {
            try
            {
                if (!await sequencer.HasWorkAsync(tenant.TenantId, cancellationToken))
                {
                    continue;
                }

                var run = await sequencer.RunAsync(tenant.TenantId, cancellationToken);
                if (!run.Leased)
                {
                    LogBusy(logger, tenant.TenantId);
                }
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // One tenant's failure must not hold up the others' ledgers; the next tick retries it.
                LogTenantFailed(logger, e, tenant.TenantId);
            }
        }
    }

    [LoggerMessage(EventId = 521, Level = LogLevel.Error, Message = "Ledger of tenant {TenantId}: sequencer run failed; retried on the next tick")]
    private static partial void LogTenantFailed(ILogger logger, Exception exception, string tenantId);

    [LoggerMessage(EventId = 520, Level = LogLevel.Debug, Message = "Ledger of tenant {TenantId} is being sequenced by another instance")]
    private static partial void LogBusy(ILogger logger, string tenantId);
}
