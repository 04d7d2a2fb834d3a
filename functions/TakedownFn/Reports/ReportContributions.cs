using System.Text.Json;
using TakedownFn.Domain;
using TakedownFn.Domain.Notices;
using TakedownFn.Domain.Reports;
using TakedownFn.Domain.Sla;
using TakedownFn.Sla;
using TakedownFn.Storage.Cases;

namespace TakedownFn.Reports;

/// <summary>Turns a stored case (row, notice, steps) into its report contribution; the fold and the reconciliation both call this.</summary>
internal static class ReportContributions
{
    public static CaseContribution From(CaseWithSteps stored, CalendarCatalog calendars)
    {
        var record = stored.Case;
        var dimensions = new ReportDimensions(record.Regime, record.Category, record.Severity ?? ReportDimensions.NoSeverity, SourceOf(stored.Notice));
        var input = new CaseReportInput(
            record.CaseId,
            dimensions,
            record.ReceivedAt,
            record.AcceptedAt,
            record.Validation,
            record.ItemCount,
            record.Policy,
            SlaFacts.From(stored.Events));
        return CaseContribution.From(input, calendars);
    }

    /// <summary>The notifier's role as submitted (validated at intake), the report's <c>source</c>; only the role is read.</summary>
    private static string SourceOf(byte[] notice)
    {
        try
        {
            using var document = JsonDocument.Parse(notice);
            return document.RootElement.ValueKind == JsonValueKind.Object
                   && document.RootElement.TryGetProperty("notifier", out var notifier)
                   && notifier.ValueKind == JsonValueKind.Object
                   && notifier.TryGetProperty("role", out var role)
                   && role.ValueKind == JsonValueKind.String
                   && WireIds.TryParse(role.GetString(), out NotifierRole parsed)
                ? parsed.ToId()
                : ReportDimensions.NoSource;
        }
        catch (JsonException)
        {
            return ReportDimensions.NoSource;
        }
    }
}
