using TakedownFn.Domain.Cases;
using TakedownFn.Domain.Notices;
using TakedownFn.Domain.Notices.Submission;
using TakedownFn.Functions;
using TakedownFn.Http;
using TakedownFn.Storage.Cases;
using TakedownFn.Domain;

namespace TakedownFn.Processing;

/// <summary>
/// The intake queue's function: validates each received case against its regime, assesses
/// severity and records <c>validated</c>/<c>incomplete</c> and <c>triaged</c> with the deadlines.
/// Idempotent: a case already past <c>received</c> is left alone, and the write is conditional on
/// the case row's ETag, so two instances handling the same case write its steps once.
/// </summary>
internal sealed partial class IntakeProcessor(CaseStore cases, TimeProvider time, ILogger<IntakeProcessor> logger) : IQueueHandler
{
    private const int MaxAttempts = 5;

    public async Task HandleAsync(QueueDelivery delivery, CancellationToken cancellationToken)
    {
        var message = IntakeMessage.Parse(delivery.Text);
        foreach (var caseId in message.Cases)
        {
            await ProcessAsync(message.Tenant, caseId, cancellationToken);
        }
    }

    private async Task ProcessAsync(string tenantId, string caseId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var stored = await cases.GetAsync(tenantId, caseId, withNotice: true, cancellationToken);
            if (stored is null)
            {
                LogUnknownCase(logger, tenantId, caseId);
                return;
            }

            if (stored.Case.State != CaseState.Received.ToId())
            {
                return; // processed already: a redelivery, or another instance was first
            }

            var notice = ReadNotice(stored);
            var (updated, steps) = Triage.Decide(stored.Case, notice, time.GetUtcNow());
            var result = await cases.AppendAsync(updated, steps, completeOutbox: true, cancellationToken: cancellationToken);
            if (result.Status == AppendStatus.Appended)
            {
                LogTriaged(logger, tenantId, caseId, updated.Validation, updated.Severity);
                return;
            }
        }

        throw new InvalidOperationException($"Case {caseId} kept changing while it was processed.");
    }

    /// <summary>
    /// The stored notice passed validation when it was accepted; it is judged at its acceptance
    /// time so that reprocessing later gives the same answer.
    /// </summary>
    private static Notice ReadNotice(StoredCase stored)
    {
        var (submission, errors) = JsonBody.Deserialize<NoticeSubmission>(stored.Notice);
        var parsed = errors.Count == 0 ? NoticeIntake.Parse(submission, stored.Case.AcceptedAt) : null;
        return parsed is { IsValid: true }
            ? parsed.Value!
            : throw new InvalidOperationException($"The stored notice of case {stored.Case.CaseId} no longer parses.");
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Warning, Message = "Intake message names case {CaseId} of tenant {TenantId}, which does not exist")]
    private static partial void LogUnknownCase(ILogger logger, string tenantId, string caseId);

    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Case {CaseId} of tenant {TenantId} triaged: {Validation}, severity {Severity}")]
    private static partial void LogTriaged(ILogger logger, string tenantId, string caseId, string validation, string? severity);
}
