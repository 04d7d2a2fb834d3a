using TakedownFn.Domain.Sla;
using TakedownFn.Storage.Queues;

namespace TakedownFn.Sla;

/// <summary>
/// The timers queue: a message per timer, invisible until it is due. Azure Storage hides a message
/// for at most 7 days, so a timer due later is sent with the longest delay and sends itself again
/// when it surfaces early (a hop), until it is due. Messages never expire: a timer's lifetime is
/// the stage's, not the queue's 7-day default.
/// </summary>
internal sealed partial class SlaTimerQueue(IQueueClient queue, TimeProvider time, ILogger<SlaTimerQueue> logger)
{
    /// <summary>The longest visibility delay the service accepts.</summary>
    public static readonly TimeSpan MaxDelay = QueueLimits.MaxVisibilityTimeout;

    /// <summary>How long to keep the message invisible so that it surfaces at <paramref name="dueAt"/>, or at the longest delay before it.</summary>
    public static TimeSpan DelayUntil(DateTimeOffset dueAt, DateTimeOffset now)
    {
        var delay = dueAt - now;
        return delay <= TimeSpan.Zero ? TimeSpan.Zero : delay > MaxDelay ? MaxDelay : delay;
    }

    public async Task SendAsync(SlaTimerMessage message, CancellationToken cancellationToken)
    {
        await queue.SendMessageAsync(message.ToJson(), DelayUntil(message.DueAt, time.GetUtcNow()), QueueLimits.NeverExpires, cancellationToken);
    }

    /// <summary>
    /// Sends a message per timer. Called after the timers were committed with the case: a failure
    /// here is logged, not thrown, because the sweep finds any timer whose message never came.
    /// </summary>
    public async Task ScheduleAsync(string tenantId, string caseId, IEnumerable<SlaTimer> timers, CancellationToken cancellationToken)
    {
        foreach (var timer in timers)
        {
            try
            {
                await SendAsync(SlaTimerMessage.For(tenantId, caseId, timer), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogScheduleFailed(logger, e, tenantId, caseId, timer.Stage.ToId(), timer.Kind.ToId());
            }
        }
    }

    [LoggerMessage(EventId = 400, Level = LogLevel.Warning, Message = "Could not enqueue the {Kind} timer of stage {Stage} of case {CaseId} (tenant {TenantId}); the sweep will fire it")]
    private static partial void LogScheduleFailed(ILogger logger, Exception exception, string tenantId, string caseId, string stage, string kind);
}
