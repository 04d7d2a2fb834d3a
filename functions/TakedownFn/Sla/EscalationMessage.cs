using System.Text.Json;
using System.Text.Json.Serialization;
using TakedownFn.Domain.Sla;
using TakedownFn.Storage.Cases;

namespace TakedownFn.Sla;

/// <summary>The escalations queue's message: one <c>sla-warning</c>/<c>sla-breached</c> event to post to the tenant's webhook.</summary>
internal sealed record EscalationMessage(
    [property: JsonPropertyName("tenant")] string Tenant,
    [property: JsonPropertyName("case")] string Case,
    [property: JsonPropertyName("eventId")] string EventId,
    [property: JsonPropertyName("stage")] SlaStage Stage,
    [property: JsonPropertyName("kind")] SlaTimerKind Kind,
    [property: JsonPropertyName("deadline")] DateTimeOffset Deadline,
    [property: JsonPropertyName("recordedAt")] DateTimeOffset RecordedAt,
    [property: JsonPropertyName("outboxRow")] string OutboxRow,
    [property: JsonPropertyName("attempt")] int Attempt,
    [property: JsonPropertyName("surge")] SurgeEscalation? Surge = null)
{
    /// <summary>
    /// An <c>incident-surge</c> to post. It has no outbox row: the intake message that found it is
    /// redelivered until the escalation is enqueued. Stage, kind and deadline are unused for a surge.
    /// </summary>
    public static EscalationMessage ForSurge(string tenant, string caseId, string eventId, DateTimeOffset recordedAt, SurgeEscalation surge) =>
        new(tenant, caseId, eventId, SlaStage.Act, SlaTimerKind.Warning, recordedAt, recordedAt, string.Empty, 1, surge);

    public static EscalationMessage For(string tenant, string caseId, EscalationEntry entry) =>
        new(tenant, caseId, entry.EventId, entry.Stage, entry.Kind, entry.Deadline, entry.RecordedAt, CaseStore.EscalationRowKey(caseId, entry), 1);

    public string ToJson() => JsonSerializer.Serialize(this, SlaJson.Options);

    /// <exception cref="FormatException">The text is not an escalation message.</exception>
    public static EscalationMessage Parse(string text)
    {
        try
        {
            var message = JsonSerializer.Deserialize<EscalationMessage>(text, SlaJson.Options);
            return message is { Tenant: not null, Case: not null, EventId: not null, OutboxRow: not null } ? message : throw new FormatException("The escalation message lacks fields.");
        }
        catch (JsonException e)
        {
            throw new FormatException("The escalation message is not JSON of the expected shape.", e);
        }
    }
}

/// <summary>A surge's escalation: the stream, the detector's figures, and the measures recommended.</summary>
internal sealed record SurgeEscalation(
    [property: JsonPropertyName("stream")] string Stream,
    [property: JsonPropertyName("verdict")] Domain.Surge.SurgeVerdict Verdict,
    [property: JsonPropertyName("recommendedMeasures")] IReadOnlyList<string> RecommendedMeasures);
