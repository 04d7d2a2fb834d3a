namespace TakedownFn.Storage.Queues;

/// <summary>
/// The Queue service's limits that this client checks before sending, so a caller learns of a
/// mistake from an <see cref="ArgumentException"/> naming the limit rather than from a 400.
/// Source: https://learn.microsoft.com/rest/api/storageservices/put-message.
/// </summary>
public static class QueueLimits
{
    /// <summary>The service accepts at most 64 KiB of <c>MessageText</c>, counted after encoding.</summary>
    public const int MaxEncodedMessageLength = 64 * 1024;

    /// <summary>
    /// The largest body whose base64 form fits <see cref="MaxEncodedMessageLength"/>:
    /// base64 turns n bytes into 4 × ⌈n / 3⌉ characters, and 4 × ⌈49,152 / 3⌉ = 65,536 exactly.
    /// </summary>
    public const int MaxMessageBytes = MaxEncodedMessageLength / 4 * 3;

    /// <summary>Get Messages and Peek Messages return at most 32 messages per call.</summary>
    public const int MaxMessagesPerReceive = 32;

    /// <summary>Visibility delays and timeouts are at most 7 days (604,800 seconds).</summary>
    public static readonly TimeSpan MaxVisibilityTimeout = TimeSpan.FromDays(7);

    /// <summary>Pass as a time-to-live for a message that never expires (<c>messagettl=-1</c>).</summary>
    public static readonly TimeSpan NeverExpires = Timeout.InfiniteTimeSpan;

    /// <summary>The length of <paramref name="byteCount"/> bytes once base64-encoded.</summary>
    public static int EncodedLength(int byteCount) => checked(((byteCount + 2) / 3) * 4);
}
