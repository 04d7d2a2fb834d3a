namespace TakedownFn.Auth;

/// <summary>Finds the caller an API key hash belongs to.</summary>
internal interface IApiKeyStore
{
    /// <summary>The caller for this key hash, or null when no such key was issued.</summary>
    Task<Caller?> FindAsync(string keyHash, CancellationToken cancellationToken);

    /// <summary>Stops trusting a remembered key at once (this instance revoked it).</summary>
    void Forget(string keyHash);
}
