using Microsoft.Extensions.Time.Testing;
using TakedownFn.Domain.Cases;
using TakedownFn.Domain.Notices;
using TakedownFn.Domain.Severity;
using TakedownFn.Domain.Sla;

namespace TakedownFn.Domain.Tests.Sla;

/// <summary>What closing a case does to its stages: none is left open, a missed deadline stays missed.</summary>
public class CaseSlaClosingTests
{
    // A Monday in June, no US holiday near.
    private static readonly DateTimeOffset T0 = new(2025, 6, 2, 14, 0, 0, TimeSpan.Zero);

    private static readonly SlaStepFact[] Removed =
    [
        Step(StepKind.Received, TimeSpan.Zero), Step(StepKind.Validated, TimeSpan.FromSeconds(1)), Step(StepKind.Triaged, TimeSpan.FromSeconds(1)),
        Step(StepKind.ContentRemoved, TimeSpan.FromHours(1)),
    ];

    [Fact]
    public void Plan_DmcaClosedAfterRemovalWithinDeadlines_StopsOrRulesOutEveryStageButPreservation()
    {
        var closedAt = TimeSpan.FromHours(2);

        // Judged over a year on: a stage left running would long since read as breached.
        var plan = Plan(T0.AddDays(400), [.. Removed, Step(StepKind.CaseClosed, closedAt)]);

        var acknowledge = StageOf(plan, SlaStage.Acknowledge);
        Assert.Equal((StageState.Stopped, "case-closed"), (acknowledge.State, acknowledge.Reason));
        Assert.Equal(T0.AddHours(24), acknowledge.Deadline);
        Assert.Null(acknowledge.Margin);
        Assert.Equal((StageState.Stopped, "case-closed"), (StageOf(plan, SlaStage.ForwardToUploader).State, StageOf(plan, SlaStage.ForwardToUploader).Reason));
        var restoration = StageOf(plan, SlaStage.CounterNoticeRestoration);
        Assert.Equal((StageState.NotApplicable, "case-closed"), (restoration.State, restoration.Reason));
        Assert.Equal("not-applicable", restoration.State.ToId());
        Assert.Equal(StageState.Met, StageOf(plan, SlaStage.Act).State);
        Assert.Null(StageOf(plan, SlaStage.Act).Reason);

        // Preservation outlives the case (evidence-preserved is accepted after closing).
        Assert.Equal(StageState.Breached, StageOf(plan, SlaStage.Preservation).State);
        Assert.DoesNotContain(plan.Timers, t => t.Stage != SlaStage.Preservation);
    }

    [Fact]
    public void Plan_ClosedAfterTheAcknowledgeDeadline_StaysBreachedByTheTimeItRanOver()
    {
        var plan = Plan(T0.AddDays(40), [.. Removed, Step(StepKind.CaseClosed, TimeSpan.FromHours(30))]);

        var acknowledge = StageOf(plan, SlaStage.Acknowledge);
        Assert.Equal(StageState.Breached, acknowledge.State);
        Assert.Equal("case-closed", acknowledge.Reason);
        Assert.Equal(TimeSpan.FromHours(-6), acknowledge.Margin);
        Assert.Equal(StageState.Breached, StageOf(plan, SlaStage.ForwardToUploader).State);
        Assert.Equal(TimeSpan.FromHours(-5), StageOf(plan, SlaStage.ForwardToUploader).Margin);
    }

    [Fact]
    public void Plan_LawsuitAfterTheRestorationWindowClosed_LeavesTheRestorationBreached()
    {
        SlaStepFact[] steps = [.. Removed, Step(StepKind.CounterNoticeReceived, TimeSpan.FromDays(1)), Step(StepKind.LawsuitNotified, TimeSpan.FromDays(30))];

        var restoration = StageOf(Plan(T0.AddDays(31), steps), SlaStage.CounterNoticeRestoration);

        Assert.Equal(StageState.Breached, restoration.State);
        Assert.Equal("lawsuit-notified", restoration.Reason);
        Assert.True(restoration.Margin < TimeSpan.Zero);
    }

    private static CaseSlaPlan Plan(DateTimeOffset now, SlaStepFact[] steps) =>
        CaseSla.Plan(PolicyCatalog.Shipped.Resolve(Regimes.UsDmca, "copyright", SeverityLevel.Medium, T0, null), steps, CalendarCatalog.Shipped, new FakeTimeProvider(now), 0.75);

    private static StageStatus StageOf(CaseSlaPlan plan, SlaStage stage) => plan.Stages.Single(s => s.Stage == stage);

    private static SlaStepFact Step(StepKind kind, TimeSpan after) => new(kind, T0 + after);
}
