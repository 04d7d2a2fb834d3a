using TakedownFn.Domain.Validation;

namespace TakedownFn.Domain.Notices;

public static partial class NoticeIntake
{
    /// <summary>The channel a notice is recorded under when the platform names none: it reached us through the API.</summary>
    public const string DefaultChannel = "api";

    /// <summary>
    /// The complaint channels a notice can arrive by, as the safe-harbour statement counts them
    /// (condition 1, POLICY-FACTS: "clear, convenient complaint channels"; DSA Art. 16(1): "easy to
    /// access and user-friendly" mechanisms).
    /// </summary>
    public static IReadOnlyList<string> Channels { get; } = ["api", "web-form", "in-app", "email", "postal"];

    /// <summary>The optional <c>channel</c>: how the notifier reached the platform; <see cref="DefaultChannel"/> when omitted.</summary>
    private static string? ParseChannel(ErrorList errors, string? channel)
    {
        if (channel is null)
        {
            return DefaultChannel;
        }

        if (!Channels.Contains(channel, StringComparer.Ordinal))
        {
            errors.Add("channel", $"must be one of {string.Join(", ", Channels)}");
            return null;
        }

        return channel;
    }
}
