using System.Text.Json.Serialization;

namespace TakedownFn.Domain.Notices.Submission;

/// <summary>A reported item as submitted: exactly one of <see cref="Url"/> and <see cref="ContentId"/>.</summary>
public sealed record ReportedItemSubmission
{
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    [JsonPropertyName("contentId")]
    public string? ContentId { get; init; }
}
