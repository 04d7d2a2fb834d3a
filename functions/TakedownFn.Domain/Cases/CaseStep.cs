using TakedownFn.Domain.Severity;

namespace TakedownFn.Domain.Cases;

/// <summary>
/// A well-formed step, produced by <see cref="Steps.StepIntake.Parse"/>. Fields a kind does not use are
/// <see langword="null"/> or empty.
/// </summary>
public sealed record CaseStep
{
    public required StepKind Kind { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public string? Reason { get; init; }

    public IReadOnlyList<string> Regions { get; init; } = [];

    /// <summary>For <c>surge-response</c>: the measures taken (<c>SurgeMeasures</c> ids); null for other kinds, so their details do not change.</summary>
    public IReadOnlyList<string>? Measures { get; init; }

    public string? Label { get; init; }

    public string? AccountReference { get; init; }

    public DateTimeOffset? SuspendedUntil { get; init; }

    public EvidencePreservation? Evidence { get; init; }

    public string? CorrectsStepId { get; init; }

    public NotificationTopic? Topic { get; init; }

    public IReadOnlyList<string> MissingElements { get; init; } = [];

    /// <summary>For <see cref="StepKind.NoticeSupplemented"/>: the element ids the notifier supplied (never their content).</summary>
    public IReadOnlyList<string> SuppliedElements { get; init; } = [];

    public SeverityLevel? Severity { get; init; }

    public string? ErrorCode { get; init; }

    public string? Reference { get; init; }

    /// <summary>For <see cref="StepKind.StatementOfReasonsSent"/>: the statement's fields, checked against the Transparency Database's rules.</summary>
    public Dsa.StatementFields? Statement { get; init; }

    /// <summary>For an action on the content: <c>law</c> or <c>terms</c> (<see cref="Steps.StepIntake.Basis"/>); null means the law.</summary>
    public string? Basis { get; init; }
}

/// <summary>What an <see cref="StepKind.EvidencePreserved"/> step preserved and for how long.</summary>
/// <param name="ContentHash">SHA-256 of the content, lower-case hex.</param>
/// <param name="SnapshotLocation">Where the platform keeps the snapshot, if it says.</param>
/// <param name="RetentionPeriod">How long it is kept, in whole days.</param>
/// <param name="LegalHold">Whether a legal hold stops erasure beyond the retention period.</param>
public sealed record EvidencePreservation(string ContentHash, string? SnapshotLocation, TimeSpan RetentionPeriod, bool LegalHold);
