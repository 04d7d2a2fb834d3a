using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;

namespace TakedownFn.OpenApi;

/// <summary>
/// <c>GET /api/openapi.json</c> and the reference UI at <c>/api/docs</c> under the Functions host: the
/// document and page <see cref="OpenApiDocumentSource"/> generates, and the UI's scripts from the
/// Scalar package's embedded files (<see cref="ScalarAssets"/>); nothing from a CDN.
/// </summary>
internal sealed class OpenApiFunctions(OpenApiDocumentSource source)
{
    [Function("GetOpenApiDocument")]
    [AllowAnonymous]
    public async Task<IResult> GetOpenApiDocument([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request) =>
        Results.Text(await source.GetJsonAsync(), "application/json");

    [Function("GetApiDocs")]
    [AllowAnonymous]
    public async Task<IResult> GetApiDocs([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "docs/{*path}")] HttpRequest request, string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            // The page loads its scripts relative to itself, so it is served at /api/docs/ (as the
            // standalone host's endpoint does).
            return request.Path.Value?.EndsWith('/') == true
                ? Results.Content(await source.GetDocsPageAsync(), "text/html; charset=utf-8")
                : Results.Redirect("docs/");
        }

        if (ScalarAssets.Find(path) is not { } asset)
        {
            return Results.NotFound();
        }

        request.HttpContext.Response.Headers.Vary = "Accept-Encoding";
        if (asset.Gzipped && request.GetTypedHeaders().AcceptEncoding.Any(e => e.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) && e.Quality is not 0))
        {
            request.HttpContext.Response.Headers.ContentEncoding = "gzip";
            return Results.Bytes(asset.Stored, asset.ContentType);
        }

        return Results.Bytes(asset.Plain, asset.ContentType);
    }
}
