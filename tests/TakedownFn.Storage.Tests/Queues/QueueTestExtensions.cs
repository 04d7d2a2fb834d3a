using TakedownFn.Storage.Queues;
using TakedownFn.Testing;

namespace TakedownFn.Storage.Tests.Queues;

internal static class QueueTestExtensions
{
    /// <summary>A new, empty queue with a name no other test uses.</summary>
    public static async Task<QueueClient> NewQueueAsync(this AzuriteFixture azurite, string prefix = "q")
    {
        var queue = new QueueClient(azurite.Connection, AzuriteFixture.UniqueName(prefix));
        Assert.True(await queue.CreateIfNotExistsAsync());
        return queue;
    }

    /// <summary>Receives until a message arrives or <paramref name="timeout"/> passes; polls instead of sleeping long.</summary>
    public static async Task<QueueMessage?> PollAsync(this QueueClient queue, TimeSpan timeout, TimeSpan? visibilityTimeout = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var messages = await queue.ReceiveMessagesAsync(1, visibilityTimeout);
            if (messages.Count > 0)
            {
                return messages[0];
            }

            if (DateTime.UtcNow > deadline)
            {
                return null;
            }

            await Task.Delay(100);
        }
    }
}
