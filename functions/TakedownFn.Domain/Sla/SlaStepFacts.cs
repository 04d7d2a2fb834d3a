using System.Globalization;
using System.Text.Json;
using TakedownFn.Domain.Cases;

namespace TakedownFn.Domain.Sla;

/// <summary>
/// Reads the SLA-relevant fact of one recorded step (kind, server time and the few details some
/// kinds carry) from its stored form. Pure, so the service and the offline verifier read a step's
/// details the same way.
/// </summary>
public static class SlaStepFacts
{
    /// <summary>The fact of one step; null for a kind this version does not know.</summary>
    /// <param name="kind">The step kind id.</param>
    /// <param name="recordedAt">The server time it was recorded.</param>
    /// <param name="detailsJson">Its details as JSON.</param>
    public static SlaStepFact? Read(string kind, DateTimeOffset recordedAt, string detailsJson)
    {
        if (!WireIds.TryParse(kind, out StepKind parsedKind))
        {
            return null;
        }

        using var details = JsonDocument.Parse(detailsJson);
        var root = details.RootElement;
        NotificationTopic? topic = Text(root, "topic") is { } t && WireIds.TryParse(t, out NotificationTopic parsed) ? parsed : null;
        TimeSpan? retention = null;
        var legalHold = false;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("evidence", out var evidence) && evidence.ValueKind == JsonValueKind.Object)
        {
            retention = Text(evidence, "retentionPeriod") is { } r && TimeSpan.TryParse(r, CultureInfo.InvariantCulture, out var span) ? span : null;
            legalHold = evidence.TryGetProperty("legalHold", out var hold) && hold.ValueKind == JsonValueKind.True;
        }

        SlaStage? stage = Text(root, "stage") is { } s && SlaWireIds.TryParse(s, out SlaStage st) ? st : null;
        DateTimeOffset? deadline = Time(root, "deadline");

        // The received step records where its clocks start: the earlier of the platform's stated
        // receipt and the service's acceptance (absent on cases accepted before that rule).
        DateTimeOffset? clockStart = parsedKind == StepKind.Received ? Time(root, ReceivedStep.ClockStartsAt) : null;
        return new SlaStepFact(parsedKind, recordedAt, topic, retention, legalHold, stage, deadline, clockStart);
    }

    private static DateTimeOffset? Time(JsonElement element, string name) =>
        Text(element, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time)
            ? time
            : null;

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
