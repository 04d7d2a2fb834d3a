using TakedownFn.Auth;
using TakedownFn.Storage.Tenants;

namespace TakedownFn.Tenants;

/// <summary>A key as issued: the secret is shown this once and stored only as its hash.</summary>
internal sealed record IssuedKey(string Key, string KeyId, string? TenantId, string Role);

/// <summary>Creates tenants and issues keys; used by the admin endpoints and the command line.</summary>
internal sealed class TenantAdministration(TenantStore tenants, TimeProvider time)
{
    public async Task<TenantRecord> CreateTenantAsync(string name, CancellationToken cancellationToken)
    {
        var tenant = new TenantRecord(TenantStore.NewTenantId(), name, time.GetUtcNow());
        await tenants.CreateTenantAsync(tenant, cancellationToken);
        return tenant;
    }

    /// <summary>Issues a key for a tenant (any role but admin) or, with no tenant, an admin key.</summary>
    public async Task<IssuedKey> IssueKeyAsync(string? tenantId, Role role, CancellationToken cancellationToken)
    {
        if ((role == Role.Admin) != (tenantId is null))
        {
            throw new ArgumentException("Admin keys belong to no tenant; every other key belongs to one.", nameof(role));
        }

        var key = ApiKeys.NewKey();
        var hash = ApiKeys.Hash(key);
        var record = new ApiKeyRecord(hash, hash[..12], tenantId, role.Name(), time.GetUtcNow());
        await tenants.AddKeyAsync(record, cancellationToken);
        return new IssuedKey(key, record.KeyId, tenantId, role.Name());
    }
}
