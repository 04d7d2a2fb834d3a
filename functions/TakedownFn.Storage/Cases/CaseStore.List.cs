using Azure;
using TakedownFn.Storage.Tables;

namespace TakedownFn.Storage.Cases;

/// <summary>Which of a tenant's cases to list: by state, regime, and acceptance time (from inclusive, to exclusive).</summary>
public sealed record CaseQuery(string? State = null, string? Regime = null, DateTimeOffset? From = null, DateTimeOffset? To = null);

public sealed partial class CaseStore
{
    /// <summary>
    /// One page of the tenant's cases in acceptance order (case ids sort by acceptance time, so
    /// the order is stable across pages), with the token for the next page.
    /// </summary>
    public async Task<Page<CaseRecord>> ListAsync(string tenantId, CaseQuery query, int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        var from = query.From is { } f ? CaseKeys.Case(CaseKeys.CaseIdFloor(f)) : CaseKeys.CasesFrom;
        var to = query.To is { } t ? CaseKeys.Case(CaseKeys.CaseIdFloor(t)) : CaseKeys.CasesTo;
        var filter = TableFilter.Of($"PartitionKey eq {tenantId} and RowKey ge {from} and RowKey lt {to}");
        if (query.State is { } state)
        {
            filter &= TableFilter.Of($"State eq {state}");
        }

        if (query.Regime is { } regime)
        {
            filter &= TableFilter.Of($"Regime eq {regime}");
        }

        var page = await table.QueryPageAsync(filter, CaseEntityMapping.CaseColumns, pageSize, continuationToken, cancellationToken);
        return Page<CaseRecord>.FromValues(page.Values.Select(CaseEntityMapping.ToCase).ToList(), page.ContinuationToken, page.GetRawResponse());
    }
}
