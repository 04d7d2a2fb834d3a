using TakedownFn.Domain;
using TakedownFn.Domain.Incidents;

namespace TakedownFn.Incidents;

/// <summary>An incident as the API shows it: ids, counts, commitments and severity; never a value.</summary>
internal sealed record IncidentView(
    string IncidentId,
    string Severity,
    IReadOnlyList<string> SeverityReasons,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    SpreadView Spread,
    IReadOnlyList<string> Cases,
    IReadOnlyList<string> Reporters,
    IReadOnlyList<string> Uploaders,
    string? MergedInto)
{
    public static IncidentView From(Incident incident)
    {
        var severity = incident.Severity;
        return new IncidentView(
            incident.IncidentId,
            severity.Level.ToId(),
            severity.Reasons,
            incident.FirstSeen,
            incident.LastSeen,
            new SpreadView(incident.CaseCount, incident.Items, incident.Uploaders.Count, incident.Reporters.Count, incident.Reposts),
            incident.Cases,
            incident.Reporters,
            incident.Uploaders,
            incident.MergedInto);
    }
}

/// <summary>How far an incident spread: notices, items, distinct uploaders and reporters, reposts reported.</summary>
internal sealed record SpreadView(int Notices, int Items, int Uploaders, int Reporters, int RepostsReported);

/// <summary>A flagged uploader account (a commitment) and the valid doxxing notices behind the flag.</summary>
internal sealed record RepeatDiscloserView(string Uploader, DateTimeOffset? FlaggedAt, int Notices, IReadOnlyList<string> Cases)
{
    public static RepeatDiscloserView From(RepeatDiscloser d) => new(d.Uploader, d.FlaggedAt, d.Cases.Count, d.Cases);
}
