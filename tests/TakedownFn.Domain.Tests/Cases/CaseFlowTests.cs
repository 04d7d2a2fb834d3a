using TakedownFn.Domain.Cases;

namespace TakedownFn.Domain.Tests.Cases;

/// <summary>Realistic cases played step by step from the initial state.</summary>
public class CaseFlowTests
{
    private static CaseState Play(params StepKind[] steps) => PlayBoth(steps).State;

    /// <summary>Plays the steps from a new case; both the state and the notice's validity.</summary>
    private static (CaseState State, NoticeValidity Notice) PlayBoth(params StepKind[] steps)
    {
        var (state, notice) = (CaseStateMachine.InitialState, NoticeValidity.Pending);
        foreach (var step in steps)
        {
            var allowed = Assert.IsType<TransitionResult.Allowed>(CaseStateMachine.Decide(state, notice, step));
            (state, notice) = (allowed.NewState, allowed.Notice);
        }

        return (state, notice);
    }

    [Fact]
    public void Decide_DmcaRemovalCounterNoticeRestore_EndsClosedThroughEveryExpectedState()
    {
        var states = new List<CaseState>();
        var (state, notice) = (CaseStateMachine.InitialState, NoticeValidity.Pending);
        StepKind[] steps =
        [
            StepKind.Validated, StepKind.NotifierInformed, StepKind.Triaged, StepKind.ContentRemoved,
            StepKind.NoticeForwardedToUploader, StepKind.CounterNoticeReceived, StepKind.CounterNoticeForwardedToNotifier,
            StepKind.ContentRestored, StepKind.NotifierInformed, StepKind.CaseClosed,
        ];
        foreach (var step in steps)
        {
            var allowed = Assert.IsType<TransitionResult.Allowed>(CaseStateMachine.Decide(state, notice, step));
            (state, notice) = (allowed.NewState, allowed.Notice);
            states.Add(state);
        }

        Assert.Equal(
            [CaseState.Validated, CaseState.Validated, CaseState.Triaged, CaseState.Actioned, CaseState.Actioned,
             CaseState.CounterNoticed, CaseState.CounterNoticed, CaseState.Restored, CaseState.Restored, CaseState.Closed],
            states);
    }

    [Fact]
    public void Decide_DmcaLawsuitNotifiedAfterCounterNotice_KeepsContentDownUntilTheCourtDecides()
    {
        var state = Play(StepKind.Validated, StepKind.Triaged, StepKind.ContentDisabled, StepKind.CounterNoticeReceived, StepKind.LawsuitNotified);

        Assert.Equal(CaseState.Litigation, state);
        Assert.Equal(CaseState.Closed, Play(
            StepKind.Validated, StepKind.Triaged, StepKind.ContentDisabled, StepKind.CounterNoticeReceived,
            StepKind.LawsuitNotified, StepKind.ContentRemoved, StepKind.CaseClosed));
    }

    [Fact]
    public void Decide_DoxxingRemovalWithEvidencePreserved_ClosesAndStillTakesALegalHold()
    {
        var state = Play(
            StepKind.Validated, StepKind.Triaged, StepKind.ContentRemoved, StepKind.EvidencePreserved,
            StepKind.AccountSuspended, StepKind.StatementOfReasonsSent, StepKind.NotifierInformed, StepKind.CaseClosed,
            StepKind.EvidencePreserved);

        Assert.Equal(CaseState.Closed, state);
    }

    /// <summary>
    /// Triage records incomplete and triaged together; the supplement comes on the triaged case and the
    /// service validates the notice then. Not judged again from received: the stored notice still lacks
    /// what was supplied.
    /// </summary>
    [Fact]
    public void Decide_IncompleteNoticeSupplemented_IsValidatedWhereTheCaseStands()
    {
        Assert.Equal((CaseState.Triaged, NoticeValidity.Incomplete), PlayBoth(StepKind.Incomplete, StepKind.Triaged, StepKind.NotifierInformed));
        Assert.Equal((CaseState.Triaged, NoticeValidity.Valid), PlayBoth(
            StepKind.Incomplete, StepKind.Triaged, StepKind.NotifierInformed, StepKind.NoticeSupplemented, StepKind.Validated));
    }

    [Fact]
    public void Decide_IncompleteDoxxingNoticeActedOnAtOnce_CanStillBeSupplementedWithoutUndoingTheRemoval()
    {
        Assert.Equal((CaseState.Actioned, NoticeValidity.Valid), PlayBoth(
            StepKind.Incomplete, StepKind.Triaged, StepKind.ContentRemoved, StepKind.EvidencePreserved, StepKind.NoticeSupplemented, StepKind.Validated));
    }

    [Fact]
    public void Replay_SecondSupplementOnceTheNoticeIsValid_IsRefusedForTheNotice()
    {
        var result = CaseStateMachine.Replay(
            [StepKind.Incomplete, StepKind.Triaged, StepKind.NoticeSupplemented, StepKind.Validated, StepKind.NoticeSupplemented]);

        var rejected = Assert.IsType<TransitionResult.Rejected>(result);
        Assert.True(rejected.RefusedForNotice);
        Assert.Equal(NoticeValidity.Valid, rejected.Notice);
        Assert.Equal(CaseState.Triaged, rejected.Current);
    }

    [Fact]
    public void Decide_SupplementToACompleteNotice_IsRefused()
    {
        var (state, notice) = PlayBoth(StepKind.Validated, StepKind.Triaged);

        var rejected = Assert.IsType<TransitionResult.Rejected>(CaseStateMachine.Decide(state, notice, StepKind.NoticeSupplemented));

        Assert.True(rejected.RefusedForNotice);
        Assert.DoesNotContain(StepKind.NoticeSupplemented, rejected.AllowedNextSteps);
    }

    [Fact]
    public void Decide_ProcessingFailure_IsRetriedFromReceived()
    {
        Assert.Equal(CaseState.Validated, Play(StepKind.ProcessingFailed, StepKind.ProcessingRetried, StepKind.Validated));
    }

    [Fact]
    public void Decide_ReversalAfterRemoval_AllowsRestoring()
    {
        Assert.Equal(CaseState.Restored, Play(
            StepKind.Validated, StepKind.Triaged, StepKind.ContentRemoved, StepKind.NoAction, StepKind.ContentRestored));
    }

    [Fact]
    public void Decide_CounterNoticeBeforeAnyMeasure_RejectedWithTheStepsThatAreOpen()
    {
        var state = Play(StepKind.Validated, StepKind.Triaged);

        var rejected = Assert.IsType<TransitionResult.Rejected>(CaseStateMachine.Decide(state, NoticeValidity.Valid, StepKind.CounterNoticeReceived));

        Assert.Equal(CaseState.Triaged, rejected.Current);
        Assert.Contains(StepKind.ContentRemoved, rejected.AllowedNextSteps);
        Assert.Contains(StepKind.NoAction, rejected.AllowedNextSteps);
        Assert.DoesNotContain(StepKind.ContentRestored, rejected.AllowedNextSteps);
    }

    [Theory]
    [InlineData(StepKind.ContentRestored)]
    [InlineData(StepKind.CounterNoticeForwardedToNotifier)]
    [InlineData(StepKind.Validated)]
    public void Decide_OutOfOrderStepOnActionedCase_Rejected(StepKind step)
    {
        var state = Play(StepKind.Validated, StepKind.Triaged, StepKind.ContentRemoved);

        Assert.IsType<TransitionResult.Rejected>(CaseStateMachine.Decide(state, NoticeValidity.Valid, step));
    }

    [Fact]
    public void Decide_PlatformRemovalBeforeTheServiceValidated_IsRefusedSoThePipelineStepsStillLand()
    {
        Assert.IsType<TransitionResult.Rejected>(CaseStateMachine.Decide(CaseState.Received, NoticeValidity.Pending, StepKind.ContentRemoved));
    }

    [Fact]
    public void Replay_StopsAtTheFirstRefusedStep()
    {
        var result = CaseStateMachine.Replay([StepKind.Validated, StepKind.CaseClosed, StepKind.Triaged]);

        var rejected = Assert.IsType<TransitionResult.Rejected>(result);
        Assert.Equal(StepKind.CaseClosed, rejected.Step);
        Assert.Equal(CaseState.Validated, rejected.Current);
    }
}
