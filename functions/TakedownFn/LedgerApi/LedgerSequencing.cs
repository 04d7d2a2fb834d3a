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
    }

    [LoggerMessage(EventId = 520, Level = LogLevel.Debug, Message = "Ledger of tenant {TenantId} is being sequenced by another instance")]
    private static partial void LogBusy(ILogger logger, string tenantId);
}
