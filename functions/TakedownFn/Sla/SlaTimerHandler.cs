using TakedownFn.Domain.Sla;
using TakedownFn.Functions;
using TakedownFn.Storage.Cases;

namespace TakedownFn.Sla;

/// <summary>
/// The timers queue's function. A message that surfaces before its due time is a hop (the queue
/// hides a message for at most 7 days): if the case still needs the timer it is sent again for the
/// rest of the wait, else dropped. A due message fires the timer (<see cref="SlaRecorder"/>).
/// </summary>
internal sealed partial class SlaTimerHandler(
    SlaRecorder recorder, SlaTimerQueue timers, CaseStore cases, TimeProvider time, ILogger<SlaTimerHandler> logger) : IQueueHandler
{
    public async Task HandleAsync(QueueDelivery delivery, CancellationToken cancellationToken)
    {
        SlaTimerMessage message;
        try
        {
            message = SlaTimerMessage.Parse(delivery.Text);
        }
        catch (FormatException)
        {
            // Names no timer: nothing to fire. Dropped; the sweep covers every timer a case lists.
            LogUnreadable(logger, delivery.MessageId);
            return;
        }

        if (message.DueAt > time.GetUtcNow())
        {
            await HopAsync(message, cancellationToken);
            return;
        }

        await recorder.FireAsync(message.Tenant, message.Case, message.Timer, cancellationToken);
    }

    private async Task HopAsync(SlaTimerMessage message, CancellationToken cancellationToken)
    {
        var stored = await cases.GetAsync(message.Tenant, message.Case, withNotice: false, cancellationToken);
        if (stored is null || !stored.Case.SlaTimers.Contains(message.Timer))
        {
            return; // the stage was done or its deadline moved while the message waited
        }

        await timers.SendAsync(message, cancellationToken);
        LogHopped(logger, message.Stage.ToId(), message.Case, message.DueAt);
    }

    [LoggerMessage(EventId = 420, Level = LogLevel.Error, Message = "Timer message {MessageId} is not a timer message; dropped")]
    private static partial void LogUnreadable(ILogger logger, string? messageId);

    [LoggerMessage(EventId = 421, Level = LogLevel.Debug, Message = "Timer of stage {Stage} of case {CaseId} hops on towards {DueAt}")]
    private static partial void LogHopped(ILogger logger, string stage, string caseId, DateTimeOffset dueAt);
}
