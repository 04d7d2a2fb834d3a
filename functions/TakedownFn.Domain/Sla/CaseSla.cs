using TakedownFn.Domain.Cases;

namespace TakedownFn.Domain.Sla;

/// <summary>A recorded step as the SLA sees it: its kind and the service's time, plus what some kinds carry.</summary>
/// <param name="Kind">The step kind.</param>
/// <param name="RecordedAt">When the service recorded it (the time that decides SLAs).</param>
/// <param name="Topic">For <see cref="StepKind.NotifierInformed"/>, what the notifier was told.</param>
/// <param name="Retention">For <see cref="StepKind.EvidencePreserved"/>, how long the evidence is kept.</param>
/// <param name="LegalHold">For <see cref="StepKind.EvidencePreserved"/>, whether a legal hold applies.</param>
/// <param name="TimedStage">For <see cref="StepKind.SlaWarning"/> and <see cref="StepKind.SlaBreached"/>, the stage.</param>
/// <param name="TimedDeadline">For the same two, the deadline the event was recorded against.</param>
/// <param name="StartsClockAt">
/// For <see cref="StepKind.Received"/>, when the clocks it starts start: the platform's receipt of
/// the notice when that preceded our acceptance. Null: at <paramref name="RecordedAt"/>.
/// </param>
public sealed record SlaStepFact(
    StepKind Kind,
    DateTimeOffset RecordedAt,
    NotificationTopic? Topic = null,
    TimeSpan? Retention = null,
    bool LegalHold = false,
    SlaStage? TimedStage = null,
    DateTimeOffset? TimedDeadline = null,
    DateTimeOffset? StartsClockAt = null);

/// <summary>What an SLA timer records when it fires.</summary>
public enum SlaTimerKind
{
    /// <summary>Records <see cref="StepKind.SlaWarning"/>.</summary>
    Warning,

    /// <summary>Records <see cref="StepKind.SlaBreached"/>.</summary>
    Breach,
}

/// <summary>A timer a case needs: fire at <paramref name="DueAt"/> unless the stage is done by then.</summary>
/// <param name="Stage">The stage timed.</param>
/// <param name="Kind">Warning or breach.</param>
/// <param name="DueAt">When to fire: the warning instant, or the deadline.</param>
/// <param name="Deadline">The stage's deadline the timer belongs to (equal to <paramref name="DueAt"/> for a breach).</param>
public readonly record struct SlaTimer(SlaStage Stage, SlaTimerKind Kind, DateTimeOffset DueAt, DateTimeOffset Deadline);

/// <summary>A case's SLA picture: every timed stage's status, the timers it needs, and the stages breached and still open.</summary>
/// <param name="Stages">One status per stage the policy times, in stage order.</param>
/// <param name="Timers">The timers still to fire; a function of the recorded steps alone, never of the current time.</param>
/// <param name="OpenBreaches">Stages with a recorded breach that are neither completed nor stopped.</param>
public sealed record CaseSlaPlan(IReadOnlyList<StageStatus> Stages, IReadOnlyList<SlaTimer> Timers, IReadOnlyList<SlaStage> OpenBreaches);

/// <summary>
/// Turns a case's stored policy and its recorded steps into stage clocks, statuses and the timers
/// the case needs. Pure: the clocks are rebuilt from the steps each time (via
/// <see cref="StepSlaEffects"/>), so nothing about a clock is stored that the steps do not already say.
/// </summary>
public static class CaseSla
{
    /// <summary>Evaluates every stage of <paramref name="policy"/> at <paramref name="time"/>'s now.</summary>
    /// <param name="policy">The policy the case was judged under.</param>
    /// <param name="steps">The case's steps in the order recorded.</param>
    /// <param name="calendars">Calendars by id.</param>
    /// <param name="time">The service's clock (only the statuses depend on it; the timers do not).</param>
    /// <param name="warningFraction">Fraction of the time allowed after which a stage warns.</param>
    public static CaseSlaPlan Plan(ResolvedPolicy policy, IReadOnlyList<SlaStepFact> steps, CalendarCatalog calendars, TimeProvider time, double warningFraction)
    {
        var stages = new List<StageStatus>();
        var timers = new List<SlaTimer>();
        var openBreaches = new List<SlaStage>();
        var closing = steps.FirstOrDefault(s => s.Kind == StepKind.CaseClosed);
        foreach (var rule in policy.Rules.OrderBy(r => r.Stage))
        {
            var (clock, startIndex) = ClockOf(rule, steps);
            var completion = CompletionOf(rule, steps, startIndex);
            var status = StageEvaluator.Evaluate(rule, clock, completion, calendars, time, warningFraction);
            if (status.State == StageState.NotStarted && closing is not null && StepSlaEffects.Table.Any(r => r.Step == StepKind.CaseClosed && r.Stops.Contains(rule.Stage)))
            {
                // Closed before its clock could start (no counter-notice, no action): the stage never applied.
                status = status with { State = StageState.NotApplicable, Reason = closing.Kind.ToId() };
            }

            stages.Add(status);

            var timed = steps.Where(s => s.TimedStage == rule.Stage).ToArray();
            if (completion is null && clock is { IsStopped: false } && timed.Any(s => s.Kind == StepKind.SlaBreached))
            {
                openBreaches.Add(rule.Stage);
            }

            if (completion is not null || clock is not { IsStopped: false } || status.Deadline is not { } deadline || status.State is StageState.Paused)
            {
                continue;
            }

            if (timed.Any(s => s.Kind == StepKind.SlaBreached && s.TimedDeadline == deadline))
            {
                continue;
            }

            timers.Add(new SlaTimer(rule.Stage, SlaTimerKind.Breach, deadline, deadline));
            if (status.WarningAt is { } warningAt && !timed.Any(s => s.Kind == StepKind.SlaWarning && s.TimedDeadline == deadline))
            {
                timers.Add(new SlaTimer(rule.Stage, SlaTimerKind.Warning, warningAt, deadline));
            }
        }

        return new CaseSlaPlan(stages, timers, openBreaches);
    }

    /// <summary>
    /// The stage's clock: started by the first step that is its clock start, then paused, resumed
    /// and stopped by later steps as <see cref="StepSlaEffects"/> says. A step that would make an
    /// impossible transition (resume a running clock) changes nothing.
    /// </summary>
    internal static (SlaClock? Clock, int StartIndex) ClockOf(ResolvedRule rule, IReadOnlyList<SlaStepFact> steps)
    {
        var start = -1;
        for (var i = 0; i < steps.Count && start < 0; i++)
        {
            if (StepSlaEffects.ClockStartedBy(steps[i].Kind) == rule.ClockStart)
            {
                start = i;
            }
        }

        if (start < 0)
        {
            return (null, -1);
        }

        var history = new List<ClockEvent> { new(ClockEventKind.Started, steps[start].StartsClockAt ?? steps[start].RecordedAt, steps[start].Kind.ToId()) };
        for (var i = start + 1; i < steps.Count; i++)
        {
            var effect = StepSlaEffects.Table.FirstOrDefault(r => r.Step == steps[i].Kind);
            if (effect is null)
            {
                continue;
            }

            var last = history[^1];
            // Steps are stored in order; instances' clocks may differ by a little, never backwards here.
            var at = steps[i].RecordedAt < last.At ? last.At : steps[i].RecordedAt;
            var reason = steps[i].Kind.ToId();
            if (effect.Stops.Contains(rule.Stage) && last.Kind != ClockEventKind.Stopped)
            {
                history.Add(new(ClockEventKind.Stopped, at, reason));
            }
            else if (effect.Pauses.Contains(rule.Stage) && last.Kind is ClockEventKind.Started or ClockEventKind.Resumed)
            {
                // A notice incomplete as received never gave knowledge (17 USC 512(c)(3)(B)): a clock
                // started at the platform's receipt is paused from that start, not from our judgement.
                // Cases from before receipt started the clocks keep the pause they were judged with.
                var fromReceipt = steps[i].Kind == StepKind.Incomplete && last.Kind == ClockEventKind.Started && steps[start].StartsClockAt is not null;
                history.Add(new(ClockEventKind.Paused, fromReceipt ? last.At : at, reason));
            }
            else if (effect.Resumes.Contains(rule.Stage) && last.Kind == ClockEventKind.Paused)
            {
                history.Add(new(ClockEventKind.Resumed, at, reason));
            }
        }

        return (SlaClock.FromHistory(history), start);
    }

    /// <summary>
    /// The first step completing the stage after its clock started. A statement of reasons may come
    /// before the restriction it explains (DSA Art. 17(1): "at the latest" when it is imposed), so for
    /// clocks started by an action an earlier completion counts too.
    /// </summary>
    internal static StageCompletion? CompletionOf(ResolvedRule rule, IReadOnlyList<SlaStepFact> steps, int startIndex)
    {
        bool Completes(SlaStepFact s) => StepSlaEffects.StageCompletedBy(s.Kind, s.Topic) == rule.Stage;

        var step = steps.Skip(Math.Max(startIndex, 0)).FirstOrDefault(Completes);
        if (step is null && rule.ClockStart == ClockStart.Action)
        {
            step = steps.FirstOrDefault(Completes);
        }

        return step is null ? null : new StageCompletion(step.Kind, step.RecordedAt, step.Retention, step.LegalHold, step.Topic);
    }
}
