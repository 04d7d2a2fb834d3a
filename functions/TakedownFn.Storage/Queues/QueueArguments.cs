using System.Globalization;

namespace TakedownFn.Storage.Queues;

/// <summary>Checks of our own arguments; the service's own rules (e.g. delay below TTL) stay with the service.</summary>
internal static class QueueArguments
{
    private const int MaxVisibilitySeconds = 7 * 24 * 60 * 60;

    /// <summary>
    /// Whole seconds for a query parameter, rounded up so that a lease or a delay is never
    /// shorter than asked, then checked against <c>[min, 7 days]</c>.
    /// </summary>
    public static string VisibilitySeconds(TimeSpan value, int minSeconds, string paramName)
    {
        var seconds = Math.Ceiling(value.TotalSeconds);
        if (seconds < minSeconds || seconds > MaxVisibilitySeconds)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                value,
                $"Must be between {minSeconds} second(s) and 7 days ({MaxVisibilitySeconds} seconds).");
        }

        return ((int)seconds).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary><c>-1</c> for <see cref="QueueLimits.NeverExpires"/>, otherwise at least one second.</summary>
    public static string TimeToLiveSeconds(TimeSpan value, string paramName)
    {
        if (value == QueueLimits.NeverExpires)
        {
            return "-1";
        }

        var seconds = Math.Ceiling(value.TotalSeconds);
        if (seconds < 1 || seconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                value,
                $"Must be at least 1 second and at most {int.MaxValue} seconds, or QueueLimits.NeverExpires.");
        }

        return ((long)seconds).ToString(CultureInfo.InvariantCulture);
    }

    public static string MessageCount(int maxMessages, string paramName)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1, paramName);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, QueueLimits.MaxMessagesPerReceive, paramName);
        return maxMessages.ToString(CultureInfo.InvariantCulture);
    }

    public static void ThrowIfFitsNot(int byteCount, string paramName)
    {
        if (byteCount > QueueLimits.MaxMessageBytes)
        {
            throw new ArgumentException(
                $"The message is {byteCount:N0} bytes, {QueueLimits.EncodedLength(byteCount):N0} characters once base64-encoded; " +
                $"the queue service accepts at most {QueueLimits.MaxEncodedMessageLength:N0} encoded characters, " +
                $"i.e. {QueueLimits.MaxMessageBytes:N0} bytes. Store a larger payload in a blob and queue its name.",
                paramName);
        }
    }
}
