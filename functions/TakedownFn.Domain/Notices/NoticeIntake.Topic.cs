using System.Text.RegularExpressions;
using TakedownFn.Domain.Validation;

namespace TakedownFn.Domain.Notices;

public static partial class NoticeIntake
{
    /// <summary>The longest topic tag.</summary>
    public const int MaxTopicLength = 64;

    /// <summary>
    /// The optional <c>topic</c>: the platform's tag for a trending event (e.g. <c>evt-20261207-0042</c>),
    /// the stream the surge detector watches. It is kept in keys' hashes, step details and webhooks, so it
    /// must be an identifier, never personal data: lower-case ASCII letters, digits and <c>. _ : -</c>,
    /// starting with a letter or digit. A name or a phone number in Latin letters would pass the pattern,
    /// so the README says what a topic may not be; the pattern keeps out spaces, CJK text and e-mail addresses.
    /// </summary>
    private static string? ParseTopic(ErrorList errors, string? topic)
    {
        if (topic is null)
        {
            return null;
        }

        if (topic.Length is 0 or > MaxTopicLength || !TopicPattern().IsMatch(topic))
        {
            errors.Add("topic", $"must be 1 to {MaxTopicLength} characters of a-z, 0-9, '.', '_', ':' or '-', starting with a letter or digit (a platform's tag, never personal data)");
            return null;
        }

        return topic;
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._:-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex TopicPattern();
}
