using Azure;
using Azure.Core;
using TakedownFn.Storage.Core;

namespace TakedownFn.Storage.Tables;

public sealed partial class TableClient
{
    /// <summary>Inserts a new entity (<c>POST</c>).</summary>
    /// <returns>The new entity's ETag.</returns>
    /// <exception cref="StorageRequestFailedException">409 <c>EntityAlreadyExists</c> when the keys are taken.</exception>
    public async Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        TableEntityLimits.Validate(entity, nameof(entity));
        using var body = Serialize(entity);
        using var message = CreateMessage(RequestMethod.Post, _tableUri, NoMetadata);
        message.Request.Headers.Add("Prefer", "return-no-content");
        SetJsonContent(message.Request, body);
        var response = await _pipeline.SendCheckedAsync(message, $"Insert entity into {Name}", cancellationToken);
        return ETagOf(response);
    }

    /// <summary>Inserts the entity or, when it exists, merges into or replaces it, whatever its version.</summary>
    /// <returns>The entity's new ETag.</returns>
    public async Task<ETag> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        TableEntityLimits.Validate(entity, nameof(entity));
        using var body = Serialize(entity);
        using var message = CreateEntityMessage(MethodFor(mode), entity.PartitionKey, entity.RowKey, NoMetadata);
        SetJsonContent(message.Request, body);
        var response = await _pipeline.SendCheckedAsync(message, $"Upsert entity in {Name}", cancellationToken);
        return ETagOf(response);
    }

    /// <summary>
    /// Merges into or replaces an existing entity if its version is still <paramref name="ifMatch"/>
    /// (<see cref="ETag.All"/>: any version, but it must exist).
    /// </summary>
    /// <returns>The entity's new ETag.</returns>
    /// <exception cref="StorageRequestFailedException">
    /// 412 <c>UpdateConditionNotSatisfied</c> when the entity changed (see <c>IsConditionFailed</c>);
    /// 404 when it does not exist.
    /// </exception>
    public async Task<ETag> UpdateEntityAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        TableEntityLimits.Validate(entity, nameof(entity));
        RequireETag(ifMatch, nameof(ifMatch));
        using var body = Serialize(entity);
        using var message = CreateEntityMessage(MethodFor(mode), entity.PartitionKey, entity.RowKey, NoMetadata);
        SetIfMatch(message.Request, ifMatch);
        SetJsonContent(message.Request, body);
        var response = await _pipeline.SendCheckedAsync(message, $"Update entity in {Name}", cancellationToken);
        return ETagOf(response);
    }

    /// <summary>Deletes an entity if its version is still <paramref name="ifMatch"/>; <c>default</c> means any version (<c>*</c>).</summary>
    /// <returns>True when it was deleted; false when it did not exist.</returns>
    /// <exception cref="StorageRequestFailedException">412 when the entity changed; 404 <c>TableNotFound</c> when the table does not exist.</exception>
    public async Task<bool> DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        TableKey.Validate(partitionKey, nameof(TableEntity.PartitionKey), nameof(partitionKey));
        TableKey.Validate(rowKey, nameof(TableEntity.RowKey), nameof(rowKey));
        using var message = CreateEntityMessage(RequestMethod.Delete, partitionKey, rowKey, NoMetadata);
        SetIfMatch(message.Request, ifMatch == default ? ETag.All : ifMatch);
        await _pipeline.SendAsync(message, cancellationToken);
        var response = message.Response;
        if (!response.IsError)
        {
            return true;
        }

        var error = StorageRequestFailedException.FromResponse(response, $"Delete entity from {Name}");
        return IsMissingEntity(error) ? false : throw error;
    }

    /// <summary>Reads one entity; <paramref name="select"/> limits the properties returned.</summary>
    /// <exception cref="StorageRequestFailedException">404 <c>ResourceNotFound</c> when it does not exist.</exception>
    public async Task<TableEntity> GetEntityAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default) =>
        await GetEntityCoreAsync(partitionKey, rowKey, select, throwIfMissing: true, cancellationToken)
        ?? throw new InvalidOperationException("Unreachable: a missing entity throws.");

    /// <summary>Reads one entity, or returns null when it does not exist (a missing table still throws 404 <c>TableNotFound</c>).</summary>
    public Task<TableEntity?> GetEntityIfExistsAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default) =>
        GetEntityCoreAsync(partitionKey, rowKey, select, throwIfMissing: false, cancellationToken);

    private async Task<TableEntity?> GetEntityCoreAsync(string partitionKey, string rowKey, IEnumerable<string>? select, bool throwIfMissing, CancellationToken cancellationToken)
    {
        TableKey.Validate(partitionKey, nameof(TableEntity.PartitionKey), nameof(partitionKey));
        TableKey.Validate(rowKey, nameof(TableEntity.RowKey), nameof(rowKey));
        var selectText = JoinSelect(select);
        using var message = CreateEntityMessage(RequestMethod.Get, partitionKey, rowKey, MinimalMetadata);
        if (selectText is not null)
        {
            message.Request.Uri.AppendQuery("$select", selectText, escapeValue: true);
        }

        await _pipeline.SendAsync(message, cancellationToken);
        var response = message.Response;
        if (response.IsError)
        {
            var error = StorageRequestFailedException.FromResponse(response, $"Get entity from {Name}");
            return !throwIfMissing && IsMissingEntity(error) ? null : throw error;
        }

        var entity = TableEntityJson.ReadEntity(response.Content.ToMemory().Span);
        if (response.Headers.ETag is { } etag)
        {
            entity.ETag = etag;
        }

        return entity;
    }

    /// <summary>
    /// A 404 for the entity (<c>ResourceNotFound</c>), not for the table (<c>TableNotFound</c>): a
    /// missing table is a deployment fault and must not read as "no such row".
    /// </summary>
    private static bool IsMissingEntity(StorageRequestFailedException error) =>
        error.Status == 404 && error.ErrorCode != "TableNotFound";

    private static RequestMethod MethodFor(TableUpdateMode mode) => mode switch
    {
        TableUpdateMode.Merge => Merge,
        TableUpdateMode.Replace => RequestMethod.Put,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Use Merge or Replace."),
    };

    private static void RequireETag(ETag ifMatch, string paramName)
    {
        if (ifMatch == default)
        {
            throw new ArgumentException("A conditional update needs the ETag read with the entity, or ETag.All to update any version.", paramName);
        }
    }
}
