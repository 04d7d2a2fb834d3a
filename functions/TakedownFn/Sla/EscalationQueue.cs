using Azure.Storage.Queues;
using TakedownFn.Storage;

namespace TakedownFn.Sla;

/// <summary>The escalations queue: webhook deliveries, retried with back-off by sending the message again later.</summary>
internal sealed partial class EscalationQueue(QueueClient queue, ILogger<EscalationQueue> logger)
{
    public async Task SendAsync(EscalationMessage message, TimeSpan delay, CancellationToken cancellationToken) =>
        await queue.SendMessageAsync(message.ToJson(), delay, QueueTimes.NeverExpires, cancellationToken);

    /// <summary>
    /// Sends after the escalation's outbox row was committed; a failure is logged, not thrown (the
    /// timer that recorded the step must not fail for it), and the sweep sends the row again later.
    /// </summary>
    public async Task TrySendAsync(EscalationMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(message, TimeSpan.Zero, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSendFailed(logger, e, message.EventId, message.Tenant);
        }
    }

    [LoggerMessage(EventId = 440, Level = LogLevel.Warning, Message = "Could not enqueue the escalation of event {EventId} (tenant {TenantId}); the sweep will send it")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string eventId, string tenantId);
}
