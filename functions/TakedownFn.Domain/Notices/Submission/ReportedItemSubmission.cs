using System.Text.Json.Serialization;

namespace TakedownFn.Domain.Notices.Submission;

/// <summary>A reported item as submitted: exactly one of <see cref="Url"/> and <see cref="ContentId"/>.</summary>
public sealed record ReportedItemSubmission
{
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    [JsonPropertyName("contentId")]
    public string? ContentId { get; init; }

    /// <summary>The reported text, for personal-information detection; never stored.</summary>
    [JsonPropertyName("excerpt")]
    public string? Excerpt { get; init; }

    /// <summary>The platform's id of the account that posted the item; stored only as a commitment.</summary>
    [JsonPropertyName("uploader")]
    public string? Uploader { get; init; }

    /// <summary>Kinds the platform's own review flagged on the item (<c>medical</c>, <c>private-messages</c>).</summary>
    [JsonPropertyName("markers")]
    public IReadOnlyList<string?>? Markers { get; init; }
}
