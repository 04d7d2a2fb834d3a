using Azure.Data.Tables;
using TakedownFn.Domain.Sla;

namespace TakedownFn.Storage.Cases;

/// <summary>What an index row in the <c>t|</c> range is.</summary>
public enum SlaIndexKind
{
    /// <summary>A warning timer.</summary>
    Warning,

    /// <summary>A breach timer (the deadline).</summary>
    Breach,

    /// <summary>An escalation not yet delivered to the tenant's webhook.</summary>
    Escalation,
}

/// <summary>One row of a tenant's SLA index (<c>t|…</c>): a timer not yet handled or an escalation not yet delivered.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="CaseId">The case.</param>
/// <param name="RowKey">The row's key, to delete or re-key it.</param>
/// <param name="Kind">Timer or escalation.</param>
/// <param name="Stage">The stage.</param>
/// <param name="DueAt">When it is due (for an escalation: when to send it again).</param>
/// <param name="Deadline">The stage's deadline.</param>
/// <param name="WarningAt">For a breach timer, when the stage warns (if it does).</param>
/// <param name="Escalation">For an escalation, what to deliver.</param>
public sealed record SlaIndexEntry(
    string TenantId,
    string CaseId,
    string RowKey,
    SlaIndexKind Kind,
    SlaStage Stage,
    DateTimeOffset DueAt,
    DateTimeOffset Deadline,
    DateTimeOffset? WarningAt,
    EscalationEntry? Escalation)
{
    /// <summary>The timer this row stands for; only for <see cref="SlaIndexKind.Warning"/> and <see cref="SlaIndexKind.Breach"/>.</summary>
    public SlaTimer Timer => new(Stage, Kind == SlaIndexKind.Warning ? SlaTimerKind.Warning : SlaTimerKind.Breach, DueAt, Deadline);
}

/// <summary>Maps SLA index rows to entities and back.</summary>
internal static class SlaIndexRows
{
    public static string TimerKey(string caseId, SlaTimer timer) =>
        CaseKeys.Timer(caseId, timer.Stage.ToId(), timer.Kind.ToId(), timer.DueAt);

    public static string EscalationKey(string caseId, EscalationEntry escalation) =>
        CaseKeys.Timer(caseId, escalation.Stage.ToId(), $"escalation-{escalation.Kind.ToId()}", escalation.RetryAt);

    public static TableEntity Timer(string tenantId, string caseId, SlaTimer timer, DateTimeOffset? warningAt) => new(tenantId, TimerKey(caseId, timer))
    {
        ["CaseId"] = caseId,
        ["Stage"] = timer.Stage.ToId(),
        ["Kind"] = timer.Kind.ToId(),
        ["DueAt"] = timer.DueAt,
        ["Deadline"] = timer.Deadline,
        ["WarningAt"] = warningAt,
    };

    public static TableEntity Escalation(string tenantId, string caseId, EscalationEntry escalation) => new(tenantId, EscalationKey(caseId, escalation))
    {
        ["CaseId"] = caseId,
        ["Stage"] = escalation.Stage.ToId(),
        ["Kind"] = "escalation",
        ["EscalationKind"] = escalation.Kind.ToId(),
        ["EventId"] = escalation.EventId,
        ["DueAt"] = escalation.RetryAt,
        ["Deadline"] = escalation.Deadline,
        ["RecordedAt"] = escalation.RecordedAt,
    };

    /// <summary>The entry, or null for a row this version does not understand (left alone).</summary>
    public static SlaIndexEntry? ToEntry(TableEntity entity)
    {
        if (!SlaWireIds.TryParse(entity.GetString("Stage"), out SlaStage stage)
            || entity.GetString("CaseId") is not { } caseId
            || entity.GetDateTimeOffset("DueAt") is not { } dueAt
            || entity.GetDateTimeOffset("Deadline") is not { } deadline)
        {
            return null;
        }

        var kindText = entity.GetString("Kind");
        if (kindText == "escalation")
        {
            if (!SlaWireIds.TryParse(entity.GetString("EscalationKind"), out SlaTimerKind escalationKind) || entity.GetString("EventId") is not { } eventId)
            {
                return null;
            }

            var escalation = new EscalationEntry(eventId, stage, escalationKind, deadline, entity.GetDateTimeOffset("RecordedAt") ?? dueAt, dueAt);
            return new SlaIndexEntry(entity.PartitionKey, caseId, entity.RowKey, SlaIndexKind.Escalation, stage, dueAt, deadline, null, escalation);
        }

        return SlaWireIds.TryParse(kindText, out SlaTimerKind kind)
            ? new SlaIndexEntry(entity.PartitionKey, caseId, entity.RowKey, kind == SlaTimerKind.Warning ? SlaIndexKind.Warning : SlaIndexKind.Breach,
                stage, dueAt, deadline, entity.GetDateTimeOffset("WarningAt"), null)
            : null;
    }
}
