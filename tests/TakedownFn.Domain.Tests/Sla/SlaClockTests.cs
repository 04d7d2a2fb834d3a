using Microsoft.Extensions.Time.Testing;
using TakedownFn.Domain.Sla;

namespace TakedownFn.Domain.Tests.Sla;

public class SlaClockTests
{
    [Fact]
    public void Operations_TakeTheServiceClock_AndKeepEarlierValuesUnchanged()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 6, 2, 8, 0, 0, TimeSpan.Zero));
        var started = SlaClock.Start(time);
        time.Advance(TimeSpan.FromMinutes(10));

        var paused = started.Pause(time, "missing element");

        Assert.Single(started.History);
        Assert.True(paused.IsPaused);
        Assert.Equal(new ClockPause(time.GetUtcNow(), null), Assert.Single(paused.Pauses));
        Assert.False(paused.IsRunningAt(time.GetUtcNow()));
        Assert.True(paused.IsRunningAt(started.StartedAt));
    }

    [Fact]
    public void Resume_WhenRunning_Throws()
    {
        var time = new FakeTimeProvider();

        Assert.Throws<InvalidOperationException>(() => SlaClock.Start(time).Resume(time));
    }

    [Fact]
    public void Pause_AfterStop_Throws()
    {
        var time = new FakeTimeProvider();

        Assert.Throws<InvalidOperationException>(() => SlaClock.Start(time).Stop(time, "lawsuit").Pause(time, "x"));
    }

    [Fact]
    public void FromHistory_GoingBackInTime_Throws()
    {
        var t = new DateTimeOffset(2025, 6, 2, 8, 0, 0, TimeSpan.Zero);

        Assert.Throws<ArgumentException>(() => SlaClock.FromHistory(
            [new(ClockEventKind.Started, t, null), new(ClockEventKind.Paused, t.AddMinutes(-1), "x")]));
    }

    [Fact]
    public void FromHistory_StoredEvents_RoundTrip()
    {
        var t = new DateTimeOffset(2025, 6, 2, 8, 0, 0, TimeSpan.Zero);
        ClockEvent[] events = [new(ClockEventKind.Started, t, null), new(ClockEventKind.Paused, t.AddHours(1), "x"), new(ClockEventKind.Resumed, t.AddHours(3), null)];

        var clock = SlaClock.FromHistory(events);

        Assert.Equal(events, clock.History);
        Assert.Equal(new ClockPause(t.AddHours(1), t.AddHours(3)), Assert.Single(clock.Pauses));
    }
}
