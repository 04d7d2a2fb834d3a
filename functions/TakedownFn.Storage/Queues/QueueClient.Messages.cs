using Azure.Core;
using TakedownFn.Storage.Core;

namespace TakedownFn.Storage.Queues;

public sealed partial class QueueClient
{
    private const string XmlContentType = "application/xml";

    /// <summary>
    /// Puts a text message: its UTF-8 bytes, base64-encoded. At most
    /// <see cref="QueueLimits.MaxMessageBytes"/> bytes of UTF-8 (checked before sending).
    /// </summary>
    /// <param name="messageText">The text, typically JSON.</param>
    /// <param name="visibilityDelay">Invisible for this long first; 0 to 7 days, whole seconds rounded up.</param>
    /// <param name="timeToLive">Expires after this long; <see cref="QueueLimits.NeverExpires"/> for never; null for the service's 7 days.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<SendReceipt> SendMessageAsync(string messageText, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        return SendAsync(QueueMessageEncoding.EncodeText(messageText, nameof(messageText)), visibilityDelay, timeToLive, cancellationToken);
    }

    /// <summary>Puts a message with these bytes (base64-encoded on the wire); at most <see cref="QueueLimits.MaxMessageBytes"/>.</summary>
    /// <param name="body">The message bytes.</param>
    /// <param name="visibilityDelay">Invisible for this long first; 0 to 7 days, whole seconds rounded up.</param>
    /// <param name="timeToLive">Expires after this long; <see cref="QueueLimits.NeverExpires"/> for never; null for the service's 7 days.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<SendReceipt> SendMessageAsync(BinaryData body, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return SendAsync(QueueMessageEncoding.EncodeBytes(body.ToMemory().Span, nameof(body)), visibilityDelay, timeToLive, cancellationToken);
    }

    /// <summary>
    /// Gets up to <paramref name="maxMessages"/> visible messages and hides them for
    /// <paramref name="visibilityTimeout"/> (the lease); an empty list when none is visible.
    /// </summary>
    /// <param name="maxMessages">1 to 32.</param>
    /// <param name="visibilityTimeout">1 second to 7 days; null for the service's 30 seconds.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<IReadOnlyList<QueueMessage>> ReceiveMessagesAsync(int maxMessages = 1, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        var count = QueueArguments.MessageCount(maxMessages, nameof(maxMessages));
        var visibility = visibilityTimeout is { } v ? QueueArguments.VisibilitySeconds(v, 1, nameof(visibilityTimeout)) : null;
        using var message = CreateMessage(RequestMethod.Get, _messagesUri);
        message.Request.Uri.AppendQuery("numofmessages", count, escapeValue: false);
        if (visibility is not null)
        {
            message.Request.Uri.AppendQuery("visibilitytimeout", visibility, escapeValue: false);
        }

        var response = await _pipeline.SendCheckedAsync(message, $"Receive messages from '{Name}'", cancellationToken);
        var entries = QueueXml.ReadMessages(response.ContentStream!);
        if (entries.Count == 0)
        {
            return [];
        }

        var messages = new QueueMessage[entries.Count];
        for (var i = 0; i < messages.Length; i++)
        {
            var e = entries[i];
            messages[i] = new QueueMessage(e.Id, e.Receipt, e.Dequeued, e.Inserted, e.Expires, e.NextVisible, e.Text);
        }

        return messages;
    }

    /// <summary>Looks at up to <paramref name="maxMessages"/> visible messages without taking a lease.</summary>
    /// <param name="maxMessages">1 to 32.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<IReadOnlyList<PeekedMessage>> PeekMessagesAsync(int maxMessages = 1, CancellationToken cancellationToken = default)
    {
        var count = QueueArguments.MessageCount(maxMessages, nameof(maxMessages));
        using var message = CreateMessage(RequestMethod.Get, _messagesUri);
        message.Request.Uri.AppendQuery("peekonly", "true", escapeValue: false);
        message.Request.Uri.AppendQuery("numofmessages", count, escapeValue: false);
        var response = await _pipeline.SendCheckedAsync(message, $"Peek messages in '{Name}'", cancellationToken);
        var entries = QueueXml.ReadMessages(response.ContentStream!);
        var messages = new PeekedMessage[entries.Count];
        for (var i = 0; i < messages.Length; i++)
        {
            var e = entries[i];
            messages[i] = new PeekedMessage(e.Id, e.Dequeued, e.Inserted, e.Expires, e.Text);
        }

        return messages;
    }

    /// <summary>
    /// Renews (or shortens) a received message's lease, optionally replacing its text. Answers the
    /// NEW pop receipt: the one passed in no longer deletes or updates the message.
    /// </summary>
    /// <param name="messageId">The message.</param>
    /// <param name="popReceipt">Its current pop receipt.</param>
    /// <param name="visibilityTimeout">Invisible for this long from now; 0 (visible again now) to 7 days.</param>
    /// <param name="messageText">New text, or null to keep the body.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<UpdateReceipt> UpdateMessageAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, string? messageText = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        var visibility = QueueArguments.VisibilitySeconds(visibilityTimeout, 0, nameof(visibilityTimeout));
        var body = messageText is null ? null : QueueMessageEncoding.EncodeText(messageText, nameof(messageText));
        using var message = CreateMessageFor(RequestMethod.Put, messageId, popReceipt);
        message.Request.Uri.AppendQuery("visibilitytimeout", visibility, escapeValue: false);
        if (body is not null)
        {
            message.Request.Headers.SetValue(HttpHeader.Names.ContentType, XmlContentType);
            message.Request.Content = RequestContent.Create(body);
        }

        var response = await _pipeline.SendCheckedAsync(message, $"Update message '{messageId}' in '{Name}'", cancellationToken);
        return new UpdateReceipt(
            RequiredHeader(response, "x-ms-popreceipt"),
            QueueXml.ParseTime(RequiredHeader(response, "x-ms-time-next-visible"), "x-ms-time-next-visible"));
    }

    /// <summary>Deletes a received message; 404 <c>MessageNotFound</c> or 400 <c>PopReceiptMismatch</c> when the receipt is stale.</summary>
    /// <param name="messageId">The message.</param>
    /// <param name="popReceipt">Its current pop receipt (the latest update's, if it was updated).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        using var message = CreateMessageFor(RequestMethod.Delete, messageId, popReceipt);
        await _pipeline.SendCheckedAsync(message, $"Delete message '{messageId}' from '{Name}'", cancellationToken);
    }

    /// <summary>Deletes every message in the queue.</summary>
    public async Task ClearMessagesAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Delete, _messagesUri);
        await _pipeline.SendCheckedAsync(message, $"Clear messages in '{Name}'", cancellationToken);
    }

    private async Task<SendReceipt> SendAsync(byte[] body, TimeSpan? visibilityDelay, TimeSpan? timeToLive, CancellationToken cancellationToken)
    {
        var delay = visibilityDelay is { } d ? QueueArguments.VisibilitySeconds(d, 0, nameof(visibilityDelay)) : null;
        var ttl = timeToLive is { } t ? QueueArguments.TimeToLiveSeconds(t, nameof(timeToLive)) : null;
        using var message = CreateMessage(RequestMethod.Post, _messagesUri);
        if (delay is not null)
        {
            message.Request.Uri.AppendQuery("visibilitytimeout", delay, escapeValue: false);
        }

        if (ttl is not null)
        {
            message.Request.Uri.AppendQuery("messagettl", ttl, escapeValue: false);
        }

        message.Request.Headers.SetValue(HttpHeader.Names.ContentType, XmlContentType);
        message.Request.Content = RequestContent.Create(body);
        var response = await _pipeline.SendCheckedAsync(message, $"Send message to '{Name}'", cancellationToken);
        var entries = QueueXml.ReadMessages(response.ContentStream!);
        if (entries.Count != 1)
        {
            throw new FormatException($"Put Message answered {entries.Count} messages instead of one.");
        }

        var e = entries[0];
        return new SendReceipt(e.Id, e.Receipt, e.Inserted, e.Expires, e.NextVisible);
    }

    /// <summary><c>/{queue}/messages/{id}?popreceipt=…</c>; the receipt is opaque base64 and may hold <c>+ / =</c>, so it is escaped.</summary>
    private HttpMessage CreateMessageFor(RequestMethod method, string messageId, string popReceipt)
    {
        var message = CreateMessage(method, _messagesUri);
        message.Request.Uri.AppendPath("/", escape: false);
        message.Request.Uri.AppendPath(messageId, escape: true);
        message.Request.Uri.AppendQuery("popreceipt", popReceipt, escapeValue: true);
        return message;
    }

    private static string RequiredHeader(Azure.Response response, string name) =>
        response.Headers.TryGetValue(name, out var value)
            ? value
            : throw new FormatException($"The queue service answered without the {name} header.");
}
