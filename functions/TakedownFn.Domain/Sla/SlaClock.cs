namespace TakedownFn.Domain.Sla;

/// <summary>What happened to a stage clock; <see cref="SlaClock.History"/> is a list of these a timeline can show.</summary>
public enum ClockEventKind
{
    Started,

    /// <summary>Stopped counting, e.g. while waiting for the notifier to supply a missing element.</summary>
    Paused,

    Resumed,

    /// <summary>No longer applies, e.g. 17 USC 512(g)(2)(C): a lawsuit was notified, so no restoration is due.</summary>
    Stopped,
}

/// <summary>One entry of a clock's history, at the service's time.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="At">When, on the service's clock.</param>
/// <param name="Reason">Why, for the timeline (no personal data).</param>
public sealed record ClockEvent(ClockEventKind Kind, DateTimeOffset At, string? Reason);

/// <summary>A paused stretch of a clock; <see cref="To"/> is <see langword="null"/> while still paused.</summary>
public readonly record struct ClockPause(DateTimeOffset From, DateTimeOffset? To);

/// <summary>
/// A stage clock as an immutable value: started, paused, resumed, stopped. Every operation returns
/// a new clock with one more <see cref="ClockEvent"/>; the times come from the service's
/// <see cref="TimeProvider"/>, never from a caller, because times that decide an SLA are server times.
/// </summary>
public sealed class SlaClock
{
    private SlaClock(IReadOnlyList<ClockEvent> history)
    {
        History = history;
    }

    /// <summary>Every event, oldest first; the first is always <see cref="ClockEventKind.Started"/>.</summary>
    public IReadOnlyList<ClockEvent> History { get; }

    /// <summary>When the clock started.</summary>
    public DateTimeOffset StartedAt => History[0].At;

    public bool IsPaused => History[^1].Kind == ClockEventKind.Paused;

    public bool IsStopped => History[^1].Kind == ClockEventKind.Stopped;

    /// <summary>When the clock was stopped, if it was.</summary>
    public DateTimeOffset? StoppedAt => IsStopped ? History[^1].At : null;

    /// <summary>The paused stretches, oldest first; the last is open while <see cref="IsPaused"/>.</summary>
    public IReadOnlyList<ClockPause> Pauses
    {
        get
        {
            var pauses = new List<ClockPause>();
            DateTimeOffset? from = null;
            foreach (var e in History)
            {
                if (e.Kind == ClockEventKind.Paused)
                {
                    from = e.At;
                }
                else if (from is not null && e.Kind is ClockEventKind.Resumed or ClockEventKind.Stopped)
                {
                    pauses.Add(new ClockPause(from.Value, e.At));
                    from = null;
                }
            }

            if (from is not null)
            {
                pauses.Add(new ClockPause(from.Value, null));
            }

            return pauses;
        }
    }

    /// <summary>Starts a clock now, by the service's clock.</summary>
    public static SlaClock Start(TimeProvider time, string? reason = null) =>
        new([new ClockEvent(ClockEventKind.Started, time.GetUtcNow(), reason)]);

    /// <summary>Rebuilds a clock from a stored history (server times), checking it is well formed.</summary>
    /// <exception cref="ArgumentException">The history does not start with a start, goes back in time, or has an impossible transition.</exception>
    public static SlaClock FromHistory(IEnumerable<ClockEvent> history)
    {
        var events = history.ToArray();
        if (events.Length == 0 || events[0].Kind != ClockEventKind.Started)
        {
            throw new ArgumentException("a clock history starts with a start", nameof(history));
        }

        var clock = new SlaClock([events[0]]);
        foreach (var e in events.Skip(1))
        {
            clock = clock.Append(e);
        }

        return clock;
    }

    /// <summary>Pauses the clock now; the paused time does not count.</summary>
    public SlaClock Pause(TimeProvider time, string reason) => Append(new ClockEvent(ClockEventKind.Paused, time.GetUtcNow(), reason));

    /// <summary>Resumes a paused clock now.</summary>
    public SlaClock Resume(TimeProvider time, string? reason = null) => Append(new ClockEvent(ClockEventKind.Resumed, time.GetUtcNow(), reason));

    /// <summary>Stops the clock now: the stage no longer applies.</summary>
    public SlaClock Stop(TimeProvider time, string reason) => Append(new ClockEvent(ClockEventKind.Stopped, time.GetUtcNow(), reason));

    /// <summary>Whether the clock counts at <paramref name="instant"/> (started, not paused, not stopped).</summary>
    public bool IsRunningAt(DateTimeOffset instant) =>
        instant >= StartedAt
        && !(StoppedAt <= instant)
        && !Pauses.Any(p => p.From <= instant && (p.To is null || instant < p.To));

    private SlaClock Append(ClockEvent e)
    {
        var last = History[^1];
        if (e.At < last.At)
        {
            throw new ArgumentException($"a clock event at {e.At:O} is before the previous one at {last.At:O}", nameof(e));
        }

        var allowed = (last.Kind, e.Kind) switch
        {
            (ClockEventKind.Stopped, _) => false,
            (ClockEventKind.Paused, ClockEventKind.Resumed or ClockEventKind.Stopped) => true,
            (ClockEventKind.Started or ClockEventKind.Resumed, ClockEventKind.Paused or ClockEventKind.Stopped) => true,
            _ => false,
        };

        return allowed
            ? new SlaClock([.. History, e])
            : throw new InvalidOperationException($"a clock that is {last.Kind.ToString().ToLowerInvariant()} cannot be {e.Kind.ToString().ToLowerInvariant()}");
    }
}
