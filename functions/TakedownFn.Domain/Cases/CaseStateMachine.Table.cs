namespace TakedownFn.Domain.Cases;

using static CaseState;
using static StepKind;

public static partial class CaseStateMachine
{
    /// <summary>
    /// The single transition table: for each state, every accepted step and the state it leads to.
    /// A step not listed for a state is refused there. Decisions worth knowing:
    /// <list type="bullet">
    /// <item>Record-keeping steps never change the state. <c>evidence-preserved</c> and <c>correction</c> are accepted in
    /// every state, closed included: records must stay preservable for investigators after a case ends,
    /// and a correction amends a record (it never undoes an action: restoring content is its own step).</item>
    /// <item><c>notifier-informed</c> is accepted everywhere but closed, from receipt on (DSA Art. 16(4)).
    /// <c>statement-of-reasons-sent</c> and <c>account-*</c> only while a restriction may be imposed
    /// or in force (DSA Art. 17(1); the repeat-infringer policy of 17 USC 512(i)).</item>
    /// <item>Content actions need a triaged case: the service's own validated/triaged steps must land first,
    /// and a platform report arriving earlier is refused and retried.</item>
    /// <item>A counter-notice is accepted only once content was actioned (17 USC 512(g)(1), Civil Code Art. 1196).</item>
    /// <item><c>content-restored</c> only after a counter-notice (512(g)(2)(C)), a reversal recorded as
    /// <c>no-action</c> on an actioned case, or litigation.</item>
    /// <item>Closed is terminal: a new complaint about the same content opens a new case.</item>
    /// <item><c>sla-warning</c> and <c>sla-breached</c> are the service's record that time ran out; they are
    /// accepted in every state but closed and never change it (a closed case has no stage left to time).</item>
    /// <item><c>deadline-recomputed</c>, <c>incident-surge</c> and <c>surge-response</c> are records about the case, not
    /// steps of its handling: accepted in every state, closed included (a deadline recomputed after the case
    /// ended can still change whether it was met), and never change it (<see cref="RecordKeeping"/>).</item>
    /// <item>An incomplete notice is triaged at once (the service records <c>incomplete</c> and <c>triaged</c> in
    /// one write), so a case never waits in <c>incomplete</c>. Its supplement, <c>notice-supplemented</c>, is
    /// reported on the case wherever its handling has got to, closed excepted, and keeps the state; the service
    /// records <c>validated</c> with it. The notice is not judged again: the stored notice still lacks what the
    /// notifier supplied, and triage again would undo the platform's measures. <see cref="NoticeTable"/> makes
    /// both steps wait for an incomplete notice.</item>
    /// </list>
    /// </summary>
    private static readonly Dictionary<CaseState, IReadOnlyDictionary<StepKind, CaseState>> Table = new()
    {
        [CaseState.Received] = State(CaseState.Received,
            Move(StepKind.Validated, CaseState.Validated),
            Move(StepKind.Incomplete, CaseState.Incomplete),
            Move(StepKind.ProcessingFailed, CaseState.ProcessingFailed),
            Stay(EvidencePreserved, Correction, NotifierInformed, SlaWarning, SlaBreached)),

        [CaseState.Validated] = State(CaseState.Validated,
            Move(StepKind.Triaged, CaseState.Triaged),
            Move(StepKind.ProcessingFailed, CaseState.ProcessingFailed),
            Stay(EvidencePreserved, Correction, NotifierInformed, SlaWarning, SlaBreached)),

        [CaseState.Incomplete] = State(CaseState.Incomplete,
            // Triaged at once: the platform may act on an incomplete notice (zero tolerance for doxxing).
            Move(StepKind.Triaged, CaseState.Triaged),
            Move(StepKind.NoAction, CaseState.NoAction),
            Stay(EvidencePreserved, Correction, NotifierInformed, SlaWarning, SlaBreached)),

        [CaseState.ProcessingFailed] = State(CaseState.ProcessingFailed,
            Move(ProcessingRetried, CaseState.Received),
            Move(CaseClosed, Closed),
            Stay(EvidencePreserved, Correction, NotifierInformed, SlaWarning, SlaBreached)),

        [CaseState.Triaged] = State(CaseState.Triaged,
            Supplement(),
            ContentActions(),
            Move(StepKind.NoAction, CaseState.NoAction),
            Move(NoticeForwardedToUploader, Forwarded),
            Move(LawsuitNotified, Litigation),
            Stay(EvidencePreserved, Correction, NotifierInformed, SlaWarning, SlaBreached, StatementOfReasonsSent, AccountRestricted, AccountSuspended)),

        [Forwarded] = State(Forwarded,
            Supplement(),
            ContentActions(),
            Move(StepKind.NoAction, CaseState.NoAction),
            Move(LawsuitNotified, Litigation),
            Stay(EvidencePreserved, Correction, NotifierInformed, SlaWarning, SlaBreached, StatementOfReasonsSent, AccountRestricted, AccountSuspended)),

        [Actioned] = State(Actioned,
            Supplement(),
            ContentActions(), // a measure may be changed, e.g. a label escalated to removal
            Move(CounterNoticeReceived, CounterNoticed),
            Move(StepKind.NoAction, CaseState.NoAction), // reversal, e.g. on an internal complaint (DSA Art. 20)
            Move(LawsuitNotified, Litigation),
            Move(CaseClosed, Closed),

            // 17 USC 512(g)(2)(A): tell the uploader the content was taken down.
            Stay(NoticeForwardedToUploader, EvidencePreserved, Correction, NotifierInformed, SlaWarning, SlaBreached, StatementOfReasonsSent,
                AccountRestricted, AccountSuspended)),

        [CaseState.NoAction] = State(CaseState.NoAction,
            Supplement(),
            ContentActions(), // decision revisited
            Move(ContentRestored, Restored),
            Move(LawsuitNotified, Litigation),
            Move(CaseClosed, Closed),
            Stay(EvidencePreserved, Correction, NotifierInformed, SlaWarning, SlaBreached)),

        [CounterNoticed] = State(CounterNoticed,
            Supplement(),
            Move(ContentRestored, Restored), // 512(g)(2)(C): 10-14 business days after the counter-notice
            Move(LawsuitNotified, Litigation), // 512(g)(2)(C), Civil Code Art. 1196: a notified suit keeps the measure
            Move(CaseClosed, Closed), // counter-notice found deficient; the measure stays
            Stay(CounterNoticeForwardedToNotifier, EvidencePreserved, Correction, NotifierInformed, SlaWarning, SlaBreached, StatementOfReasonsSent,
                AccountRestricted, AccountSuspended)),

        [Restored] = State(Restored,
            Supplement(),
            Move(LawsuitNotified, Litigation),
            Move(CaseClosed, Closed),
            Stay(EvidencePreserved, Correction, NotifierInformed, SlaWarning, SlaBreached)),

        [Litigation] = State(Litigation,
            Supplement(),
            ContentActions(), // as ordered
            Move(ContentRestored, Restored),
            Move(CaseClosed, Closed),
            Stay(EvidencePreserved, Correction, NotifierInformed, SlaWarning, SlaBreached, StatementOfReasonsSent, AccountRestricted, AccountSuspended)),

        [Closed] = State(Closed,
            Stay(EvidencePreserved, Correction)),
    };

    /// <summary>
    /// The second table: steps about the notice's completeness, the validities they are accepted with and
    /// the one they leave. A step not listed keeps the validity. The state table decides where such a step may
    /// come at all; this one refuses, say, a supplement to a notice that is complete.
    /// </summary>
    private static readonly Dictionary<StepKind, (NoticeValidity[] Needs, NoticeValidity Leaves)> NoticeTable = new()
    {
        [StepKind.Validated] = ([NoticeValidity.Pending, NoticeValidity.Incomplete], NoticeValidity.Valid),
        [StepKind.Incomplete] = ([NoticeValidity.Pending], NoticeValidity.Incomplete),

        // Still incomplete until the service's validated, recorded in the same write.
        [NoticeSupplemented] = ([NoticeValidity.Incomplete], NoticeValidity.Incomplete),

        // A retry judges the notice from scratch.
        [ProcessingRetried] = ([NoticeValidity.Pending, NoticeValidity.Valid, NoticeValidity.Incomplete], NoticeValidity.Pending),
    };

    private static (StepKind Step, CaseState? To)[] Move(StepKind step, CaseState to) => [(step, to)];

    /// <summary>Steps that keep the state; <see langword="null"/> target means "the state itself".</summary>
    private static (StepKind Step, CaseState? To)[] Stay(params StepKind[] steps) =>
        steps.Select(step => (step, (CaseState?)null)).ToArray();

    /// <summary>A supplement to an incomplete notice, and the service's <c>validated</c> that follows it; both keep the state.</summary>
    private static (StepKind Step, CaseState? To)[] Supplement() => Stay(NoticeSupplemented, StepKind.Validated);

    private static (StepKind Step, CaseState? To)[] ContentActions() =>
    [
        (ContentRemoved, Actioned),
        (ContentDisabled, Actioned),
        (ContentGeoRestricted, Actioned),
        (ContentLabelled, Actioned),
    ];

    /// <summary>Steps every state accepts and keeps; added to each row of <see cref="Table"/>.</summary>
    private static StepKind[] RecordKeeping => [DeadlineRecomputed, IncidentSurge, SurgeResponse, DisclosedToAuthority, PersonalDataErased, ErasureRefused, PersonalDataDisclosed]; // a property: Table, above, is built first

    private static IReadOnlyDictionary<StepKind, CaseState> State(CaseState state, params (StepKind Step, CaseState? To)[][] groups)
    {
        var row = new Dictionary<StepKind, CaseState>();
        foreach (var (step, to) in groups.Append(Stay(RecordKeeping)).SelectMany(g => g))
        {
            // Add, not the indexer: a step listed twice for one state is a table error, caught at type load.
            row.Add(step, to ?? state);
        }

        return row;
    }
}
