using Microsoft.AspNetCore.Http.HttpResults;
using TakedownFn.Auth;

namespace TakedownFn.Dashboard;

/// <summary>
/// The dashboard (<c>/dashboard/</c> standalone; <c>/api/dashboard/</c> on both hosts, since the
/// Functions host puts every HTTP function under host.json's <c>routePrefix</c> "api") and
/// <c>GET /api/me</c>, the "who am I" the dashboard signs in with. The page and its files are
/// anonymous (they hold no data); every figure is read from the API with the signed-in key.
/// </summary>
internal static class DashboardEndpoints
{
    public const string Path = "/dashboard";
    public const string ApiPath = "/api/dashboard";

    /// <summary>
    /// Only this origin: no CDN, no inline script, no other host, no framing. Chart.js sets canvas
    /// sizes through the CSSOM, which style-src does not govern.
    /// </summary>
    public const string ContentSecurityPolicy = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public static void MapDashboard(this WebApplication app)
    {
        app.MapGet(Path + "/{*path}", Serve).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(ApiPath + "/{*path}", Serve).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/api/me", Me).RequireAuthorization(Policies.AnyRole);
    }

    /// <summary>The dashboard's file at <paramref name="path"/>; the bare folder redirects to its trailing slash so relative URLs resolve.</summary>
    internal static IResult Serve(HttpContext context, string? path)
    {
        var requestPath = context.Request.Path.Value ?? string.Empty;
        if (string.IsNullOrEmpty(path) && !requestPath.EndsWith('/'))
        {
            return TypedResults.Redirect(requestPath + "/");
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        return DashboardAssets.Find(path) is { } asset
            ? TypedResults.Bytes(asset.Content, asset.ContentType)
            : TypedResults.NotFound();
    }

    /// <summary><c>GET /api/me</c>: the key's tenant and role, so a client can tell which views it may show.</summary>
    internal static Ok<MeView> Me(HttpContext context)
    {
        var caller = Caller.From(context.User);
        return TypedResults.Ok(new MeView(caller.TenantId, caller.Role.Name(), caller.KeyId));
    }
}

/// <summary>Who the calling key is: its tenant (null for an admin), role and key id.</summary>
internal sealed record MeView(string? TenantId, string Role, string KeyId);
