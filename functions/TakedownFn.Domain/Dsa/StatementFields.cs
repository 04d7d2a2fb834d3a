using System.Text.Json.Serialization;

namespace TakedownFn.Domain.Dsa;

/// <summary>
/// What a platform records with its <c>statement-of-reasons-sent</c> step (as <c>statement</c>): the
/// parts of the statement the service cannot derive from the case. Names are the database's own in
/// camelCase (<c>decisionGround</c> is <c>decision_ground</c>); enumeration values are the database's
/// keys (<c>DECISION_GROUND_ILLEGAL_CONTENT</c>). The service adds <c>puid</c>, <c>category</c> and
/// keywords, <c>source_type</c>, <c>application_date</c>, and the restrictions the case's steps
/// recorded (removed, disabled, geo-restricted with its regions, labelled, account suspended or
/// restricted) to what is given here. Checked by <see cref="StatementIntake"/> when recorded.
/// </summary>
public sealed record StatementFields
{
    [JsonPropertyName("decisionVisibility")]
    public IReadOnlyList<string>? DecisionVisibility { get; init; }

    [JsonPropertyName("decisionVisibilityOther")]
    public string? DecisionVisibilityOther { get; init; }

    [JsonPropertyName("decisionMonetary")]
    public string? DecisionMonetary { get; init; }

    [JsonPropertyName("decisionMonetaryOther")]
    public string? DecisionMonetaryOther { get; init; }

    [JsonPropertyName("decisionProvision")]
    public string? DecisionProvision { get; init; }

    [JsonPropertyName("decisionAccount")]
    public string? DecisionAccount { get; init; }

    [JsonPropertyName("accountType")]
    public string? AccountType { get; init; }

    [JsonPropertyName("decisionGround")]
    public string? DecisionGround { get; init; }

    [JsonPropertyName("decisionGroundReferenceUrl")]
    public string? DecisionGroundReferenceUrl { get; init; }

    [JsonPropertyName("illegalContentLegalGround")]
    public string? IllegalContentLegalGround { get; init; }

    [JsonPropertyName("illegalContentExplanation")]
    public string? IllegalContentExplanation { get; init; }

    [JsonPropertyName("incompatibleContentGround")]
    public string? IncompatibleContentGround { get; init; }

    [JsonPropertyName("incompatibleContentExplanation")]
    public string? IncompatibleContentExplanation { get; init; }

    [JsonPropertyName("incompatibleContentIllegal")]
    public bool? IncompatibleContentIllegal { get; init; }

    [JsonPropertyName("contentType")]
    public IReadOnlyList<string>? ContentType { get; init; }

    [JsonPropertyName("contentTypeOther")]
    public string? ContentTypeOther { get; init; }

    /// <summary>When the content was posted or uploaded, <c>YYYY-MM-DD</c>.</summary>
    [JsonPropertyName("contentDate")]
    public string? ContentDate { get; init; }

    [JsonPropertyName("contentLanguage")]
    public string? ContentLanguage { get; init; }

    /// <summary>EU/EEA country codes; absent: the regions of a geo-restriction step, if any.</summary>
    [JsonPropertyName("territorialScope")]
    public IReadOnlyList<string>? TerritorialScope { get; init; }

    [JsonPropertyName("automatedDetection")]
    public bool? AutomatedDetection { get; init; }

    [JsonPropertyName("automatedDecision")]
    public string? AutomatedDecision { get; init; }

    /// <summary>The facts and circumstances relied on, at most 5,000 characters, no personal data.</summary>
    [JsonPropertyName("decisionFacts")]
    public string? DecisionFacts { get; init; }
}
