using TakedownFn.Domain;
using TakedownFn.Domain.Incidents;
using TakedownFn.Domain.Notices;
using TakedownFn.Domain.Severity;
using TakedownFn.Storage.Cases;
using TakedownFn.Storage.Incidents;

namespace TakedownFn.Incidents;

/// <summary>
/// Links a triaged case to its victim's incident and counts it against its uploaders. Called by
/// intake processing after triage, and again on a redelivery of a case already triaged (a crash
/// between the two), which the store makes a no-op once the link is written.
/// </summary>
internal sealed partial class IncidentLinker(IncidentStore incidents, ILogger<IncidentLinker> logger)
{
    /// <summary>Whether the case takes part: a notice screened for personal information.</summary>
    public static bool Applies(CaseRecord triaged) => triaged.PersonalData is not null && triaged.Severity is not null;

    public async Task LinkAsync(CaseRecord triaged, Notice notice, CancellationToken cancellationToken)
    {
        if (!Applies(triaged))
        {
            return;
        }

        var found = triaged.PersonalData!;
        var severity = WireIds.TryParse(triaged.Severity, out SeverityLevel level) ? level : SeverityLevel.Low;
        var c = new IncidentCase(
            triaged.CaseId, triaged.AcceptedAt, triaged.ItemCount, notice.Severity.RepostCount ?? 0, severity,
            [.. found.Uploaders.OfType<string>().Distinct(StringComparer.Ordinal)], found.Reporter);

        // Repeat disclosers count valid doxxing notices only: an incomplete or other notice proves nothing against the account.
        var validDoxxing = triaged.Regime == Regimes.CnPersonalInfo && triaged.Validation == "valid";
        var incidentId = await incidents.LinkAsync(triaged.TenantId, c, [.. found.VictimKeys()], validDoxxing, cancellationToken);
        if (incidentId is not null)
        {
            LogLinked(logger, triaged.TenantId, triaged.CaseId, incidentId);
        }
    }

    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "Case {CaseId} of tenant {TenantId} is part of incident {IncidentId}")]
    private static partial void LogLinked(ILogger logger, string tenantId, string caseId, string incidentId);
}
