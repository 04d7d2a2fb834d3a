namespace TakedownFn.Domain.Reports;

/// <summary>
/// Which rollup rows a report reads: whole UTC days from the day tier wherever a day lies inside the
/// period and inside one time bucket of the query, and hours for the rest (the period's edges, and
/// days a local bucket boundary cuts). A quarter in UTC reads ~91 day rows per dimension set instead
/// of ~2,184 hour rows; the figures are the same sums either way.
/// </summary>
/// <param name="Days">The UTC midnights of the days read from the day tier.</param>
/// <param name="HourSpans">The half-open spans of whole UTC hours read from the hour tier.</param>
public sealed record RollupPlan(IReadOnlyList<DateTimeOffset> Days, IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> HourSpans)
{
    /// <summary>The plan for a report query: a day is read whole only when its first and last hour fall in the same bucket (buckets are contiguous, so every hour between does too).</summary>
    public static RollupPlan For(SlaReportQuery query) =>
        For(query.From, query.To, query.TimeBucket is { } bucket ? (first, last) => query.BucketOf(first, bucket) == query.BucketOf(last, bucket) : null);

    /// <summary>The plan for [<paramref name="from"/>, <paramref name="to"/>) (whole UTC hours); <paramref name="sameBucket"/> null means no time bucket.</summary>
    public static RollupPlan For(DateTimeOffset from, DateTimeOffset to, Func<DateTimeOffset, DateTimeOffset, bool>? sameBucket = null)
    {
        var days = new List<DateTimeOffset>();
        var spans = new List<(DateTimeOffset, DateTimeOffset)>();
        DateTimeOffset? spanStart = null;
        var t = from.ToUniversalTime();
        while (t < to)
        {
            var next = t.AddDays(1);
            if (t.UtcTicks % TimeSpan.TicksPerDay == 0 && next <= to && (sameBucket is null || sameBucket(t, next.AddHours(-1))))
            {
                if (spanStart is { } s)
                {
                    spans.Add((s, t));
                    spanStart = null;
                }

                days.Add(t);
                t = next;
            }
            else
            {
                spanStart ??= t;
                t = t.AddHours(1);
            }
        }

        if (spanStart is { } last)
        {
            spans.Add((last, to));
        }

        return new RollupPlan(days, spans);
    }

    /// <summary>The UTC day an hour's rollup also counts in (the day tier's row).</summary>
    public static DateTimeOffset DayOf(DateTimeOffset hour)
    {
        var utc = hour.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, 0, 0, 0, TimeSpan.Zero);
    }
}
