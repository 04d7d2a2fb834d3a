namespace TakedownFn.Domain.Sla;

/// <summary>
/// Judges one stage from its stored rule, its clock and its completing step. Pure: the same inputs
/// and the same <see cref="TimeProvider"/> time give the same status, so a report can re-judge an
/// old case from what it stored.
/// </summary>
public static partial class StageEvaluator
{
    /// <summary>The warning fraction used when none is given: warn when 75% of the time allowed is used.</summary>
    public const double DefaultWarningFraction = 0.75;

    /// <summary>Evaluates a stage at the service's current time.</summary>
    /// <param name="rule">The rule from the case's stored <see cref="ResolvedPolicy"/>.</param>
    /// <param name="clock">The stage's clock, or <see langword="null"/> if it has not started.</param>
    /// <param name="completion">The completing step, if recorded.</param>
    /// <param name="calendars">Calendars by id.</param>
    /// <param name="time">The service's clock.</param>
    /// <param name="warningFraction">Fraction of the running time allowed after which the stage warns, in (0, 1).</param>
    /// <exception cref="CalendarCoverageException">A business-day count runs outside the calendar's covered years.</exception>
    public static StageStatus Evaluate(
        ResolvedRule rule,
        SlaClock? clock,
        StageCompletion? completion,
        CalendarCatalog calendars,
        TimeProvider time,
        double warningFraction = DefaultWarningFraction)
    {
        if (warningFraction is <= 0 or >= 1 || double.IsNaN(warningFraction))
        {
            throw new ArgumentOutOfRangeException(nameof(warningFraction), warningFraction, "must be between 0 and 1, exclusive");
        }

        if (completion is not null && StepSlaEffects.StageCompletedBy(completion.Step, completion.Topic) != rule.Stage)
        {
            throw new ArgumentException($"a {completion.Step} step does not complete {rule.Stage.ToId()}", nameof(completion));
        }

        if (clock is null)
        {
            return new StageStatus(rule.Stage, StageState.NotStarted, null, null, null, completion?.RecordedAt, null, null, rule, []);
        }

        var now = time.GetUtcNow();
        var calendar = calendars.Get(rule.Calendar);
        // A stage completed while its clock was paused: the pause ends when the work was done.
        var pauses = clock.Pauses.Select(p => p with { To = p.To ?? completion?.RecordedAt }).ToArray();
        if (pauses.Any(p => p.To is null))
        {
            return new StageStatus(rule.Stage, StageState.Paused, null, null, null, null, null, null, rule, clock.History);
        }

        var closed = pauses.Select(p => (p.From, To: p.To!.Value)).ToArray();
        var deadline = DeadlineAfter(calendar, clock.StartedAt, rule.Length, closed, extendOverRestDays: false);
        DateTimeOffset? earliest = null;
        if (rule.Minimum is { } minimum)
        {
            earliest = DeadlineAfter(calendar, clock.StartedAt, minimum.Length, closed, extendOverRestDays: true);

            // When the minimum's last day fell on a rest day and was extended (Civil Code Art. 203),
            // the window moves with it, so the time allowed after the minimum stays the same.
            deadline += earliest.Value - DeadlineAfter(calendar, clock.StartedAt, minimum.Length, closed, extendOverRestDays: false);
        }

        var warningAt = WarningInstant(clock.StartedAt, deadline, closed, warningFraction);
        var status = new StageStatus(rule.Stage, StageState.Running, deadline, earliest, warningAt, completion?.RecordedAt, null, null, rule, clock.History)
        {
            Provisional = ConsultsCalendar(rule) && calendar.IsProvisional(calendar.LocalDate(clock.StartedAt), calendar.LocalDate(deadline)),
        };

        if (completion is null && clock.IsStopped)
        {
            return JudgeStopped(status, clock);
        }

        return rule.Stage == SlaStage.Preservation
            ? JudgePreservation(status, completion, now)
            : Judge(status, completion, now);
    }

    /// <summary>
    /// A clock stopped before its stage completed: the stage no longer applies if it was stopped by
    /// its deadline; stopped later, the deadline was already missed, and ending the stage (closing
    /// the case, a lawsuit) does not undo that, so it stays breached by the time it ran over.
    /// </summary>
    private static StageStatus JudgeStopped(StageStatus status, SlaClock clock)
    {
        var stoppedAt = clock.StoppedAt!.Value;
        var deadline = status.Deadline!.Value;
        var stopped = status with { WarningAt = null, Reason = clock.History[^1].Reason };
        return stoppedAt > deadline
            ? stopped with { State = StageState.Breached, Margin = deadline - stoppedAt }
            : stopped with { State = StageState.Stopped };
    }

    /// <summary>
    /// Whether the rule's deadline depends on which days are business days: counted in business days,
    /// or with a minimum whose last day moves off a rest day (hours and plain calendar days do not).
    /// </summary>
    private static bool ConsultsCalendar(ResolvedRule rule) =>
        rule.Length.Unit == DurationUnit.BusinessDays || rule.Minimum?.Length.Unit is DurationUnit.BusinessDays or DurationUnit.CalendarDays;

    private static StageStatus Judge(StageStatus status, StageCompletion? completion, DateTimeOffset now)
    {
        var deadline = status.Deadline!.Value;
        if (completion is not null)
        {
            var at = completion.RecordedAt;
            if (status.Earliest is { } earliest && at < earliest)
            {
                return status with { State = StageState.BreachedEarly, Margin = at - earliest };
            }

            return status with { State = at <= deadline ? StageState.Met : StageState.Breached, Margin = deadline - at };
        }

        if (now > deadline)
        {
            return status with { State = StageState.Breached, Margin = StageMargin.WhileOpen(status.Stage, deadline, now) };
        }

        var warned = now >= status.WarningAt;
        return status with
        {
            State = warned ? StageState.Warning : StageState.Running,
            Margin = StageMargin.WhileOpen(status.Stage, deadline, now),
            NextCheckAt = warned ? deadline : status.WarningAt,
        };
    }

    private static StageStatus JudgePreservation(StageStatus status, StageCompletion? completion, DateTimeOffset now)
    {
        var keepUntil = status.Deadline!.Value;
        if (completion is null)
        {
            return now > keepUntil
                ? status with { State = StageState.Breached, Margin = StageMargin.WhileOpen(status.Stage, keepUntil, now) }
                : status with { State = StageState.Running, Margin = StageMargin.WhileOpen(status.Stage, keepUntil, now), NextCheckAt = keepUntil, WarningAt = null };
        }

        if (completion.LegalHold)
        {
            return status with { State = StageState.Met, WarningAt = null };
        }

        var retainedUntil = completion.RecordedAt + (completion.Retention ?? TimeSpan.Zero);
        var margin = retainedUntil - keepUntil;
        return status with { State = margin >= TimeSpan.Zero ? StageState.Met : StageState.Breached, Margin = margin, WarningAt = null };
    }
}
