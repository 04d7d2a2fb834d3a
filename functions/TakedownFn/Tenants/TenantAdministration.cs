using TakedownFn.Auth;
using TakedownFn.Storage.Tenants;

namespace TakedownFn.Tenants;

/// <summary>A key as issued: the secret is shown this once and stored only as its hash.</summary>
internal sealed record IssuedKey(string Key, string KeyId, string? TenantId, string Role, DateTimeOffset? ExpiresAt = null);

/// <summary>
/// Creates tenants, issues and revokes keys; used by the admin endpoints and the command line.
/// Each action an admin key takes on a tenant is also an event of the tenant's ledger
/// (<see cref="AdminAudit"/>); the operator's command line (no actor), which holds the storage
/// credentials anyway, records none.
/// </summary>
internal sealed class TenantAdministration(TenantStore tenants, AdminAudit audit, IApiKeyStore keys, TimeProvider time)
{
    public Task<TenantRecord> CreateTenantAsync(string name, CancellationToken cancellationToken) =>
        CreateTenantAsync(name, actor: null, cancellationToken);

    public async Task<TenantRecord> CreateTenantAsync(string name, string? actor, CancellationToken cancellationToken)
    {
        var tenant = new TenantRecord(TenantStore.NewTenantId(), name, time.GetUtcNow());
        await RecordAsync(tenant.TenantId, "tenant-created", tenant.TenantId, new { tenant.TenantId }, actor, cancellationToken);
        await tenants.CreateTenantAsync(tenant, cancellationToken);
        return tenant;
    }

    /// <summary>Issues a key for a tenant (any role but admin) or, with no tenant, an admin key.</summary>
    public Task<IssuedKey> IssueKeyAsync(string? tenantId, Role role, CancellationToken cancellationToken) =>
        IssueKeyAsync(tenantId, role, expiresAt: null, actor: null, cancellationToken);

    /// <summary>Issues a key that stops working at <paramref name="expiresAt"/> (never, when null).</summary>
    public async Task<IssuedKey> IssueKeyAsync(string? tenantId, Role role, DateTimeOffset? expiresAt, string? actor, CancellationToken cancellationToken)
    {
        if ((role == Role.Admin) != (tenantId is null))
        {
            throw new ArgumentException("Admin keys belong to no tenant; every other key belongs to one.", nameof(role));
        }

        var key = ApiKeys.NewKey();
        var hash = ApiKeys.Hash(key);
        var record = new ApiKeyRecord(hash, hash[..12], tenantId, role.Name(), time.GetUtcNow(), expiresAt);
        if (tenantId is not null)
        {
            await RecordAsync(tenantId, "key-issued", $"{tenantId}|{record.KeyId}", new { record.KeyId, record.Role, record.ExpiresAt }, actor, cancellationToken);
        }

        await tenants.AddKeyAsync(record, cancellationToken);
        return new IssuedKey(key, record.KeyId, tenantId, role.Name(), expiresAt);
    }

    /// <summary>
    /// Revokes a tenant's key: 401 on this instance at once, on every other within the key cache's
    /// lifetime (<see cref="CachedApiKeyStore.Lifetime"/>). Null when the tenant has no such key.
    /// </summary>
    public async Task<ApiKeyRecord?> RevokeKeyAsync(string tenantId, string keyId, string? actor, CancellationToken cancellationToken)
    {
        var key = (await tenants.ListKeysAsync(tenantId, cancellationToken)).SingleOrDefault(k => k.KeyId == keyId);
        if (key is null)
        {
            return null;
        }

        if (key.RevokedAt is null)
        {
            await RecordAsync(tenantId, "key-revoked", $"{tenantId}|{keyId}", new { key.KeyId, key.Role }, actor, cancellationToken);
            key = await tenants.RevokeKeyAsync(tenantId, keyId, time.GetUtcNow(), cancellationToken) ?? key;
        }

        keys.Forget(key.KeyHash);
        return key;
    }

    private Task RecordAsync(string tenantId, string action, string discriminator, object details, string? actor, CancellationToken cancellationToken) =>
        actor is null ? Task.CompletedTask : audit.RecordAsync(tenantId, action, discriminator, details, actor, cancellationToken);
}
