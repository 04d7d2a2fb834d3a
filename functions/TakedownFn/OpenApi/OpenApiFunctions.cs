using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;

namespace TakedownFn.OpenApi;

/// <summary><c>GET /api/openapi.json</c> under the Functions host; the document <see cref="OpenApiRegistration"/> generates.</summary>
internal sealed class OpenApiFunctions(OpenApiDocumentSource source)
{
    [Function("GetOpenApiDocument")]
    [AllowAnonymous]
    public async Task<IResult> GetOpenApiDocument([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request) =>
        Results.Text(await source.GetJsonAsync(), "application/json");
}
