using Azure.Storage.Queues;

namespace TakedownFn.Processing;

/// <summary>The intake queue as the app uses it: intake messages in, one per request or sweep.</summary>
internal sealed class IntakeQueue(QueueClient queue)
{
    public async Task SendAsync(IntakeMessage message, CancellationToken cancellationToken) =>
        await queue.SendMessageAsync(message.ToJson(), cancellationToken: cancellationToken);
}
