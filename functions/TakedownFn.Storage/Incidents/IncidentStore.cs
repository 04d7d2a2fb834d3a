using Azure;
using Azure.Data.Tables;
using TakedownFn.Domain.Incidents;

namespace TakedownFn.Storage.Incidents;

/// <summary>
/// Victim-centred incidents and repeat disclosers in the tenant's partition of the cases table.
/// Linking a case is idempotent under redelivery: its <c>j|</c> row is written in the same
/// transaction as the incident change, conditional on the incident rows' ETags, and a case
/// already linked is left alone.
/// </summary>
public sealed partial class IncidentStore(TableClient table)
{
    // Each round of an optimistic retry lets at least one contender win, so n cases of one victim
    // linked at once need at most n rounds; a jittered pause spreads the contenders out.
    private const int MaxAttempts = 64;

    /// <summary>Victim values considered per case; a notice naming more people than this is a list, and the first ones decide.</summary>
    public const int MaxKeysPerCase = 40;

    /// <summary>
    /// Links a triaged case: adds it to the incident of any of its victim <paramref name="keys"/>
    /// (merging incidents the case shows to be one victim into the oldest), or starts one; and, when
    /// <paramref name="validDoxxing"/>, counts it against each of its uploaders. Returns the incident
    /// id, or null when the case names no victim value.
    /// </summary>
    public async Task<string?> LinkAsync(string tenantId, IncidentCase c, IReadOnlyList<string> keys, bool validDoxxing, CancellationToken cancellationToken = default)
    {
        keys = [.. keys.Distinct(StringComparer.Ordinal).Take(MaxKeysPerCase)];
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var link = await table.GetEntityOrNullAsync(tenantId, IncidentKeys.CaseLink(c.CaseId), cancellationToken: cancellationToken);
            if (link is not null)
            {
                return link.GetString("IncidentId");
            }

            // Before the link row: a crash in between repeats these, and a repeat adds nothing.
            if (validDoxxing)
            {
                foreach (var uploader in c.Uploaders.Distinct(StringComparer.Ordinal))
                {
                    await CountDisclosureAsync(tenantId, uploader, c, cancellationToken);
                }
            }

            var (actions, incidentId) = await PlanAsync(tenantId, c, keys, cancellationToken);
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                return incidentId;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                // Another case of the same victim changed the incident, or this case was linked meanwhile: read again.
                await Task.Delay(Backoff(attempt), cancellationToken);
            }
        }

        throw new InvalidOperationException($"The incident of case {c.CaseId} kept changing while it was linked.");
    }

    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * Math.Min(attempt, 10)));

    private async Task<(List<TableTransactionAction> Actions, string? IncidentId)> PlanAsync(string tenantId, IncidentCase c, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>();
        var roots = new Dictionary<string, (Incident Incident, ETag ETag)>(StringComparer.Ordinal);
        var unknownKeys = new List<string>();
        foreach (var key in keys)
        {
            var row = await table.GetEntityOrNullAsync(tenantId, IncidentKeys.VictimKey(key), cancellationToken: cancellationToken);
            if (row?.GetString("IncidentId") is not { } id)
            {
                unknownKeys.Add(key);
                continue;
            }

            if (await RootAsync(tenantId, id, cancellationToken) is { } root && !roots.ContainsKey(root.Incident.IncidentId))
            {
                roots.Add(root.Incident.IncidentId, root);
            }
        }

        string? incidentId = null;
        if (keys.Count > 0)
        {
            if (roots.Count == 0)
            {
                var started = Incident.Start(c, keys);
                incidentId = started.IncidentId;
                actions.Add(new(TableTransactionActionType.Add, IncidentMapping.ToEntity(tenantId, started)));
            }
            else
            {
                // The oldest incident stays; the others become part of it and say so.
                var ordered = roots.Values.OrderBy(r => r.Incident.IncidentId, StringComparer.Ordinal).ToList();
                var target = ordered[0];
                var merged = ordered.Skip(1).Aggregate(target.Incident, (acc, other) => acc.Absorb(other.Incident)).Add(c, keys);
                incidentId = merged.IncidentId;
                actions.Add(new(TableTransactionActionType.UpdateReplace, IncidentMapping.ToEntity(tenantId, merged), target.ETag));
                foreach (var other in ordered.Skip(1))
                {
                    actions.Add(new(TableTransactionActionType.UpdateReplace, IncidentMapping.ToEntity(tenantId, other.Incident with { MergedInto = merged.IncidentId }), other.ETag));
                }
            }

            // Keys already indexed keep pointing where they did: the merged incidents lead here.
            foreach (var key in unknownKeys)
            {
                actions.Add(new(TableTransactionActionType.Add, new TableEntity(tenantId, IncidentKeys.VictimKey(key)) { ["IncidentId"] = incidentId }));
            }
        }

        actions.Add(new(TableTransactionActionType.Add, new TableEntity(tenantId, IncidentKeys.CaseLink(c.CaseId)) { ["IncidentId"] = incidentId }));
        return (actions, incidentId);
    }

    /// <summary>The incident <paramref name="incidentId"/> or, if it was merged, the one it became part of.</summary>
    private async Task<(Incident Incident, ETag ETag)?> RootAsync(string tenantId, string incidentId, CancellationToken cancellationToken)
    {
        for (var hops = 0; hops < 32; hops++)
        {
            var row = await table.GetEntityOrNullAsync(tenantId, IncidentKeys.Incident(incidentId), cancellationToken: cancellationToken);
            if (row is null)
            {
                return null;
            }

            var incident = IncidentMapping.ToIncident(row);
            if (incident.MergedInto is null)
            {
                return (incident, row.ETag);
            }

            incidentId = incident.MergedInto;
        }

        throw new InvalidOperationException($"Incident {incidentId} is merged more than 32 times over.");
    }

    private async Task CountDisclosureAsync(string tenantId, string uploader, IncidentCase c, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var row = await table.GetEntityOrNullAsync(tenantId, IncidentKeys.Discloser(uploader), cancellationToken: cancellationToken);
            var current = row is null ? new RepeatDiscloser(uploader, [], null) : IncidentMapping.ToDiscloser(row);
            var next = current.With(c.CaseId, c.AcceptedAt);
            if (ReferenceEquals(next, current))
            {
                return;
            }

            try
            {
                var entity = IncidentMapping.ToEntity(tenantId, next);
                if (row is null)
                {
                    await table.AddEntityAsync(entity, cancellationToken);
                }
                else
                {
                    await table.UpdateEntityAsync(entity, row.ETag, TableUpdateMode.Replace, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another notice against the same account was counted meanwhile: read again.
                await Task.Delay(Backoff(attempt), cancellationToken);
            }
        }

        throw new InvalidOperationException("A repeat-discloser row kept changing while a case was counted.");
    }
}
