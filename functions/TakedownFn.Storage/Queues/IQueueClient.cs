namespace TakedownFn.Storage.Queues;

/// <summary>
/// The queue operations the app depends on (pumps, poison handling, producers), so tests can
/// substitute a fake and the official SDK can stand behind it later. See <see cref="QueueClient"/>.
/// </summary>
public interface IQueueClient
{
    string Name { get; }

    Task<bool> CreateIfNotExistsAsync(IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default);

    Task<SendReceipt> SendMessageAsync(string messageText, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default);

    Task<SendReceipt> SendMessageAsync(BinaryData body, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<QueueMessage>> ReceiveMessagesAsync(int maxMessages = 1, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PeekedMessage>> PeekMessagesAsync(int maxMessages = 1, CancellationToken cancellationToken = default);

    Task<UpdateReceipt> UpdateMessageAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, string? messageText = null, CancellationToken cancellationToken = default);

    Task DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default);

    Task<QueueProperties> GetPropertiesAsync(CancellationToken cancellationToken = default);
}
