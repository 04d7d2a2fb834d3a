using TakedownFn.Domain.Cases;

namespace TakedownFn.Domain.Sla;

/// <summary>Where a stage stands.</summary>
public enum StageState
{
    /// <summary>Its clock has not started (e.g. no counter-notice was received).</summary>
    NotStarted,

    Running,

    /// <summary>Running, and past the warning instant.</summary>
    Warning,

    /// <summary>Paused; no deadline until it resumes.</summary>
    Paused,

    /// <summary>
    /// The stage no longer applies: its clock was stopped in time, before it completed (a lawsuit
    /// notified, the case closed). A clock stopped after its deadline leaves the stage
    /// <see cref="Breached"/>. <see cref="StageStatus.Reason"/> names the stopping step.
    /// </summary>
    Stopped,

    /// <summary>Completed in time (inside the window, for a window).</summary>
    Met,

    /// <summary>Completed after the deadline, or not completed and the deadline has passed.</summary>
    Breached,

    /// <summary>Completed before a window's minimum (17 USC 512(g)(2)(C): restored before 10 business days).</summary>
    BreachedEarly,

    /// <summary>
    /// The case was closed before the stage's clock started (e.g. no counter-notice was received, so
    /// there was nothing to restore): it never applied. <see cref="StageStatus.Reason"/> names the closing step.
    /// </summary>
    NotApplicable,
}

/// <summary>The step that completed a stage, at the time the service recorded it.</summary>
/// <param name="Step">The completing step's kind; must complete the stage (<see cref="StepSlaEffects"/>).</param>
/// <param name="RecordedAt">When the step reached the service (its clock), which is what decides the SLA.</param>
/// <param name="Retention">For <see cref="StepKind.EvidencePreserved"/>, how long the evidence is kept.</param>
/// <param name="LegalHold">For <see cref="StepKind.EvidencePreserved"/>, kept until the hold is lifted.</param>
/// <param name="Topic">For <see cref="StepKind.NotifierInformed"/>, what the notifier was told.</param>
public sealed record StageCompletion(
    StepKind Step,
    DateTimeOffset RecordedAt,
    TimeSpan? Retention = null,
    bool LegalHold = false,
    NotificationTopic? Topic = null);

/// <summary>A stage's evaluation, ready for a timeline or a report.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Deadline">
/// When it is due, paused time added back (for a stopped clock, as it stood when stopped);
/// <see langword="null"/> while paused or not started. For
/// preservation, the instant the evidence must be kept until.
/// </param>
/// <param name="Earliest">For a window, the earliest instant it may complete.</param>
/// <param name="WarningAt">When the configured fraction of the running time allowed is used up.</param>
/// <param name="CompletedAt">When the completing step was recorded.</param>
/// <param name="Margin">
/// Deadline minus completion (positive = early), or deadline minus now for an open breach. For
/// <see cref="StageState.BreachedEarly"/>, completion minus the earliest instant (negative). For
/// preservation, retained-until minus keep-until; <see langword="null"/> under a legal hold.
/// </param>
/// <param name="NextCheckAt">When this status next changes by time alone (the instant a durable timer should fire), if ever.</param>
/// <param name="Rule">The rule it was judged under.</param>
/// <param name="History">The clock's history, for the timeline.</param>
public sealed record StageStatus(
    SlaStage Stage,
    StageState State,
    DateTimeOffset? Deadline,
    DateTimeOffset? Earliest,
    DateTimeOffset? WarningAt,
    DateTimeOffset? CompletedAt,
    TimeSpan? Margin,
    DateTimeOffset? NextCheckAt,
    ResolvedRule Rule,
    IReadOnlyList<ClockEvent> History)
{
    /// <summary>
    /// The deadline counts days of a year the calendar has no official data for, derived from the
    /// statute alone (<see cref="BusinessCalendar.IsProvisional(int)"/>); it is recomputed, with a
    /// recorded step, when the year's data is added.
    /// </summary>
    public bool Provisional { get; init; }

    /// <summary>
    /// For <see cref="StageState.Stopped"/>, <see cref="StageState.NotApplicable"/> and a breach left by a
    /// stopped clock, the step kind that ended the stage (<c>case-closed</c>, <c>lawsuit-notified</c>); otherwise null.
    /// </summary>
    public string? Reason { get; init; }
}
