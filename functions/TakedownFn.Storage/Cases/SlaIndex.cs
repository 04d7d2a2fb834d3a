using Azure.Data.Tables;
using TakedownFn.Domain;
using TakedownFn.Domain.Sla;

namespace TakedownFn.Storage.Cases;

/// <summary>An escalation to deliver to the tenant's webhook; its outbox row lives until delivered.</summary>
/// <param name="EventId">The <c>sla-warning</c>/<c>sla-breached</c> event escalated.</param>
/// <param name="Stage">The stage.</param>
/// <param name="Kind">Warning or breach.</param>
/// <param name="Deadline">The stage's deadline.</param>
/// <param name="RecordedAt">When the event was recorded.</param>
/// <param name="RetryAt">When the sweep sends it again if it is still not delivered.</param>
public sealed record EscalationEntry(string EventId, SlaStage Stage, SlaTimerKind Kind, DateTimeOffset Deadline, DateTimeOffset RecordedAt, DateTimeOffset RetryAt);

/// <summary>
/// The index rows one case change adds and removes: timer rows for the timers the case gained and
/// lost, open-breach rows, and escalation outbox rows. Written in the same transaction as the case
/// row that lists the timers, so the index is exactly the cases' own view.
/// </summary>
/// <param name="AddTimers">Timers the case now needs.</param>
/// <param name="RemoveTimers">Timers it no longer needs (fired, or the stage completed or moved).</param>
/// <param name="AddBreaches">Stages newly breached and open.</param>
/// <param name="RemoveBreaches">Breached stages now completed or stopped.</param>
/// <param name="AddEscalations">Escalations to deliver.</param>
public sealed record SlaIndexChange(
    IReadOnlyList<SlaTimer> AddTimers,
    IReadOnlyList<SlaTimer> RemoveTimers,
    IReadOnlyList<SlaStage> AddBreaches,
    IReadOnlyList<SlaStage> RemoveBreaches,
    IReadOnlyList<EscalationEntry> AddEscalations)
{
    public static SlaIndexChange None { get; } = new([], [], [], [], []);

    /// <summary>
    /// The case's provisional-deadline row (<see cref="CaseKeys.Provisional"/>): written with the
    /// calendar data of its provisional deadlines when that data is new, deleted when none is
    /// provisional any more; <see langword="null"/> leaves it as it is.
    /// </summary>
    public ProvisionalRowChange? Provisional { get; init; }

    public bool IsEmpty => AddTimers.Count + RemoveTimers.Count + AddBreaches.Count + RemoveBreaches.Count + AddEscalations.Count == 0 && Provisional is null;

    /// <summary>The rows that turn <paramref name="before"/>'s index into <paramref name="after"/>'s.</summary>
    public static SlaIndexChange Between(CaseRecord before, CaseRecord after, IReadOnlyList<EscalationEntry>? escalations = null) => new(
        after.SlaTimers.Except(before.SlaTimers).ToArray(),
        before.SlaTimers.Except(after.SlaTimers).ToArray(),
        after.OpenBreaches.Except(before.OpenBreaches).ToArray(),
        before.OpenBreaches.Except(after.OpenBreaches).ToArray(),
        escalations ?? [])
    {
        Provisional = ProvisionalRowChange.Between(before, after),
    };

    internal IEnumerable<TableTransactionAction> Actions(CaseRecord after)
    {
        var tenant = after.TenantId;
        var caseId = after.CaseId;
        if (Provisional is { } provisional)
        {
            yield return provisional.CalendarData.Count == 0
                ? new(TableTransactionActionType.Delete, new TableEntity(tenant, CaseKeys.Provisional(caseId)), Azure.ETag.All)
                : new(TableTransactionActionType.UpsertReplace, new TableEntity(tenant, CaseKeys.Provisional(caseId))
                {
                    ["CaseId"] = caseId,
                    ["CalendarData"] = string.Join(";", provisional.CalendarData),
                });
        }

        foreach (var timer in RemoveTimers)
        {
            yield return new(TableTransactionActionType.Delete, new TableEntity(tenant, SlaIndexRows.TimerKey(caseId, timer)), Azure.ETag.All);
        }

        foreach (var timer in AddTimers)
        {
            var warningAt = timer.Kind == SlaTimerKind.Breach
                ? after.SlaTimers.FirstOrDefault(t => t.Stage == timer.Stage && t.Kind == SlaTimerKind.Warning && t.Deadline == timer.Deadline).DueAt
                : default;
            yield return new(TableTransactionActionType.UpsertReplace, SlaIndexRows.Timer(tenant, caseId, timer, warningAt == default ? null : warningAt));
        }

        foreach (var stage in RemoveBreaches)
        {
            yield return new(TableTransactionActionType.Delete, new TableEntity(tenant, CaseKeys.OpenBreach(caseId, stage.ToId())), Azure.ETag.All);
        }

        foreach (var stage in AddBreaches)
        {
            var deadline = after.Deadlines.FirstOrDefault(d => d.Stage == stage.ToId())?.DueAt;
            yield return new(TableTransactionActionType.UpsertReplace, new TableEntity(tenant, CaseKeys.OpenBreach(caseId, stage.ToId()))
            {
                ["CaseId"] = caseId,
                ["Stage"] = stage.ToId(),
                ["Deadline"] = deadline,
            });
        }

        foreach (var escalation in AddEscalations)
        {
            yield return new(TableTransactionActionType.UpsertReplace, SlaIndexRows.Escalation(tenant, caseId, escalation));
        }
    }
}

/// <summary>What the case's provisional-deadline row becomes: the calendar data its provisional deadlines were computed with, or none (delete).</summary>
/// <param name="CalendarData">Distinct <c>DataVersion</c>s, ordered; empty when no deadline is provisional.</param>
public sealed record ProvisionalRowChange(IReadOnlyList<string> CalendarData)
{
    /// <summary>The row change between two versions of a case, or <see langword="null"/> when the row stays as it is.</summary>
    public static ProvisionalRowChange? Between(CaseRecord before, CaseRecord after)
    {
        var was = DataOf(before);
        var now = DataOf(after);
        return was.SequenceEqual(now, StringComparer.Ordinal) ? null : new ProvisionalRowChange(now);
    }

    /// <summary>The calendar data of a case's provisional deadlines.</summary>
    public static IReadOnlyList<string> DataOf(CaseRecord record) =>
        record.Deadlines.Where(d => d.Provisional && d.CalendarData is not null).Select(d => d.CalendarData!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
}
