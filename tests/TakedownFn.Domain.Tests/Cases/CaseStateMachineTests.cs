using TakedownFn.Domain.Cases;

namespace TakedownFn.Domain.Tests.Cases;

public class CaseStateMachineTests
{
    /// <summary>
    /// The lifecycle as a reviewer would write it, independent of the production table's layout:
    /// per state, every accepted step; <c>step&gt;state</c> moves, a bare step keeps the state.
    /// Any step not listed must be refused. <c>sla-warning</c> and <c>sla-breached</c> are the service's
    /// timers: everywhere but closed, never moving the case. A supplement to an incomplete notice, and the
    /// service's <c>validated</c> with it, come wherever the handling has got to after triage, closed excepted.
    /// The records about a case (a recomputed provisional deadline, a surge and the platform's response, a disclosure to an authority) come
    /// in every state, closed included, and never move it.
    /// </summary>
    private const string Specification = """
        received:          validated>validated incomplete>incomplete processing-failed>processing-failed
                           evidence-preserved correction notifier-informed
                           sla-warning sla-breached
                           deadline-recomputed incident-surge surge-response disclosed-to-authority
                           personal-data-erased erasure-refused personal-data-disclosed
        validated:         triaged>triaged processing-failed>processing-failed
                           evidence-preserved correction notifier-informed
                           sla-warning sla-breached
                           deadline-recomputed incident-surge surge-response disclosed-to-authority
                           personal-data-erased erasure-refused personal-data-disclosed
        incomplete:        triaged>triaged no-action>no-action
                           evidence-preserved correction notifier-informed
                           sla-warning sla-breached
                           deadline-recomputed incident-surge surge-response disclosed-to-authority
                           personal-data-erased erasure-refused personal-data-disclosed
        processing-failed: processing-retried>received case-closed>closed
                           evidence-preserved correction notifier-informed
                           sla-warning sla-breached
                           deadline-recomputed incident-surge surge-response disclosed-to-authority
                           personal-data-erased erasure-refused personal-data-disclosed
        triaged:           content-removed>actioned content-disabled>actioned content-geo-restricted>actioned content-labelled>actioned
                           notice-supplemented validated
                           no-action>no-action notice-forwarded-to-uploader>forwarded lawsuit-notified>litigation
                           evidence-preserved correction notifier-informed statement-of-reasons-sent account-restricted account-suspended
                           sla-warning sla-breached
                           deadline-recomputed incident-surge surge-response disclosed-to-authority
                           personal-data-erased erasure-refused personal-data-disclosed
        forwarded:         content-removed>actioned content-disabled>actioned content-geo-restricted>actioned content-labelled>actioned
                           notice-supplemented validated
                           no-action>no-action lawsuit-notified>litigation
                           evidence-preserved correction notifier-informed statement-of-reasons-sent account-restricted account-suspended
                           sla-warning sla-breached
                           deadline-recomputed incident-surge surge-response disclosed-to-authority
                           personal-data-erased erasure-refused personal-data-disclosed
        actioned:          content-removed content-disabled content-geo-restricted content-labelled
                           notice-supplemented validated
                           counter-notice-received>counter-noticed no-action>no-action lawsuit-notified>litigation case-closed>closed
                           notice-forwarded-to-uploader
                           evidence-preserved correction notifier-informed statement-of-reasons-sent account-restricted account-suspended
                           sla-warning sla-breached
                           deadline-recomputed incident-surge surge-response disclosed-to-authority
                           personal-data-erased erasure-refused personal-data-disclosed
        no-action:         content-removed>actioned content-disabled>actioned content-geo-restricted>actioned content-labelled>actioned
                           notice-supplemented validated
                           content-restored>restored lawsuit-notified>litigation case-closed>closed
                           evidence-preserved correction notifier-informed
                           sla-warning sla-breached
                           deadline-recomputed incident-surge surge-response disclosed-to-authority
                           personal-data-erased erasure-refused personal-data-disclosed
        counter-noticed:   content-restored>restored lawsuit-notified>litigation case-closed>closed
                           notice-supplemented validated
                           counter-notice-forwarded-to-notifier
                           evidence-preserved correction notifier-informed statement-of-reasons-sent account-restricted account-suspended
                           sla-warning sla-breached
                           deadline-recomputed incident-surge surge-response disclosed-to-authority
                           personal-data-erased erasure-refused personal-data-disclosed
        restored:          lawsuit-notified>litigation case-closed>closed
                           notice-supplemented validated
                           evidence-preserved correction notifier-informed
                           sla-warning sla-breached
                           deadline-recomputed incident-surge surge-response disclosed-to-authority
                           personal-data-erased erasure-refused personal-data-disclosed
        litigation:        content-removed>actioned content-disabled>actioned content-geo-restricted>actioned content-labelled>actioned
                           notice-supplemented validated
                           content-restored>restored case-closed>closed
                           evidence-preserved correction notifier-informed statement-of-reasons-sent account-restricted account-suspended
                           sla-warning sla-breached
                           deadline-recomputed incident-surge surge-response disclosed-to-authority
                           personal-data-erased erasure-refused personal-data-disclosed
        closed:            evidence-preserved correction
                           deadline-recomputed incident-surge surge-response disclosed-to-authority
                           personal-data-erased erasure-refused personal-data-disclosed
        """;

    /// <summary>
    /// The notice's side: steps about its completeness, the validities they are accepted with
    /// (<c>validity&gt;validity after</c>). Any other step is accepted with every validity and keeps it.
    /// </summary>
    private const string NoticeSpecification = """
        validated:           pending>valid incomplete>valid
        incomplete:          pending>incomplete
        notice-supplemented: incomplete>incomplete
        processing-retried:  pending>pending valid>pending incomplete>pending
        """;

    private static readonly Dictionary<(string State, string Step), string> Expected = ParseSpecification(Specification);

    private static readonly Dictionary<(string Step, string Validity), string> ExpectedNotice = ParseSpecification(NoticeSpecification);

    public static TheoryData<string, string> EveryStateAndStep()
    {
        var data = new TheoryData<string, string>();
        foreach (var state in WireIds.All<CaseState>())
        {
            foreach (var step in WireIds.All<StepKind>())
            {
                data.Add(state, step);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStateAndStep))]
    public void Decide_EveryStateAndStep_MatchesSpecificationWithEveryNoticeValidity(string stateId, string stepId)
    {
        Assert.True(WireIds.TryParse(stateId, out CaseState state));
        Assert.True(WireIds.TryParse(stepId, out StepKind step));

        foreach (var notice in Enum.GetValues<NoticeValidity>())
        {
            var result = CaseStateMachine.Decide(state, notice, step);

            var isNoticeStep = ExpectedNotice.Keys.Any(k => k.Step == stepId);
            var noticeAfter = isNoticeStep ? ExpectedNotice.GetValueOrDefault((stepId, notice.ToId())) : notice.ToId();
            if (Expected.TryGetValue((stateId, stepId), out var target) && noticeAfter is not null)
            {
                var allowed = Assert.IsType<TransitionResult.Allowed>(result);
                Assert.Equal(target, allowed.NewState.ToId());
                Assert.Equal(noticeAfter, allowed.Notice.ToId());
                Assert.Equal(state, allowed.From);
            }
            else
            {
                var rejected = Assert.IsType<TransitionResult.Rejected>(result);
                Assert.Equal(state, rejected.Current);
                Assert.Equal(notice, rejected.Notice);
                Assert.Equal(step, rejected.Step);
                Assert.Equal(Expected.ContainsKey((stateId, stepId)), rejected.RefusedForNotice);
            }
        }
    }

    [Fact]
    public void Specification_CoversEveryStateAndNamesOnlyRealIds()
    {
        Assert.Equal(WireIds.All<CaseState>().Order(), Expected.Keys.Select(k => k.State).Distinct().Order());
        Assert.All(Expected, pair =>
        {
            Assert.True(WireIds.TryParse(pair.Key.Step, out StepKind _), pair.Key.Step);
            Assert.True(WireIds.TryParse(pair.Value, out CaseState _), pair.Value);
        });
        Assert.All(ExpectedNotice, pair =>
        {
            Assert.True(WireIds.TryParse(pair.Key.Step, out StepKind _), pair.Key.Step);
            Assert.True(WireIds.TryParse(pair.Key.Validity, out NoticeValidity _), pair.Key.Validity);
            Assert.True(WireIds.TryParse(pair.Value, out NoticeValidity _), pair.Value);
        });
    }

    [Theory]
    [MemberData(nameof(EveryStateAndStep))]
    public void Decide_Rejected_OffersExactlyTheStepsThatWouldBeAllowed(string stateId, string stepId)
    {
        WireIds.TryParse(stateId, out CaseState state);
        WireIds.TryParse(stepId, out StepKind step);
        foreach (var notice in Enum.GetValues<NoticeValidity>())
        {
            var allowedHere = Enum.GetValues<StepKind>().Where(s => CaseStateMachine.Decide(state, notice, s) is TransitionResult.Allowed).ToArray();

            if (CaseStateMachine.Decide(state, notice, step) is TransitionResult.Rejected rejected)
            {
                Assert.Equal(allowedHere, rejected.AllowedNextSteps);
                Assert.DoesNotContain(step, rejected.AllowedNextSteps);
            }

            Assert.Equal(allowedHere, CaseStateMachine.AllowedSteps(state, notice));
        }
    }

    [Fact]
    public void Decide_SupplementToANoticeThatIsNotIncomplete_IsRefusedForTheNoticeNotTheState()
    {
        var valid = Assert.IsType<TransitionResult.Rejected>(CaseStateMachine.Decide(CaseState.Actioned, NoticeValidity.Valid, StepKind.NoticeSupplemented));
        var incomplete = Assert.IsType<TransitionResult.Allowed>(CaseStateMachine.Decide(CaseState.Actioned, NoticeValidity.Incomplete, StepKind.NoticeSupplemented));

        Assert.True(valid.RefusedForNotice);
        Assert.Contains(StepKind.ContentRemoved, valid.AllowedNextSteps);
        Assert.Equal(CaseState.Actioned, incomplete.NewState);
        Assert.Contains(StepKind.NoticeSupplemented, CaseStateMachine.AllowedSteps(CaseState.Triaged, NoticeValidity.Incomplete));
        Assert.DoesNotContain(StepKind.NoticeSupplemented, CaseStateMachine.AllowedSteps(CaseState.Triaged, NoticeValidity.Valid));
    }

    [Fact]
    public void Decide_SupplementToAClosedCase_IsRefusedByTheState()
    {
        var rejected = Assert.IsType<TransitionResult.Rejected>(CaseStateMachine.Decide(CaseState.Closed, NoticeValidity.Incomplete, StepKind.NoticeSupplemented));

        Assert.False(rejected.RefusedForNotice);
    }

    [Fact]
    public void Decide_ReceivedStep_IsRefusedInEveryStateBecauseItOpensTheCase()
    {
        Assert.Equal(CaseState.Received, CaseStateMachine.InitialState);
        Assert.All(Enum.GetValues<CaseState>(), state =>
            Assert.All(Enum.GetValues<NoticeValidity>(), notice =>
                Assert.IsType<TransitionResult.Rejected>(CaseStateMachine.Decide(state, notice, StepKind.Received))));
    }

    [Theory]
    [InlineData(StepKind.Correction)]
    [InlineData(StepKind.EvidencePreserved)]
    public void Decide_RecordKeepingStep_AcceptedEverywhereWithoutChangingState(StepKind step)
    {
        Assert.All(Enum.GetValues<CaseState>(), state => Assert.All(Enum.GetValues<NoticeValidity>(), notice =>
        {
            var allowed = Assert.IsType<TransitionResult.Allowed>(CaseStateMachine.Decide(state, notice, step));
            Assert.Equal(state, allowed.NewState);
            Assert.Equal(notice, allowed.Notice);
        }));
    }

    [Fact]
    public void Decide_ClosedCase_AcceptsNothingThatActsOnContentOrParties()
    {
        Assert.All(Enum.GetValues<NoticeValidity>(), notice =>
            Assert.Equal(
                [StepKind.EvidencePreserved, StepKind.Correction, StepKind.DeadlineRecomputed, StepKind.IncidentSurge, StepKind.SurgeResponse, StepKind.DisclosedToAuthority,
                 StepKind.PersonalDataErased, StepKind.ErasureRefused, StepKind.PersonalDataDisclosed],
                CaseStateMachine.AllowedSteps(CaseState.Closed, notice)));
    }

    [Fact]
    public void Decide_CounterNotice_OnlyAcceptedOnceContentWasActioned()
    {
        var accepting = Enum.GetValues<CaseState>()
            .Where(s => Enum.GetValues<NoticeValidity>().Any(n => CaseStateMachine.Decide(s, n, StepKind.CounterNoticeReceived) is TransitionResult.Allowed));

        Assert.Equal([CaseState.Actioned], accepting);
    }

    [Fact]
    public void Decide_EveryStateIsReachableFromReceived_AndEveryOpenStateCanStillBeClosed()
    {
        var reachable = Reach(CaseState.Received, NoticeValidity.Pending);

        Assert.Equal(Enum.GetValues<CaseState>().Order(), reachable.Select(r => r.State).Distinct().Order());
        Assert.Equal(Enum.GetValues<NoticeValidity>().Order(), reachable.Select(r => r.Notice).Distinct().Order());
        Assert.All(reachable, r => Assert.Contains(Reach(r.State, r.Notice), c => c.State == CaseState.Closed));
    }

    [Fact]
    public void Decide_UndefinedState_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CaseStateMachine.Decide((CaseState)99, NoticeValidity.Valid, StepKind.Correction));
        Assert.Throws<ArgumentOutOfRangeException>(() => CaseStateMachine.Decide(CaseState.Triaged, (NoticeValidity)99, StepKind.Correction));
    }

    [Theory]
    [InlineData(CaseState.CounterNoticed, "counter-noticed")]
    [InlineData(CaseState.NoAction, "no-action")]
    [InlineData(CaseState.ProcessingFailed, "processing-failed")]
    [InlineData(StepKind.ContentGeoRestricted, "content-geo-restricted")]
    [InlineData(StepKind.CounterNoticeForwardedToNotifier, "counter-notice-forwarded-to-notifier")]
    [InlineData(StepKind.StatementOfReasonsSent, "statement-of-reasons-sent")]
    [InlineData(StepKind.NoticeForwardedToUploader, "notice-forwarded-to-uploader")]
    [InlineData(StepKind.SlaWarning, "sla-warning")]
    [InlineData(StepKind.SlaBreached, "sla-breached")]
    [InlineData(StepKind.NoticeSupplemented, "notice-supplemented")]
    [InlineData(StepKind.DeadlineRecomputed, "deadline-recomputed")]
    [InlineData(StepKind.IncidentSurge, "incident-surge")]
    [InlineData(StepKind.SurgeResponse, "surge-response")]
    [InlineData(NoticeValidity.Pending, "pending")]
    [InlineData(NoticeValidity.Valid, "valid")]
    [InlineData(NoticeValidity.Incomplete, "incomplete")]
    public void ToId_StoredIds_StayAsDocumented(object value, string id)
    {
        var actual = value switch
        {
            CaseState state => state.ToId(),
            NoticeValidity notice => notice.ToId(),
            StepKind step => step.ToId(),
            _ => throw new ArgumentOutOfRangeException(nameof(value)),
        };

        Assert.Equal(id, actual);
    }

    [Fact]
    public void TryParse_EveryId_RoundTripsAndIsCaseSensitive()
    {
        foreach (var step in Enum.GetValues<StepKind>())
        {
            Assert.True(WireIds.TryParse(step.ToId(), out StepKind parsed));
            Assert.Equal(step, parsed);
            Assert.False(WireIds.TryParse(step.ToId().ToUpperInvariant(), out StepKind _));
        }

        Assert.Equal(33, WireIds.All<StepKind>().Count);
        Assert.Equal(12, WireIds.All<CaseState>().Count);
    }

    private static HashSet<(CaseState State, NoticeValidity Notice)> Reach(CaseState from, NoticeValidity notice)
    {
        var seen = new HashSet<(CaseState, NoticeValidity)> { (from, notice) };
        var queue = new Queue<(CaseState State, NoticeValidity Notice)>([(from, notice)]);
        while (queue.TryDequeue(out var at))
        {
            foreach (var step in Enum.GetValues<StepKind>())
            {
                if (CaseStateMachine.Decide(at.State, at.Notice, step) is TransitionResult.Allowed allowed && seen.Add((allowed.NewState, allowed.Notice)))
                {
                    queue.Enqueue((allowed.NewState, allowed.Notice));
                }
            }
        }

        return seen;
    }

    private static Dictionary<(string, string), string> ParseSpecification(string specification)
    {
        var expected = new Dictionary<(string, string), string>();
        string? state = null;
        foreach (var token in specification.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.EndsWith(':'))
            {
                state = token[..^1];
                continue;
            }

            var parts = token.Split('>');
            expected.Add((state!, parts[0]), parts.Length == 2 ? parts[1] : state!);
        }

        return expected;
    }
}
