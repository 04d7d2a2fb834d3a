using System.Text;

namespace TakedownFn.Storage.Queues;

/// <summary>
/// A message taken from a queue with Get Messages: it is invisible to other consumers until
/// <see cref="NextVisibleTime"/>, and only <see cref="PopReceipt"/> can delete or update it.
/// The body travels base64-encoded; <see cref="Body"/> and <see cref="MessageText"/> decode it on first use.
/// </summary>
public sealed class QueueMessage
{
    private BinaryData? _body;
    private string? _text;

    public QueueMessage(
        string messageId,
        string popReceipt,
        long dequeueCount,
        DateTimeOffset insertionTime,
        DateTimeOffset expirationTime,
        DateTimeOffset nextVisibleTime,
        string encodedMessageText)
    {
        MessageId = messageId;
        PopReceipt = popReceipt;
        DequeueCount = dequeueCount;
        InsertionTime = insertionTime;
        ExpirationTime = expirationTime;
        NextVisibleTime = nextVisibleTime;
        EncodedMessageText = encodedMessageText;
    }

    public string MessageId { get; }

    /// <summary>Proof of the current lease; every update issues a new one and the old one stops working.</summary>
    public string PopReceipt { get; }

    /// <summary>How many times the message has been received, this time included.</summary>
    public long DequeueCount { get; }

    public DateTimeOffset InsertionTime { get; }

    public DateTimeOffset ExpirationTime { get; }

    public DateTimeOffset NextVisibleTime { get; }

    /// <summary>The <c>MessageText</c> exactly as the service returned it (base64).</summary>
    public string EncodedMessageText { get; }

    /// <summary>The message bytes (base64-decoded).</summary>
    /// <exception cref="FormatException">The producer did not base64-encode the message.</exception>
    public BinaryData Body => _body ??= new BinaryData(QueueMessageEncoding.Decode(EncodedMessageText, MessageId));

    /// <summary>The message bytes read as UTF-8.</summary>
    /// <exception cref="FormatException">The producer did not base64-encode the message.</exception>
    public string MessageText => _text ??= Encoding.UTF8.GetString(Body.ToMemory().Span);

    /// <summary>This message after an update: the new pop receipt and visibility, the same body.</summary>
    public QueueMessage With(UpdateReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return new QueueMessage(MessageId, receipt.PopReceipt, DequeueCount, InsertionTime, ExpirationTime, receipt.NextVisibleTime, EncodedMessageText)
        {
            _body = _body,
            _text = _text,
        };
    }
}
