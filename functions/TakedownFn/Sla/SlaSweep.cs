using TakedownFn.Functions;
using TakedownFn.Storage.Cases;
using TakedownFn.Storage.Tenants;

namespace TakedownFn.Sla;

/// <summary>
/// Every minute, the backstop for the timers queue: per tenant, one range query over the SLA index
/// (<c>t|</c> rows, keyed by due time) returns every timer due and not yet handled, and every
/// escalation not yet delivered. A lost or never-sent message, a crash between commit and enqueue,
/// or a deleted queue therefore delays a breach by at most a sweep period, and the queue message
/// and the sweep racing each other still record it once (<see cref="SlaRecorder"/>). It also
/// recomputes provisional deadlines whose calendar data changed (<see cref="ProvisionalDeadlines"/>).
/// </summary>
internal sealed partial class SlaSweep(
    TenantStore tenants,
    CaseStore cases,
    SlaRecorder recorder,
    EscalationQueue escalations,
    ProvisionalDeadlines provisional,
    TimeProvider time,
    ILogger<SlaSweep> logger) : ITimerHandler
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

            // Calendar data only changes with a deployment, so this finds work once after one (a
            // range query of the tenant's p| rows otherwise).
            await provisional.RecomputeTenantAsync(tenant.TenantId, cancellationToken);
        }
    }

    /// <summary>Handles everything of one tenant due by now less the grace; returns how many cases' timers it fired.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="grace">How long past due a timer is left to its message; <see cref="Grace"/> unless given.</param>
    /// <param name="cancellationToken">Cancels the sweep.</param>
    public async Task<int> SweepTenantAsync(string tenantId, TimeSpan? grace = null, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var recorded = 0;
        var entries = await cases.DueSlaEntriesAsync(tenantId, now - (grace ?? Grace), cancellationToken);
        foreach (var entry in entries.Where(e => e.Kind == SlaIndexKind.Escalation))
        {
            if (await cases.RescheduleEscalationAsync(entry, now + SlaRecorder.EscalationResendAfter, cancellationToken))
            {
                var moved = entry.Escalation! with { RetryAt = now + SlaRecorder.EscalationResendAfter };
                await escalations.TrySendAsync(EscalationMessage.For(tenantId, entry.CaseId, moved), cancellationToken);
            }
        }

        foreach (var timers in entries.Where(e => e.Kind != SlaIndexKind.Escalation).GroupBy(e => e.CaseId, StringComparer.Ordinal))
        {
            var outcome = await recorder.FireAsync(tenantId, timers.Key, cancellationToken);
            if (outcome == SlaFireOutcome.Recorded)
            {
                recorded++;
                LogMissed(logger, timers.Key, tenantId);
            }
            else
            {
                // Nothing of the case was due: the rows outlived their timers (they are written and
                // deleted with the case's list, so these are only leftovers, or were just handled
                // by the timer message). Remove them so they are not read again.
                foreach (var entry in timers)
                {
                    await cases.DeleteSlaEntryAsync(tenantId, entry.RowKey, cancellationToken);
                }
            }
        }

        return recorded;
    }

    [LoggerMessage(EventId = 430, Level = LogLevel.Warning, Message = "Sweep fired timers of case {CaseId} (tenant {TenantId}) that its timer message had not")]
    private static partial void LogMissed(ILogger logger, string caseId, string tenantId);
}
