using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using TakedownFn.Storage.Secrets;

namespace TakedownFn.Storage.Tenants;

/// <summary>A platform using the service.</summary>
/// <param name="TenantId">The id that prefixes all of the tenant's data.</param>
/// <param name="Name">A display name for operators (a platform's name, not a person's).</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record TenantRecord(string TenantId, string Name, DateTimeOffset CreatedAt);

/// <summary>An issued API key, known only by its hash.</summary>
/// <param name="KeyHash">SHA-256 of the key (the row key).</param>
/// <param name="KeyId">A short id to name the key in logs and steps (the hash's first 12 hex digits).</param>
/// <param name="TenantId">The tenant it acts for; null for service admins.</param>
/// <param name="Role">The role id.</param>
/// <param name="CreatedAt">When it was issued.</param>
/// <param name="ExpiresAt">When it stops working, if it was issued with an expiry.</param>
/// <param name="RevokedAt">When an admin revoked it.</param>
/// <param name="LastUsedAt">When it last authenticated a request (to the minute: see the key cache).</param>
public sealed record ApiKeyRecord(
    string KeyHash, string KeyId, string? TenantId, string Role, DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt = null, DateTimeOffset? RevokedAt = null, DateTimeOffset? LastUsedAt = null)
{
    /// <summary>True while the key may authenticate: not revoked and not expired at <paramref name="now"/>.</summary>
    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}

/// <summary>Tenants and their API key hashes, in the tenants table.</summary>
/// <remarks>
/// With a <see cref="SecretProtector"/> (the app always passes one) commitment secrets are kept
/// envelope-encrypted (<c>SecretEnvelope</c>); a secret stored plain before (<c>Secret</c>) is
/// still read, and <c>secrets rewrap</c> encrypts it.
/// </remarks>
public sealed class TenantStore(TableClient table, SecretProtector? protector = null)
{
    private const string TenantPartition = "tenant";
    private const string KeyPartition = "key";

    // Commitment secrets sit in their own partition, so no listing of tenants ever reads them.
    private const string SecretPartition = "secret";

    /// <summary>Bytes of a tenant's commitment secret: HMAC-SHA256 wants a key at least as long as its output.</summary>
    public const int CommitmentSecretLength = 32;

    /// <summary>A new tenant id: <c>t</c> and 16 random hex digits (key-safe, not guessable).</summary>
    public static string NewTenantId() => "t" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>Tenant ids are checked before they are used in any key.</summary>
    public static bool IsTenantId(string? value) => value is { Length: 17 } && value[0] == 't' && value[1..].All(char.IsAsciiHexDigitLower);

    /// <summary>Creates the tenant and its ledger commitment secret.</summary>
    public async Task CreateTenantAsync(TenantRecord tenant, CancellationToken cancellationToken = default)
    {
        await table.AddEntityAsync(new TableEntity(TenantPartition, tenant.TenantId) { ["Name"] = tenant.Name, ["CreatedAt"] = tenant.CreatedAt }, cancellationToken);
        await GetOrCreateCommitmentSecretAsync(tenant.TenantId, cancellationToken);
    }

    /// <summary>
    /// The tenant's secret for the ledger's commitments to personal fields (32 random bytes),
    /// created on first use for tenants that predate the ledger. Deleting it makes every
    /// commitment of the tenant unopenable: that is how personal data leaves an immutable log.
    /// </summary>
    public async Task<byte[]> GetOrCreateCommitmentSecretAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var existing = await table.GetEntityOrNullAsync(SecretPartition, tenantId, cancellationToken: cancellationToken);
            if (existing?.GetString("SecretEnvelope") is { } envelope)
            {
                return (protector ?? throw new InvalidOperationException("The commitment secret is encrypted and no key-encryption key is configured."))
                    .Unprotect(envelope, CommitmentSecretContext(tenantId));
            }

            if (existing?.GetBinary("Secret") is { Length: CommitmentSecretLength } secret)
            {
                return secret;
            }

            try
            {
                var created = RandomNumberGenerator.GetBytes(CommitmentSecretLength);
                var entity = protector is null
                    ? new TableEntity(SecretPartition, tenantId) { ["Secret"] = created }
                    : new TableEntity(SecretPartition, tenantId) { ["SecretEnvelope"] = protector.Protect(created, CommitmentSecretContext(tenantId)) };
                await table.AddEntityAsync(entity, cancellationToken);
                return created;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Another instance created it first: use that one (read again).
            }
        }
    }

    /// <summary>What a tenant's commitment secret is bound to when encrypted.</summary>
    public static string CommitmentSecretContext(string tenantId) => $"commitment|{tenantId}";

    public async Task<TenantRecord?> GetTenantAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        if (!IsTenantId(tenantId))
        {
            return null;
        }

        var entity = await table.GetEntityOrNullAsync(TenantPartition, tenantId, cancellationToken: cancellationToken);
        return entity is null ? null : ToTenant(entity);
    }

    public async Task<IReadOnlyList<TenantRecord>> ListTenantsAsync(CancellationToken cancellationToken = default)
    {
        var tenants = new List<TenantRecord>();
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {TenantPartition}"), cancellationToken: cancellationToken))
        {
            tenants.Add(ToTenant(entity));
        }

        return tenants;
    }

    public async Task AddKeyAsync(ApiKeyRecord key, CancellationToken cancellationToken = default) =>
        await table.AddEntityAsync(
            new TableEntity(KeyPartition, key.KeyHash)
            {
                ["KeyId"] = key.KeyId, ["TenantId"] = key.TenantId, ["Role"] = key.Role, ["CreatedAt"] = key.CreatedAt, ["ExpiresAt"] = key.ExpiresAt,
            },
            cancellationToken);

    public async Task<ApiKeyRecord?> FindKeyAsync(string keyHash, CancellationToken cancellationToken = default)
    {
        var entity = await table.GetEntityOrNullAsync(KeyPartition, keyHash, cancellationToken: cancellationToken);
        return entity is null ? null : ToKey(entity);
    }

    /// <summary>The tenant's keys (all of them, revoked and expired too), oldest first.</summary>
    public async Task<IReadOnlyList<ApiKeyRecord>> ListKeysAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var keys = new List<ApiKeyRecord>();
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {KeyPartition} and TenantId eq {tenantId}"), cancellationToken: cancellationToken))
        {
            keys.Add(ToKey(entity));
        }

        return keys.OrderBy(k => k.CreatedAt).ThenBy(k => k.KeyId, StringComparer.Ordinal).ToList();
    }

    /// <summary>Marks the key revoked (once: a second revocation keeps the first time). Null when the tenant has no such key.</summary>
    public async Task<ApiKeyRecord?> RevokeKeyAsync(string tenantId, string keyId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var key = (await ListKeysAsync(tenantId, cancellationToken)).SingleOrDefault(k => k.KeyId == keyId);
        if (key is null || key.RevokedAt is not null)
        {
            return key;
        }

        await table.UpdateEntityAsync(new TableEntity(KeyPartition, key.KeyHash) { ["RevokedAt"] = at }, ETag.All, TableUpdateMode.Merge, cancellationToken);
        return key with { RevokedAt = at };
    }

    /// <summary>Records that the key authenticated a request at <paramref name="at"/>.</summary>
    public async Task TouchKeyAsync(string keyHash, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        await table.UpdateEntityAsync(new TableEntity(KeyPartition, keyHash) { ["LastUsedAt"] = at }, ETag.All, TableUpdateMode.Merge, cancellationToken);

    private static ApiKeyRecord ToKey(TableEntity entity) => new(
        entity.RowKey,
        entity.GetString("KeyId")!,
        entity.GetString("TenantId"),
        entity.GetString("Role")!,
        entity.GetDateTimeOffset("CreatedAt")!.Value,
        entity.GetDateTimeOffset("ExpiresAt"),
        entity.GetDateTimeOffset("RevokedAt"),
        entity.GetDateTimeOffset("LastUsedAt"));

    private static TenantRecord ToTenant(TableEntity entity) =>
        new(entity.RowKey, entity.GetString("Name")!, entity.GetDateTimeOffset("CreatedAt")!.Value);
}
