using TakedownFn.Domain.Sla;
using TakedownFn.Functions;
using TakedownFn.Storage.Cases;
using TakedownFn.Storage.Tenants;

namespace TakedownFn.Sla;

/// <summary>
/// Every minute, the backstop for the timers queue: per tenant, one range query over the SLA index
/// (<c>t|</c> rows, keyed by due time) returns every timer due and not yet handled, and every
/// escalation not yet delivered. A lost or never-sent message, a crash between commit and enqueue,
/// or a deleted queue therefore delays a breach by at most a sweep period, and the queue message
/// and the sweep racing each other still record it once (<see cref="SlaRecorder"/>).
/// </summary>
internal sealed partial class SlaSweep(
    TenantStore tenants, CaseStore cases, SlaRecorder recorder, EscalationQueue escalations, TimeProvider time, ILogger<SlaSweep> logger) : ITimerHandler
{
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long after its due time a timer is left to its queue message before the sweep takes it.
    /// In a burst both would otherwise read every case (one records, the other finds nothing); with
    /// the grace the sweep only does work the queue has not. A missed timer still fires within
    /// <see cref="Period"/> + <see cref="Grace"/> (90 s), inside the 2-minute promise.
    /// </summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var tenant in await tenants.ListTenantsAsync(cancellationToken))
        {
            await SweepTenantAsync(tenant.TenantId, cancellationToken: cancellationToken);
        }
    }

    /// <summary>Handles everything of one tenant due by now less the grace; returns how many timers it recorded.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="grace">How long past due a timer is left to its message; <see cref="Grace"/> unless given.</param>
    /// <param name="cancellationToken">Cancels the sweep.</param>
    public async Task<int> SweepTenantAsync(string tenantId, TimeSpan? grace = null, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var recorded = 0;
        foreach (var entry in await cases.DueSlaEntriesAsync(tenantId, now - (grace ?? Grace), cancellationToken))
        {
            if (entry.Kind == SlaIndexKind.Escalation)
            {
                if (await cases.RescheduleEscalationAsync(entry, now + SlaRecorder.EscalationResendAfter, cancellationToken))
                {
                    var moved = entry.Escalation! with { RetryAt = now + SlaRecorder.EscalationResendAfter };
                    await escalations.TrySendAsync(EscalationMessage.For(tenantId, entry.CaseId, moved), cancellationToken);
                }

                continue;
            }

            var outcome = await recorder.FireAsync(tenantId, entry.CaseId, entry.Timer, cancellationToken);
            if (outcome == SlaFireOutcome.Recorded)
            {
                recorded++;
                LogMissed(logger, entry.Kind.ToString(), entry.Stage.ToId(), entry.CaseId, tenantId);
            }
            else
            {
                // The case does not list this timer: the row outlived it (it is written and deleted
                // with the case, so this is only a leftover). Remove it so it is not read again.
                await cases.DeleteSlaEntryAsync(tenantId, entry.RowKey, cancellationToken);
            }
        }

        return recorded;
    }

    [LoggerMessage(EventId = 430, Level = LogLevel.Warning, Message = "Sweep fired a {Kind} timer of stage {Stage} of case {CaseId} (tenant {TenantId}) that its message had not")]
    private static partial void LogMissed(ILogger logger, string kind, string stage, string caseId, string tenantId);
}
