using System.Text.Json;
using TakedownFn.Domain;
using TakedownFn.Domain.Cases;
using TakedownFn.Domain.Events;
using TakedownFn.Domain.Sla;
using TakedownFn.Processing;
using TakedownFn.Storage.Cases;

namespace TakedownFn.Sla;

/// <summary>What firing a case's timers came to.</summary>
internal enum SlaFireOutcome
{
    /// <summary>One or more <c>sla-warning</c>/<c>sla-breached</c> steps were recorded now.</summary>
    Recorded,

    /// <summary>No timer of the case is due: the stages were done, their deadlines moved, or the steps were recorded already.</summary>
    NotPending,

    /// <summary>No such case.</summary>
    NoCase,
}

/// <summary>
/// Fires a case's due SLA timers: re-reads the case and records <c>sla-warning</c> or
/// <c>sla-breached</c> for each timer due by now and drops those timers, in one transaction
/// conditional on the case row's ETag. The timer messages and the sweep all come here; whichever commits first records the steps, and
/// the other finds the timers gone, so a step is recorded exactly once.
/// </summary>
internal sealed partial class SlaRecorder(
    CaseStore cases, EscalationWebhooks webhooks, EscalationQueue escalations, TimeProvider time, ILogger<SlaRecorder> logger, Telemetry.AppMetrics metrics)
{
    /// <summary>When an undelivered escalation is sent again by the sweep (it is retried with back-off meanwhile).</summary>
    public static readonly TimeSpan EscalationResendAfter = TimeSpan.FromMinutes(10);

    private const int MaxAttempts = 5;

    public async Task<SlaFireOutcome> FireAsync(string tenantId, string caseId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = await cases.GetAsync(tenantId, caseId, withNotice: false, cancellationToken);
            if (stored is null)
            {
                return SlaFireOutcome.NoCase;
            }

            var current = stored.Case;
            var now = time.GetUtcNow();
            var (updated, records) = RecordDue(current, now);
            if (records.Count == 0)
            {
                return SlaFireOutcome.NotPending;
            }

            var webhook = await webhooks.GetAsync(tenantId, cancellationToken);
            var escalation = webhook is null ? [] : records.Select(r => Escalation(r.Timer, r.Step, now)).ToList();
            var result = await cases.AppendAsync(updated, [.. records.Select(r => r.Step)], sla: SlaIndexChange.Between(current, updated, escalation), cancellationToken: cancellationToken);
            if (result.Status != AppendStatus.Appended)
            {
                continue; // the case changed: read it again; the timers may be gone now
            }

            foreach (var (timer, record) in records)
            {
                LogRecorded(logger, record.Kind, timer.Stage.ToId(), caseId, tenantId, now - timer.DueAt);
                if (timer.Kind == SlaTimerKind.Breach)
                {
                    metrics.SlaBreachRecorded(timer.Stage.ToId());
                }
            }

            foreach (var entry in escalation)
            {
                await escalations.TrySendAsync(EscalationMessage.For(tenantId, caseId, entry), cancellationToken);
            }

            return SlaFireOutcome.Recorded;
        }

        throw new InvalidOperationException($"Case {caseId} kept changing while its SLA timers fired.");
    }

    /// <summary>
    /// The case after every timer due by <paramref name="now"/> fired, and the steps, in due order.
    /// A warning whose stage's breach is due too is dropped without a step: past the deadline it
    /// says nothing the breach does not. A case whose state takes no SLA step records none.
    /// </summary>
    internal static (CaseRecord Updated, IReadOnlyList<(SlaTimer Timer, CaseEventRecord Step)> Records) RecordDue(CaseRecord current, DateTimeOffset now)
    {
        var due = current.SlaTimers.Where(t => t.DueAt <= now).OrderBy(t => t.DueAt).ThenBy(t => t.Kind).ToList();
        if (due.Count == 0
            || !WireIds.TryParse(current.State, out CaseState state)
            || !WireIds.TryParse(current.Validation, out NoticeValidity notice)
            || CaseStateMachine.Decide(state, notice, StepKind.SlaBreached) is not TransitionResult.Allowed)
        {
            return (current, []);
        }

        var updated = current;
        var records = new List<(SlaTimer, CaseEventRecord)>();
        foreach (var timer in due.Where(t => !(t.Kind == SlaTimerKind.Warning && due.Any(b => b.Kind == SlaTimerKind.Breach && b.Stage == t.Stage && b.Deadline == t.Deadline))))
        {
            (updated, var step) = Record(updated, timer, timer.Kind == SlaTimerKind.Warning ? StepKind.SlaWarning : StepKind.SlaBreached, now);
            records.Add((timer, step));
        }

        return (updated, records);
    }

    private static EscalationEntry Escalation(SlaTimer timer, CaseEventRecord step, DateTimeOffset now) =>
        new(step.EventId, timer.Stage, timer.Kind, timer.Deadline, now, now + EscalationResendAfter);

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
