using TakedownFn.Domain;
using TakedownFn.Domain.Cases;
using TakedownFn.Functions;
using TakedownFn.Storage.Cases;

namespace TakedownFn.Processing;

/// <summary>
/// The poison queue's function: a notice whose processing failed on every delivery gets a
/// <c>processing-failed</c> step, so an officer sees it (and can retry it) instead of losing it.
/// </summary>
internal sealed partial class IntakePoisonHandler(CaseStore cases, TimeProvider time, ILogger<IntakePoisonHandler> logger) : IQueueHandler
{
    public async Task HandleAsync(QueueDelivery delivery, CancellationToken cancellationToken)
    {
        IntakeMessage message;
        try
        {
            message = IntakeMessage.Parse(delivery.Text);
        }
        catch (FormatException)
        {
            // Names no case: there is nothing to record it on. Dropped, with its id in the log.
            LogUnreadable(logger, delivery.MessageId);
            return;
        }

        foreach (var caseId in message.Cases)
        {
            await RecordFailureAsync(message.Tenant, caseId, cancellationToken);
        }
    }

    private async Task RecordFailureAsync(string tenantId, string caseId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var stored = await cases.GetAsync(tenantId, caseId, withNotice: false, cancellationToken);
            if (stored is null || stored.Case.State != CaseState.Received.ToId())
            {
                return; // unknown, or processed after all by a later delivery
            }

            var (updated, step) = Triage.Failed(stored.Case, time.GetUtcNow(), "max-dequeue-count");
            if ((await cases.AppendAsync(updated, [step], completeOutbox: true, cancellationToken: cancellationToken)).Status == AppendStatus.Appended)
            {
                LogFailed(logger, tenantId, caseId);
                return;
            }
        }

        throw new InvalidOperationException($"Case {caseId} kept changing while its failure was recorded.");
    }

    [LoggerMessage(EventId = 310, Level = LogLevel.Error, Message = "Poison message {MessageId} is not an intake message; dropped")]
    private static partial void LogUnreadable(ILogger logger, string? messageId);

    [LoggerMessage(EventId = 311, Level = LogLevel.Error, Message = "Case {CaseId} of tenant {TenantId} recorded as processing-failed")]
    private static partial void LogFailed(ILogger logger, string tenantId, string caseId);
}
