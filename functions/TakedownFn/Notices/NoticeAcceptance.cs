using System.Security.Cryptography;
using TakedownFn.Domain;
using TakedownFn.Domain.Cases;
using TakedownFn.Domain.Events;
using TakedownFn.Domain.Notices;
using TakedownFn.Domain.Notices.Submission;
using TakedownFn.Domain.Validation;
using TakedownFn.PersonalData;
using TakedownFn.Http;
using TakedownFn.Ledger.Leaves;
using TakedownFn.Processing;
using TakedownFn.Storage.Cases;

namespace TakedownFn.Notices;

/// <summary>One submitted notice as read from a request: its bytes as sent, or why it cannot be read.</summary>
internal sealed record SubmittedNotice(ReadOnlyMemory<byte> Json, NoticeSubmission? Submission, IReadOnlyList<ValidationError> Errors);

/// <summary>What the API answers for one notice.</summary>
internal sealed record NoticeAnswer(int Status, string? CaseId, IReadOnlyList<ValidationError> Errors, bool Replayed = false);

/// <summary>
/// Accepts notices: parses each (every bad field reported, nothing stored for a bad notice),
/// writes the accepted ones with their <c>received</c> step in table transactions, and puts one
/// intake message per request on the queue. A crash between the write and the enqueue loses
/// nothing: the outbox row makes the sweep enqueue the case later.
/// </summary>
internal sealed partial class NoticeAcceptance(CaseStore cases, IntakeQueue intake, NoticeScreening screening, TimeProvider time, ILogger<NoticeAcceptance> logger)
{
    public async Task<IReadOnlyList<NoticeAnswer>> AcceptAsync(string tenantId, IReadOnlyList<SubmittedNotice> notices, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var answers = new NoticeAnswer?[notices.Count];
        var accepted = new List<(int Index, NewCase Case)>();
        for (var i = 0; i < notices.Count; i++)
        {
            var notice = notices[i];
            var parsed = notice.Errors.Count > 0 ? ParseResult<Notice>.Failure(notice.Errors) : NoticeIntake.Parse(notice.Submission, now);
            if (!parsed.IsValid)
            {
                answers[i] = new NoticeAnswer(StatusCodes.Status400BadRequest, null, parsed.Errors);
                continue;
            }

            var newCase = NewCase(tenantId, parsed.Value!, notice.Json, idempotencyKey, now);
            if (NoticeScreening.Applies(parsed.Value!))
            {
                // Detection runs before anything is written: the excerpt never reaches storage.
                var (summary, stored) = await screening.ScreenAsync(tenantId, parsed.Value!, notice.Json, now, cancellationToken);
                newCase = newCase with { Case = newCase.Case with { PersonalData = summary }, Notice = stored };
            }

            accepted.Add((i, newCase));
        }

        if (accepted.Count > 0)
        {
            var results = await cases.AcceptAsync(tenantId, accepted.Select(a => a.Case).ToList(), cancellationToken);
            for (var j = 0; j < results.Count; j++)
            {
                answers[accepted[j].Index] = results[j].Status switch
                {
                    AcceptStatus.KeyReused => Reused(IdempotencyKeyHeader.Name),
                    AcceptStatus.ReferenceReused => Reused("platformReference"),
                    var status => new NoticeAnswer(StatusCodes.Status202Accepted, results[j].CaseId, [], Replayed: status == AcceptStatus.Existing),
                };
            }

            var created = results.Where(r => r.Status == AcceptStatus.Accepted).Select(r => r.CaseId).ToList();
            if (created.Count > 0)
            {
                await EnqueueAsync(tenantId, created, cancellationToken);
            }
        }

        return answers.Select(a => a!).ToList();
    }

    /// <summary>
    /// An identifier that names an earlier, different notice: replaying that case would tell the
    /// platform its new notice was recorded when it was not.
    /// </summary>
    private static NoticeAnswer Reused(string field) =>
        new(StatusCodes.Status422UnprocessableEntity, null, [new ValidationError(field, "was used before for a different notice")]);

    private async Task EnqueueAsync(string tenantId, IReadOnlyList<string> caseIds, CancellationToken cancellationToken)
    {
        try
        {
            await intake.SendAsync(new IntakeMessage(tenantId, caseIds), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The notices are stored with outbox rows: the sweep will enqueue them. The platform's
            // answer stays 202, because the notice is accepted.
            LogEnqueueFailed(logger, e, tenantId, caseIds.Count);
        }
    }

    private static NewCase NewCase(string tenantId, Notice notice, ReadOnlyMemory<byte> json, string? idempotencyKey, DateTimeOffset now)
    {
        var caseId = CaseKeys.NewCaseId(now);

        // The platform's receipt starts the clocks (its delay before submitting counts against it);
        // a received time after acceptance is refused by the intake, so this is the received time.
        var clockStart = notice.ReceivedAt < now ? notice.ReceivedAt : now;
        var record = new CaseRecord
        {
            TenantId = tenantId,
            CaseId = caseId,
            Regime = notice.Regime,
            Category = notice.Category,
            Channel = notice.Channel,
            State = CaseState.Received.ToId(),
            PlatformReference = notice.PlatformReference,
            ReceivedAt = notice.ReceivedAt,
            AcceptedAt = now,
            ClockStartedAt = clockStart,
            StepCount = 1,
            ItemCount = notice.Items.Count,
        };
        var received = new CaseEventRecord
        {
            EventId = EventIds.For(caseId, StepKind.Received, "1"),
            CaseId = caseId,
            Sequence = 1,
            Kind = StepKind.Received.ToId(),
            RecordedAt = now,
            OccurredAt = notice.ReceivedAt,
            Details = ReceivedDetails.Json(notice.Items.Count, clockStart),
            Actor = Triage.ServiceActor,
        };
        // The canonical form (RFC 8785), so a resend that differs only in spacing or member order
        // is the same notice.
        return new NewCase(record, received, json, idempotencyKey, Convert.ToHexStringLower(SHA256.HashData(JsonCanonicalizer.Canonicalize(json.Span))));
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Warning, Message = "Enqueueing {Count} accepted case(s) of tenant {TenantId} failed; the sweep will enqueue them")]
    private static partial void LogEnqueueFailed(ILogger logger, Exception exception, string tenantId, int count);
}
