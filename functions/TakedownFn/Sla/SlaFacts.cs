using System.Text.Json;
using TakedownFn.Domain;
using TakedownFn.Domain.Cases;
using TakedownFn.Domain.Sla;
using TakedownFn.Storage.Cases;

namespace TakedownFn.Sla;

/// <summary>Reads the SLA-relevant facts out of stored steps (their kind, server time and a few details).</summary>
internal static class SlaFacts
{
    public static IReadOnlyList<SlaStepFact> From(IEnumerable<CaseEventRecord> events) =>
        events.OrderBy(e => e.Sequence).Select(From).OfType<SlaStepFact>().ToList();

    /// <summary>The fact of one step; null for a kind this version does not know.</summary>
    public static SlaStepFact? From(CaseEventRecord e)
    {
        if (!WireIds.TryParse(e.Kind, out StepKind kind))
        {
            return null;
        }

        using var details = JsonDocument.Parse(e.Details);
        var root = details.RootElement;
        NotificationTopic? topic = Text(root, "topic") is { } t && WireIds.TryParse(t, out NotificationTopic parsed) ? parsed : null;
        TimeSpan? retention = null;
        var legalHold = false;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("evidence", out var evidence) && evidence.ValueKind == JsonValueKind.Object)
        {
            retention = Text(evidence, "retentionPeriod") is { } r && TimeSpan.TryParse(r, System.Globalization.CultureInfo.InvariantCulture, out var span) ? span : null;
            legalHold = evidence.TryGetProperty("legalHold", out var hold) && hold.ValueKind == JsonValueKind.True;
        }

        SlaStage? stage = Text(root, "stage") is { } s && SlaWireIds.TryParse(s, out SlaStage st) ? st : null;
        DateTimeOffset? deadline = Text(root, "deadline") is { } d && DateTimeOffset.TryParse(d, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var dl) ? dl : null;
        DateTimeOffset? clockStart = kind == StepKind.Received && Text(root, ReceivedStep.ClockStartsAt) is { } c && DateTimeOffset.TryParse(c, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var cs) ? cs : null;
        return new SlaStepFact(kind, e.RecordedAt, topic, retention, legalHold, stage, deadline, clockStart);
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
