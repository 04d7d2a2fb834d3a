namespace TakedownFn.Storage;

/// <summary>Azure Storage's limits on a queue message's times (Put Message).</summary>
internal static class QueueTimes
{
    /// <summary>The longest visibility delay the service accepts: 7 days.</summary>
    public static readonly TimeSpan MaxVisibilityDelay = TimeSpan.FromDays(7);

    /// <summary>
    /// A time-to-live of -1 seconds: the message never expires. Whole seconds matter: the SDK
    /// sends the seconds, so <c>Timeout.InfiniteTimeSpan</c> (-1 ms) would send 0.
    /// </summary>
    public static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);
}
