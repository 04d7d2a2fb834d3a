using System.Text.Json.Serialization;

namespace TakedownFn.Domain.Notices.Submission;

/// <summary>The declarations as submitted; an absent one counts as not declared.</summary>
public sealed record DeclarationsSubmission
{
    [JsonPropertyName("goodFaith")]
    public bool? GoodFaith { get; init; }

    [JsonPropertyName("accuracy")]
    public bool? Accuracy { get; init; }

    [JsonPropertyName("authorityUnderPenaltyOfPerjury")]
    public bool? AuthorityUnderPenaltyOfPerjury { get; init; }
}
