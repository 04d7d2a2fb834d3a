using System.Text.Json.Serialization;

namespace TakedownFn.Domain.Notices.Submission;

/// <summary>The notifier as submitted.</summary>
public sealed record NotifierSubmission
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("contact")]
    public ContactSubmission? Contact { get; init; }

    /// <summary>One of <c>victim</c>, <c>representative</c>, <c>right-holder</c>, <c>trusted-flagger</c>, <c>authority</c>.</summary>
    [JsonPropertyName("role")]
    public string? Role { get; init; }
}

/// <summary>The notifier's contact details as submitted.</summary>
public sealed record ContactSubmission
{
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    [JsonPropertyName("phone")]
    public string? Phone { get; init; }

    [JsonPropertyName("postalAddress")]
    public string? PostalAddress { get; init; }
}
