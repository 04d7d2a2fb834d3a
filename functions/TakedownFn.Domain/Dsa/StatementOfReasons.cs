using System.Text.Json.Serialization;

namespace TakedownFn.Domain.Dsa;

/// <summary>
/// One statement of reasons (DSA Art. 17, 24(5)) in the EU Transparency Database's API schema
/// (<c>POST /api/v1/statements</c>, schema in force since 1 July 2025): field names and values as the
/// database takes them, absent fields left out. <see cref="StatementRules"/> checks it against the
/// database's own rules before it is exported. It holds no personal data: ids, enumerations, dates
/// and the platform's own statement texts.
/// </summary>
public sealed record StatementOfReasons
{
    [JsonPropertyName("decision_visibility"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? DecisionVisibility { get; init; }

    [JsonPropertyName("decision_visibility_other"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DecisionVisibilityOther { get; init; }

    [JsonPropertyName("decision_monetary"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DecisionMonetary { get; init; }

    [JsonPropertyName("decision_monetary_other"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DecisionMonetaryOther { get; init; }

    [JsonPropertyName("decision_provision"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DecisionProvision { get; init; }

    [JsonPropertyName("decision_account"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DecisionAccount { get; init; }

    [JsonPropertyName("account_type"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AccountType { get; init; }

    [JsonPropertyName("decision_ground")]
    public string? DecisionGround { get; init; }

    [JsonPropertyName("decision_ground_reference_url"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DecisionGroundReferenceUrl { get; init; }

    [JsonPropertyName("illegal_content_legal_ground"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? IllegalContentLegalGround { get; init; }

    [JsonPropertyName("illegal_content_explanation"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? IllegalContentExplanation { get; init; }

    [JsonPropertyName("incompatible_content_ground"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? IncompatibleContentGround { get; init; }

    [JsonPropertyName("incompatible_content_explanation"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? IncompatibleContentExplanation { get; init; }

    [JsonPropertyName("incompatible_content_illegal"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? IncompatibleContentIllegal { get; init; }

    [JsonPropertyName("content_type")]
    public IReadOnlyList<string>? ContentType { get; init; }

    [JsonPropertyName("content_type_other"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ContentTypeOther { get; init; }

    [JsonPropertyName("category")]
    public string? Category { get; init; }

    [JsonPropertyName("category_specification"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? CategorySpecification { get; init; }

    [JsonPropertyName("territorial_scope"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? TerritorialScope { get; init; }

    [JsonPropertyName("content_language"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ContentLanguage { get; init; }

    /// <summary>When the content was posted or uploaded, <c>YYYY-MM-DD</c>.</summary>
    [JsonPropertyName("content_date")]
    public string? ContentDate { get; init; }

    /// <summary>When the decision applied, <c>YYYY-MM-DD</c>.</summary>
    [JsonPropertyName("application_date")]
    public string? ApplicationDate { get; init; }

    [JsonPropertyName("end_date_account_restriction"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? EndDateAccountRestriction { get; init; }

    [JsonPropertyName("decision_facts")]
    public string? DecisionFacts { get; init; }

    [JsonPropertyName("source_type")]
    public string? SourceType { get; init; }

    [JsonPropertyName("automated_detection")]
    public string? AutomatedDetection { get; init; }

    [JsonPropertyName("automated_decision")]
    public string? AutomatedDecision { get; init; }

    /// <summary>The platform's unique identifier of the decision: ours is the case id, stable and unique per tenant.</summary>
    [JsonPropertyName("puid")]
    public string? Puid { get; init; }
}
