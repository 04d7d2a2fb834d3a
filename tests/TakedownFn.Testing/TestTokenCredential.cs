using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Azure.Core;

namespace TakedownFn.Testing;

/// <summary>
/// A token credential for tests: issues an (unsigned) Entra ID-shaped JWT for the storage scope
/// only, with the claims Azurite's <c>--oauth basic</c> checks (issuer, audience, not-before, expiry),
/// and records every scope it was asked for. A test can make it issue a token that must be refused.
/// </summary>
public sealed class TestTokenCredential(string audience = TestTokenCredential.StorageAudience, TimeSpan? lifetime = null) : TokenCredential
{
    public const string StorageScope = "https://storage.azure.com/.default";
    public const string StorageAudience = "https://storage.azure.com";

    private readonly ConcurrentQueue<string> _scopes = new();

    /// <summary>Every scope requested, in order.</summary>
    public IReadOnlyCollection<string> RequestedScopes => [.. _scopes];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        foreach (var scope in requestContext.Scopes)
        {
            _scopes.Enqueue(scope);
        }

        if (requestContext.Scopes is not [StorageScope])
        {
            throw new InvalidOperationException($"Only {StorageScope} is issued here, not {string.Join(' ', requestContext.Scopes)}.");
        }

        var now = DateTimeOffset.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromHours(1));
        var claims = new Dictionary<string, object>
        {
            ["aud"] = audience,
            ["iss"] = "https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/",
            ["iat"] = (expires < now ? expires.AddHours(-1) : now.AddMinutes(-5)).ToUnixTimeSeconds(),
            ["nbf"] = (expires < now ? expires.AddHours(-1) : now.AddMinutes(-5)).ToUnixTimeSeconds(),
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["oid"] = "00000000-0000-0000-0000-0000000000aa",
            ["tid"] = "72f988bf-86f1-41af-91ab-2d7cd011db47",
        };
        var token = $"{Encode(new { alg = "none", typ = "JWT" })}.{Encode(claims)}.";
        return new AccessToken(token, expires);
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));

    private static string Encode(object value) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)));
}
