using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace TakedownFn.Functions;

/// <summary>
/// Keeps a received message invisible while it is handled by renewing its visibility at half the
/// lease, tracking the pop receipt each renewal returns (the old one no longer deletes).
/// </summary>
internal sealed partial class MessageLease : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewal;
    private QueueMessage _current;

    public MessageLease(QueueClient queue, QueueMessage message, TimeSpan lease, ILogger logger, string function)
    {
        _current = message;
        _renewal = RenewAsync(queue, lease, logger, function);
    }

    /// <summary>Stops renewing and returns the message with its latest pop receipt.</summary>
    public async Task<QueueMessage> StopAsync()
    {
        await _stop.CancelAsync();
        await _renewal;
        return _current;
    }

    public void Dispose() => _stop.Dispose();

    private async Task RenewAsync(QueueClient queue, TimeSpan lease, ILogger logger, string function)
    {
        try
        {
            while (true)
            {
                await Task.Delay(lease / 2, _stop.Token);
                var receipt = await queue.UpdateMessageAsync(_current.MessageId, _current.PopReceipt, visibilityTimeout: lease, cancellationToken: _stop.Token);
                _current = _current.Update(receipt.Value);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // The message may run twice; handlers are idempotent.
            LogRenewFailed(logger, e, function, _current.MessageId);
        }
    }

    [LoggerMessage(EventId = 110, Level = LogLevel.Warning, Message = "{Function}: renewing the lease of message {MessageId} failed")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception, string function, string messageId);
}
