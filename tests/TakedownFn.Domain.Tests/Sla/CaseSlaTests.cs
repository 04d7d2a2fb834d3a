using Microsoft.Extensions.Time.Testing;
using TakedownFn.Domain.Cases;
using TakedownFn.Domain.Notices;
using TakedownFn.Domain.Severity;
using TakedownFn.Domain.Sla;

namespace TakedownFn.Domain.Tests.Sla;

public class CaseSlaTests
{
    // A Monday in June, no US holiday near.
    private static readonly DateTimeOffset T0 = new(2025, 6, 2, 14, 0, 0, TimeSpan.Zero);

    private static ResolvedPolicy Dmca(TenantOverride? tenant = null) =>
        PolicyCatalog.Shipped.Resolve(Regimes.UsDmca, "copyright", SeverityLevel.Medium, T0, tenant);

    private static CaseSlaPlan Plan(ResolvedPolicy policy, DateTimeOffset now, params SlaStepFact[] steps) =>
        CaseSla.Plan(policy, steps, CalendarCatalog.Shipped, new FakeTimeProvider(now), 0.75);

    private static SlaStepFact Step(StepKind kind, TimeSpan after, NotificationTopic? topic = null) => new(kind, T0 + after, topic);

    private static readonly SlaStepFact[] Triaged =
    [
        Step(StepKind.Received, TimeSpan.Zero), Step(StepKind.Validated, TimeSpan.FromSeconds(1)), Step(StepKind.Triaged, TimeSpan.FromSeconds(1)),
    ];

    [Fact]
    public void Plan_TriagedDmcaNotice_NeedsWarningAndBreachTimersForTheStagesItsStepsStarted()
    {
        var plan = Plan(Dmca(), T0 + TimeSpan.FromMinutes(1), Triaged);

        var act = plan.Stages.Single(s => s.Stage == SlaStage.Act);
        Assert.Equal(StageState.Running, act.State);
        Assert.Equal(T0.AddHours(24), act.Deadline);
        Assert.Contains(new SlaTimer(SlaStage.Act, SlaTimerKind.Breach, T0.AddHours(24), T0.AddHours(24)), plan.Timers);
        Assert.Contains(new SlaTimer(SlaStage.Act, SlaTimerKind.Warning, T0.AddHours(18), T0.AddHours(24)), plan.Timers);
        // Preservation has no warning: its length is a retention, not a time to act within.
        Assert.Single(plan.Timers, t => t.Stage == SlaStage.Preservation);
        // Clocks started by a later step (action, counter-notice) are not started yet, so need no timer.
        Assert.Equal(StageState.NotStarted, plan.Stages.Single(s => s.Stage == SlaStage.CounterNoticeRestoration).State);
        Assert.DoesNotContain(plan.Timers, t => t.Stage is SlaStage.ForwardToUploader or SlaStage.CounterNoticeRestoration);
    }

    [Fact]
    public void Plan_PlatformReceivedTheNoticeEarlier_DeadlinesRunFromItsReceipt()
    {
        var receipt = T0.AddHours(-2);
        var plan = Plan(Dmca(), T0.AddMinutes(1), [Triaged[0] with { StartsClockAt = receipt }, .. Triaged[1..]]);

        var act = plan.Stages.Single(s => s.Stage == SlaStage.Act);
        Assert.Equal(receipt.AddHours(24), act.Deadline);
        Assert.Equal(receipt, act.History[0].At);
        Assert.Contains(new SlaTimer(SlaStage.Act, SlaTimerKind.Breach, receipt.AddHours(24), receipt.AddHours(24)), plan.Timers);
    }

    [Fact]
    public void Plan_ReceivedBeforeADeadlineThatPassedBeforeAcceptance_BreachedAtOnceWithATimerAlreadyDue()
    {
        var receipt = T0.AddDays(-8);
        var plan = Plan(Dmca(), T0.AddSeconds(1), [Triaged[0] with { StartsClockAt = receipt }, .. Triaged[1..]]);

        var act = plan.Stages.Single(s => s.Stage == SlaStage.Act);
        Assert.Equal(StageState.Breached, act.State);
        Assert.Contains(plan.Timers, t => t.Stage == SlaStage.Act && t.Kind == SlaTimerKind.Breach && t.DueAt < T0);
    }

    [Fact]
    public void Plan_IncompleteNoticeReceivedEarlier_PausedFromReceiptSoItsDelayCostsNothingUntilSupplemented()
    {
        var receipt = T0.AddDays(-8);
        var supplemented = T0.AddHours(3);
        var plan = Plan(Dmca(), T0.AddHours(4),
        [
            Triaged[0] with { StartsClockAt = receipt }, Step(StepKind.Incomplete, TimeSpan.FromSeconds(1)), Triaged[2],
            Step(StepKind.NoticeSupplemented, TimeSpan.FromHours(3)),
        ]);

        var act = plan.Stages.Single(s => s.Stage == SlaStage.Act);
        Assert.Equal(StageState.Running, act.State);
        Assert.Equal(supplemented.AddHours(24), act.Deadline);
        Assert.Equal([receipt, receipt, supplemented], act.History.Select(e => e.At));
        // The acknowledgement needs no complete notice: it ran from receipt and is late.
        Assert.Equal(StageState.Breached, plan.Stages.Single(s => s.Stage == SlaStage.Acknowledge).State);
    }

    [Fact]
    public void Plan_SameStepsAtAnotherTime_NeedsTheSameTimers()
    {
        Assert.Equal(
            Plan(Dmca(), T0.AddMinutes(1), Triaged).Timers,
            Plan(Dmca(), T0.AddDays(3), Triaged).Timers);
    }

    [Fact]
    public void Plan_IncompleteThenSupplemented_PausesActAndMovesItsDeadlineByThePause()
    {
        var paused = Plan(Dmca(), T0.AddHours(2), [.. Triaged, Step(StepKind.Incomplete, TimeSpan.FromHours(1))]);
        var act = paused.Stages.Single(s => s.Stage == SlaStage.Act);
        Assert.Equal(StageState.Paused, act.State);
        Assert.Null(act.Deadline);
        Assert.DoesNotContain(paused.Timers, t => t.Stage == SlaStage.Act);
        // The acknowledgement is still due while the notifier supplies the missing element.
        Assert.Contains(paused.Timers, t => t.Stage == SlaStage.Acknowledge);

        var resumed = Plan(Dmca(), T0.AddHours(4), [.. Triaged, Step(StepKind.Incomplete, TimeSpan.FromHours(1)), Step(StepKind.NoticeSupplemented, TimeSpan.FromHours(3))]);
        var moved = resumed.Stages.Single(s => s.Stage == SlaStage.Act);
        Assert.Equal(T0.AddHours(26), moved.Deadline);
        Assert.Equal([ClockEventKind.Started, ClockEventKind.Paused, ClockEventKind.Resumed], moved.History.Select(e => e.Kind));
        Assert.Contains(new SlaTimer(SlaStage.Act, SlaTimerKind.Breach, T0.AddHours(26), T0.AddHours(26)), resumed.Timers);
    }

    [Fact]
    public void Plan_ActDoneInTime_IsMetAndNeedsNoActTimer()
    {
        var plan = Plan(Dmca(), T0.AddDays(2), [.. Triaged, Step(StepKind.ContentRemoved, TimeSpan.FromHours(5))]);

        var act = plan.Stages.Single(s => s.Stage == SlaStage.Act);
        Assert.Equal(StageState.Met, act.State);
        Assert.Equal(TimeSpan.FromHours(19), act.Margin);
        Assert.DoesNotContain(plan.Timers, t => t.Stage == SlaStage.Act);
        // The removal is the action that starts the uploader's notice clock (17 USC 512(g)(2)(A)).
        Assert.Contains(plan.Timers, t => t.Stage == SlaStage.ForwardToUploader && t.Kind == SlaTimerKind.Breach && t.DueAt == T0.AddHours(29));
    }

    [Fact]
    public void Plan_BreachRecorded_NeedsNoTimerForThatDeadlineAndKeepsTheBreachOpen()
    {
        var breached = new SlaStepFact(StepKind.SlaBreached, T0.AddHours(24).AddSeconds(3), TimedStage: SlaStage.Act, TimedDeadline: T0.AddHours(24));
        var warned = new SlaStepFact(StepKind.SlaWarning, T0.AddHours(18), TimedStage: SlaStage.Act, TimedDeadline: T0.AddHours(24));

        var plan = Plan(Dmca(), T0.AddHours(25), [.. Triaged, warned, breached]);

        Assert.DoesNotContain(plan.Timers, t => t.Stage == SlaStage.Act);
        Assert.Equal([SlaStage.Act], plan.OpenBreaches);
        var late = Plan(Dmca(), T0.AddHours(30), [.. Triaged, warned, breached, Step(StepKind.ContentRemoved, TimeSpan.FromHours(30))]);
        Assert.Empty(late.OpenBreaches);
        Assert.Equal(StageState.Breached, late.Stages.Single(s => s.Stage == SlaStage.Act).State);
    }

    [Fact]
    public void Plan_WarningRecorded_KeepsOnlyTheBreachTimer()
    {
        var warned = new SlaStepFact(StepKind.SlaWarning, T0.AddHours(18), TimedStage: SlaStage.Act, TimedDeadline: T0.AddHours(24));

        var plan = Plan(Dmca(), T0.AddHours(19), [.. Triaged, warned]);

        Assert.Equal([SlaTimerKind.Breach], plan.Timers.Where(t => t.Stage == SlaStage.Act).Select(t => t.Kind));
    }

    [Fact]
    public void Plan_CounterNotice_StartsTheRestorationWindowAndALawsuitStopsIt()
    {
        SlaStepFact[] countered =
        [
            .. Triaged, Step(StepKind.ContentRemoved, TimeSpan.FromHours(1)), Step(StepKind.CounterNoticeReceived, TimeSpan.FromDays(2)),
        ];

        var window = Plan(Dmca(), T0.AddDays(3), countered).Stages.Single(s => s.Stage == SlaStage.CounterNoticeRestoration);
        Assert.Equal(StageState.Running, window.State);
        Assert.NotNull(window.Earliest);
        Assert.True(window.Deadline > window.Earliest);

        var stopped = Plan(Dmca(), T0.AddDays(4), [.. countered, Step(StepKind.LawsuitNotified, TimeSpan.FromDays(3))]);
        Assert.Equal(StageState.Stopped, stopped.Stages.Single(s => s.Stage == SlaStage.CounterNoticeRestoration).State);
        Assert.DoesNotContain(stopped.Timers, t => t.Stage == SlaStage.CounterNoticeRestoration);
    }

    [Fact]
    public void Plan_TenantTightenedToSeconds_TimesTheStageInSeconds()
    {
        var tenant = TenantOverrideReader.Read("t", """{ "tenant": "t1", "version": 1, "rules": [{ "regime": "us-dmca", "category": "*", "stage": "act", "length": 8, "unit": "seconds" }] }""").GetValueOrThrow();
        Assert.Empty(PolicyCatalog.Shipped.Check(tenant));

        var plan = Plan(Dmca(tenant), T0, Triaged);

        Assert.Contains(new SlaTimer(SlaStage.Act, SlaTimerKind.Breach, T0.AddSeconds(8), T0.AddSeconds(8)), plan.Timers);
        Assert.Contains(new SlaTimer(SlaStage.Act, SlaTimerKind.Warning, T0.AddSeconds(6), T0.AddSeconds(8)), plan.Timers);
    }
}
