using System.Text.Json.Serialization;

namespace TakedownFn.Domain.Reports;

/// <summary>A rollup row: the figures of the cases received in one UTC hour under one set of dimensions.</summary>
public sealed record RollupRow(DateTimeOffset Hour, ReportDimensions Dimensions, SlaFigures Figures);

/// <summary>A breach as the report lists it, with the hour and dimensions its case counts under.</summary>
public sealed record BreachRow(DateTimeOffset Hour, ReportDimensions Dimensions, BreachEntry Breach);

/// <summary>The SLA report: per group, its counts, per stage its outcomes and completion times, and its breaches.</summary>
public sealed record SlaReport(
    DateTimeOffset From,
    DateTimeOffset To,
    string Tz,
    IReadOnlyList<string> GroupBy,
    double PercentileRelativeErrorBound,
    string Basis,
    IReadOnlyList<SlaReportGroup> Groups,
    SlaReportGroup Total)
{
    /// <summary>Breaches each group lists at most (null: all of them, as in a closed period's statement).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? BreachesPageSize { get; init; }

    /// <summary>The continuation token of the next page of breaches (<c>breachesAfter</c>), or null when this page is the last.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? BreachesNext { get; init; }

    /// <summary>How the figures are counted, stated in every report.</summary>
    public const string BasisText =
        "Cases count in the UTC hour of the earlier of the platform's stated receipt and the service's acceptance. " +
        "Stages are judged by the case view's SLA code as of each case's last recorded step; a stage past its deadline " +
        "turns overdue when the SLA timer records the breach (within 90 s). Completion times run from the stage's clock " +
        "start to the completing step (server times, pauses included); stages not completed have none (never zero). " +
        "Percentiles and maxima come from histograms within the stated relative error.";

    /// <summary>Sums the rows and breaches into the query's groups (pure; the rows may come from rollups or from a scan).</summary>
    public static SlaReport Build(SlaReportQuery query, IEnumerable<RollupRow> rows, IEnumerable<BreachRow> breaches)
    {
        var groups = new SortedDictionary<string, (SortedDictionary<string, string> Key, SlaFigures Figures, List<BreachEntry> Breaches)>(StringComparer.Ordinal);
        var total = new SlaFigures();
        var totalBreaches = new List<BreachEntry>();

        (SortedDictionary<string, string> Key, SlaFigures Figures, List<BreachEntry> Breaches) GroupOf(DateTimeOffset hour, ReportDimensions dimensions)
        {
            var key = query.GroupKey(hour, dimensions);
            var id = string.Join('\u001f', key.Select(k => $"{k.Key}={k.Value}"));
            if (!groups.TryGetValue(id, out var group))
            {
                groups[id] = group = (key, new SlaFigures(), []);
            }

            return group;
        }

        foreach (var row in rows.Where(r => r.Hour >= query.From && r.Hour < query.To))
        {
            GroupOf(row.Hour, row.Dimensions).Figures.Merge(row.Figures);
            total.Merge(row.Figures);
        }

        foreach (var row in breaches.Where(b => b.Hour >= query.From && b.Hour < query.To))
        {
            GroupOf(row.Hour, row.Dimensions).Breaches.Add(row.Breach);
            totalBreaches.Add(row.Breach);
        }

        return new SlaReport(
            query.From,
            query.To,
            query.Zone.Id,
            query.GroupBy,
            DurationHistogram.RelativeErrorBound,
            BasisText,
            groups.Values.Select(g => SlaReportGroup.From(g.Key, g.Figures, g.Breaches)).ToList(),
            SlaReportGroup.From(new SortedDictionary<string, string>(StringComparer.Ordinal), total, totalBreaches));
    }
}

/// <summary>One group's figures.</summary>
public sealed record SlaReportGroup(
    IReadOnlyDictionary<string, string> Key,
    long Received,
    long Valid,
    long Incomplete,
    long Pending,
    long Supplemented,
    long Items,
    IReadOnlyDictionary<string, long> Actioned,
    long StillOpen,
    IReadOnlyList<SlaReportStage> Stages,
    IReadOnlyList<BreachEntry> Breaches)
{
    /// <summary>The group's breached stages, all of them (exact, from the rollups), however many <see cref="Breaches"/> lists on this page.</summary>
    public long BreachCount { get; init; }

    public static SlaReportGroup From(SortedDictionary<string, string> key, SlaFigures figures, IEnumerable<BreachEntry> breaches) => new(
        key,
        figures.Count(ReportNames.Received),
        figures.Count(ReportNames.Valid),
        figures.Count(ReportNames.Incomplete),
        figures.Count(ReportNames.Pending),
        figures.Count(ReportNames.Supplemented),
        figures.Count(ReportNames.Items),
        ReportNames.Actions.ToDictionary(a => a.Name, a => figures.Count(ReportNames.ActionPrefix + a.Name)),
        figures.Count(ReportNames.StillOpen),
        figures.Stages.Select(s => SlaReportStage.From(s.Key, s.Value)).ToList(),
        breaches.OrderBy(b => b.Deadline).ThenBy(b => b.CaseId, StringComparer.Ordinal).ThenBy(b => b.Stage, StringComparer.Ordinal).ToList())
    {
        // A breach row exists exactly for each stage judged breached or overdue (CaseContribution.From).
        BreachCount = figures.Stages.Values.Sum(s => s.Count(ReportNames.Breached) + s.Count(ReportNames.Overdue)),
    };
}

/// <summary>One stage of a group: outcomes, the share met, and completion times (seconds; null when nothing completed).</summary>
public sealed record SlaReportStage(
    string Stage,
    IReadOnlyDictionary<string, long> Outcomes,
    double? ShareMet,
    long Completed,
    [property: JsonPropertyName("p50Seconds")] double? P50Seconds,
    [property: JsonPropertyName("p90Seconds")] double? P90Seconds,
    [property: JsonPropertyName("p99Seconds")] double? P99Seconds,
    double? MaxSeconds)
{
    public static SlaReportStage From(string stage, StageFigures figures)
    {
        var met = figures.Count(ReportNames.Met);
        var judged = met + figures.Count(ReportNames.Breached) + figures.Count(ReportNames.Overdue);
        var d = figures.Durations;
        return new SlaReportStage(
            stage,
            ReportNames.Outcomes.ToDictionary(o => o, figures.Count),
            judged == 0 ? null : Math.Round((double)met / judged, 4),
            d.Count,
            Seconds(d.Percentile(50)),
            Seconds(d.Percentile(90)),
            Seconds(d.Percentile(99)),
            Seconds(d.Max));
    }

    private static double? Seconds(TimeSpan? span) => span is { } s ? Math.Round(s.TotalSeconds, 3) : null;
}
