namespace TakedownFn.Storage.Queues;

/// <summary>Get Queue Metadata: the approximate message count (never exact on a busy queue) and the metadata.</summary>
public sealed record QueueProperties(int ApproximateMessagesCount, IReadOnlyDictionary<string, string> Metadata);
