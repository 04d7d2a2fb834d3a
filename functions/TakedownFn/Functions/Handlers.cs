namespace TakedownFn.Functions;

/// <summary>
/// Handles one queue message. Delivery is at least once (a crash, a lapsed lease or a stale pop
/// receipt runs a message again), so a handler must be idempotent. Throwing fails the delivery:
/// it is retried, and after the fifth dequeue it goes to the poison queue.
/// </summary>
internal interface IQueueHandler
{
    Task HandleAsync(QueueDelivery delivery, CancellationToken cancellationToken);
}

/// <summary>Runs on a schedule; an overlapping or missed run must be harmless.</summary>
internal interface ITimerHandler
{
    Task RunAsync(CancellationToken cancellationToken);
}
