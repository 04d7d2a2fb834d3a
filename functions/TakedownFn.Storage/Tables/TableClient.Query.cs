using System.Globalization;
using Azure;
using Azure.Core;
using TakedownFn.Storage.Core;

namespace TakedownFn.Storage.Tables;

public sealed partial class TableClient
{
    /// <summary>The service's page limit, and the largest <c>maxPerPage</c>.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>
    /// Every entity matching <paramref name="filter"/> (all when null), following continuation
    /// headers across pages, including empty pages that still continue. <paramref name="maxPerPage"/>
    /// is <c>$top</c> per request (1–1000; default: the service's 1000 or 5 s per page): it bounds the
    /// rows each request returns, not the total. Stop enumerating (or use <c>Take</c>) to read fewer.
    /// <c>AsPages(continuationToken)</c> resumes from a token of <see cref="QueryPageAsync"/>.
    /// </summary>
    public AsyncPageable<TableEntity> QueryAsync(TableFilter? filter = null, IEnumerable<string>? select = null, int? maxPerPage = null, CancellationToken cancellationToken = default)
    {
        CheckPageSize(maxPerPage);
        var selectText = JoinSelect(select);
        return new TableQueryPageable(this, filter, selectText, maxPerPage, cancellationToken);
    }

    /// <summary>
    /// One request of a query: up to <paramref name="maxPerPage"/> entities and the token for the
    /// next request, or a null token at the end. A page may be empty and still carry a token (the
    /// service stops after 5 s or at a partition boundary). The token is opaque text, safe in a URL
    /// query string once URL-encoded, and valid only for the same query.
    /// </summary>
    public Task<Page<TableEntity>> QueryPageAsync(TableFilter? filter = null, IEnumerable<string>? select = null, int? maxPerPage = null, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        CheckPageSize(maxPerPage);
        var continuation = TableContinuationToken.Parse(continuationToken, nameof(continuationToken));
        return QueryPageCoreAsync(filter, JoinSelect(select), maxPerPage, continuation, cancellationToken);
    }

    internal async Task<Page<TableEntity>> QueryPageCoreAsync(TableFilter? filter, string? select, int? maxPerPage, TableContinuationToken? continuation, CancellationToken cancellationToken)
    {
        using var message = CreateMessage(RequestMethod.Get, _tableUri, MinimalMetadata);
        var uri = message.Request.Uri;
        uri.AppendPath("()", escape: false);
        if (filter is not null)
        {
            uri.AppendQuery("$filter", filter.Text, escapeValue: true);
        }

        if (select is not null)
        {
            uri.AppendQuery("$select", select, escapeValue: true);
        }

        if (maxPerPage is { } top)
        {
            uri.AppendQuery("$top", top.ToString(CultureInfo.InvariantCulture), escapeValue: false);
        }

        if (continuation is { } next)
        {
            uri.AppendQuery("NextPartitionKey", next.PartitionKey, escapeValue: true);
            if (next.RowKey is not null)
            {
                uri.AppendQuery("NextRowKey", next.RowKey, escapeValue: true);
            }
        }

        var response = await _pipeline.SendCheckedAsync(message, $"Query {Name}", cancellationToken);
        var entities = TableEntityJson.ReadQuery(response.Content.ToMemory().Span);
        response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var nextPartition);
        response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var nextRow);
        var token = string.IsNullOrEmpty(nextPartition) ? null : new TableContinuationToken(nextPartition, nextRow).ToString();
        return Page<TableEntity>.FromValues(entities, token, response);
    }

    private static void CheckPageSize(int? maxPerPage)
    {
        if (maxPerPage is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPerPage), maxPerPage, $"maxPerPage is 1–{MaxPageSize} ($top per request).");
        }
    }

    private static string? JoinSelect(IEnumerable<string>? select)
    {
        if (select is null)
        {
            return null;
        }

        var names = select.ToArray();
        if (names.Length == 0)
        {
            return null;
        }

        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Contains(',', StringComparison.Ordinal))
            {
                throw new ArgumentException("Each selected property is one non-empty name without commas.", nameof(select));
            }
        }

        return string.Join(',', names);
    }
}
