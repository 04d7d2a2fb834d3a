using System.Collections.Concurrent;
using Azure;
using TakedownFn.Storage.Tenants;

namespace TakedownFn.Auth;

/// <summary>
/// Key look-ups against the tenants table, remembered for a minute so that a busy platform costs
/// one table read per key per minute, not one per request. Unknown, revoked and expired keys are
/// not remembered.
/// </summary>
/// <remarks>
/// Why a revoked or expired key answers 401 within one minute on every instance: an entry is
/// read from the table at most <see cref="Lifetime"/> before it is used, and the read happens
/// after the revocation is committed or not at all, so no instance trusts a revoked key longer
/// than that; an expiry is checked on every request against the remembered expiry, so it takes
/// effect to the second; the instance that revokes a key forgets it at once. Each refresh also
/// records the key's last use, so "last used" is accurate to that minute too.
/// </remarks>
internal sealed partial class CachedApiKeyStore(TenantStore tenants, TimeProvider time, ILogger<CachedApiKeyStore> logger) : IApiKeyStore
{
    /// <summary>How long a key read from the table is trusted without reading it again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (Caller Caller, DateTimeOffset? ExpiresAt, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    public async Task<Caller?> FindAsync(string keyHash, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(keyHash, out var hit) && hit.Until > now)
        {
            return hit.ExpiresAt is { } expires && expires <= now ? null : hit.Caller;
        }

        _cache.TryRemove(keyHash, out _);
        var record = await tenants.FindKeyAsync(keyHash, cancellationToken);
        if (record is null || !record.IsActiveAt(now) || !Roles.TryParse(record.Role, out var role))
        {
            return null;
        }

        var caller = new Caller(record.TenantId, role, record.KeyId);
        _cache[keyHash] = (caller, record.ExpiresAt, now + Lifetime);
        await TouchAsync(record, now, cancellationToken);
        return caller;
    }

    public void Forget(string keyHash) => _cache.TryRemove(keyHash, out _);

    private async Task TouchAsync(ApiKeyRecord record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await tenants.TouchKeyAsync(record.KeyHash, now, cancellationToken);
        }
        catch (RequestFailedException e)
        {
            // "Last used" is a convenience for admins; a request is not refused for it.
            LogTouchFailed(logger, e, record.KeyId);
        }
    }

    [LoggerMessage(EventId = 1400, Level = LogLevel.Warning, Message = "Recording the last use of key {KeyId} failed")]
    private static partial void LogTouchFailed(ILogger logger, Exception exception, string keyId);
}
