using TakedownFn.Domain.Severity;

namespace TakedownFn.Domain.Incidents;

/// <summary>What an incident learns from one triaged case: ids, counts and commitments only.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="AcceptedAt">When the service accepted its notice.</param>
/// <param name="Items">Items the notice reported.</param>
/// <param name="Reposts">Reposts the notifier reported (<c>severity.repostCount</c>), or 0.</param>
/// <param name="Severity">The case's assessed severity.</param>
/// <param name="Uploaders">Commitments to the accounts that posted the items.</param>
/// <param name="Reporter">Commitment to the notifier, if known.</param>
public sealed record IncidentCase(
    string CaseId, DateTimeOffset AcceptedAt, int Items, int Reposts, SeverityLevel Severity, IReadOnlyList<string> Uploaders, string? Reporter);
