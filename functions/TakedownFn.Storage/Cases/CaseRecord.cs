using Azure;
using TakedownFn.Domain.Detection;
using TakedownFn.Domain.Sla;

namespace TakedownFn.Storage.Cases;

/// <summary>A stage deadline as stored with the case: fixed when the case was triaged, never re-judged.</summary>
/// <param name="Stage">The stage id (e.g. <c>act</c>).</param>
/// <param name="DueAt">When it is due (server time).</param>
/// <param name="Statutory">Whether the law fixes the number, or it is the platform's own target.</param>
/// <param name="Basis">The provision the rule rests on.</param>
/// <param name="State">The stage's state when the record was last written (<c>met</c>, <c>paused</c>, …), for list views; absent on old cases.</param>
/// <param name="CompletedAt">When the completing step was recorded, if it was.</param>
/// <param name="Provisional">The deadline counts days of a year its calendar has no official data for.</param>
/// <param name="CalendarData">For a provisional deadline, the calendar data it was computed with (<c>BusinessCalendar.DataVersion</c>).</param>
public sealed record DeadlineRecord(
    string Stage, DateTimeOffset DueAt, bool Statutory, string Basis, string? State = null, DateTimeOffset? CompletedAt = null, bool Provisional = false, string? CalendarData = null)
{
    /// <summary>
    /// The margin as the stage was judged, once settled (completed, or its clock stopped); null while
    /// open, when it moves with the clock, and in rows written before it was kept.
    /// </summary>
    public TimeSpan? Margin { get; init; }
}

/// <summary>
/// The case row: what the notice is, where it stands, and the deadlines it was judged under.
/// The submitted notice (which holds personal data) is kept beside it, not in these fields.
/// </summary>
public sealed record CaseRecord
{
    public required string TenantId { get; init; }

    public required string CaseId { get; init; }

    public required string Regime { get; init; }

    public required string Category { get; init; }

    /// <summary>The complaint channel the notice arrived by (<c>api</c>, <c>web-form</c>, …); null on cases accepted before channels were recorded.</summary>
    public string? Channel { get; init; }

    /// <summary>The case state id (<c>received</c>, <c>triaged</c>, …).</summary>
    public required string State { get; init; }

    /// <summary><c>pending</c> until processed, then <c>valid</c> or <c>incomplete</c>.</summary>
    public string Validation { get; init; } = "pending";

    public IReadOnlyList<string> MissingElements { get; init; } = [];

    public string? Severity { get; init; }

    public IReadOnlyList<string> SeverityReasons { get; init; } = [];

    public required string PlatformReference { get; init; }

    /// <summary>When the platform says it received the notice (its claim, kept beside ours).</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>When the service accepted the notice (server time).</summary>
    public required DateTimeOffset AcceptedAt { get; init; }

    /// <summary>
    /// When the stages timed from receipt started: the earlier of <see cref="ReceivedAt"/> and
    /// <see cref="AcceptedAt"/>, fixed at acceptance. Absent on cases accepted before the platform's
    /// receipt started the clocks: theirs started at <see cref="AcceptedAt"/>, and still do.
    /// </summary>
    public DateTimeOffset? ClockStartedAt { get; init; }

    /// <summary>The policy's name and version, e.g. <c>takedownfn-default/1+tenant/2</c> (old cases: <c>default-deadlines/1</c>).</summary>
    public string? PolicyId { get; init; }

    /// <summary>
    /// The policy the case was judged under, fixed at triage: changing a pack later never re-judges
    /// the case. Absent on cases triaged before policy packs (they keep their <see cref="Deadlines"/>).
    /// </summary>
    public ResolvedPolicy? Policy { get; init; }

    /// <summary>A snapshot of each stage's deadline as of the last change, for list views.</summary>
    public IReadOnlyList<DeadlineRecord> Deadlines { get; init; } = [];

    /// <summary>
    /// The SLA timers still to fire. Each has an index row (<see cref="CaseKeys.Timer"/>) written and
    /// deleted in the same transaction as this list, so list and rows never disagree.
    /// </summary>
    public IReadOnlyList<SlaTimer> SlaTimers { get; init; } = [];

    /// <summary>Stages with a recorded breach that are still open; each has a <see cref="CaseKeys.OpenBreach"/> row.</summary>
    public IReadOnlyList<SlaStage> OpenBreaches { get; init; } = [];

    /// <summary>How many steps the case has; the next step's sequence number is this plus one.</summary>
    public int StepCount { get; init; }

    public int ItemCount { get; init; }

    /// <summary>
    /// What personal-information detection found in the notice's excerpts (kinds, counts, positions,
    /// commitments; never a value), fixed at acceptance; null when the notice gave detection nothing to read.
    /// </summary>
    public DetectionSummary? PersonalData { get; init; }

    /// <summary>Set once the case's personal data was erased; its notice is then only the non-personal residue.</summary>
    public CaseErasure? Erasure { get; init; }

    /// <summary>The stored row's ETag; writes are conditional on it.</summary>
    public ETag ETag { get; init; }
}

/// <summary>One recorded step of a case (an event row); never updated or deleted.</summary>
public sealed record CaseEventRecord
{
    public required string EventId { get; init; }

    public required string CaseId { get; init; }

    public required int Sequence { get; init; }

    /// <summary>The step kind id (<c>content-removed</c>, …).</summary>
    public required string Kind { get; init; }

    /// <summary>Server time when the step was recorded: the time that decides SLAs.</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>When the platform says the step happened.</summary>
    public DateTimeOffset? OccurredAt { get; init; }

    /// <summary>The step's details as JSON (reason, evidence hash, …).</summary>
    public string Details { get; init; } = "{}";

    /// <summary>Who recorded it: <c>service</c> or the API key id of the caller.</summary>
    public required string Actor { get; init; }

    public string? CorrectsStepId { get; init; }
}
