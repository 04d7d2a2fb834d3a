using System.Text.Json.Serialization;

namespace TakedownFn.Domain.Notices.Submission;

/// <summary>Severity inputs as submitted; ids are validated against <see cref="WireIds"/>.</summary>
public sealed record SeverityInputsSubmission
{
    [JsonPropertyName("platformCount")]
    public int? PlatformCount { get; init; }

    [JsonPropertyName("repostCount")]
    public int? RepostCount { get; init; }

    [JsonPropertyName("exposedData")]
    public IReadOnlyList<string?>? ExposedData { get; init; }

    [JsonPropertyName("harms")]
    public IReadOnlyList<string?>? Harms { get; init; }

    [JsonPropertyName("maliceSigns")]
    public IReadOnlyList<string?>? MaliceSigns { get; init; }
}
