using Azure;

namespace TakedownFn.Storage.Tables;

/// <summary>The table operations the application depends on; <see cref="TableClient"/> implements them.</summary>
public interface ITableClient
{
    string Name { get; }

    Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(CancellationToken cancellationToken = default);

    Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default);

    Task<ETag> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default);

    Task<ETag> UpdateEntityAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default);

    Task<bool> DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default);

    Task<TableEntity> GetEntityAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default);

    Task<TableEntity?> GetEntityIfExistsAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default);

    AsyncPageable<TableEntity> QueryAsync(TableFilter? filter = null, IEnumerable<string>? select = null, int? maxPerPage = null, CancellationToken cancellationToken = default);

    Task<Page<TableEntity>> QueryPageAsync(TableFilter? filter = null, IEnumerable<string>? select = null, int? maxPerPage = null, string? continuationToken = null, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ETag>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default);
}
