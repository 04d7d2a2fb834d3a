using System.Runtime.CompilerServices;
using Azure;

namespace TakedownFn.Storage.Tables;

/// <summary>The pages of one query, fetched lazily; enumerating it yields every entity of every page.</summary>
internal sealed class TableQueryPageable(TableClient client, TableFilter? filter, string? select, int? maxPerPage, CancellationToken cancellationToken)
    : AsyncPageable<TableEntity>(cancellationToken)
{
    /// <param name="continuationToken">A token from <see cref="TableClient.QueryPageAsync"/> to resume from.</param>
    /// <param name="pageSizeHint">Overrides <c>maxPerPage</c> ($top per request) when set.</param>
    public override IAsyncEnumerable<Page<TableEntity>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        if (pageSizeHint is < 1 or > TableClient.MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSizeHint), pageSizeHint, $"pageSizeHint is 1–{TableClient.MaxPageSize}.");
        }

        return Pages(TableContinuationToken.Parse(continuationToken, nameof(continuationToken)), pageSizeHint ?? maxPerPage, CancellationToken);
    }

    private async IAsyncEnumerable<Page<TableEntity>> Pages(TableContinuationToken? next, int? top, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        do
        {
            var page = await client.QueryPageCoreAsync(filter, select, top, next, cancellationToken);
            yield return page;
            next = TableContinuationToken.Parse(page.ContinuationToken, nameof(page));
        }
        while (next is not null);
    }
}
