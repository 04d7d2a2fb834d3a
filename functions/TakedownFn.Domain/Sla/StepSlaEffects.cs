using TakedownFn.Domain.Cases;

namespace TakedownFn.Domain.Sla;

/// <summary>What one kind of step does to the SLA stages: completes one, starts a clock, pauses, resumes or stops clocks.</summary>
/// <param name="Step">The step kind.</param>
/// <param name="Topic">For <see cref="StepKind.NotifierInformed"/>, the topic the row is about; otherwise <see langword="null"/>.</param>
/// <param name="Completes">The stage the step completes, if any.</param>
/// <param name="Starts">The clock start the step is, if any.</param>
/// <param name="Pauses">Stages whose clocks it pauses.</param>
/// <param name="Resumes">Stages whose clocks it resumes.</param>
/// <param name="Stops">Stages whose clocks it stops (the stage no longer applies).</param>
public sealed record StepSlaEffect(
    StepKind Step,
    NotificationTopic? Topic,
    SlaStage? Completes,
    ClockStart? Starts,
    IReadOnlyList<SlaStage> Pauses,
    IReadOnlyList<SlaStage> Resumes,
    IReadOnlyList<SlaStage> Stops);

/// <summary>The one table of which step completes which stage and what it does to the clocks.</summary>
public static class StepSlaEffects
{
    // Waiting for the notifier to supply a missing element stops the clocks that need a complete
    // notice (17 USC 512(c)(3)(B): a substantially deficient notice gives no knowledge); the
    // acknowledgement is still due, so its clock keeps running.
    private static readonly SlaStage[] NeedsCompleteNotice = [SlaStage.Act, SlaStage.ForwardToUploader];

    /// <summary>The stages a closed case can no longer complete.</summary>
    private static readonly SlaStage[] EndsWithTheCase =
        [SlaStage.Acknowledge, SlaStage.Act, SlaStage.ForwardToUploader, SlaStage.StatementOfReasons, SlaStage.CounterNoticeRestoration];

    /// <summary>Every row; a step kind not listed does nothing to the SLA.</summary>
    public static IReadOnlyList<StepSlaEffect> Table { get; } =
    [
        Row(StepKind.Received, starts: ClockStart.Receipt),
        Row(StepKind.Validated, starts: ClockStart.Validity),
        Row(StepKind.Incomplete, pauses: NeedsCompleteNotice),
        Row(StepKind.NoticeSupplemented, resumes: NeedsCompleteNotice),
        Row(StepKind.NotifierInformed, topic: NotificationTopic.ReceiptConfirmed, completes: SlaStage.Acknowledge),
        Row(StepKind.ContentRemoved, completes: SlaStage.Act, starts: ClockStart.Action),
        Row(StepKind.ContentDisabled, completes: SlaStage.Act, starts: ClockStart.Action),
        Row(StepKind.ContentGeoRestricted, completes: SlaStage.Act, starts: ClockStart.Action),
        Row(StepKind.ContentLabelled, completes: SlaStage.Act, starts: ClockStart.Action),
        Row(StepKind.NoAction, completes: SlaStage.Act),

        // DSA Art. 17(1)(c), (d): account restrictions are restrictions that need a statement of reasons.
        Row(StepKind.AccountRestricted, starts: ClockStart.Action),
        Row(StepKind.AccountSuspended, starts: ClockStart.Action),
        Row(StepKind.NoticeForwardedToUploader, completes: SlaStage.ForwardToUploader, starts: ClockStart.Forwarding),
        Row(StepKind.StatementOfReasonsSent, completes: SlaStage.StatementOfReasons),
        Row(StepKind.EvidencePreserved, completes: SlaStage.Preservation),
        Row(StepKind.CounterNoticeReceived, starts: ClockStart.CounterNotice),
        Row(StepKind.CounterNoticeForwardedToNotifier, starts: ClockStart.CounterNoticeForwarded),
        Row(StepKind.ContentRestored, completes: SlaStage.CounterNoticeRestoration),

        // 17 USC 512(g)(2)(C) and E-Commerce Law Art. 43: no restoration once a suit or complaint is notified.
        Row(StepKind.LawsuitNotified, stops: [SlaStage.CounterNoticeRestoration]),

        // A closed case has no handling left: its running clocks stop (a deadline already missed stays
        // breached). Preservation outlives the case: evidence-preserved is accepted after closing,
        // because records must stay preservable for investigators (CaseStateMachine.Table).
        Row(StepKind.CaseClosed, stops: EndsWithTheCase),
    ];

    /// <summary>The stage a step completes; <paramref name="topic"/> matters only for <see cref="StepKind.NotifierInformed"/>.</summary>
    public static SlaStage? StageCompletedBy(StepKind step, NotificationTopic? topic = null) => Find(step, topic)?.Completes;

    /// <summary>The clock start a step is, if any.</summary>
    public static ClockStart? ClockStartedBy(StepKind step) => Find(step, null)?.Starts;

    /// <summary>The step kinds that complete <paramref name="stage"/>.</summary>
    public static IReadOnlyList<StepKind> StepsCompleting(SlaStage stage) =>
        Table.Where(r => r.Completes == stage).Select(r => r.Step).ToArray();

    private static StepSlaEffect? Find(StepKind step, NotificationTopic? topic) =>
        Table.FirstOrDefault(r => r.Step == step && (r.Topic is null || r.Topic == topic));

    private static StepSlaEffect Row(
        StepKind step,
        NotificationTopic? topic = null,
        SlaStage? completes = null,
        ClockStart? starts = null,
        SlaStage[]? pauses = null,
        SlaStage[]? resumes = null,
        SlaStage[]? stops = null) =>
        new(step, topic, completes, starts, pauses ?? [], resumes ?? [], stops ?? []);
}
