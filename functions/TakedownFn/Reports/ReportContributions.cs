using System.Text.Json;
using TakedownFn.Domain;
using TakedownFn.Domain.Cases;
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
            SlaFacts.From(stored.Events),
            DecisionOnTerms(stored.Events));
        return CaseContribution.From(input, calendars);
    }

    /// <summary>True when the first decision on the content (the one the report counts) was recorded with <c>basis: terms</c>.</summary>
    private static bool DecisionOnTerms(IReadOnlyList<CaseEventRecord> events)
    {
        var decision = events.FirstOrDefault(e => WireIds.TryParse(e.Kind, out StepKind kind) && ReportNames.Actions.Any(a => a.Step == kind));
        if (decision is null || string.IsNullOrEmpty(decision.Details))
        {
            return false;
        }

        try
        {
            using var details = JsonDocument.Parse(decision.Details);
            return details.RootElement.ValueKind == JsonValueKind.Object
                   && details.RootElement.TryGetProperty("basis", out var basis)
                   && basis.ValueKind == JsonValueKind.String
                   && basis.GetString() == "terms";
        }
        catch (JsonException)
        {
            return false;
        }
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
