using System.Text.Json;
using TakedownFn.Domain;
using TakedownFn.Domain.Cases;
using TakedownFn.Domain.Events;
using TakedownFn.Domain.Retention;
using TakedownFn.Storage.Cases;

namespace TakedownFn.Erasure;

/// <summary>
/// Erases a case's personal data — on an officer's request or when its retention ends — unless a
/// legal hold is on. Erasure destroys the case's data key and keeps only the notice's non-personal
/// residue (<see cref="NoticeResidue"/>); the step, its ledger leaf and every earlier leaf stay, so
/// the log remains verifiable. Idempotent: an erased case answers with its first erasure, and a
/// refusal is recorded once per hold and reason.
/// </summary>
internal sealed partial class CaseErasures(CaseStore cases, TimeProvider time, ILogger<CaseErasures> logger)
{
    public const string Request = "request";
    public const string Retention = "retention";
    public const string ServiceActor = "service";
    private const int MaxAttempts = 5;

    /// <summary>Where erased data was kept, for the answer and the step (places, never values).</summary>
    public static readonly IReadOnlyList<string> ErasedFrom =
    [
        "cases table, case row: the notice sealed under the case's data key, and the wrapped data key (destroyed)",
    ];

    public async Task<ErasureOutcome> EraseAsync(string tenant, string caseId, string reason, string legalBasis, string actor, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = await cases.GetAsync(tenant, caseId, withNotice: true, cancellationToken);
            if (stored is null)
            {
                return new ErasureOutcome.NotFound();
            }

            var current = stored.Case;
            if (current.Erasure is { } earlier)
            {
                return new ErasureOutcome.Erased(earlier);
            }

            if (current.State == CaseState.Received.ToId())
            {
                return new ErasureOutcome.NotYetProcessed();
            }

            var events = await cases.GetEventsAsync(tenant, caseId, cancellationToken);
            var now = time.GetUtcNow();
            var sequence = current.StepCount + 1;
            if (LegalHold.Current(events.Select(e => (e.EventId, e.Kind, e.RecordedAt, e.Details))) is { } hold)
            {
                var refusalId = EventIds.For(caseId, StepKind.ErasureRefused, $"{hold.StepId}|{reason}");
                if (events.Any(e => e.EventId == refusalId))
                {
                    return new ErasureOutcome.Held(hold, refusalId);
                }

                var refusal = Step(refusalId, caseId, sequence, StepKind.ErasureRefused, now, actor, new { reason, legalBasis, holdStepId = hold.StepId, holdSetAt = hold.SetAt });
                var appended = await cases.AppendAsync(current with { StepCount = sequence }, [refusal], cancellationToken: cancellationToken);
                if (appended.Status == AppendStatus.Appended)
                {
                    LogRefused(logger, tenant, caseId, hold.StepId);
                    return new ErasureOutcome.Held(hold, refusalId);
                }

                continue;
            }

            var (residue, fields) = NoticeResidue.Of(stored.Notice);
            var stepId = EventIds.For(caseId, StepKind.PersonalDataErased, string.Empty);
            var erasure = new CaseErasure(now, reason, actor, legalBasis, fields, stepId);
            var step = Step(stepId, caseId, sequence, StepKind.PersonalDataErased, now, actor, new { reason, legalBasis, fields, erasedFrom = ErasedFrom });
            var result = await cases.EraseAsync(current with { StepCount = sequence, Erasure = erasure }, residue, step, cancellationToken);
            if (result.Status == AppendStatus.Appended)
            {
                LogErased(logger, tenant, caseId, reason, fields.Count);
                return new ErasureOutcome.Erased(erasure);
            }
        }

        return new ErasureOutcome.Busy();
    }

    /// <summary>
    /// Records that <paramref name="actor"/> had the case's personal fields disclosed (a
    /// <c>personal-data-disclosed</c> step and its leaf: who and when, never the values).
    /// </summary>
    public async Task RecordDisclosureAsync(string tenant, string caseId, string actor, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = await cases.GetAsync(tenant, caseId, withNotice: false, cancellationToken);
            if (stored is null)
            {
                return;
            }

            var sequence = stored.Case.StepCount + 1;
            var step = Step(EventIds.For(caseId, StepKind.PersonalDataDisclosed, $"{sequence}"), caseId, sequence, StepKind.PersonalDataDisclosed, time.GetUtcNow(), actor, new { fields = "notice", to = actor });
            if ((await cases.AppendAsync(stored.Case with { StepCount = sequence }, [step], cancellationToken: cancellationToken)).Status == AppendStatus.Appended)
            {
                return;
            }
        }

        throw new InvalidOperationException($"Case {caseId} kept changing while its disclosure was recorded.");
    }

    private static CaseEventRecord Step(string eventId, string caseId, int sequence, StepKind kind, DateTimeOffset now, string actor, object details) => new()
    {
        EventId = eventId,
        CaseId = caseId,
        Sequence = sequence,
        Kind = kind.ToId(),
        RecordedAt = now,
        Details = JsonSerializer.Serialize(details, JsonSerializerOptions.Web),
        Actor = actor,
    };

    [LoggerMessage(EventId = 1500, Level = LogLevel.Information, Message = "Personal data of case {CaseId} of tenant {TenantId} erased ({Reason}, {FieldCount} fields)")]
    private static partial void LogErased(ILogger logger, string tenantId, string caseId, string reason, int fieldCount);

    [LoggerMessage(EventId = 1501, Level = LogLevel.Information, Message = "Erasure of case {CaseId} of tenant {TenantId} refused: legal hold {HoldStepId}")]
    private static partial void LogRefused(ILogger logger, string tenantId, string caseId, string holdStepId);
}
