using System.Text.Json;
using Azure.Data.Tables;
using TakedownFn.Domain;
using TakedownFn.Domain.Incidents;
using TakedownFn.Domain.Severity;

namespace TakedownFn.Storage.Incidents;

/// <summary>Maps incidents and repeat disclosers to table rows and back.</summary>
internal static class IncidentMapping
{
    public static TableEntity ToEntity(string tenantId, Incident incident)
    {
        var severity = incident.Severity;
        return new TableEntity(tenantId, IncidentKeys.Incident(incident.IncidentId))
        {
            ["IncidentId"] = incident.IncidentId,
            ["FirstSeen"] = incident.FirstSeen,
            ["LastSeen"] = incident.LastSeen,
            ["Cases"] = JsonSerializer.Serialize(incident.Cases),
            ["CaseCount"] = incident.CaseCount,
            ["Items"] = incident.Items,
            ["Reposts"] = incident.Reposts,
            ["Reporters"] = JsonSerializer.Serialize(incident.Reporters),
            ["Uploaders"] = JsonSerializer.Serialize(incident.Uploaders),
            ["Keys"] = JsonSerializer.Serialize(incident.Keys),
            ["CaseSeverity"] = incident.CaseSeverity.ToId(),
            ["Severity"] = severity.Level.ToId(),
            ["SeverityReasons"] = JsonSerializer.Serialize(severity.Reasons),
            ["MergedInto"] = incident.MergedInto,
        };
    }

    public static Incident ToIncident(TableEntity e) => new(
        e.GetString("IncidentId")!,
        e.GetDateTimeOffset("FirstSeen")!.Value,
        e.GetDateTimeOffset("LastSeen")!.Value,
        Strings(e, "Cases"),
        e.GetInt32("CaseCount") ?? 0,
        e.GetInt32("Items") ?? 0,
        e.GetInt32("Reposts") ?? 0,
        Strings(e, "Reporters"),
        Strings(e, "Uploaders"),
        Strings(e, "Keys"),
        WireIds.TryParse(e.GetString("CaseSeverity"), out SeverityLevel level) ? level : SeverityLevel.Low,
        e.GetString("MergedInto"));

    public static TableEntity ToEntity(string tenantId, RepeatDiscloser discloser) => new(tenantId, IncidentKeys.Discloser(discloser.Uploader))
    {
        ["Uploader"] = discloser.Uploader,
        ["Cases"] = JsonSerializer.Serialize(discloser.Cases),
        ["FlaggedAt"] = discloser.FlaggedAt,
    };

    public static RepeatDiscloser ToDiscloser(TableEntity e) =>
        new(e.GetString("Uploader")!, Strings(e, "Cases"), e.GetDateTimeOffset("FlaggedAt"));

    private static string[] Strings(TableEntity e, string name) => JsonSerializer.Deserialize<string[]>(e.GetString(name) ?? "[]")!;
}
