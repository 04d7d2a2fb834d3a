using HdrHistogram;

namespace TakedownFn.Domain.Reports;

/// <summary>
/// Durations (whole milliseconds) counted in HdrHistogram's buckets, kept sparse so a rollup row
/// stores only the buckets it uses. Merging and un-merging are exact (bucket counts add and
/// subtract), so a rollup folded case by case equals one recomputed from every case.
/// </summary>
/// <remarks>
/// Two significant digits: a bucket is at most 1/128 of its values wide, so any percentile and the
/// maximum read from it are within <see cref="RelativeErrorBound"/> (1%) of the exact value.
/// </remarks>
public sealed class DurationHistogram
{
    /// <summary>The largest relative error of a percentile or maximum read from the histogram.</summary>
    public const double RelativeErrorBound = 0.01;

    private const int SignificantDigits = 2;

    /// <summary>About 31.7 years in milliseconds: longer durations are counted at this value.</summary>
    private const long HighestTrackable = 1_000_000_000_000;

    /// <summary>The bucket layout; read only for its arithmetic, never recorded into.</summary>
    private static readonly LongHistogram Layout = new(HighestTrackable, SignificantDigits);

    private readonly SortedDictionary<long, long> buckets;

    public DurationHistogram()
        : this(new SortedDictionary<long, long>())
    {
    }

    private DurationHistogram(SortedDictionary<long, long> buckets) => this.buckets = buckets;

    /// <summary>How many durations are counted.</summary>
    public long Count => buckets.Values.Sum();

    /// <summary>Bucket (its lowest value, ms) → count, for storage; zero counts are never kept.</summary>
    public IReadOnlyDictionary<long, long> Buckets => buckets;

    public static DurationHistogram FromBuckets(IEnumerable<KeyValuePair<long, long>> buckets)
    {
        var histogram = new DurationHistogram();
        foreach (var (value, count) in buckets)
        {
            histogram.Add(value, count);
        }

        return histogram;
    }

    /// <summary>Counts a duration <paramref name="times"/> times (negative to take it out again).</summary>
    public void Add(TimeSpan duration, long times = 1) =>
        Add((long)Math.Clamp(duration.TotalMilliseconds, 0, HighestTrackable), times);

    /// <summary>Adds (or, with <paramref name="sign"/> −1, subtracts) every bucket of <paramref name="other"/>.</summary>
    public void Merge(DurationHistogram other, int sign = 1)
    {
        foreach (var (value, count) in other.buckets)
        {
            Add(value, sign * count);
        }
    }

    /// <summary>The value at <paramref name="percentile"/> (0–100) by nearest rank, or null when empty.</summary>
    public TimeSpan? Percentile(double percentile)
    {
        if (buckets.Count == 0)
        {
            return null;
        }

        var histogram = new LongHistogram(HighestTrackable, SignificantDigits);
        foreach (var (value, count) in buckets)
        {
            histogram.RecordValueWithCount(value, count);
        }

        return TimeSpan.FromMilliseconds(histogram.GetValueAtPercentile(percentile));
    }

    /// <summary>The largest duration counted, to the bucket's upper edge; null when empty.</summary>
    public TimeSpan? Max => buckets.Count == 0 ? null : TimeSpan.FromMilliseconds(Layout.HighestEquivalentValue(buckets.Keys.Last()));

    public DurationHistogram Clone() => new(new SortedDictionary<long, long>(buckets));

    private void Add(long milliseconds, long times)
    {
        var bucket = Layout.LowestEquivalentValue(Math.Clamp(milliseconds, 0, HighestTrackable));
        var count = buckets.GetValueOrDefault(bucket) + times;
        if (count == 0)
        {
            buckets.Remove(bucket);
        }
        else
        {
            buckets[bucket] = count;
        }
    }
}
