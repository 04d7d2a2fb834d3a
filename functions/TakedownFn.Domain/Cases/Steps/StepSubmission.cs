using System.Text.Json.Serialization;

namespace TakedownFn.Domain.Cases.Steps;

/// <summary>
/// A step as submitted (platform steps through the API, system steps by the service). One flat shape
/// for every kind; which fields a kind requires is decided by <see cref="StepIntake.Parse"/>.
/// </summary>
public sealed record StepSubmission
{
    /// <summary>A <see cref="StepKind"/> id, e.g. <c>evidence-preserved</c>.</summary>
    [JsonPropertyName("kind")]
    public string? Kind { get; init; }

    [JsonPropertyName("occurredAt")]
    public DateTimeOffset? OccurredAt { get; init; }

    /// <summary>Required for <c>no-action</c> and <c>correction</c>.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    /// <summary>ISO 3166-1 alpha-2 codes; required for <c>content-geo-restricted</c>.</summary>
    [JsonPropertyName("regions")]
    public IReadOnlyList<string?>? Regions { get; init; }

    /// <summary>The label shown; required for <c>content-labelled</c>.</summary>
    [JsonPropertyName("label")]
    public string? Label { get; init; }

    /// <summary>The platform's account reference; required for <c>account-restricted</c> and <c>account-suspended</c>.</summary>
    [JsonPropertyName("accountReference")]
    public string? AccountReference { get; init; }

    /// <summary>End of a temporary suspension; absent means indefinite.</summary>
    [JsonPropertyName("suspendedUntil")]
    public DateTimeOffset? SuspendedUntil { get; init; }

    /// <summary>Required for <c>evidence-preserved</c>.</summary>
    [JsonPropertyName("evidence")]
    public EvidenceSubmission? Evidence { get; init; }

    /// <summary>The event id of the step being corrected; required for <c>correction</c>.</summary>
    [JsonPropertyName("correctsStepId")]
    public string? CorrectsStepId { get; init; }

    /// <summary>A <see cref="NotificationTopic"/> id; required for <c>notifier-informed</c>.</summary>
    [JsonPropertyName("topic")]
    public string? Topic { get; init; }

    /// <summary>Element ids from <c>NoticeElements</c>; required for <c>incomplete</c>.</summary>
    [JsonPropertyName("missingElements")]
    public IReadOnlyList<string?>? MissingElements { get; init; }

    /// <summary>
    /// Element ids from <c>NoticeElements</c>, every one the case's notice was missing; required for
    /// <c>notice-supplemented</c>. Names only: what the notifier supplied stays with the platform.
    /// </summary>
    [JsonPropertyName("suppliedElements")]
    public IReadOnlyList<string?>? SuppliedElements { get; init; }

    /// <summary>Measure ids from <c>SurgeMeasures</c> the platform took; required for <c>surge-response</c>.</summary>
    [JsonPropertyName("measures")]
    public IReadOnlyList<string?>? Measures { get; init; }

    /// <summary>A severity level id; required for <c>triaged</c>.</summary>
    [JsonPropertyName("severity")]
    public string? Severity { get; init; }

    /// <summary>A machine error code (<c>[a-z0-9.-]</c>); required for <c>processing-failed</c>.</summary>
    [JsonPropertyName("errorCode")]
    public string? ErrorCode { get; init; }

    /// <summary>An optional external reference (statement-of-reasons id, court file number).</summary>
    [JsonPropertyName("reference")]
    public string? Reference { get; init; }

    /// <summary>
    /// For <c>statement-of-reasons-sent</c>: the statement's fields the service cannot derive, for the
    /// EU Transparency Database (required for cases under <c>eu-dsa-16</c>).
    /// </summary>
    [JsonPropertyName("statement")]
    public Dsa.StatementFields? Statement { get; init; }

    /// <summary>
    /// For an action on the content (<c>content-removed</c>, <c>content-disabled</c>,
    /// <c>content-geo-restricted</c>, <c>content-labelled</c>): <c>law</c> (the default) or
    /// <c>terms</c>, the ground it was taken on (DSA transparency report, Implementing Regulation (EU) 2024/2835).
    /// </summary>
    [JsonPropertyName("basis")]
    public string? Basis { get; init; }
}

/// <summary>How evidence was preserved, as submitted.</summary>
public sealed record EvidenceSubmission
{
    /// <summary>SHA-256 of the preserved content, 64 hex digits.</summary>
    [JsonPropertyName("contentHash")]
    public string? ContentHash { get; init; }

    [JsonPropertyName("snapshotLocation")]
    public string? SnapshotLocation { get; init; }

    [JsonPropertyName("retentionDays")]
    public int? RetentionDays { get; init; }

    [JsonPropertyName("legalHold")]
    public bool? LegalHold { get; init; }
}
