namespace TakedownFn.Storage.Queues;

/// <summary>
/// What Update Message answers (<c>x-ms-popreceipt</c>, <c>x-ms-time-next-visible</c>). The old pop
/// receipt is void from now on: delete or update again with this one.
/// </summary>
public sealed record UpdateReceipt(string PopReceipt, DateTimeOffset NextVisibleTime);
