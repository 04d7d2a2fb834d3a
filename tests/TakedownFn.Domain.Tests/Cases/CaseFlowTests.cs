using TakedownFn.Domain.Cases;

namespace TakedownFn.Domain.Tests.Cases;

/// <summary>Realistic cases played step by step from the initial state.</summary>
public class CaseFlowTests
{
    private static CaseState Play(params StepKind[] steps)
    {
        var state = CaseStateMachine.InitialState;
        foreach (var step in steps)
        {
            var result = CaseStateMachine.Decide(state, step);
            state = Assert.IsType<TransitionResult.Allowed>(result).NewState;
        }

        return state;
    }

    [Fact]
    public void Decide_DmcaRemovalCounterNoticeRestore_EndsClosedThroughEveryExpectedState()
    {
        var states = new List<CaseState>();
        var state = CaseStateMachine.InitialState;
        StepKind[] steps =
        [
            StepKind.Validated, StepKind.NotifierInformed, StepKind.Triaged, StepKind.ContentRemoved,
            StepKind.NoticeForwardedToUploader, StepKind.CounterNoticeReceived, StepKind.CounterNoticeForwardedToNotifier,
            StepKind.ContentRestored, StepKind.NotifierInformed, StepKind.CaseClosed,
        ];
        foreach (var step in steps)
        {
            state = Assert.IsType<TransitionResult.Allowed>(CaseStateMachine.Decide(state, step)).NewState;
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

    [Fact]
    public void Decide_IncompleteNoticeSupplemented_IsJudgedAgainFromReceived()
    {
        Assert.Equal(CaseState.Triaged, Play(
            StepKind.Incomplete, StepKind.NotifierInformed, StepKind.NoticeSupplemented, StepKind.Validated, StepKind.Triaged));
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

        var rejected = Assert.IsType<TransitionResult.Rejected>(CaseStateMachine.Decide(state, StepKind.CounterNoticeReceived));

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

        Assert.IsType<TransitionResult.Rejected>(CaseStateMachine.Decide(state, step));
    }

    [Fact]
    public void Decide_PlatformRemovalBeforeTheServiceValidated_IsRefusedSoThePipelineStepsStillLand()
    {
        Assert.IsType<TransitionResult.Rejected>(CaseStateMachine.Decide(CaseState.Received, StepKind.ContentRemoved));
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
