using MathNet.Numerics;

namespace TakedownFn.Domain.Surge;

/// <summary>What one notice did to its stream.</summary>
public enum SurgeOutcome
{
    /// <summary>Nothing changed: no surge, or one already open.</summary>
    None,

    /// <summary>This notice made the window a surge: record it, escalate it.</summary>
    Fired,

    /// <summary>The open surge ended: the window is back within what the baseline predicts.</summary>
    Cleared,
}

/// <summary>The detector's verdict on one notice, with the figures behind it (for the record and the webhook).</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="WindowCount">Notices in the window, this one included.</param>
/// <param name="Expected">The expected count in the window (μ), from the baseline rate or the floor.</param>
/// <param name="PValue">P(X ≥ WindowCount) for X ~ Poisson(Expected).</param>
/// <param name="BaselineCount">Notices in the baseline period.</param>
/// <param name="BaselineHours">How long that period was (shorter for a young stream).</param>
public sealed record SurgeVerdict(SurgeOutcome Outcome, int WindowCount, double Expected, double PValue, int BaselineCount, double BaselineHours);

/// <summary>
/// The surge rule (<see cref="SurgeRule"/>) over one stream's state. Pure: the same state, notice
/// time and rule give the same verdict and state, so counting a notice once (the caller's
/// job, keyed by the notice) is all idempotence needs.
/// </summary>
public static class SurgeDetector
{
    /// <summary>Counts one notice at <paramref name="at"/> and judges the window that ends with its bucket.</summary>
    /// <param name="state">The stream as stored.</param>
    /// <param name="at">The notice's server time (acceptance).</param>
    /// <param name="noticeId">The notice's id, kept if it fires a surge.</param>
    /// <param name="rule">The rule.</param>
    public static (StreamState State, SurgeVerdict Verdict) Observe(StreamState state, DateTimeOffset at, string noticeId, SurgeRule rule)
    {
        var bucket = rule.BucketOf(at);
        var oldest = bucket - rule.WindowBuckets - rule.BaselineBuckets + 1;
        var counts = state.Counts.Where(c => c.Key >= oldest).ToDictionary();
        counts[bucket] = counts.GetValueOrDefault(bucket) + 1;
        var first = Math.Min(state.FirstBucket ?? bucket, bucket);

        var windowStart = bucket - rule.WindowBuckets + 1;
        var windowCount = counts.Where(c => c.Key >= windowStart && c.Key <= bucket).Sum(c => c.Value);
        var baselineFrom = Math.Max(windowStart - rule.BaselineBuckets, first);
        var baselineBuckets = windowStart - baselineFrom;
        var baselineCount = counts.Where(c => c.Key >= baselineFrom && c.Key < windowStart).Sum(c => c.Value);

        // A baseline shorter than the window says too little about the stream's rate: use the floor.
        var expected = baselineBuckets >= rule.WindowBuckets
            ? Math.Max(rule.MinExpected, (double)baselineCount / baselineBuckets * rule.WindowBuckets)
            : rule.MinExpected;
        var pValue = UpperTail(windowCount, expected);

        var outcome = SurgeOutcome.None;
        var open = state.OpenSurge;
        if (open is null && windowCount >= rule.MinCount && pValue < rule.Threshold)
        {
            outcome = SurgeOutcome.Fired;
            open = new OpenSurge(at, noticeId);
        }
        else if (open is not null && pValue > rule.ClearThreshold)
        {
            outcome = SurgeOutcome.Cleared;
            open = null;
        }

        var verdict = new SurgeVerdict(outcome, windowCount, expected, pValue, baselineCount, baselineBuckets * rule.Bucket.TotalHours);
        return (new StreamState(counts, first, open), verdict);
    }

    /// <summary>P(X ≥ k) for X ~ Poisson(μ): the regularized lower incomplete gamma function P(k, μ), 1 for k ≤ 0.</summary>
    public static double UpperTail(int k, double mu) => k <= 0 ? 1.0 : SpecialFunctions.GammaLowerRegularized(k, mu);
}
