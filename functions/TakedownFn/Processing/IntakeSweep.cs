using TakedownFn.Functions;
using TakedownFn.Storage.Cases;
using TakedownFn.Storage.Tenants;

namespace TakedownFn.Processing;

/// <summary>
/// Every minute: enqueues again any accepted case still waiting for processing a minute after it
/// was accepted (its outbox row remains), so a failed enqueue or a lost message cannot leave a
/// notice unprocessed. Processing is idempotent, so an extra message is harmless.
/// </summary>
internal sealed partial class IntakeSweep(TenantStore tenants, CaseStore cases, IntakeQueue intake, TimeProvider time, ILogger<IntakeSweep> logger) : ITimerHandler
{
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);
    private const int CasesPerMessage = 100;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - Grace;
        foreach (var tenant in await tenants.ListTenantsAsync(cancellationToken))
        {
            var pending = await cases.PendingAsync(tenant.TenantId, cutoff, cancellationToken);
            foreach (var chunk in pending.Chunk(CasesPerMessage))
            {
                await intake.SendAsync(new IntakeMessage(tenant.TenantId, chunk), cancellationToken);
            }

            if (pending.Count > 0)
            {
                LogRequeued(logger, pending.Count, tenant.TenantId);
            }
        }
    }

    [LoggerMessage(EventId = 320, Level = LogLevel.Warning, Message = "Re-enqueued {Count} unprocessed case(s) of tenant {TenantId}")]
    private static partial void LogRequeued(ILogger logger, int count, string tenantId);
}
