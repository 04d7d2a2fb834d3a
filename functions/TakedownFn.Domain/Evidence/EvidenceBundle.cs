using System.Text.Json;
using TakedownFn.Domain.Sla;

namespace TakedownFn.Domain.Evidence;

/// <summary>
/// Everything an auditor needs to check one case offline: the case without personal data, its
/// validation, the policy it was judged under, each stage's clock and outcome, every step with its
/// details, the ledger leaf that bound them at the time, an inclusion proof to a signed checkpoint,
/// and the keys. The service signs the bundle (<see cref="Signature"/>, a signed note over the
/// RFC 8785 form of everything else).
/// </summary>
public sealed record EvidenceBundle
{
    /// <summary>The layout id written into every bundle.</summary>
    public const string CurrentFormat = "takedownfn-evidence/1";

    public string Format { get; init; } = CurrentFormat;

    /// <summary>The service's clock when the bundle was made; open stages are judged at this instant.</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The tenant's log origin (first line of its checkpoints, key name of its signatures).</summary>
    public required string Origin { get; init; }

    public required BundleCase Case { get; init; }

    public required BundleValidation Validation { get; init; }

    /// <summary>The policy the case was judged under; null for a case judged before policy packs.</summary>
    public BundlePolicy? Policy { get; init; }

    public required IReadOnlyList<BundleStage> Stages { get; init; }

    public required IReadOnlyList<BundleStep> Steps { get; init; }

    /// <summary>Evidence preserved: each <c>evidence-preserved</c> step's record.</summary>
    public required IReadOnlyList<BundlePreservation> Preservation { get; init; }

    /// <summary>Statements of reasons and notifications sent, in order.</summary>
    public required IReadOnlyList<BundleStepRef> Notifications { get; init; }

    /// <summary>Counter-notices, their forwarding, restorations and lawsuits notified, in order.</summary>
    public required IReadOnlyList<BundleStepRef> CounterNotices { get; init; }

    public required BundleCheckpoint Checkpoint { get; init; }

    /// <summary>The published verification keys (PEM), for convenience: a verifier trusts only keys it got elsewhere.</summary>
    public required string VerificationKeysPem { get; init; }

    /// <summary>The personal fields, only in a bundle an officer asked for with <c>?disclose=personal</c>.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public BundleDisclosure? Disclosure { get; init; }

    /// <summary>A signed note (c2sp.org/signed-note) over the bundle's RFC 8785 form without this member.</summary>
    public string? Signature { get; init; }
}

/// <summary>The case as recorded, without personal data: the notice itself only as its commitment.</summary>
public sealed record BundleCase(
    string CaseId,
    string Regime,
    string Category,
    string State,
    string? Severity,
    IReadOnlyList<string> SeverityReasons,
    DateTimeOffset ReceivedAt,
    DateTimeOffset AcceptedAt,
    int StepCount,
    int ItemCount,
    string? NoticeCommitment);

/// <summary>The validation result: <c>valid</c>, <c>incomplete</c> or <c>pending</c>, and what was missing with the provision requiring it.</summary>
public sealed record BundleValidation(string Result, IReadOnlyList<BundleMissingElement> MissingElements);

public sealed record BundleMissingElement(string Element, string? Citation);

/// <summary>The policy: its id, the resolved rules as stored with the case, and the warning fraction used.</summary>
public sealed record BundlePolicy(string Id, ResolvedPolicy Resolved, double WarningFraction);

/// <summary>One stage as the case view judges it at <see cref="EvidenceBundle.GeneratedAt"/>.</summary>
public sealed record BundleStage(
    string Stage,
    string Status,
    DateTimeOffset? DueAt,
    DateTimeOffset? CompletedAt,
    string? CompletedBy,
    TimeSpan? Margin,
    bool Statutory,
    string Basis,
    string? Rule,
    string? Length,
    string? ClockStart,
    IReadOnlyList<BundleClockEvent> Clock,
    IReadOnlyList<BundlePause> Pauses)
{
    /// <summary>For <c>stopped</c>, <c>not-applicable</c> and a breach left by a stopped clock: the step that ended the stage (<c>case-closed</c>, <c>lawsuit-notified</c>).</summary>
    public string? Reason { get; init; }
}

public sealed record BundleClockEvent(string Kind, DateTimeOffset At, string? Reason);

public sealed record BundlePause(DateTimeOffset From, DateTimeOffset? To);

/// <summary>One step with its details, the salt that opens its leaf's details digest, its leaf and its inclusion proof.</summary>
public sealed record BundleStep(
    int Sequence,
    string EventId,
    string Kind,
    DateTimeOffset RecordedAt,
    DateTimeOffset? OccurredAt,
    string Actor,
    string? CorrectsStepId,
    JsonElement Details,
    string DetailsSalt,
    BundleLeaf Leaf);

/// <summary>A leaf: its index in the log, bytes (base64), RFC 6962 hash (hex), and audit path to the bundle's checkpoint (hex).</summary>
public sealed record BundleLeaf(long Index, string Data, string Hash, IReadOnlyList<string> Proof);

public sealed record BundlePreservation(string EventId, DateTimeOffset RecordedAt, string? ContentHash, string? SnapshotLocation, string? RetentionPeriod, bool LegalHold);

public sealed record BundleStepRef(string EventId, string Kind, DateTimeOffset RecordedAt);

/// <summary>The signed checkpoint every proof is against.</summary>
public sealed record BundleCheckpoint(string Note, long TreeSize, string RootHash);
