using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace TakedownFn.Functions;

/// <summary>
/// Standalone mode's queue trigger, with the Functions host's semantics: take up to a batch of
/// messages with a lease, renew the lease while a message is handled, delete on success, make a
/// failed message visible again, and move it to <c>{queue}-poison</c> after the fifth dequeue.
/// </summary>
internal sealed partial class QueuePump(
    FunctionDefinition function,
    QueueClient queue,
    QueueClient poison,
    IQueueHandler handler,
    QueuePumpOptions options,
    StorageReadiness readiness,
    ILogger<QueuePump> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken);
        // A poison queue's own poison queue is not provisioned up front.
        await poison.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
        var idle = options.MinPollingInterval;
        var inFlight = new HashSet<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            // Like the host's newBatchThreshold: fetch the next batch while the last one's tail
            // is still running, so one slow message does not hold up the queue.
            while (inFlight.Count > options.NewBatchThreshold)
            {
                inFlight.Remove(await Task.WhenAny(inFlight));
            }

            QueueMessage[] messages;
            try
            {
                messages = (await queue.ReceiveMessagesAsync(options.BatchSize, options.Lease, stoppingToken)).Value;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogReceiveFailed(logger, e, function.Name);
                messages = [];
            }

            if (messages.Length == 0)
            {
                // Back off while the queue is empty, as the host does, up to the polling limit.
                await Task.WhenAny(Task.Delay(idle, stoppingToken), inFlight.Count == 0 ? Task.Delay(Timeout.Infinite, stoppingToken) : Task.WhenAll(inFlight));
                inFlight.RemoveWhere(t => t.IsCompleted);
                idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, options.MaxPollingInterval.Ticks));
                continue;
            }

            idle = options.MinPollingInterval;
            foreach (var message in messages)
            {
                inFlight.Add(ProcessAsync(message, stoppingToken));
            }
        }

        await Task.WhenAll(inFlight);
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken stoppingToken)
    {
        if (message.DequeueCount > options.MaxDequeueCount)
        {
            // Already failed the allowed number of times (e.g. a crash mid-handling each time).
            await MoveToPoisonAsync(message, stoppingToken);
            return;
        }

        using var lease = new MessageLease(queue, message, options.Lease, logger, function.Name);
        try
        {
            await handler.HandleAsync(new QueueDelivery(message.MessageText, message.DequeueCount, message.MessageId), stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogHandlerFailed(logger, e, function.Name, message.MessageId, message.DequeueCount);
            var current = await lease.StopAsync();
            if (message.DequeueCount >= options.MaxDequeueCount)
            {
                await MoveToPoisonAsync(current, stoppingToken);
            }
            else
            {
                await TryAsync(() => queue.UpdateMessageAsync(current.MessageId, current.PopReceipt, visibilityTimeout: options.RetryDelay, cancellationToken: stoppingToken), "release");
            }

            return;
        }

        var handled = await lease.StopAsync();
        await TryAsync(() => queue.DeleteMessageAsync(handled.MessageId, handled.PopReceipt, stoppingToken), "delete");
    }

    private async Task MoveToPoisonAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        LogPoisoned(logger, function.Name, message.MessageId, message.DequeueCount);
        await TryAsync(async () =>
        {
            await poison.SendMessageAsync(message.Body, cancellationToken: cancellationToken);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        }, "poison");
    }

    /// <summary>
    /// A failed delete or release leaves the message to reappear when its lease ends; the
    /// handler is idempotent, so that costs a repeat, never a loss. A stale pop receipt means
    /// the message already reappeared and was taken again: nothing is left to settle.
    /// </summary>
    private async Task TryAsync(Func<Task> action, string what)
    {
        try
        {
            await action();
        }
        catch (RequestFailedException e) when (QueueReceipts.IsLost(e))
        {
            LogSettleLost(logger, function.Name, what, e.ErrorCode);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSettleFailed(logger, e, function.Name, what);
        }
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "{Function}: receiving messages failed")]
    private static partial void LogReceiveFailed(ILogger logger, Exception exception, string function);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "{Function}: message {MessageId} failed on dequeue {DequeueCount}")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string function, string messageId, long dequeueCount);

    [LoggerMessage(EventId = 102, Level = LogLevel.Error, Message = "{Function}: message {MessageId} moved to the poison queue after {DequeueCount} dequeues")]
    private static partial void LogPoisoned(ILogger logger, string function, string messageId, long dequeueCount);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "{Function}: could not {Action} a message; it will reappear when its lease ends")]
    private static partial void LogSettleFailed(ILogger logger, Exception exception, string function, string action);

    [LoggerMessage(EventId = 104, Level = LogLevel.Information, Message = "{Function}: could not {Action} a message: it was received again meanwhile ({ErrorCode})")]
    private static partial void LogSettleLost(ILogger logger, string function, string action, string? errorCode);
}
