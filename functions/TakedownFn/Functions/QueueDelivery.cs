namespace TakedownFn.Functions;

/// <summary>A queue message as a handler sees it, whichever host delivered it.</summary>
/// <param name="Text">
/// The message text (our messages are JSON). Handlers parse it and never hash or compare it: the
/// Functions host may hand a JSON message over re-indented.
/// </param>
/// <param name="DequeueCount">How many times the message has been delivered, this time included.</param>
/// <param name="MessageId">The queue's message id, for logs.</param>
internal sealed record QueueDelivery(string Text, long DequeueCount, string? MessageId)
{
    /// <summary>A message the Functions host delivered through the queue trigger.</summary>
    public static QueueDelivery From(Azure.Storage.Queues.Models.QueueMessage message) =>
        new(message.Body.ToString(), message.DequeueCount, message.MessageId);
}
