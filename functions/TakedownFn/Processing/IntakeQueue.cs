using TakedownFn.Storage.Queues;

namespace TakedownFn.Processing;

/// <summary>The intake queue as the app uses it: intake messages in, one per request or sweep.</summary>
internal sealed class IntakeQueue(IQueueClient queue)
{
    public Task SendAsync(IntakeMessage message, CancellationToken cancellationToken) =>
        queue.SendMessageAsync(message.ToJson(), cancellationToken: cancellationToken);
}
