using System.Text.Json.Serialization;

namespace TakedownFn.Domain.Notices.Submission;

/// <summary>
/// A notice as a platform submits it (the HTTP request body). Everything is nullable because the
/// JSON may omit anything; <see cref="NoticeIntake.Parse"/> reports what is missing or malformed.
/// </summary>
/// <remarks>
/// The JSON names are pinned with <see cref="JsonPropertyNameAttribute"/> because validation errors
/// are keyed by these exact paths; a serializer naming policy must not be able to change them.
/// </remarks>
public sealed record NoticeSubmission
{
    [JsonPropertyName("regime")]
    public string? Regime { get; init; }

    [JsonPropertyName("category")]
    public string? Category { get; init; }

    [JsonPropertyName("items")]
    public IReadOnlyList<ReportedItemSubmission?>? Items { get; init; }

    [JsonPropertyName("notifier")]
    public NotifierSubmission? Notifier { get; init; }

    [JsonPropertyName("explanation")]
    public string? Explanation { get; init; }

    [JsonPropertyName("evidence")]
    public IReadOnlyList<string?>? Evidence { get; init; }

    [JsonPropertyName("declarations")]
    public DeclarationsSubmission? Declarations { get; init; }

    [JsonPropertyName("signature")]
    public string? Signature { get; init; }

    [JsonPropertyName("platformReference")]
    public string? PlatformReference { get; init; }

    [JsonPropertyName("receivedAt")]
    public DateTimeOffset? ReceivedAt { get; init; }

    [JsonPropertyName("severity")]
    public SeverityInputsSubmission? Severity { get; init; }

    [JsonPropertyName("topic")]
    public string? Topic { get; init; }

    /// <summary>The platform's id of the victim's account, if the victim has one; stored only as a commitment.</summary>
    [JsonPropertyName("victimAccount")]
    public string? VictimAccount { get; init; }

    /// <summary>How the notifier reached the platform (<c>api</c>, <c>web-form</c>, …); <c>api</c> when omitted.</summary>
    [JsonPropertyName("channel")]
    public string? Channel { get; init; }
}
