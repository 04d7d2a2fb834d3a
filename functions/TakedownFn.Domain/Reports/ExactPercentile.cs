namespace TakedownFn.Domain.Reports;

/// <summary>
/// Percentiles of exact values with the rank rule the histograms use (HdrHistogram: the value whose
/// cumulative count first reaches round(p/100 × n), at least 1), so the reconciliation compares
/// like with like and only the bucket width separates the two.
/// </summary>
public static class ExactPercentile
{
    /// <summary>The value at <paramref name="percentile"/> of <paramref name="sorted"/> (ascending), or null when empty.</summary>
    public static TimeSpan? Of(IReadOnlyList<TimeSpan> sorted, double percentile)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = Math.Max(1, (long)((percentile / 100.0 * sorted.Count) + 0.5));
        return sorted[(int)Math.Min(rank, sorted.Count) - 1];
    }

    /// <summary>|approximate − exact| / exact; 0 when both are 0.</summary>
    public static double RelativeError(TimeSpan approximate, TimeSpan exact) =>
        exact == TimeSpan.Zero ? (approximate == TimeSpan.Zero ? 0 : double.PositiveInfinity) : Math.Abs((approximate - exact).TotalMilliseconds) / exact.TotalMilliseconds;
}
