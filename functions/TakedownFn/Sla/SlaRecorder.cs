using System.Text.Json;
using TakedownFn.Domain;
using TakedownFn.Domain.Cases;
using TakedownFn.Domain.Events;
using TakedownFn.Domain.Sla;
using TakedownFn.Processing;
using TakedownFn.Storage.Cases;

namespace TakedownFn.Sla;

/// <summary>What firing a timer came to.</summary>
internal enum SlaFireOutcome
{
    /// <summary>The <c>sla-warning</c> or <c>sla-breached</c> step was recorded now.</summary>
    Recorded,

    /// <summary>The case no longer has this timer: the stage was done, its deadline moved, or the step was recorded already.</summary>
    NotPending,

    /// <summary>No such case.</summary>
    NoCase,
}

/// <summary>
/// Fires one SLA timer: re-reads the case and, if the case still lists the timer, records
/// <c>sla-warning</c> or <c>sla-breached</c> and drops the timer in one transaction conditional on
/// the case row's ETag. The queue message and the sweep both come here; whichever commits first
/// records the step, and the other finds the timer gone, so a step is recorded exactly once.
/// </summary>
internal sealed partial class SlaRecorder(
    CaseStore cases, EscalationWebhooks webhooks, EscalationQueue escalations, TimeProvider time, ILogger<SlaRecorder> logger)
{
    /// <summary>When an undelivered escalation is sent again by the sweep (it is retried with back-off meanwhile).</summary>
    public static readonly TimeSpan EscalationResendAfter = TimeSpan.FromMinutes(10);

    private const int MaxAttempts = 5;

    public async Task<SlaFireOutcome> FireAsync(string tenantId, string caseId, SlaTimer timer, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = await cases.GetAsync(tenantId, caseId, withNotice: false, cancellationToken);
            if (stored is null)
            {
                return SlaFireOutcome.NoCase;
            }

            var current = stored.Case;
            var kind = timer.Kind == SlaTimerKind.Warning ? StepKind.SlaWarning : StepKind.SlaBreached;
            if (!current.SlaTimers.Contains(timer)
                || !WireIds.TryParse(current.State, out CaseState state)
                || !WireIds.TryParse(current.Validation, out NoticeValidity notice)
                || CaseStateMachine.Decide(state, notice, kind) is not TransitionResult.Allowed)
            {
                return SlaFireOutcome.NotPending;
            }

            var now = time.GetUtcNow();
            var (updated, record) = Record(current, timer, kind, now);
            var webhook = await webhooks.GetAsync(tenantId, cancellationToken);
            EscalationEntry[] escalation = webhook is null ? [] : [new(record.EventId, timer.Stage, timer.Kind, timer.Deadline, now, now + EscalationResendAfter)];
            var result = await cases.AppendAsync(updated, [record], sla: SlaIndexChange.Between(current, updated, escalation), cancellationToken: cancellationToken);
            if (result.Status != AppendStatus.Appended)
            {
                continue; // the case changed: read it again; the timer may be gone now
            }

            LogRecorded(logger, record.Kind, timer.Stage.ToId(), caseId, tenantId, now - timer.DueAt);
            if (escalation.Length == 1)
            {
                await escalations.TrySendAsync(EscalationMessage.For(tenantId, caseId, escalation[0]), cancellationToken);
            }

            return SlaFireOutcome.Recorded;
        }

        throw new InvalidOperationException($"Case {caseId} kept changing while an SLA timer fired.");
    }

    /// <summary>
    /// The case after the timer fired, and the step. The event id is derived from the stage and the
    /// deadline, so the same timer always yields the same id. A breach also ends the stage's warning
    /// timer (a warning after the deadline says nothing new) and opens the stage's breach.
    /// </summary>
    internal static (CaseRecord Updated, CaseEventRecord Step) Record(CaseRecord current, SlaTimer timer, StepKind kind, DateTimeOffset now)
    {
        var sequence = current.StepCount + 1;
        var stage = timer.Stage.ToId();
        var record = new CaseEventRecord
        {
            EventId = EventIds.For(current.CaseId, kind, $"{stage}|{timer.Deadline.UtcDateTime:O}"),
            CaseId = current.CaseId,
            Sequence = sequence,
            Kind = kind.ToId(),
            RecordedAt = now,
            Details = JsonSerializer.Serialize(new { stage, deadline = timer.Deadline, dueAt = timer.DueAt }),
            Actor = Triage.ServiceActor,
        };
        var breach = timer.Kind == SlaTimerKind.Breach;
        var updated = current with
        {
            StepCount = sequence,
            SlaTimers = current.SlaTimers.Where(t => t != timer && !(breach && t.Stage == timer.Stage && t.Deadline == timer.Deadline)).ToList(),
            OpenBreaches = breach && !current.OpenBreaches.Contains(timer.Stage) ? [.. current.OpenBreaches, timer.Stage] : current.OpenBreaches,
            Deadlines = current.Deadlines.Select(d => d.Stage == stage && d.DueAt == timer.Deadline ? d with { State = breach ? "breached" : "warning" } : d).ToList(),
        };
        return (updated, record);
    }

    [LoggerMessage(EventId = 410, Level = LogLevel.Warning, Message = "{Kind} recorded for stage {Stage} of case {CaseId} (tenant {TenantId}), {Delay} after it was due")]
    private static partial void LogRecorded(ILogger logger, string kind, string stage, string caseId, string tenantId, TimeSpan delay);
}
