using Microsoft.Extensions.Time.Testing;
using TakedownFn.Domain.Cases;
using TakedownFn.Domain.Notices;
using TakedownFn.Domain.Severity;
using TakedownFn.Domain.Sla;

namespace TakedownFn.Domain.Tests.Sla;

public class StageEvaluatorTests
{
    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static ResolvedRule Rule(string regime, string category, SlaStage stage, SeverityLevel severity = SeverityLevel.Medium) =>
        PolicyCatalog.Shipped.Resolve(regime, category, severity, At("2025-06-01T00:00:00Z")).For(stage)!;

    private static StageStatus Evaluate(ResolvedRule rule, SlaClock? clock, StageCompletion? completion, TimeProvider time) =>
        StageEvaluator.Evaluate(rule, clock, completion, CalendarCatalog.Shipped, time);

    [Fact]
    public void Evaluate_ActedBeforeDeadline_MetWithPositiveMargin()
    {
        var time = new FakeTimeProvider(At("2025-06-02T08:00:00Z"));
        var clock = SlaClock.Start(time);
        var rule = Rule(Regimes.DeNetzDg, Categories.ManifestlyUnlawful, SlaStage.Act);

        var status = Evaluate(rule, clock, new StageCompletion(StepKind.ContentRemoved, At("2025-06-02T20:00:00Z")), time);

        // 24 h from 08:00Z is 08:00Z next day; done at 20:00Z, 12 h early.
        Assert.Equal((StageState.Met, At("2025-06-03T08:00:00Z"), TimeSpan.FromHours(12)), (status.State, status.Deadline, status.Margin));
    }

    [Fact]
    public void Evaluate_ActedAfterDeadline_BreachedWithNegativeMargin()
    {
        var time = new FakeTimeProvider(At("2025-06-02T08:00:00Z"));
        var clock = SlaClock.Start(time);

        var status = Evaluate(Rule(Regimes.AuOsa, Categories.CyberAbuse, SlaStage.Act), clock, new StageCompletion(StepKind.ContentDisabled, At("2025-06-03T09:30:00Z")), time);

        Assert.Equal((StageState.Breached, TimeSpan.FromMinutes(-90)), (status.State, status.Margin));
    }

    [Fact]
    public void Evaluate_TimeFlows_RunningThenWarningAtThreeQuartersThenBreached()
    {
        var time = new FakeTimeProvider(At("2025-06-02T00:00:00Z"));
        var clock = SlaClock.Start(time);
        var rule = Rule(Regimes.AuOsa, Categories.IntimateImage, SlaStage.Act);

        var first = Evaluate(rule, clock, null, time);
        time.Advance(TimeSpan.FromHours(18)); // 75% of 24 h
        var second = Evaluate(rule, clock, null, time);
        time.Advance(TimeSpan.FromHours(6) + TimeSpan.FromSeconds(1));
        var third = Evaluate(rule, clock, null, time);

        Assert.Equal((StageState.Running, At("2025-06-02T18:00:00Z"), At("2025-06-02T18:00:00Z")), (first.State, first.WarningAt, first.NextCheckAt));
        Assert.Equal((StageState.Warning, At("2025-06-03T00:00:00Z")), (second.State, second.NextCheckAt));
        Assert.Equal(StageState.Breached, third.State);
    }

    [Theory]
    [InlineData(0.5, "2025-06-02T12:00:00Z")]
    [InlineData(0.9, "2025-06-02T21:36:00Z")]
    public void Evaluate_WarningFraction_IsConfigurable(double fraction, string expected)
    {
        var time = new FakeTimeProvider(At("2025-06-02T00:00:00Z"));

        var status = StageEvaluator.Evaluate(Rule(Regimes.AuOsa, Categories.IntimateImage, SlaStage.Act), SlaClock.Start(time), null, CalendarCatalog.Shipped, time, fraction);

        Assert.Equal(At(expected), status.WarningAt);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Evaluate_WarningFractionOutOfRange_Throws(double fraction)
    {
        var time = new FakeTimeProvider(At("2025-06-02T00:00:00Z"));

        Assert.Throws<ArgumentOutOfRangeException>(() =>
            StageEvaluator.Evaluate(Rule(Regimes.AuOsa, Categories.IntimateImage, SlaStage.Act), SlaClock.Start(time), null, CalendarCatalog.Shipped, time, fraction));
    }

    [Fact]
    public void Evaluate_HoursPausedThenResumed_DeadlineMovesByThePause()
    {
        var time = new FakeTimeProvider(At("2025-06-02T00:00:00Z"));
        var clock = SlaClock.Start(time);
        time.Advance(TimeSpan.FromHours(2));
        clock = clock.Pause(time, "waiting for the notifier to supply the content location");
        time.Advance(TimeSpan.FromHours(5));
        var paused = Evaluate(Rule(Regimes.AuOsa, Categories.IntimateImage, SlaStage.Act), clock, null, time);
        clock = clock.Resume(time);

        var resumed = Evaluate(Rule(Regimes.AuOsa, Categories.IntimateImage, SlaStage.Act), clock, null, time);

        Assert.Equal((StageState.Paused, (DateTimeOffset?)null), (paused.State, paused.Deadline));
        // 24 h + 5 h paused. Warning at 18 running hours: 2 h before the pause + 16 h after 07:00Z = 23:00Z.
        Assert.Equal(At("2025-06-03T05:00:00Z"), resumed.Deadline);
        Assert.Equal(At("2025-06-02T23:00:00Z"), resumed.WarningAt);
        Assert.Equal([ClockEventKind.Started, ClockEventKind.Paused, ClockEventKind.Resumed], resumed.History.Select(e => e.Kind));
        Assert.Equal(At("2025-06-02T02:00:00Z"), resumed.History[1].At);
    }

    [Fact]
    public void Evaluate_BusinessDaysPausedOverADayEnd_ThatDayDoesNotCount()
    {
        // Germany, 2 business days from Mon 2025-06-02 10:00 CEST: normally Tue (1), Wed (2).
        // Paused Tue 09:00 -> Wed 11:00: Tuesday ends while paused, so it is not counted;
        // Wed (1), Thu (2). Deadline: end of Thu 06-05 = Fri 00:00 CEST = 06-05 22:00Z.
        var rule = new ResolvedRule(SlaStage.Act, ClockStart.Receipt, new(2, DurationUnit.BusinessDays), "de", false, null, null, "t", null);
        var time = new FakeTimeProvider(At("2025-06-02T08:00:00Z"));
        var clock = SlaClock.Start(time);
        var unpaused = Evaluate(rule, clock, null, time);
        time.SetUtcNow(At("2025-06-03T07:00:00Z"));
        clock = clock.Pause(time, "missing element");
        time.SetUtcNow(At("2025-06-04T09:00:00Z"));
        clock = clock.Resume(time);

        var status = Evaluate(rule, clock, null, time);

        Assert.Equal(At("2025-06-04T22:00:00Z"), unpaused.Deadline);
        Assert.Equal(At("2025-06-05T22:00:00Z"), status.Deadline);
    }

    [Fact]
    public void Evaluate_BusinessDaysPausedWithinOneDay_CostsNothing()
    {
        var rule = new ResolvedRule(SlaStage.Act, ClockStart.Receipt, new(2, DurationUnit.BusinessDays), "de", false, null, null, "t", null);
        var time = new FakeTimeProvider(At("2025-06-02T08:00:00Z"));
        var clock = SlaClock.Start(time);
        time.SetUtcNow(At("2025-06-03T07:00:00Z"));
        clock = clock.Pause(time, "missing element");
        time.SetUtcNow(At("2025-06-03T15:00:00Z"));
        clock = clock.Resume(time);

        Assert.Equal(At("2025-06-04T22:00:00Z"), Evaluate(rule, clock, null, time).Deadline);
    }

    [Theory]
    // Counter-notice Fri 2025-11-21 10:00 EST; window = (end of Mon Dec 8, end of Fri Dec 12] New York time,
    // counted by hand over Thanksgiving in BusinessCalendarTests.
    [InlineData("2025-12-08T16:00:00-05:00", StageState.BreachedEarly)] // day 10 itself: too early
    [InlineData("2025-12-09T09:00:00-05:00", StageState.Met)] // day 11
    [InlineData("2025-12-12T23:00:00-05:00", StageState.Met)] // late on day 14
    [InlineData("2025-12-15T09:00:00-05:00", StageState.Breached)] // day 15
    public void Evaluate_DmcaRestoration_MetOnlyInsideTenToFourteenBusinessDays(string restoredAt, StageState expected)
    {
        var time = new FakeTimeProvider(At("2025-11-21T15:00:00Z"));
        var clock = SlaClock.Start(time, "counter-notice received");
        var rule = Rule(Regimes.UsDmca, Categories.Copyright, SlaStage.CounterNoticeRestoration);

        var status = Evaluate(rule, clock, new StageCompletion(StepKind.ContentRestored, At(restoredAt)), time);

        Assert.Equal(expected, status.State);
        Assert.Equal((At("2025-12-09T05:00:00Z"), At("2025-12-13T05:00:00Z")), (status.Earliest, status.Deadline));
        Assert.Equal(expected == StageState.Met, status.Margin >= TimeSpan.Zero);
    }

    [Fact]
    public void Evaluate_ECommerceWindowEndingInSpringFestival_ExtendsToTheNextWorkingDay()
    {
        // Counter-declaration forwarded Sun 2026-02-01 10:00 CST. Day 15 is Mon Feb 16, inside the
        // Feb 15-23 break, so the right holder's period runs to the end of Tue Feb 24 (Civil Code
        // Art. 203): earliest = Feb 25 00:00 CST = Feb 24 16:00Z. The 1-day target follows: end of Feb 25.
        var time = new FakeTimeProvider(At("2026-02-01T02:00:00Z"));
        var rule = Rule(Regimes.CnCivilCode1195, Categories.Ip, SlaStage.CounterNoticeRestoration);

        var status = Evaluate(rule, SlaClock.Start(time), null, time);

        Assert.Equal((At("2026-02-24T16:00:00Z"), At("2026-02-25T16:00:00Z")), (status.Earliest, status.Deadline));
    }

    [Fact]
    public void Evaluate_LawsuitStopsRestorationClock_Stopped()
    {
        var time = new FakeTimeProvider(At("2025-11-21T15:00:00Z"));
        var clock = SlaClock.Start(time);
        time.Advance(TimeSpan.FromDays(3));
        clock = clock.Stop(time, "lawsuit notified");
        time.Advance(TimeSpan.FromDays(30));

        var status = Evaluate(Rule(Regimes.UsDmca, Categories.Copyright, SlaStage.CounterNoticeRestoration), clock, null, time);

        Assert.Equal(StageState.Stopped, status.State);
    }

    [Fact]
    public void Evaluate_ClockNotStarted_NotStarted()
    {
        var time = new FakeTimeProvider(At("2025-11-21T15:00:00Z"));

        Assert.Equal(StageState.NotStarted, Evaluate(Rule(Regimes.UsDmca, Categories.Copyright, SlaStage.CounterNoticeRestoration), null, null, time).State);
    }

    [Theory]
    [InlineData(69, false, StageState.Breached)] // NetzDG §3(2) Nr. 4: 10 weeks = 70 days
    [InlineData(90, false, StageState.Met)]
    [InlineData(1, true, StageState.Met)] // a legal hold keeps it until lifted
    public void Evaluate_Preservation_MetWhenRetentionReachesTheRequiredPeriod(int retentionDays, bool legalHold, StageState expected)
    {
        var time = new FakeTimeProvider(At("2025-06-02T10:00:00Z"));
        var clock = SlaClock.Start(time, "content removed");
        var completion = new StageCompletion(StepKind.EvidencePreserved, At("2025-06-02T10:05:00Z"), TimeSpan.FromDays(retentionDays), legalHold);

        var status = Evaluate(Rule(Regimes.DeNetzDg, Categories.Unlawful, SlaStage.Preservation), clock, completion, time);

        Assert.Equal(expected, status.State);
    }

    [Fact]
    public void Evaluate_StepThatDoesNotCompleteTheStage_Throws()
    {
        var time = new FakeTimeProvider(At("2025-06-02T10:00:00Z"));
        var wrongTopic = new StageCompletion(StepKind.NotifierInformed, time.GetUtcNow(), Topic: NotificationTopic.Decision);

        Assert.Throws<ArgumentException>(() => Evaluate(Rule(Regimes.EuDsa16, Categories.Privacy, SlaStage.Acknowledge), SlaClock.Start(time), wrongTopic, time));
    }

    [Fact]
    public void Evaluate_DmcaCounterNoticeLate2027_FailsOnCalendarCoverage()
    {
        var time = new FakeTimeProvider(At("2027-12-20T15:00:00Z"));

        Assert.Throws<CalendarCoverageException>(() =>
            Evaluate(Rule(Regimes.UsDmca, Categories.Copyright, SlaStage.CounterNoticeRestoration), SlaClock.Start(time), null, time));
    }
}
