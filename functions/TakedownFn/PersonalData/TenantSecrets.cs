using System.Collections.Concurrent;
using TakedownFn.Storage.Tenants;

namespace TakedownFn.PersonalData;

/// <summary>
/// The tenants' commitment secrets (the ledger's, <see cref="TenantStore.GetOrCreateCommitmentSecretAsync"/>),
/// kept in memory for a few minutes so intake does not read one per request. Short-lived on purpose:
/// deleting a tenant's secret is how its commitments become unopenable, and an instance must stop
/// committing under a deleted secret soon after.
/// </summary>
internal sealed class TenantSecrets(TenantStore tenants, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, (byte[] Secret, DateTimeOffset ReadAt)> cache = new(StringComparer.Ordinal);

    public async Task<byte[]> GetAsync(string tenantId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (cache.TryGetValue(tenantId, out var entry) && now - entry.ReadAt < Lifetime)
        {
            return entry.Secret;
        }

        var secret = await tenants.GetOrCreateCommitmentSecretAsync(tenantId, cancellationToken);
        cache[tenantId] = (secret, now);
        return secret;
    }
}
