using System.Text.Json;
using TakedownFn.Domain.Cases;
using TakedownFn.Domain.Events;
using TakedownFn.Domain.Sla;
using TakedownFn.Processing;
using TakedownFn.Storage.Cases;

namespace TakedownFn.Sla;

/// <summary>
/// Recomputes provisional deadlines once their calendar's official data has arrived. A case whose
/// deadline counted a year derived from the statute has a <c>p|</c> row naming the calendar data
/// it was computed with; when the app starts with other data (a year's file added), the sweep finds
/// the rows whose data differs, recomputes each case's deadlines and records a
/// <c>deadline-recomputed</c> step listing every stage whose deadline or provisional flag changed,
/// with the reason, in one transaction conditional on the case's ETag that also moves its timers.
/// Never silent: a changed deadline always has its step; never twice: the step's id is derived from
/// the change, and a second instance finds the row already current.
/// </summary>
internal sealed partial class ProvisionalDeadlines(
    CaseStore cases, CalendarCatalog calendars, SlaOptions sla, SlaTimerQueue timers, SlaRecorder recorder, TimeProvider time, ILogger<ProvisionalDeadlines> logger)
{
    private const int MaxAttempts = 5;

    /// <summary>Recomputes every case of the tenant whose provisional deadlines used calendar data that has changed since; returns how many steps it recorded.</summary>
    public async Task<int> RecomputeTenantAsync(string tenantId, CancellationToken cancellationToken)
    {
        var recorded = 0;
        foreach (var stale in (await cases.ProvisionalCasesAsync(tenantId, cancellationToken)).Where(IsStale))
        {
            if (await RecomputeAsync(tenantId, stale.CaseId, cancellationToken))
            {
                recorded++;
            }
        }

        return recorded;
    }

    /// <summary>
    /// Recomputes one case; true when a <c>deadline-recomputed</c> step was recorded (false when
    /// nothing moved: the row is brought up to date without a step).
    /// </summary>
    public async Task<bool> RecomputeAsync(string tenantId, string caseId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = await cases.GetAsync(tenantId, caseId, withNotice: false, cancellationToken);
            if (stored is null)
            {
                return false;
            }

            var current = stored.Case;
            var events = await cases.GetEventsAsync(tenantId, caseId, cancellationToken);
            var (updated, _) = CaseSlaState.Apply(current, events, calendars, time, sla.WarningFraction);
            var changes = Changes(current, updated);
            CaseEventRecord[] steps = [];
            if (changes.Count > 0)
            {
                var step = Step(current, changes, time.GetUtcNow());
                updated = updated with { StepCount = step.Sequence };
                steps = [step];
            }

            var index = SlaIndexChange.Between(current, updated);
            var result = await cases.AppendAsync(updated, steps, sla: index, cancellationToken: cancellationToken);
            if (result.Status != AppendStatus.Appended)
            {
                continue; // the case changed meanwhile: judge it again
            }

            if (steps.Length > 0)
            {
                LogRecomputed(logger, caseId, tenantId, changes.Count);
            }

            if (await timers.ScheduleAsync(tenantId, index.AddTimers, cancellationToken))
            {
                // The official data moved a deadline into the past: record the breach now.
                await recorder.FireAsync(tenantId, caseId, cancellationToken);
            }

            return steps.Length > 0;
        }

        throw new InvalidOperationException($"Case {caseId} kept changing while its provisional deadlines were recomputed.");
    }

    /// <summary>A stage's deadline as it was and as it is now.</summary>
    internal sealed record DeadlineChange(string Stage, DateTimeOffset? From, DateTimeOffset? To, bool WasProvisional, bool Provisional, string? CalendarData);

    /// <summary>Every stage whose deadline or provisional flag differs between the two versions of the case.</summary>
    internal static IReadOnlyList<DeadlineChange> Changes(CaseRecord before, CaseRecord after)
    {
        var stages = before.Deadlines.Select(d => d.Stage).Union(after.Deadlines.Select(d => d.Stage), StringComparer.Ordinal);
        var changes = new List<DeadlineChange>();
        foreach (var stage in stages)
        {
            var was = before.Deadlines.FirstOrDefault(d => d.Stage == stage);
            var now = after.Deadlines.FirstOrDefault(d => d.Stage == stage);
            if (was?.DueAt != now?.DueAt || (was?.Provisional ?? false) != (now?.Provisional ?? false))
            {
                changes.Add(new DeadlineChange(stage, was?.DueAt, now?.DueAt, was?.Provisional ?? false, now?.Provisional ?? false, was?.CalendarData));
            }
        }

        return changes;
    }

    private bool IsStale(ProvisionalCase found) =>
        found.CalendarData.Any(data => !calendars.TryGet(data.Split(':')[0], out var calendar) || calendar.DataVersion != data);

    /// <summary>
    /// The step: each change with the calendar data it was computed with and the data now in force.
    /// Its id is derived from the changes, so the same recomputation always yields the same id.
    /// </summary>
    private CaseEventRecord Step(CaseRecord current, IReadOnlyList<DeadlineChange> changes, DateTimeOffset now)
    {
        var details = new
        {
            reason = "calendar-data-changed",
            changes = changes.Select(c => new
            {
                stage = c.Stage,
                from = c.From,
                to = c.To,
                wasProvisional = c.WasProvisional,
                provisional = c.Provisional,
                computedWith = c.CalendarData,
                recomputedWith = c.CalendarData is { } data && calendars.TryGet(data.Split(':')[0], out var calendar) ? calendar.DataVersion : null,
            }).ToList(),
        };
        var json = JsonSerializer.Serialize(details);
        return ServiceSteps.Next(current, StepKind.DeadlineRecomputed, EventIds.For(current.CaseId, StepKind.DeadlineRecomputed, $"{current.StepCount + 1}|{json}"), now, json);
    }

    [LoggerMessage(EventId = 460, Level = LogLevel.Information, Message = "Recomputed {Count} provisional deadline(s) of case {CaseId} (tenant {TenantId}) under new calendar data")]
    private static partial void LogRecomputed(ILogger logger, string caseId, string tenantId, int count);
}
