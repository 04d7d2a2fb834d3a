using TakedownFn.Domain.Surge;

namespace TakedownFn.Surge;

/// <summary>The surge rule's parameters (<c>TakedownFn:Surge</c>), checked at start-up; defaults are <see cref="SurgeRule.Default"/>.</summary>
internal sealed record SurgeOptions
{
    public const string Section = "TakedownFn:Surge";

    public TimeSpan Bucket { get; init; } = SurgeRule.Default.Bucket;

    public TimeSpan Window { get; init; } = SurgeRule.Default.Window;

    public TimeSpan Baseline { get; init; } = SurgeRule.Default.Baseline;

    public int MinCount { get; init; } = SurgeRule.Default.MinCount;

    public double Threshold { get; init; } = SurgeRule.Default.Threshold;

    public double ClearThreshold { get; init; } = SurgeRule.Default.ClearThreshold;

    public double MinExpected { get; init; } = SurgeRule.Default.MinExpected;

    public SurgeRule Rule => new(Bucket, Window, Baseline, MinCount, Threshold, ClearThreshold, MinExpected);
}
