namespace TakedownFn.Storage.Queues;

/// <summary>What Put Message answers: the new message's id, a pop receipt and its times.</summary>
public sealed record SendReceipt(
    string MessageId,
    string PopReceipt,
    DateTimeOffset InsertionTime,
    DateTimeOffset ExpirationTime,
    DateTimeOffset NextVisibleTime);
