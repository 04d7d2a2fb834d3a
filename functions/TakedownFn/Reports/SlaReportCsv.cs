using System.Globalization;
using System.Text;
using CsvHelper;
using TakedownFn.Domain.Reports;

namespace TakedownFn.Reports;

/// <summary>The SLA report as CSV (RFC 4180, CsvHelper): one row per group and stage; a group without timed stages has one row with the stage columns empty.</summary>
internal static class SlaReportCsv
{
    public static byte[] Bytes(SlaReport report)
    {
        var keys = report.GroupBy.Where(g => g != "stage").ToList();
        string[] header =
        [
            .. keys, "received", "valid", "incomplete", "pending", "supplemented", "items",
            .. ReportNames.Actions.Select(a => "actioned_" + a.Name), "still_open", "stage",
            .. ReportNames.Outcomes.Select(o => o.Replace('-', '_')), "share_met", "completed", "p50_seconds", "p90_seconds", "p99_seconds", "max_seconds",
        ];
        var rows = new List<string[]> { header };
        foreach (var group in report.Groups)
        {
            var stages = group.Stages.Count == 0 ? new SlaReportStage?[] { null } : group.Stages.Cast<SlaReportStage?>();
            foreach (var stage in stages)
            {
                rows.Add(
                [
                    .. keys.Select(k => group.Key.GetValueOrDefault(k) ?? string.Empty),
                    .. new[] { group.Received, group.Valid, group.Incomplete, group.Pending, group.Supplemented, group.Items }.Select(Text),
                    .. ReportNames.Actions.Select(a => Text(group.Actioned[a.Name])),
                    Text(group.StillOpen),
                    stage?.Stage ?? string.Empty,
                    .. ReportNames.Outcomes.Select(o => stage is null ? string.Empty : Text(stage.Outcomes[o])),

                    // Missing values stay empty, never 0.
                    .. new[] { stage?.ShareMet, stage?.Completed, stage?.P50Seconds, stage?.P90Seconds, stage?.P99Seconds, stage?.MaxSeconds }.Select(Text),
                ]);
            }
        }

        return Write(rows);
    }

    /// <summary>Writes rows as RFC 4180 CSV (CRLF, quoted where needed), UTF-8 without a byte order mark.</summary>
    public static byte[] Write(IEnumerable<string[]> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, CsvWriterOptions.Default, true))
        {
            foreach (var row in rows)
            {
                csv.WriteRecord(row);
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
