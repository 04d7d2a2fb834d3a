using Azure;
using Azure.Data.Tables;
using TakedownFn.Storage.Secrets;

namespace TakedownFn.Storage.Tenants;

/// <summary>A tenant's SLA override document as stored, and the version it declares.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="Version">The override's version (increases with every change).</param>
/// <param name="Document">The override document as accepted (JSON, no personal data).</param>
/// <param name="ETag">The row's ETag, for a conditional replace.</param>
public sealed record SlaOverrideRecord(string TenantId, int Version, string Document, ETag ETag);

/// <summary>Where a tenant wants SLA escalations posted, and the secret they are signed with.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="Url">The webhook URL.</param>
/// <param name="Secret">The HMAC-SHA256 key (base64url); shown once when set, kept for signing.</param>
public sealed record EscalationWebhookRecord(string TenantId, Uri Url, string Secret);

/// <summary>
/// Per-tenant settings in the tenants table, one partition per kind of setting (row key: tenant id):
/// the SLA override (<c>sla-override</c>) and the escalation webhook (<c>escalation-webhook</c>).
/// </summary>
/// <remarks>With a <see cref="SecretProtector"/> the webhook secret is kept envelope-encrypted.</remarks>
public sealed class TenantSettingsStore(TableClient table, SecretProtector? protector = null)
{
    private const string OverridePartition = "sla-override";
    private const string WebhookPartition = "escalation-webhook";

    public async Task<SlaOverrideRecord?> GetSlaOverrideAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var entity = await table.GetEntityOrNullAsync(OverridePartition, tenantId, cancellationToken: cancellationToken);
        return entity is null ? null : new SlaOverrideRecord(tenantId, entity.GetInt32("Version")!.Value, entity.GetString("Document")!, entity.ETag);
    }

    /// <summary>
    /// Stores a new override version: inserted when <paramref name="replacing"/> is null, else replaced
    /// only if the row is still the one read. False when someone else changed it first.
    /// </summary>
    public async Task<bool> SaveSlaOverrideAsync(string tenantId, int version, string document, SlaOverrideRecord? replacing, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(OverridePartition, tenantId) { ["Version"] = version, ["Document"] = document };
        try
        {
            if (replacing is null)
            {
                await table.AddEntityAsync(entity, cancellationToken);
            }
            else
            {
                await table.UpdateEntityAsync(entity, replacing.ETag, TableUpdateMode.Replace, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>What a tenant's webhook secret is bound to when encrypted.</summary>
    public static string WebhookSecretContext(string tenantId) => $"escalation-webhook|{tenantId}";

    public async Task<EscalationWebhookRecord?> GetEscalationWebhookAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var entity = await table.GetEntityOrNullAsync(WebhookPartition, tenantId, cancellationToken: cancellationToken);
        if (entity is null)
        {
            return null;
        }

        var secret = entity.GetString("Secret")!;
        return new EscalationWebhookRecord(tenantId, new Uri(entity.GetString("Url")!), protector?.UnprotectText(secret, WebhookSecretContext(tenantId)) ?? secret);
    }

    public async Task SaveEscalationWebhookAsync(EscalationWebhookRecord webhook, CancellationToken cancellationToken = default) =>
        await table.UpsertEntityAsync(
            new TableEntity(WebhookPartition, webhook.TenantId)
            {
                ["Url"] = webhook.Url.AbsoluteUri,
                ["Secret"] = protector?.Protect(webhook.Secret, WebhookSecretContext(webhook.TenantId)) ?? webhook.Secret,
            },
            TableUpdateMode.Replace,
            cancellationToken);
}
