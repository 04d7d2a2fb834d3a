using Azure;
using Azure.Data.Tables;
using TakedownFn.Storage.Tenants;

namespace TakedownFn.Storage.Secrets;

/// <summary>
/// The rotation step: every kept secret re-wrapped under the current key-encryption key (plain
/// ones encrypted), each row replaced only if unchanged since it was read. Safe to run while the
/// app serves and to run again: instances read old and new wrappings alike.
/// </summary>
public static class SecretRewrap
{
    /// <summary>Rewraps every secret in the tenants table; returns how many rows changed.</summary>
    public static async Task<int> RunAsync(TableClient tenants, SecretProtector protector, CancellationToken cancellationToken = default)
    {
        var changed = 0;
        changed += await RewrapAsync(tenants, "escalation-webhook", "Secret", TenantSettingsStore.WebhookSecretContext, protector, cancellationToken);
        changed += await RewrapAsync(tenants, "request-signing", "Secret", RequestSigningStore.SecretContext, protector, cancellationToken);
        await foreach (var entity in tenants.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"secret"}"), cancellationToken: cancellationToken))
        {
            var context = TenantStore.CommitmentSecretContext(entity.RowKey);
            string? rewrapped = entity.GetString("SecretEnvelope") is { } envelope
                ? protector.Rewrap(envelope, context)
                : entity.GetBinary("Secret") is { } plain ? protector.Protect(plain, context) : null;
            if (rewrapped is not null && await ReplaceAsync(tenants, new TableEntity(entity.PartitionKey, entity.RowKey) { ["SecretEnvelope"] = rewrapped }, entity.ETag, cancellationToken))
            {
                changed++;
            }
        }

        return changed;
    }

    private static async Task<int> RewrapAsync(TableClient tenants, string partition, string property, Func<string, string> context, SecretProtector protector, CancellationToken cancellationToken)
    {
        var changed = 0;
        await foreach (var entity in tenants.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
        {
            if (entity.GetString(property) is { } stored && protector.Rewrap(stored, context(entity.RowKey)) is { } rewrapped)
            {
                entity[property] = rewrapped;
                if (await ReplaceAsync(tenants, entity, entity.ETag, cancellationToken))
                {
                    changed++;
                }
            }
        }

        return changed;
    }

    private static async Task<bool> ReplaceAsync(TableClient tenants, TableEntity entity, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await tenants.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // Changed since it was read (a new secret was set): written under the current key already.
            return false;
        }
    }
}
