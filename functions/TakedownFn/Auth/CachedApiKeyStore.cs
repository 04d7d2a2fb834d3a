using System.Collections.Concurrent;
using TakedownFn.Storage.Tenants;

namespace TakedownFn.Auth;

/// <summary>
/// Key look-ups against the tenants table, remembered for a minute so that a busy platform costs
/// one table read per key per minute, not one per request. Unknown keys are not remembered.
/// </summary>
internal sealed class CachedApiKeyStore(TenantStore tenants, TimeProvider time) : IApiKeyStore
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (Caller Caller, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    public async Task<Caller?> FindAsync(string keyHash, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(keyHash, out var hit) && hit.Until > now)
        {
            return hit.Caller;
        }

        var record = await tenants.FindKeyAsync(keyHash, cancellationToken);
        if (record is null || !Roles.TryParse(record.Role, out var role))
        {
            return null;
        }

        var caller = new Caller(record.TenantId, role, record.KeyId);
        _cache[keyHash] = (caller, now + Lifetime);
        return caller;
    }
}
