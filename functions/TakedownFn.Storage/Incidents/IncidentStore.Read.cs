using Azure;
using Azure.Data.Tables;
using TakedownFn.Domain.Incidents;

namespace TakedownFn.Storage.Incidents;

public sealed partial class IncidentStore
{
    /// <summary>Whether the case was linked already (with or without an incident).</summary>
    public async Task<bool> IsLinkedAsync(string tenantId, string caseId, CancellationToken cancellationToken = default) =>
        await table.GetEntityOrNullAsync(tenantId, IncidentKeys.CaseLink(caseId), ["IncidentId"], cancellationToken) is not null;

    /// <summary>The incident a case belongs to now (following merges), or null.</summary>
    public async Task<string?> IncidentOfCaseAsync(string tenantId, string caseId, CancellationToken cancellationToken = default)
    {
        var link = await table.GetEntityOrNullAsync(tenantId, IncidentKeys.CaseLink(caseId), ["IncidentId"], cancellationToken);
        return link?.GetString("IncidentId") is { } id && await RootAsync(tenantId, id, cancellationToken) is { } root ? root.Incident.IncidentId : null;
    }

    /// <summary>The incident as stored (a merged one names the incident it became part of), or null.</summary>
    public async Task<Incident?> GetAsync(string tenantId, string incidentId, CancellationToken cancellationToken = default)
    {
        if (!IncidentKeys.IsIncidentId(incidentId))
        {
            return null;
        }

        var row = await table.GetEntityOrNullAsync(tenantId, IncidentKeys.Incident(incidentId), cancellationToken: cancellationToken);
        return row is null ? null : IncidentMapping.ToIncident(row);
    }

    /// <summary>One page of the tenant's incidents in order of their first case (merged ones left out), with the token for the next.</summary>
    public async Task<Page<Incident>> ListAsync(string tenantId, int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {tenantId} and RowKey ge {IncidentKeys.IncidentsFrom} and RowKey lt {IncidentKeys.IncidentsTo}");
        await foreach (var page in table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken).AsPages(continuationToken, pageSize))
        {
            var incidents = page.Values.Select(IncidentMapping.ToIncident).Where(i => i.MergedInto is null).ToList();
            return Page<Incident>.FromValues(incidents, page.ContinuationToken, page.GetRawResponse());
        }

        throw new InvalidOperationException("A table query answered no page.");
    }

    /// <summary>The tenant's flagged repeat disclosers, first flagged first.</summary>
    public async Task<IReadOnlyList<RepeatDiscloser>> FlaggedDisclosersAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {tenantId} and RowKey ge {IncidentKeys.DisclosersFrom} and RowKey lt {IncidentKeys.DisclosersTo}");
        var flagged = new List<RepeatDiscloser>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var discloser = IncidentMapping.ToDiscloser(row);
            if (discloser.Flagged)
            {
                flagged.Add(discloser);
            }
        }

        return [.. flagged.OrderBy(d => d.FlaggedAt).ThenBy(d => d.Uploader, StringComparer.Ordinal)];
    }
}
