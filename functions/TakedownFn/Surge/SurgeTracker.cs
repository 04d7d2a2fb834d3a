using System.Text.Json;
using TakedownFn.Domain.Cases;
using TakedownFn.Domain.Events;
using TakedownFn.Domain.Surge;
using TakedownFn.Incidents;
using TakedownFn.Processing;
using TakedownFn.Sla;
using TakedownFn.Storage.Cases;
using TakedownFn.Storage.Incidents;
using TakedownFn.Storage.Surge;

namespace TakedownFn.Surge;

/// <summary>
/// Feeds triaged notices to the surge detector and records what it finds. A notice counts once in
/// each of its streams (<c>topic:{tag}</c>, and <c>incident:{id}</c> for a doxxing case linked to a
/// victim's incident); the notice that makes its stream surge gets an
/// <c>incident-surge</c> step (a ledger event like every step) with the figures and the recommended
/// measures, and the tenant's escalation webhook is called. Called after triage commits and again
/// on any redelivery of the intake message, so a crash between the count, the step and the
/// webhook call loses none of them: the count is keyed by the case, the step's id by the case and
/// stream, and the webhook is at least once.
/// </summary>
internal sealed partial class SurgeTracker(
    SurgeStore streams,
    CaseStore cases,
    IncidentStore incidents,
    SurgeOptions options,
    EscalationWebhooks webhooks,
    EscalationQueue escalations,
    TimeProvider time,
    ILogger<SurgeTracker> logger)
{
    /// <summary>The streams a notice belongs to: its topic, and its victim's incident.</summary>
    public static IReadOnlyList<string> StreamsOf(string? topic, string? incidentId) =>
        [.. topic is null ? [] : new[] { $"topic:{topic}" }, .. incidentId is null ? [] : new[] { $"incident:{incidentId}" }];

    /// <summary>Counts the triaged case's notice in each of its streams and records a surge it fires.</summary>
    public async Task TrackAsync(CaseRecord triaged, string? topic, CancellationToken cancellationToken)
    {
        // Counts follow the incident id the case has when triaged; when incidents merge, earlier counts stay under the id they were made with.
        var incidentId = IncidentLinker.Applies(triaged) ? await incidents.IncidentOfCaseAsync(triaged.TenantId, triaged.CaseId, cancellationToken) : null;
        foreach (var stream in StreamsOf(topic, incidentId))
        {
            var (tenantId, caseId) = (triaged.TenantId, triaged.CaseId);
            var count = await streams.CountAsync(tenantId, stream, caseId, triaged.AcceptedAt, options.Rule, cancellationToken);
            var fired = count.Verdict is { Outcome: SurgeOutcome.Fired } verdict
                ? verdict
                : count.Verdict is null ? await streams.FiredByAsync(tenantId, stream, caseId, cancellationToken) : null;
            if (fired is not null)
            {
                await RecordAsync(tenantId, caseId, stream, fired, cancellationToken);
            }
        }
    }

    /// <summary>The step's id: one surge step per case and stream, however often it is recorded.</summary>
    public static string EventIdFor(string caseId, string stream) => EventIds.For(caseId, StepKind.IncidentSurge, stream);

    private async Task RecordAsync(string tenantId, string caseId, string stream, SurgeVerdict verdict, CancellationToken cancellationToken)
    {
        var eventId = EventIdFor(caseId, stream);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var stored = await cases.GetAsync(tenantId, caseId, withNotice: false, cancellationToken);
            if (stored is null)
            {
                return;
            }

            var events = await cases.GetEventsAsync(tenantId, caseId, cancellationToken);
            var existing = events.FirstOrDefault(e => e.EventId == eventId);
            if (existing is null)
            {
                existing = Step(stored.Case, eventId, stream, verdict, time.GetUtcNow());
                var result = await cases.AppendAsync(stored.Case with { StepCount = existing.Sequence }, [existing], cancellationToken: cancellationToken);
                if (result.Status != AppendStatus.Appended)
                {
                    continue;
                }

                LogSurge(logger, stream.Length, tenantId, caseId, verdict.WindowCount, verdict.Expected);
            }

            if (await webhooks.GetAsync(tenantId, cancellationToken) is not null)
            {
                await escalations.TrySendAsync(EscalationMessage.ForSurge(tenantId, caseId, existing.EventId, existing.RecordedAt, new SurgeEscalation(stream, verdict, SurgeMeasures.Recommended)), cancellationToken);
            }

            return;
        }

        throw new InvalidOperationException($"Case {caseId} kept changing while its surge was recorded.");
    }

    private CaseEventRecord Step(CaseRecord current, string eventId, string stream, SurgeVerdict verdict, DateTimeOffset now) =>
        ServiceSteps.Next(current, StepKind.IncidentSurge, eventId, now, JsonSerializer.Serialize(new
        {
            stream,
            windowCount = verdict.WindowCount,
            expected = verdict.Expected,
            pValue = verdict.PValue,
            baselineCount = verdict.BaselineCount,
            baselineHours = verdict.BaselineHours,
            window = options.Window,
            threshold = options.Threshold,
            recommendedMeasures = SurgeMeasures.Recommended,
        }));

    // The stream is not logged (a topic is the platform's tag); its length says which it is when debugging.
    [LoggerMessage(EventId = 470, Level = LogLevel.Warning, Message = "Surge on a stream (key length {StreamLength}) of tenant {TenantId}, fired by case {CaseId}: {WindowCount} notices in the window, {Expected} expected")]
    private static partial void LogSurge(ILogger logger, int streamLength, string tenantId, string caseId, int windowCount, double expected);
}
