using TakedownFn.Domain.Cases;

namespace TakedownFn.Domain.Tests.Cases;

public class CaseStateMachineTests
{
    /// <summary>
    /// The lifecycle as a reviewer would write it, independent of the production table's layout:
    /// per state, every accepted step; <c>step&gt;state</c> moves, a bare step keeps the state.
    /// Any step not listed must be refused. <c>sla-warning</c> and <c>sla-breached</c> are the service's
    /// timers: everywhere but closed, never moving the case.
    /// </summary>
    private const string Specification = """
        received:          validated>validated incomplete>incomplete processing-failed>processing-failed
                           evidence-preserved correction notifier-informed
                           sla-warning sla-breached
        validated:         triaged>triaged processing-failed>processing-failed
                           evidence-preserved correction notifier-informed
                           sla-warning sla-breached
        incomplete:        notice-supplemented>received triaged>triaged no-action>no-action
                           evidence-preserved correction notifier-informed
                           sla-warning sla-breached
        processing-failed: processing-retried>received case-closed>closed
                           evidence-preserved correction notifier-informed
                           sla-warning sla-breached
        triaged:           content-removed>actioned content-disabled>actioned content-geo-restricted>actioned content-labelled>actioned
                           no-action>no-action notice-forwarded-to-uploader>forwarded lawsuit-notified>litigation
                           evidence-preserved correction notifier-informed statement-of-reasons-sent account-restricted account-suspended
                           sla-warning sla-breached
        forwarded:         content-removed>actioned content-disabled>actioned content-geo-restricted>actioned content-labelled>actioned
                           no-action>no-action lawsuit-notified>litigation
                           evidence-preserved correction notifier-informed statement-of-reasons-sent account-restricted account-suspended
                           sla-warning sla-breached
        actioned:          content-removed content-disabled content-geo-restricted content-labelled
                           counter-notice-received>counter-noticed no-action>no-action lawsuit-notified>litigation case-closed>closed
                           notice-forwarded-to-uploader
                           evidence-preserved correction notifier-informed statement-of-reasons-sent account-restricted account-suspended
                           sla-warning sla-breached
        no-action:         content-removed>actioned content-disabled>actioned content-geo-restricted>actioned content-labelled>actioned
                           content-restored>restored lawsuit-notified>litigation case-closed>closed
                           evidence-preserved correction notifier-informed
                           sla-warning sla-breached
        counter-noticed:   content-restored>restored lawsuit-notified>litigation case-closed>closed
                           counter-notice-forwarded-to-notifier
                           evidence-preserved correction notifier-informed statement-of-reasons-sent account-restricted account-suspended
                           sla-warning sla-breached
        restored:          lawsuit-notified>litigation case-closed>closed
                           evidence-preserved correction notifier-informed
                           sla-warning sla-breached
        litigation:        content-removed>actioned content-disabled>actioned content-geo-restricted>actioned content-labelled>actioned
                           content-restored>restored case-closed>closed
                           evidence-preserved correction notifier-informed statement-of-reasons-sent account-restricted account-suspended
                           sla-warning sla-breached
        closed:            evidence-preserved correction
        """;

    private static readonly Dictionary<(string State, string Step), string> Expected = ParseSpecification();

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
    public void Decide_EveryStateAndStep_MatchesSpecification(string stateId, string stepId)
    {
        Assert.True(WireIds.TryParse(stateId, out CaseState state));
        Assert.True(WireIds.TryParse(stepId, out StepKind step));

        var result = CaseStateMachine.Decide(state, step);

        if (Expected.TryGetValue((stateId, stepId), out var target))
        {
            var allowed = Assert.IsType<TransitionResult.Allowed>(result);
            Assert.Equal(target, allowed.NewState.ToId());
            Assert.Equal(state, allowed.From);
        }
        else
        {
            var rejected = Assert.IsType<TransitionResult.Rejected>(result);
            Assert.Equal(state, rejected.Current);
            Assert.Equal(step, rejected.Step);
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
    }

    [Theory]
    [MemberData(nameof(EveryStateAndStep))]
    public void Decide_Rejected_OffersExactlyTheStepsThatWouldBeAllowed(string stateId, string stepId)
    {
        WireIds.TryParse(stateId, out CaseState state);
        WireIds.TryParse(stepId, out StepKind step);
        var allowedHere = Enum.GetValues<StepKind>().Where(s => CaseStateMachine.Decide(state, s) is TransitionResult.Allowed).ToArray();

        if (CaseStateMachine.Decide(state, step) is TransitionResult.Rejected rejected)
        {
            Assert.Equal(allowedHere, rejected.AllowedNextSteps);
            Assert.DoesNotContain(step, rejected.AllowedNextSteps);
        }

        Assert.Equal(allowedHere, CaseStateMachine.AllowedSteps(state));
    }

    [Fact]
    public void Decide_ReceivedStep_IsRefusedInEveryStateBecauseItOpensTheCase()
    {
        Assert.Equal(CaseState.Received, CaseStateMachine.InitialState);
        Assert.All(Enum.GetValues<CaseState>(), state =>
            Assert.IsType<TransitionResult.Rejected>(CaseStateMachine.Decide(state, StepKind.Received)));
    }

    [Theory]
    [InlineData(StepKind.Correction)]
    [InlineData(StepKind.EvidencePreserved)]
    public void Decide_RecordKeepingStep_AcceptedEverywhereWithoutChangingState(StepKind step)
    {
        Assert.All(Enum.GetValues<CaseState>(), state =>
            Assert.Equal(state, Assert.IsType<TransitionResult.Allowed>(CaseStateMachine.Decide(state, step)).NewState));
    }

    [Fact]
    public void Decide_ClosedCase_AcceptsNothingThatActsOnContentOrParties()
    {
        var allowed = CaseStateMachine.AllowedSteps(CaseState.Closed);

        Assert.Equal([StepKind.EvidencePreserved, StepKind.Correction], allowed);
    }

    [Fact]
    public void Decide_CounterNotice_OnlyAcceptedOnceContentWasActioned()
    {
        var accepting = Enum.GetValues<CaseState>()
            .Where(s => CaseStateMachine.Decide(s, StepKind.CounterNoticeReceived) is TransitionResult.Allowed);

        Assert.Equal([CaseState.Actioned], accepting);
    }

    [Fact]
    public void Decide_EveryStateIsReachableFromReceived_AndEveryOpenStateCanStillBeClosed()
    {
        var reachable = Reach(CaseState.Received);

        Assert.Equal(Enum.GetValues<CaseState>().Order(), reachable.Order());
        Assert.All(Enum.GetValues<CaseState>(), state => Assert.Contains(CaseState.Closed, Reach(state)));
    }

    [Fact]
    public void Decide_UndefinedState_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CaseStateMachine.Decide((CaseState)99, StepKind.Correction));
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
    public void ToId_StoredIds_StayAsDocumented(object value, string id)
    {
        var actual = value switch
        {
            CaseState state => state.ToId(),
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

        Assert.Equal(26, WireIds.All<StepKind>().Count);
        Assert.Equal(12, WireIds.All<CaseState>().Count);
    }

    private static HashSet<CaseState> Reach(CaseState from)
    {
        var seen = new HashSet<CaseState> { from };
        var queue = new Queue<CaseState>([from]);
        while (queue.TryDequeue(out var state))
        {
            foreach (var step in Enum.GetValues<StepKind>())
            {
                if (CaseStateMachine.Decide(state, step) is TransitionResult.Allowed allowed && seen.Add(allowed.NewState))
                {
                    queue.Enqueue(allowed.NewState);
                }
            }
        }

        return seen;
    }

    private static Dictionary<(string, string), string> ParseSpecification()
    {
        var expected = new Dictionary<(string, string), string>();
        string? state = null;
        foreach (var token in Specification.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
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
