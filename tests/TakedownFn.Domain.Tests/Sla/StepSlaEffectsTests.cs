using TakedownFn.Domain.Cases;
using TakedownFn.Domain.Sla;

namespace TakedownFn.Domain.Tests.Sla;

public class StepSlaEffectsTests
{
    [Theory]
    [InlineData(StepKind.ContentRemoved, null, SlaStage.Act)]
    [InlineData(StepKind.ContentDisabled, null, SlaStage.Act)]
    [InlineData(StepKind.ContentGeoRestricted, null, SlaStage.Act)]
    [InlineData(StepKind.ContentLabelled, null, SlaStage.Act)]
    [InlineData(StepKind.NoAction, null, SlaStage.Act)]
    [InlineData(StepKind.NotifierInformed, NotificationTopic.ReceiptConfirmed, SlaStage.Acknowledge)]
    [InlineData(StepKind.NoticeForwardedToUploader, null, SlaStage.ForwardToUploader)]
    [InlineData(StepKind.StatementOfReasonsSent, null, SlaStage.StatementOfReasons)]
    [InlineData(StepKind.ContentRestored, null, SlaStage.CounterNoticeRestoration)]
    [InlineData(StepKind.EvidencePreserved, null, SlaStage.Preservation)]
    public void StageCompletedBy_CompletingStep_ReturnsItsStage(StepKind step, NotificationTopic? topic, SlaStage stage)
    {
        Assert.Equal(stage, StepSlaEffects.StageCompletedBy(step, topic));
    }

    [Theory]
    [InlineData(StepKind.NotifierInformed, NotificationTopic.Decision)]
    [InlineData(StepKind.NotifierInformed, NotificationTopic.CounterNotice)]
    [InlineData(StepKind.AccountSuspended, null)]
    [InlineData(StepKind.CounterNoticeReceived, null)]
    [InlineData(StepKind.Correction, null)]
    [InlineData(StepKind.CaseClosed, null)]
    public void StageCompletedBy_OtherSteps_CompleteNothing(StepKind step, NotificationTopic? topic)
    {
        Assert.Null(StepSlaEffects.StageCompletedBy(step, topic));
    }

    [Theory]
    [InlineData(StepKind.Received, ClockStart.Receipt)]
    [InlineData(StepKind.Validated, ClockStart.Validity)]
    [InlineData(StepKind.NoticeForwardedToUploader, ClockStart.Forwarding)]
    [InlineData(StepKind.CounterNoticeReceived, ClockStart.CounterNotice)]
    [InlineData(StepKind.CounterNoticeForwardedToNotifier, ClockStart.CounterNoticeForwarded)]
    [InlineData(StepKind.ContentRemoved, ClockStart.Action)]
    [InlineData(StepKind.AccountRestricted, ClockStart.Action)]
    public void ClockStartedBy_Step_ReturnsTheClockStart(StepKind step, ClockStart start)
    {
        Assert.Equal(start, StepSlaEffects.ClockStartedBy(step));
    }

    [Fact]
    public void Table_EveryStageAndClockStart_IsReachedAndNoStepIsListedTwice()
    {
        Assert.Equal(Enum.GetValues<SlaStage>(), Enum.GetValues<SlaStage>().Where(s => StepSlaEffects.StepsCompleting(s).Count > 0));
        Assert.Equal(Enum.GetValues<ClockStart>().Order(), StepSlaEffects.Table.Where(r => r.Starts is not null).Select(r => r.Starts!.Value).Distinct().Order());
        Assert.Equal(StepSlaEffects.Table.Count, StepSlaEffects.Table.Select(r => (r.Step, r.Topic)).Distinct().Count());
    }

    [Fact]
    public void Table_IncompleteAndSupplemented_PauseAndResumeTheSameStagesButNotAcknowledge()
    {
        var pauses = StepSlaEffects.Table.Single(r => r.Step == StepKind.Incomplete).Pauses;

        Assert.Equal(pauses, StepSlaEffects.Table.Single(r => r.Step == StepKind.NoticeSupplemented).Resumes);
        Assert.Contains(SlaStage.Act, pauses);
        Assert.DoesNotContain(SlaStage.Acknowledge, pauses);
        Assert.Equal([SlaStage.CounterNoticeRestoration], StepSlaEffects.Table.Single(r => r.Step == StepKind.LawsuitNotified).Stops);
    }

    [Theory]
    [InlineData(SlaStage.CounterNoticeRestoration, "counter-notice-restoration")]
    [InlineData(SlaStage.ForwardToUploader, "forward-to-uploader")]
    public void ToId_Stage_IsKebabCase(SlaStage stage, string id)
    {
        Assert.Equal(id, stage.ToId());
        Assert.True(SlaWireIds.TryParse(id, out SlaStage parsed) && parsed == stage);
    }
}
