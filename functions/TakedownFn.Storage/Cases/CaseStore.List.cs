using Azure;
using Azure.Data.Tables;

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
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey ge {from} and RowKey lt {to}");
        if (query.State is { } state)
        {
            filter = $"({filter}) and ({TableClient.CreateQueryFilter($"State eq {state}")})";
        }

        if (query.Regime is { } regime)
        {
            filter = $"({filter}) and ({TableClient.CreateQueryFilter($"Regime eq {regime}")})";
        }

        // One request: a page may be short, or empty with a token (the service stops after 5 s).
        var pages = table.QueryAsync<TableEntity>(filter, pageSize, CaseEntityMapping.CaseColumns, cancellationToken).AsPages(continuationToken, pageSize);
        await foreach (var page in pages)
        {
            return Page<CaseRecord>.FromValues(page.Values.Select(CaseEntityMapping.ToCase).ToList(), page.ContinuationToken, page.GetRawResponse());
        }

        throw new InvalidOperationException("A table query answered no page.");
    }
}
