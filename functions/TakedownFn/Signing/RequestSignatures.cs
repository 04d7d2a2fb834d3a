using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TakedownFn.Auth;
using TakedownFn.Storage.Tenants;

namespace TakedownFn.Signing;

/// <summary>
/// Signed requests, for tenants that require them: <c>X-TakedownFn-Timestamp</c> (Unix seconds)
/// and <c>X-TakedownFn-Signature: sha256=&lt;hex&gt;</c>, the HMAC-SHA256 of
/// <c>{timestamp}.{body}</c> keyed with the tenant's signing secret (its UTF-8 bytes): the same
/// scheme the service signs its own webhooks with. Requests with a body (POST, PUT, PATCH) are
/// checked; reads are not, as they change nothing.
/// </summary>
/// <remarks>
/// A request is refused when the signature is missing or malformed, when its timestamp is more
/// than <see cref="Window"/> away from the service's clock, when the HMAC does not match (compared
/// in constant time), or when the same signature was accepted before (replay: each accepted
/// signature is stored). The 401's reason names which of these, never anything about the secret.
/// The setting is remembered for a minute per instance, like API keys.
/// </remarks>
internal sealed class RequestSignatures(RequestSigningStore store, TimeProvider time)
{
    public const string TimestampHeader = "X-TakedownFn-Timestamp";
    public const string SignatureHeader = "X-TakedownFn-Signature";

    /// <summary>How far a request's timestamp may be from the service's clock, either way.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private const int MaxBodyBytes = 8 * 1024 * 1024;
    private static readonly TimeSpan SettingLifetime = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (RequestSigningRecord? Setting, DateTimeOffset Until)> _settings = new(StringComparer.Ordinal);

    /// <summary>Null when the request may go on; otherwise why it is refused (for the 401).</summary>
    public async Task<string?> CheckAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) && !HttpMethods.IsPut(context.Request.Method) && !HttpMethods.IsPatch(context.Request.Method)
            || context.User.Identity?.IsAuthenticated != true
            || Caller.From(context.User).TenantId is not { } tenantId
            || await SettingAsync(tenantId, context.RequestAborted) is not { Required: true } setting)
        {
            return null;
        }

        var now = time.GetUtcNow();
        string timestampText = context.Request.Headers[TimestampHeader].ToString(), signatureText = context.Request.Headers[SignatureHeader].ToString();
        if (timestampText.Length == 0 || signatureText.Length == 0)
        {
            return $"This tenant requires signed requests: send {TimestampHeader} and {SignatureHeader}.";
        }

        if (!long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            || !signatureText.StartsWith("sha256=", StringComparison.Ordinal) || signatureText.Length != 7 + 64
            || signatureText.AsSpan(7).ContainsAnyExcept("0123456789abcdefABCDEF"))
        {
            return $"{TimestampHeader} must be Unix seconds and {SignatureHeader} sha256= followed by 64 hex digits.";
        }

        if (timestamp > DateTimeOffset.MaxValue.ToUnixTimeSeconds() || (DateTimeOffset.FromUnixTimeSeconds(timestamp) - now).Duration() > Window)
        {
            return $"{TimestampHeader} is more than {Window.TotalMinutes} minutes away from the service's clock.";
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return null; // Larger than any endpoint takes: the endpoint answers 413 and stores nothing.
        }

        context.Request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: MaxBodyBytes);
        var body = new MemoryStream();
        try
        {
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        }
        catch (IOException)
        {
            return "The body is too large to verify.";
        }

        context.Request.Body.Position = 0;

        byte[] signed = [.. Encoding.UTF8.GetBytes(timestampText + "."), .. body.ToArray()];
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(setting.Secret), signed);
        if (!CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(signatureText.AsSpan(7))))
        {
            return "The signature does not match the timestamp and body.";
        }

        var usableUntil = DateTimeOffset.FromUnixTimeSeconds(timestamp) + Window;
        return await store.TryUseAsync(tenantId, signatureText[7..].ToLowerInvariant(), usableUntil, context.RequestAborted)
            ? null
            : "This signature was used before: sign each request anew.";
    }

    /// <summary>Writes the 401 answer for a refused signature.</summary>
    public static async Task RejectAsync(HttpContext context, string reason)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status401Unauthorized, Title = "Signature required", Detail = reason },
        });
    }

    /// <summary>Forgets the remembered setting of a tenant (this instance changed it).</summary>
    public void Forget(string tenantId) => _settings.TryRemove(tenantId, out _);

    private async Task<RequestSigningRecord?> SettingAsync(string tenantId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_settings.TryGetValue(tenantId, out var hit) && hit.Until > now)
        {
            return hit.Setting;
        }

        var setting = await store.GetAsync(tenantId, cancellationToken);
        _settings[tenantId] = (setting, now + SettingLifetime);
        return setting;
    }
}

/// <summary>The standalone pipeline's step for <see cref="RequestSignatures"/>.</summary>
internal static class RequestSignatureMiddleware
{
    /// <summary>Checks signatures after authentication (the tenant decides whether they are required), before any endpoint runs.</summary>
    public static void UseRequestSignatures(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            if (await context.RequestServices.GetRequiredService<RequestSignatures>().CheckAsync(context) is { } refused)
            {
                await RequestSignatures.RejectAsync(context, refused);
                return;
            }

            await next(context);
        });
}
