using TakedownFn.Domain.Cases;
using TakedownFn.Domain.Notices;
using TakedownFn.Domain.Notices.Submission;
using TakedownFn.Functions;
using TakedownFn.Http;
using TakedownFn.Notices;
using TakedownFn.Incidents;
using TakedownFn.Storage.Cases;
using TakedownFn.Domain;
using TakedownFn.Domain.Sla;
using TakedownFn.Sla;
using TakedownFn.Surge;

namespace TakedownFn.Processing;

/// <summary>
/// The intake queue's function: validates each received case against its regime, assesses
/// severity and records <c>validated</c>/<c>incomplete</c> and <c>triaged</c> with the policy it is
/// judged under, its SLA timers and their index rows, then makes sure a timer message will fire them.
/// Idempotent: a case already past <c>received</c> is left alone, and the write is conditional on
/// the case row's ETag, so two instances handling the same case write its steps once.
/// </summary>
internal sealed partial class IntakeProcessor(
    CaseStore cases,
    TenantSlaOverrides overrides,
    PolicyCatalog catalog,
    CalendarCatalog calendars,
    SlaOptions sla,
    SlaTimerQueue timers,
    SlaRecorder recorder,
    IncidentLinker incidents,
    SurgeTracker surges,
    TimeProvider time,
    ILogger<IntakeProcessor> logger) : IQueueHandler
{
    private const int MaxAttempts = 5;

    public async Task HandleAsync(QueueDelivery delivery, CancellationToken cancellationToken)
    {
        var message = IntakeMessage.Parse(delivery.Text);
        TenantOverride? tenantOverride = null;
        var overrideRead = false;
        foreach (var caseId in message.Cases)
        {
            await ProcessAsync(message.Tenant, caseId, async () =>
            {
                // Read once per message, and only when a case actually needs judging.
                if (!overrideRead)
                {
                    tenantOverride = await overrides.GetAsync(message.Tenant, cancellationToken);
                    overrideRead = true;
                }

                return tenantOverride;
            }, cancellationToken);
        }
    }

    private async Task ProcessAsync(string tenantId, string caseId, Func<Task<TenantOverride?>> tenantOverride, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var stored = await cases.GetAsync(tenantId, caseId, withNotice: true, cancellationToken);
            if (stored is null)
            {
                LogUnknownCase(logger, tenantId, caseId);
                return;
            }

            if (stored.Case.Erasure is not null)
            {
                // Erased: only the notice's non-personal residue is left, and the case was judged before.
                return;
            }

            if (stored.Case.State != CaseState.Received.ToId())
            {
                // Processed already: a redelivery, or another instance was first. Linking its
                // incident, the surge count and its step may not have happened (a crash after
                // triage); each is idempotent.
                if (IncidentLinker.Applies(stored.Case))
                {
                    await incidents.LinkAsync(stored.Case, ReadNotice(stored), cancellationToken);
                }

                await surges.TrackAsync(stored.Case, TopicOf(stored), cancellationToken);
                return;
            }

            var notice = ReadNotice(stored);
            var (triaged, steps) = Triage.Decide(stored.Case, notice, time.GetUtcNow(), catalog, stored.Case.Policy is null ? await tenantOverride() : null);
            var earlier = await EarlierStepsAsync(stored.Case, cancellationToken);
            var (updated, _) = CaseSlaState.Apply(triaged, [.. earlier, .. steps], calendars, time, sla.WarningFraction);
            var change = SlaIndexChange.Between(stored.Case, updated);
            var result = await cases.AppendAsync(updated, steps, completeOutbox: true, sla: change, cancellationToken: cancellationToken);
            if (result.Status == AppendStatus.Appended)
            {
                LogTriaged(logger, tenantId, caseId, updated.Validation, updated.Severity);
                await incidents.LinkAsync(updated, notice, cancellationToken);
                if (await timers.ScheduleAsync(tenantId, change.AddTimers, cancellationToken))
                {
                    // Judged after a deadline already passed (a backlog): record it now.
                    await recorder.FireAsync(tenantId, caseId, cancellationToken);
                }

                await surges.TrackAsync(updated, notice.Topic, cancellationToken);
                return;
            }
        }

        throw new InvalidOperationException($"Case {caseId} kept changing while it was processed.");
    }

    /// <summary>
    /// The steps recorded before this processing. A case fresh from intake has only its
    /// <c>received</c> step, recorded at acceptance with the details the case row repeats, so it
    /// costs no read; one judged again reads its steps.
    /// </summary>
    private async Task<IReadOnlyList<CaseEventRecord>> EarlierStepsAsync(CaseRecord received, CancellationToken cancellationToken) =>
        received.StepCount <= 1
            ? [new CaseEventRecord
            {
                EventId = "received", CaseId = received.CaseId, Sequence = 1, Kind = StepKind.Received.ToId(), RecordedAt = received.AcceptedAt,
                Details = ReceivedDetails.Json(received.ItemCount, received.ClockStartedAt), Actor = Triage.ServiceActor,
            }]
            : await cases.GetEventsAsync(received.TenantId, received.CaseId, cancellationToken);

    /// <summary>
    /// The stored notice passed validation when it was accepted; it is judged at its acceptance
    /// time so that reprocessing later gives the same answer. Notices accepted before received times
    /// had to precede acceptance could lie up to <see cref="NoticeLimits.FutureTolerance"/> after it.
    /// </summary>
    private static Notice ReadNotice(StoredCase stored)
    {
        var (submission, errors) = JsonBody.Deserialize<NoticeSubmission>(stored.Notice);
        var parsed = errors.Count == 0 ? NoticeIntake.Parse(submission, stored.Case.AcceptedAt + NoticeLimits.FutureTolerance) : null;
        return parsed is { IsValid: true }
            ? parsed.Value!
            : throw new InvalidOperationException($"The stored notice of case {stored.Case.CaseId} no longer parses.");
    }

    /// <summary>The stored notice's topic tag, read without judging the notice again.</summary>
    private static string? TopicOf(StoredCase stored)
    {
        if (stored.Notice is null)
        {
            return null;
        }

        using var document = System.Text.Json.JsonDocument.Parse(stored.Notice);
        return document.RootElement.TryGetProperty("topic", out var topic) && topic.ValueKind == System.Text.Json.JsonValueKind.String ? topic.GetString() : null;
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Warning, Message = "Intake message names case {CaseId} of tenant {TenantId}, which does not exist")]
    private static partial void LogUnknownCase(ILogger logger, string tenantId, string caseId);

    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Case {CaseId} of tenant {TenantId} triaged: {Validation}, severity {Severity}")]
    private static partial void LogTriaged(ILogger logger, string tenantId, string caseId, string validation, string? severity);
}
