using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TakedownFn.OpenApi;

/// <summary>Names the API and declares the <c>X-Api-Key</c> header every authorized endpoint requires.</summary>
internal sealed class ApiKeySchemeTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeId = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "TakedownFn API";
        document.Info.Description = "Notice-and-takedown compliance service. Errors are RFC 9457 problem details naming the field (JSON path).";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "X-Api-Key",
            Description = "A key issued by POST /api/tenants/{tenantId}/keys; its role decides what it may call.",
        };
        return Task.CompletedTask;
    }
}
