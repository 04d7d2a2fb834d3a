using System.Globalization;
using TakedownFn.Domain.Surge;

namespace TakedownFn.Domain.Tests.Surge;

/// <summary>The surge rule on synthetic streams: when it fires, and when it stays silent.</summary>
public class SurgeDetectorTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-12-01T00:00:00Z", CultureInfo.InvariantCulture);

    private static SurgeRule Rule => SurgeRule.Default;

    /// <summary>Feeds the notices in time order; returns every verdict with its notice's time and index.</summary>
    private static List<(int Index, DateTimeOffset At, SurgeVerdict Verdict)> Run(IEnumerable<DateTimeOffset> notices, StreamState? from = null)
    {
        var state = from ?? StreamState.Empty;
        var verdicts = new List<(int, DateTimeOffset, SurgeVerdict)>();
        var index = 0;
        foreach (var at in notices.Order())
        {
            (state, var verdict) = SurgeDetector.Observe(state, at, $"case-{index}", Rule);
            verdicts.Add((index++, at, verdict));
        }

        return verdicts;
    }

    /// <summary>One notice every <paramref name="every"/> from <paramref name="from"/> for <paramref name="span"/>.</summary>
    private static IEnumerable<DateTimeOffset> Steady(DateTimeOffset from, TimeSpan span, TimeSpan every)
    {
        for (var at = from; at < from + span; at += every)
        {
            yield return at;
        }
    }

    private static IEnumerable<(int Index, DateTimeOffset At, SurgeVerdict Verdict)> Fired(IEnumerable<(int Index, DateTimeOffset At, SurgeVerdict Verdict)> run) =>
        run.Where(v => v.Verdict.Outcome == SurgeOutcome.Fired);

    [Fact]
    public void Observe_QuietBaseline_NeverFires()
    {
        // Two notices an hour for three days.
        var run = Run(Steady(Start, TimeSpan.FromDays(3), TimeSpan.FromMinutes(30)));

        Assert.Empty(Fired(run));
        Assert.All(run, v => Assert.True(v.Verdict.WindowCount <= 2));
    }

    [Fact]
    public void Observe_BusyButSteadyStream_NeverFires()
    {
        // 40 an hour, every 90 s, for two days: far above MinCount, but what the baseline predicts.
        var run = Run(Steady(Start, TimeSpan.FromDays(2), TimeSpan.FromSeconds(90)));

        // Only the stream's first hour has no baseline; it fires there (a stream appearing at 40/h is news)...
        var fired = Assert.Single(Fired(run));
        Assert.True(fired.At < Start + TimeSpan.FromHours(1));
        // ...and never once the baseline knows the rate.
        Assert.DoesNotContain(run, v => v.Verdict.Outcome == SurgeOutcome.Fired && v.At >= Start + TimeSpan.FromHours(1));
    }

    [Fact]
    public void Observe_SlowRiseFromTwoToFortyAnHourOverThreeDays_NeverFires()
    {
        // The hourly rate climbs linearly, 2 → 40; notices are evenly spaced within each hour.
        var notices = new List<DateTimeOffset>();
        for (var hour = 0; hour < 72; hour++)
        {
            var perHour = 2 + (int)Math.Round(38.0 * hour / 71);
            notices.AddRange(Enumerable.Range(0, perHour).Select(i => Start + TimeSpan.FromHours(hour) + TimeSpan.FromHours(1) * i / perHour));
        }

        var run = Run(notices);

        Assert.Empty(Fired(run));
        Assert.Equal(40, run[^1].Verdict.WindowCount); // the rate did reach 40 an hour
    }

    [Fact]
    public void Observe_SuddenBurstOnQuietStream_FiresOnceAtTheTenthNoticeOfTheHour()
    {
        // Two an hour of quiet baseline (at :00 and :30) for two days, then from 48:05 one notice every 20 s.
        var burstStart = Start + TimeSpan.FromHours(48) + TimeSpan.FromMinutes(5);
        var quiet = Steady(Start, TimeSpan.FromHours(48) + TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(30)).ToList();
        var burst = Steady(burstStart, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(20)).ToList();

        var run = Run(quiet.Concat(burst));

        var fired = Assert.Single(Fired(run));
        // The window (the last 12 five-minute buckets, 47:10–48:10) holds the quiet notices of 47:30
        // and 48:00, so the 8th burst notice makes ten: the minimum count, with μ = 2 and P(X ≥ 10) ≈ 4.6e-5.
        Assert.Equal(quiet.Count + 7, fired.Index);
        Assert.Equal((10, 2.0), (fired.Verdict.WindowCount, fired.Verdict.Expected));
        Assert.InRange(fired.Verdict.PValue, 4.5e-5, 4.7e-5);
    }

    [Fact]
    public void Observe_NineNoticesOnANewStream_StaysBelowTheMinimumCount()
    {
        var run = Run(Steady(Start, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(1)));

        Assert.Empty(Fired(run));
        Assert.Equal(9, run[^1].Verdict.WindowCount);
    }

    [Fact]
    public void Observe_BurstThatDiesAway_FiresOnceClearsOnceAndFiresAgainOnANewBurst()
    {
        var quiet = Steady(Start, TimeSpan.FromDays(4), TimeSpan.FromMinutes(30)).ToList();
        var first = Steady(Start + TimeSpan.FromHours(30) + TimeSpan.FromMinutes(7), TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(20)).ToList();
        var second = Steady(Start + TimeSpan.FromHours(80) + TimeSpan.FromMinutes(7), TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(20)).ToList();

        var run = Run(quiet.Concat(first).Concat(second));

        var fired = Fired(run).ToList();
        var cleared = run.Where(v => v.Verdict.Outcome == SurgeOutcome.Cleared).ToList();
        Assert.Equal(2, fired.Count);
        Assert.InRange(fired[0].At, first[0], first[^1]);
        Assert.InRange(fired[1].At, second[0], second[^1]);
        // The first surge ends with the first quiet notice whose window no longer holds the burst.
        var clear = Assert.Single(cleared, c => c.At < second[0]);
        Assert.InRange(clear.At, first[^1] + TimeSpan.FromMinutes(50), first[^1] + TimeSpan.FromMinutes(90));
        // Between the two, quiet notices fire nothing (the surge is open, then cleared and quiet).
        Assert.DoesNotContain(run, v => v.Verdict.Outcome == SurgeOutcome.Fired && v.At > first[^1] && v.At < second[0]);
    }

    [Fact]
    public void Observe_SameStateAndNotice_GivesTheSameVerdict()
    {
        var state = StreamState.Empty;
        foreach (var at in Steady(Start, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(1)))
        {
            (state, _) = SurgeDetector.Observe(state, at, "x", Rule);
        }

        var a = SurgeDetector.Observe(state, Start + TimeSpan.FromMinutes(10), "tenth", Rule);
        var b = SurgeDetector.Observe(state, Start + TimeSpan.FromMinutes(10), "tenth", Rule);

        Assert.Equal(a.Verdict, b.Verdict);
        Assert.Equal(SurgeOutcome.Fired, a.Verdict.Outcome);
        Assert.Equal(new OpenSurge(Start + TimeSpan.FromMinutes(10), "tenth"), a.State.OpenSurge);
    }

    [Fact]
    public void Observe_OldBuckets_AreDroppedBeyondWindowAndBaseline()
    {
        var run = Steady(Start, TimeSpan.FromDays(5), TimeSpan.FromMinutes(30));
        var state = StreamState.Empty;
        foreach (var at in run)
        {
            (state, _) = SurgeDetector.Observe(state, at, "x", Rule);
        }

        // 25 hours of buckets at most (window + baseline), of which every sixth holds a notice.
        Assert.InRange(state.Counts.Count, 49, 51);
    }

    [Theory]
    [InlineData(10, 1.0, 1.1142547833872067e-7)]
    [InlineData(10, 2.0, 4.649807501726e-5)]
    [InlineData(14, 5.0, 6.9799e-4)]
    [InlineData(0, 5.0, 1.0)]
    public void UpperTail_KnownValues_MatchThePoissonDistribution(int k, double mu, double expected)
    {
        // Reference: 1 - CDF, summed by hand from e^-μ μ^i / i!.
        var reference = 1.0 - Enumerable.Range(0, Math.Max(k, 0)).Sum(i => Math.Exp(-mu + (i * Math.Log(mu)) - Enumerable.Range(1, i).Sum(j => Math.Log(j))));

        Assert.Equal(reference, SurgeDetector.UpperTail(k, mu), 1e-9);
        Assert.Equal(expected, SurgeDetector.UpperTail(k, mu), expected * 1e-3);
    }

    [Fact]
    public void Default_Rule_HasNoProblems()
    {
        Assert.Empty(SurgeRule.Default.Problems());
        Assert.NotEmpty((SurgeRule.Default with { Window = TimeSpan.FromMinutes(7) }).Problems());
    }
}
