using System.Text;

namespace TakedownFn.Storage.Queues;

/// <summary>A message seen with Peek Messages: no lease, so no pop receipt and no change to its visibility.</summary>
public sealed class PeekedMessage
{
    private BinaryData? _body;

    public PeekedMessage(string messageId, long dequeueCount, DateTimeOffset insertionTime, DateTimeOffset expirationTime, string encodedMessageText)
    {
        MessageId = messageId;
        DequeueCount = dequeueCount;
        InsertionTime = insertionTime;
        ExpirationTime = expirationTime;
        EncodedMessageText = encodedMessageText;
    }

    public string MessageId { get; }

    public long DequeueCount { get; }

    public DateTimeOffset InsertionTime { get; }

    public DateTimeOffset ExpirationTime { get; }

    /// <summary>The <c>MessageText</c> exactly as the service returned it (base64).</summary>
    public string EncodedMessageText { get; }

    /// <summary>The message bytes (base64-decoded).</summary>
    /// <exception cref="FormatException">The producer did not base64-encode the message.</exception>
    public BinaryData Body => _body ??= new BinaryData(QueueMessageEncoding.Decode(EncodedMessageText, MessageId));

    /// <summary>The message bytes read as UTF-8.</summary>
    public string MessageText => Encoding.UTF8.GetString(Body.ToMemory().Span);
}
