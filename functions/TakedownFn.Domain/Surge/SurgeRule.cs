namespace TakedownFn.Domain.Surge;

/// <summary>
/// When a stream of notices (a topic, an incident) is surging: its count in the sliding window
/// against what its own baseline rate predicts.
/// </summary>
/// <remarks>
/// <para>Notices are counted in buckets of <see cref="Bucket"/>; the window is the last
/// <see cref="Window"/> of buckets up to the notice's own (so it slides a bucket at a time), the baseline
/// the <see cref="Baseline"/> before the window, or as much of it as the stream has existed. Under a
/// steady rate the window's count <i>k</i> is Poisson with mean μ = baseline rate × window length,
/// floored at <see cref="MinExpected"/> so a new or silent stream is not "surging" with a handful of
/// notices.</para>
/// <para>A surge fires when <i>k</i> ≥ <see cref="MinCount"/> and P(X ≥ k | μ) &lt; <see cref="Threshold"/>
/// (P(X ≥ k) is the regularized lower incomplete gamma function P(k, μ)). It stays open, firing
/// nothing more, until a notice finds P(X ≥ k | μ) above <see cref="ClearThreshold"/>; then a new
/// burst can fire again. A slow rise is followed by the baseline and never reaches the threshold.</para>
/// </remarks>
/// <param name="Bucket">Counting granularity; the window slides by this much.</param>
/// <param name="Window">The sliding window a surge is measured over.</param>
/// <param name="Baseline">How far before the window the stream's own rate is taken from.</param>
/// <param name="MinCount">The least notices in the window that can be a surge.</param>
/// <param name="Threshold">Fire when the window's Poisson upper-tail probability is below this.</param>
/// <param name="ClearThreshold">An open surge ends when that probability is above this.</param>
/// <param name="MinExpected">The least expected count per window, whatever the baseline says.</param>
public sealed record SurgeRule(
    TimeSpan Bucket,
    TimeSpan Window,
    TimeSpan Baseline,
    int MinCount,
    double Threshold,
    double ClearThreshold,
    double MinExpected)
{
    /// <summary>5-minute buckets, a 1-hour window against the previous 24 hours; at least 10 notices, p &lt; 0.001 to fire, p &gt; 0.05 to clear, μ ≥ 1.</summary>
    public static SurgeRule Default { get; } = new(TimeSpan.FromMinutes(5), TimeSpan.FromHours(1), TimeSpan.FromHours(24), 10, 0.001, 0.05, 1.0);

    /// <summary>Every problem with the rule's parameters; empty when it can be used.</summary>
    public IEnumerable<string> Problems()
    {
        if (Bucket < TimeSpan.FromSeconds(1) || Window < Bucket || Window.Ticks % Bucket.Ticks != 0)
        {
            yield return "Window must be a whole number of buckets, and a bucket at least a second";
        }

        if (Baseline < Window || Baseline.Ticks % Bucket.Ticks != 0 || Baseline > TimeSpan.FromDays(31))
        {
            yield return "Baseline must be a whole number of buckets, at least the window and at most 31 days";
        }

        if (MinCount < 1)
        {
            yield return "MinCount must be at least 1";
        }

        if (Threshold is <= 0 or >= 1 || ClearThreshold is <= 0 or >= 1 || ClearThreshold < Threshold)
        {
            yield return "Threshold and ClearThreshold must be in (0, 1), ClearThreshold not below Threshold";
        }

        if (MinExpected is <= 0 || double.IsNaN(MinExpected))
        {
            yield return "MinExpected must be above 0";
        }
    }

    internal int WindowBuckets => (int)(Window.Ticks / Bucket.Ticks);

    internal int BaselineBuckets => (int)(Baseline.Ticks / Bucket.Ticks);

    internal long BucketOf(DateTimeOffset at) => at.UtcTicks / Bucket.Ticks;
}
