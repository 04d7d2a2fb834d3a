using System.Globalization;

namespace TakedownFn.Domain.Reports;

/// <summary>
/// What an SLA report covers: cases received in [<see cref="From"/>, <see cref="To"/>) (UTC, whole
/// hours: rollups are kept per UTC hour), grouped by dimensions and at most one time bucket counted
/// in <see cref="Zone"/>.
/// </summary>
public sealed record SlaReportQuery(DateTimeOffset From, DateTimeOffset To, TimeZoneInfo Zone, IReadOnlyList<string> GroupBy)
{
    public const string Day = "day";
    public const string Week = "week";
    public const string Month = "month";

    /// <summary>The longest period one report covers (a year, leap years included).</summary>
    public static readonly TimeSpan MaxLength = TimeSpan.FromDays(366);

    /// <summary>Dimensions a report can group by; <c>stage</c> is accepted and always on (every group lists its stages).</summary>
    public static readonly IReadOnlyList<string> Dimensions = ["regime", "category", "severity", "stage", "source"];

    public static readonly IReadOnlyList<string> TimeBuckets = [Day, Week, Month];

    /// <summary>The time bucket asked for, if any.</summary>
    public string? TimeBucket => GroupBy.FirstOrDefault(g => TimeBuckets.Contains(g));

    /// <summary>The key of a rollup row's group: the dimensions asked for, then the time bucket.</summary>
    public SortedDictionary<string, string> GroupKey(DateTimeOffset hour, ReportDimensions dimensions)
    {
        var key = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in GroupBy)
        {
            switch (name)
            {
                case "regime": key[name] = dimensions.Regime; break;
                case "category": key[name] = dimensions.Category; break;
                case "severity": key[name] = dimensions.Severity; break;
                case "source": key[name] = dimensions.Source; break;
                case Day or Week or Month: key[name] = BucketOf(hour, name); break;
            }
        }

        return key;
    }

    /// <summary>The local day (<c>2026-10-01</c>), ISO week (<c>2026-W40</c>) or month (<c>2026-10</c>) an hour falls in.</summary>
    public string BucketOf(DateTimeOffset hour, string bucket)
    {
        var local = TimeZoneInfo.ConvertTime(hour, Zone).DateTime;
        return bucket switch
        {
            Day => local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Week => $"{ISOWeek.GetYear(local).ToString(CultureInfo.InvariantCulture)}-W{ISOWeek.GetWeekOfYear(local).ToString("D2", CultureInfo.InvariantCulture)}",
            _ => local.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>
    /// Reads <c>from</c>/<c>to</c> (a date, meaning local midnight in the zone, or an instant with an
    /// offset), <c>tz</c> (IANA id, default UTC) and <c>groupBy</c> (comma-separated); errors are
    /// keyed by parameter name.
    /// </summary>
    public static (SlaReportQuery? Query, IReadOnlyList<(string Field, string Message)> Errors) Parse(string? from, string? to, string? tz, string? groupBy)
    {
        var errors = new List<(string, string)>();
        var zone = TimeZoneInfo.Utc;
        if (!string.IsNullOrEmpty(tz) && !TimeZoneInfo.TryFindSystemTimeZoneById(tz, out zone!))
        {
            errors.Add(("tz", "is not a known IANA time zone id (e.g. Europe/Berlin)"));
            zone = TimeZoneInfo.Utc;
        }

        var start = Instant(from, "from", zone, errors);
        var end = Instant(to, "to", zone, errors);
        var groups = (groupBy ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        foreach (var g in groups.Where(g => !Dimensions.Contains(g) && !TimeBuckets.Contains(g)))
        {
            errors.Add(("groupBy", $"'{(g.Length > 20 ? g[..20] : g)}' is not one of {string.Join(", ", Dimensions.Concat(TimeBuckets))}"));
        }

        if (groups.Count(TimeBuckets.Contains) > 1)
        {
            errors.Add(("groupBy", "takes at most one of day, week, month"));
        }

        if (start is { } s && end is { } e)
        {
            if (e <= s)
            {
                errors.Add(("to", "must be after from"));
            }
            else if (e - s > MaxLength)
            {
                errors.Add(("to", "must be at most 366 days after from"));
            }
            else if (groups.Any(TimeBuckets.Contains) && !WholeHourOffsets(zone, s, e))
            {
                errors.Add(("tz", "has an offset that is not a whole number of hours in the period; reports count in UTC hours, so buckets need whole-hour offsets"));
            }
        }

        return errors.Count > 0 ? (null, errors) : (new SlaReportQuery(start!.Value, end!.Value, zone, groups), errors);
    }

    private static DateTimeOffset? Instant(string? text, string field, TimeZoneInfo zone, List<(string, string)> errors)
    {
        DateTimeOffset? instant = null;
        if (string.IsNullOrEmpty(text))
        {
            errors.Add((field, "is required: a date (YYYY-MM-DD, local midnight in tz) or an instant with an offset"));
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
            if (!zone.IsInvalidTime(local))
            {
                instant = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
            }
        }
        else if (text.Contains('T', StringComparison.Ordinal)
                 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)
                 && (text.EndsWith('Z') || text.Contains('+', StringComparison.Ordinal) || text.LastIndexOf('-') > text.IndexOf('T', StringComparison.Ordinal)))
        {
            instant = parsed.ToUniversalTime();
        }
        else
        {
            errors.Add((field, "must be a date (YYYY-MM-DD) or an instant with an offset (2026-10-01T00:00:00Z)"));
            return null;
        }

        if (instant is not { } value || value.Minute != 0 || value.Second != 0 || value.Millisecond != 0 || value.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            errors.Add((field, "must fall on a whole UTC hour (reports are kept per UTC hour)"));
            return null;
        }

        return value;
    }

    private static bool WholeHourOffsets(TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to)
    {
        for (var hour = from; hour < to; hour = hour.AddHours(1))
        {
            if (zone.GetUtcOffset(hour).Ticks % TimeSpan.TicksPerHour != 0)
            {
                return false;
            }
        }

        return true;
    }
}
