using Azure;
using Azure.Data.Tables;
using TakedownFn.Storage.Secrets;

namespace TakedownFn.Storage.Tenants;

/// <summary>A tenant's request-signing setting: whether signatures are required, and the secret they are made with.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="Required">True when every request with a body from the tenant's keys must be signed.</param>
/// <param name="Secret">The HMAC-SHA256 key (base64url); shown once when set.</param>
public sealed record RequestSigningRecord(string TenantId, bool Required, string Secret);

/// <summary>
/// Request signing in the tenants table: the setting (partition <c>request-signing</c>, row key
/// the tenant) and the signatures already used, for replay protection (partition
/// <c>sig|{tenant}</c>, row key the signature: a second insert of the same one fails).
/// </summary>
/// <remarks>With a <see cref="SecretProtector"/> (the app always passes one) the secret is kept envelope-encrypted.</remarks>
public sealed class RequestSigningStore(TableClient table, SecretProtector? protector = null)
{
    private const string SettingPartition = "request-signing";

    /// <summary>What a tenant's request-signing secret is bound to when encrypted.</summary>
    public static string SecretContext(string tenantId) => $"request-signing|{tenantId}";

    public async Task<RequestSigningRecord?> GetAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var entity = await table.GetEntityOrNullAsync(SettingPartition, tenantId, cancellationToken: cancellationToken);
        if (entity is null)
        {
            return null;
        }

        var secret = entity.GetString("Secret")!;
        return new RequestSigningRecord(tenantId, entity.GetBoolean("Required") == true, protector?.UnprotectText(secret, SecretContext(tenantId)) ?? secret);
    }

    public async Task SaveAsync(RequestSigningRecord record, CancellationToken cancellationToken = default) =>
        await table.UpsertEntityAsync(
            new TableEntity(SettingPartition, record.TenantId)
            {
                ["Required"] = record.Required,
                ["Secret"] = protector?.Protect(record.Secret, SecretContext(record.TenantId)) ?? record.Secret,
            },
            TableUpdateMode.Replace,
            cancellationToken);

    /// <summary>
    /// Records a signature as used; false when it was used before (a replay). Rows hold the time
    /// after which the signature could no longer be accepted anyway, so they can be purged then.
    /// </summary>
    /// <summary>Deletes the tenant's used-signature rows that could no longer be accepted at <paramref name="now"/>; returns how many.</summary>
    public async Task<int> PurgeUsedAsync(string tenantId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {"sig|" + tenantId} and UsableUntil lt {now}");
        var purged = 0;
        var batch = new List<TableTransactionAction>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            batch.Add(new TableTransactionAction(TableTransactionActionType.Delete, entity, ETag.All));
            if (batch.Count == 100)
            {
                purged += await DeleteAsync(batch, cancellationToken);
            }
        }

        return purged + (batch.Count > 0 ? await DeleteAsync(batch, cancellationToken) : 0);
    }

    public async Task<bool> TryUseAsync(string tenantId, string signatureHex, DateTimeOffset usableUntil, CancellationToken cancellationToken = default)
    {
        try
        {
            await table.AddEntityAsync(new TableEntity($"sig|{tenantId}", signatureHex) { ["UsableUntil"] = usableUntil }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    private async Task<int> DeleteAsync(List<TableTransactionAction> batch, CancellationToken cancellationToken)
    {
        var count = batch.Count;
        try
        {
            await table.SubmitTransactionAsync(batch, cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status == 404)
        {
            // Another instance's sweep deleted some first: the next run takes the rest.
            count = 0;
        }

        batch.Clear();
        return count;
    }
}
